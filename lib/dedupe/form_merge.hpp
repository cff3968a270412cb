// dedupe/form_merge — one record per real project: repeated form pages and
// partial fragments of the same form are merged; forms that share a name but
// differ in funds stay apart.  Each dropped duplicate gets a diagnostic
// (code "duplicate_fragment").
#pragma once

#include <budgetdoc/records.hpp>

#include <vector>

namespace budgetdoc::dedupe {

void merge_forms(Document& doc);

// The pieces, for tests.
// True when two fragments can be the same project: same name and nothing both
// print (funds, department, implementer, attribute, duration) disagrees.
bool same_project(const Form& a, const Form& b);
// Printed fields + indicators: the most complete copy wins text differences.
int completeness(const Form& f);
// One record from fragments of one project (most complete as base, gaps
// filled from the others, missing indicators inserted in printed order).
Form merge_fragments(const std::vector<const Form*>& parts);

}  // namespace budgetdoc::dedupe
