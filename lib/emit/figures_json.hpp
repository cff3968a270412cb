// emit/figures_json — the long format from a document's contract JSON (the
// batch database writes its `figures` table from the JSON its workers return).
#pragma once

#include <budgetdoc/figures.hpp>

#include <nlohmann/json.hpp>

#include <vector>

namespace budgetdoc::emit {

std::vector<Figure> figures_of_json(const nlohmann::ordered_json& document);

}  // namespace budgetdoc::emit
