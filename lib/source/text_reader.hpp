// source/text_reader — already-extracted text (one printed row per line, cells
// separated by tabs, as some PDF-to-text tools write it) → the same Page/Line/Cell
// model the PDF reader produces.  A cell's column is its tab position; boxes are
// synthetic (x = column × 100, y = line index × 10).  Markup the producing tool
// left behind (`#`/`##` heading marks, `<b>…</b>`) is removed.  A form feed
// starts a new page.
#pragma once

#include <budgetdoc/error.hpp>
#include <budgetdoc/layout.hpp>

#include <string>
#include <vector>

namespace budgetdoc::source {

// Errors: empty_file, unknown_layout (not UTF-8 text, or binary).
Result<std::vector<Page>> read_text(const std::string& bytes, const std::string& name);

}  // namespace budgetdoc::source
