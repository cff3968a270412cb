// dedupe/page_furniture — text that belongs to the sheet, not to the content:
// watermarks (仅供内部审核), running headers/footers and page numbers (- 5 -).
//
// PDF input: a word whose text repeats at the same place (±4 pt) on at least 3
// pages and 20 % of them is furniture when it is printed large (watermark,
// ≥ 1.5 × the body size) or sits in the top/bottom 8 % of the page (running
// header/footer); page-number patterns in those margins are furniture too.
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

void remove_pdf_furniture(std::vector<source::PdfPage>& pages, std::vector<Diagnostic>& diagnostics);
void remove_text_furniture(std::vector<Page>& pages, std::vector<Diagnostic>& diagnostics);

}  // namespace budgetdoc::dedupe
