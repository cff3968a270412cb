// budgetdoc/layout.hpp — the page model every stage after `source` works on.
//
// A source (PDF via Poppler, or already-extracted tab-separated text) turns a file
// into Pages of Lines of Cells.  Later stages never see Poppler types: they see
// these.  Geometry is in PDF points, origin top-left, page rotation applied.
// For text input there is no geometry: a cell's `column` is its tab position and
// boxes are synthetic (x = column index, y = line index).
#pragma once

#include <string>
#include <vector>

namespace budgetdoc {

struct Box {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // left, top, right, bottom
    double width() const { return x1 - x0; }
    double height() const { return y1 - y0; }
    double center_x() const { return (x0 + x1) / 2; }
    double center_y() const { return (y0 + y1) / 2; }
};

// The smallest box holding both.
inline Box box_union(const Box& a, const Box& b) {
    return {a.x0 < b.x0 ? a.x0 : b.x0, a.y0 < b.y0 ? a.y0 : b.y0, a.x1 > b.x1 ? a.x1 : b.x1, a.y1 > b.y1 ? a.y1 : b.y1};
}

// One word as the PDF reader reports it (CJK runs come as one word).
struct Word {
    std::string text;  // UTF-8, as printed
    Box box;
    double font_size = 0;
    bool space_after = false;
};

// One table cell or one free-standing piece of text on a line.  A cell whose text
// wrapped over several printed lines is one Cell; `raw` keeps the printed pieces
// joined with '\n', `text` is normalized (NFKC, white-space rule of the contract).
struct Cell {
    std::string raw;
    std::string text;
    Box box;
    double font_size = 0;
    int column = -1;  // column band index once columns are assigned, else -1
    int span = 1;     // how many column bands the cell covers (merged header cells > 1)
};

// A printed row: cells left to right.  For table rows, wrapped cells are already
// merged into the row they belong to.
struct Line {
    int page = 0;  // 1-based
    Box box;
    std::vector<Cell> cells;
};

struct Page {
    int number = 0;  // 1-based
    double width = 0, height = 0;
    std::vector<Line> lines;
};

}  // namespace budgetdoc
