// recognize/measure_table — one row of figures under items crossed with measures
// (预算数 / 决算数), TableSpec::measures.
#pragma once

#include "recognize/table_locator.hpp"

#include <budgetdoc/records.hpp>

namespace budgetdoc::recognize {

// Reads `region` as the measures table `cs` into `out`: one row per printed item.
// False, leaving the region to the other readers, when its header crosses no
// item with a measure.
bool read_measures(const TableRegion& region, const CompiledSpec& cs, Document& doc, Table* out);

}  // namespace budgetdoc::recognize
