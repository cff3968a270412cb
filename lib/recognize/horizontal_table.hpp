// recognize/horizontal_table — reading a table whose items are printed as
// column headers over one row of figures (the horizontal 三公 table); see the
// .cpp for the geometry rules and table_specs (HorizontalSpec) for the data.
#pragma once

#include "recognize/table_locator.hpp"
#include "recognize/table_specs.hpp"

#include <budgetdoc/layout.hpp>
#include <budgetdoc/records.hpp>

#include <vector>

namespace budgetdoc::recognize {

// Reads `grid` (one page's grid of `region`) as the horizontally printed table
// `hs` into `out`: the standard table first, then any table its other columns
// belong to.  False, with `out` untouched, when the grid is not printed so.
bool read_horizontal(const TableRegion& region, const std::vector<const Line*>& grid, const HorizontalSpec& hs,
                     Document& doc, std::vector<Table>& out);

}  // namespace budgetdoc::recognize
