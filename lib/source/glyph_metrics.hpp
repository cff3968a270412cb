// source/glyph_metrics — a word's font size from what every producer shares: the
// advance widths of its glyphs.
//
// Poppler sizes a word's box from its font's ascent and descent.  For most fonts
// that box is 1.0–1.45 × the font size, but Type 3 fonts (Chromium/Skia embeds
// CFF outlines as Type 3) and some fallback fonts report a font bounding box
// that makes the box 2–3 × the size: neighbouring printed lines then overlap
// and every later stage, which judges gaps and overlaps in font sizes, merges
// rows.  Glyph advances do not lie that way: an ideograph advances one em, a
// Latin digit about half of one.  So the size is measured from the word's width,
// and a box far taller (or shorter) than that size is resized about its baseline.
//
// Poppler places a box at [baseline - ascent·size, baseline - descent·size].  A
// wrong box comes from ascent and descent read on a wrong scale (font units of
// 2048 or 256 per em taken as 1000), which stretches the box about the baseline,
// not about its centre: an inflated Arial-metric figure and a deflated FangSong
// name printed on one line have centres a third of a line apart, but the same
// baseline, at the same fraction of each box.
#pragma once

#include <budgetdoc/layout.hpp>

#include <string>
#include <vector>

namespace budgetdoc::source {

struct GlyphTuning {
    // Box height over font size above which a box is inflated.  Normal fonts
    // stay below ~1.45; a width estimate from ideographs is within a few per
    // cent, one from Latin glyphs only within ~20 %, hence two thresholds.
    double inflated_ratio_cjk = 1.6;
    double inflated_ratio_latin = 1.9;
    // ... and below which it is deflated (some CIDFontType2 subsets report an
    // ascent near 0: a 16 pt line in a box 3 pt tall).
    double deflated_ratio = 0.6;
    // Height given to a corrected box, in font sizes: what the fonts of the
    // producers whose geometry the layout rules were first measured on report
    // (LibreOffice, WPS), so a corrected page reads like theirs.
    double corrected_height_em = 1.3;
    // Where the baseline lies in a box, as a fraction of its height from the
    // top: ascent / (ascent - descent), about 0.8 for text fonts (0.78 Arial,
    // 0.86 FangSong), and kept by a box stretched on a wrong scale.
    double baseline_fraction = 0.8;
};

// Advance of a UTF-8 string in ems, estimated per character class (ideographs
// and full-width forms 1, digits 0.55, narrow punctuation 0.3, other Latin
// 0.55), and how many of its characters are wide.
struct Advance {
    double ems = 0;
    int wide = 0;
    int chars = 0;
};
Advance estimate_advance(const std::string& utf8);

// The font size a word's glyph advances imply, or 0 when the text gives no basis
// (empty, or only spaces).
double size_from_advance(const Word& w);

// Resizes, about its centre, the box of every word whose box is far taller (or
// far shorter) than its glyph advances allow, and sets its font_size to the
// advance size.  Words are judged by box height (one font at one size): the
// size of a height is the median advance size of its mostly-ideograph words, or
// of all its words when it has none.  Words with plausible boxes are left
// exactly as they were.
void correct_inflated_boxes(std::vector<Word>& words, const GlyphTuning& tuning = {});

}  // namespace budgetdoc::source
