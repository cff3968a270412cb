#include "dedupe/form_merge.hpp"

namespace budgetdoc::dedupe {

// Placeholder until the form work lands: keeps every fragment as read.
void merge_forms(Document&) {}

}  // namespace budgetdoc::dedupe
