// dedupe/form_merge — one record per real project: repeated form pages and
// partial fragments of the same form are merged; forms that share a name but
// differ in funds stay apart.  Each dropped duplicate gets a diagnostic
// (code "duplicate_fragment").
#pragma once

#include <budgetdoc/records.hpp>

namespace budgetdoc::dedupe {

void merge_forms(Document& doc);

}  // namespace budgetdoc::dedupe
