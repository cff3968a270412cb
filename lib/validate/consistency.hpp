// validate/consistency — do the extracted numbers add up?  Real disclosures
// have no expected JSON; their own arithmetic is the check.  Each failed check
// is a "sum_mismatch" warning in the diagnostics, naming table, row and page:
//   - within a row: total = sum of its parts (基本+项目; 一般公共预算+政府性基金+…);
//   - down the code hierarchy: a 3- or 5-digit 科目 = sum of its children, and
//     合计 = sum of the top-level codes;
//   - two-sided summaries: 收入总计 = 支出总计.
// Exact decimal arithmetic (normalize::Amount); blanks count as 0.
#pragma once

#include <budgetdoc/records.hpp>

namespace budgetdoc::validate {

struct ConsistencyReport {
    int checks = 0;
    int mismatches = 0;
};

ConsistencyReport check_consistency(Document& doc);

}  // namespace budgetdoc::validate
