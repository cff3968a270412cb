#include "recognize/recognize.hpp"

namespace budgetdoc::recognize {

// Placeholder until the form grammar lands (issue: performance forms).
void read_forms(const std::vector<Page>&, Document&, bool) {}

}  // namespace budgetdoc::recognize
