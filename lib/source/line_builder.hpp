// source/line_builder — words with boxes → printed rows of cells.
//
// 1. words sharing a baseline form a line; a line splits into cells where the
//    horizontal gap is wider than an inter-character gap (CJK has no spaces, so
//    the gap is judged against the font size, not against space characters);
// 2. a cell continued on the next printed line with tight leading (text that
//    wrapped inside one table cell) is merged back into one cell; so is a
//    two-line cell centred on its row with wider leading, its two lines alone on
//    their printed lines and the row's other cells between them;
// 3. cells whose vertical extents overlap form one row, so a wrapped name and the
//    vertically centred code and amounts beside it stay one row.
#pragma once

#include <budgetdoc/layout.hpp>

#include <vector>

namespace budgetdoc::source {

struct LayoutTuning {
    double cell_gap_em = 0.4;   // a horizontal gap wider than this (× font size) splits cells
    // Single ideographs at one even pitch with gaps in this range (× their
    // width) are one letter-spaced word
    double letter_space_min_em = 0.3;
    double letter_space_max_em = 3.5;
    double letter_space_pitch_tolerance = 0.1;
    double wrap_gap_em = 0.25;  // a vertical gap narrower than this continues a cell
    // ... and one narrower than this when another cell's line lies between the two
    // lines (a two-line cell centred on its row)
    double centred_wrap_gap_em = 1.0;
    // A line below printed more than loose_gap_em apart and wider by more than
    // wrap_wider_em than the line above does not continue it (text wraps only
    // when its line is full)
    double loose_gap_em = 0.05;
    // Wrapped text is printed at its font's leading, which each page shows in
    // its paragraphs and long wrapped cells (the smallest baseline pitch between
    // full lines starting at one x).  Once a page shows it, a line more than this
    // share further below does not continue the one above (tightly pitched rows
    // whose gap is as narrow as a wrap).
    double leading_tolerance = 0.08;
    int leading_min_glyphs = 8;  // a line this long (or longer) shows the leading
    double wrap_wider_em = 2.5;
    // Cells of one line this far apart (or more) are two columns: a cell above
    // spanning both is their heading, not text wrapping onto them.
    double heading_column_gap_em = 1.0;
    // ... and cells of one line at most this far apart are one run of columns
    // that a narrower cell centred above them heads (科目编码 over 类 | 款 | 项).
    double heading_run_gap_em = 4.0;
    // A word that touches the one before it still starts a new cell when cells
    // of at least this many printed lines start at its left edge (a column edge)
    int column_edge_min_lines = 3;
    // ... between ideographs, or across a gap wider than this (× font size; the
    // space a font switch leaves between a digit and an ideograph is narrower)
    double edge_gap_em = 0.3;
};

std::vector<Line> build_lines(const std::vector<Word>& words, int page_number,
                              const LayoutTuning& tuning = {});

}  // namespace budgetdoc::source
