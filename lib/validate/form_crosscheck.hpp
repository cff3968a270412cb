// validate/form_crosscheck — the performance forms against the project table
// 项目支出预算表（本年预算） (project_current, amounts in 万元 while forms are in
// 元).  A project row without a form ("project_without_form") and a form
// without a row ("form_without_project") are warnings, never errors.
#pragma once

#include <budgetdoc/records.hpp>

namespace budgetdoc::validate {

// Appends diagnostics to doc.diagnostics; changes nothing else.  Does nothing
// when the document has no forms or no project_current table.
void crosscheck_forms(Document& doc);

}  // namespace budgetdoc::validate
