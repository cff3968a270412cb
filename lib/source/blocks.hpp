// source/blocks — split a page into blocks of tabular rows and line each block's
// cells up into columns (source/column_bands).  A block breaks at a title (a
// font size other than the body's), at a 单位/注/表号 line, at a page boundary,
// and at a wide vertical gap.  Text input already has columns (tab positions).
#pragma once

#include <budgetdoc/layout.hpp>

#include "source/column_bands.hpp"

#include <string>
#include <vector>

namespace budgetdoc::source {

// True for lines that end a table block (title, unit line, note, table label).
bool is_block_break(const Line& line, double body_font_size);

// The most common cell font size on a page (the table/body text size).
double body_font_size(const Page& page);

// Column bands of the last block of a page, for the next page's continuation.
struct ContinuationState {
    std::string header;              // header-row text of that block
    std::vector<ColumnBand> bands;
};

void assign_page_columns(Page& page, ContinuationState& state);
void assign_document_columns(std::vector<Page>& pages);

}  // namespace budgetdoc::source
