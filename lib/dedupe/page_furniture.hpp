// dedupe/page_furniture — text that belongs to the sheet, not to the content:
// watermarks (仅供内部审核), running headers/footers and page numbers (- 5 -).
//
// PDF input: a word whose text repeats at the same place (±8 pt) on at least 3
// pages and 20 % of them is furniture
//  - as a watermark when it is printed large (≥ 1.5 × the body size) across
//    the content and stands alone (one glyph of a slanted watermark, a known
//    watermark phrase, or the only word on its line): a large word sharing its
//    line is a table's header cell;
//  - as a running header/footer when it is not larger than the body (a long
//    table's title repeated on every page is) and sits in the top/bottom 8 % of
//    the page, or on the page's outermost line within the top/bottom 15 %;
// page-number patterns (- 5 -, 第 5 页, 5/12, 5) in the top/bottom 15 % are too.
// Text input has no geometry: whole lines reading like a watermark phrase
// (仅供内部审核, 内部资料, 草稿, 征求意见稿…) are dropped.
// What is removed is reported once per distinct text in the diagnostics.
#pragma once

#include <budgetdoc/layout.hpp>
#include <budgetdoc/records.hpp>

#include <vector>

namespace budgetdoc::source {
struct PdfPage;
}

namespace budgetdoc::dedupe {

struct FurnitureTuning {
    double position_step = 8;        // points: positions compared in steps this wide (±1 step)
    size_t min_pages = 3;            // repeated on at least this many pages...
    double min_page_share = 0.2;     // ... and this share of all pages
    double margin_share = 0.08;      // top/bottom margin where repeated small text is furniture
    double outer_band_share = 0.15;  // band where page numbers and outermost running lines sit
    double watermark_bottom_share = 0.1;
    double watermark_min_size = 1.5;  // × body font size
    double running_max_size = 1.25;   // × body font size
    double line_step = 2;             // points: word centres this close share a line
    double same_line_share = 0.5;     // × box height: how close to the outermost line's centre
    // A word beside this many others on its line (boxes overlapping vertically
    // by `row_overlap_share` of the lower one) is in a table row — a header
    // repeated on every page of a long table — never a running header.
    size_t table_row_neighbours = 3;
    double row_overlap_share = 0.3;
};

void remove_pdf_furniture(std::vector<source::PdfPage>& pages, std::vector<Diagnostic>& diagnostics,
                          const FurnitureTuning& tuning = {});
void remove_text_furniture(std::vector<Page>& pages, std::vector<Diagnostic>& diagnostics);

}  // namespace budgetdoc::dedupe
