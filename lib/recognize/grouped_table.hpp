// recognize/grouped_table — tables printed as side-by-side runs of the same
// columns, each run under a group heading (TableSpec::grouped).
#pragma once

#include "recognize/table_locator.hpp"

#include <budgetdoc/records.hpp>

namespace budgetdoc::recognize {

// Reads `region` as the grouped table `cs` into `out` (rows run by run, each
// with `group`).  False, leaving the region to the other readers, when its
// header does not show the runs.
bool read_grouped(const TableRegion& region, const CompiledSpec& cs, Document& doc, Table* out);

}  // namespace budgetdoc::recognize
