// source/column_bands — line the cells of a table block up into columns.
//
// Bands are built from the body rows first (rows holding an amount or a code):
// their cells overlap column by column; a thin bridge of coverage between two
// well-covered regions (a merged 合计 cell across 编码 and 名称) does not join
// them; two text bands under one header cell that never share a row (names flush
// left, 合计 centred) are one column.  Header and other rows then join the band
// they overlap most, bottom header row first (leaf headers sit lowest); a header
// over no band joins the flush-left or flush-right band it is centred over, and
// cells over a column no body row uses (an all-empty 政府性基金 column) found new
// bands.  Cells keep their
// band index in Cell::column and how many bands they cover in Cell::span.
#pragma once

#include <budgetdoc/layout.hpp>

#include <vector>

namespace budgetdoc::source {

struct ColumnBand {
    double x0 = 0, x1 = 0;
    bool right_aligned = false;  // printed flush right (amounts; the cells share their right edge)
    bool from_body = false;      // found by body cells (not only by a header)
};

// Assign columns to every cell of `rows` (one table block, possibly several
// pages).  Returns the bands left to right.
std::vector<ColumnBand> assign_columns(std::vector<Line*>& rows);

// Reuse bands found elsewhere (a continuation page without its own header).
void assign_to_bands(std::vector<Line*>& rows, std::vector<ColumnBand>& bands);

// True for a row that defines columns: it holds an amount or a 科目编码.
bool is_body_like(const Line& row);

}  // namespace budgetdoc::source
