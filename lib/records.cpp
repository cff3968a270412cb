#include <budgetdoc/records.hpp>

#include "recognize/table_specs.hpp"

#include <algorithm>

namespace budgetdoc {

Text Record::get(const std::string& name) const {
    for (const auto& f : fields)
        if (f.name == name) return f.value;
    return std::nullopt;
}

bool Record::has(const std::string& name) const {
    for (const auto& f : fields)
        if (f.name == name) return true;
    return false;
}

void Record::set(const std::string& name, Text value) {
    for (auto& f : fields)
        if (f.name == name) {
            f.value = std::move(value);
            return;
        }
    fields.push_back({name, std::move(value)});
}

const Table* Document::table(const std::string& id) const {
    for (const auto& t : tables)
        if (t.id == id) return &t;
    return nullptr;
}

// Contract order, from the templates (each table's `order`).
const std::vector<std::string>& table_ids() {
    static const std::vector<std::string> ids = [] {
        std::vector<const recognize::TableSpec*> specs;
        for (const auto& t : recognize::table_specs()) specs.push_back(&t);
        std::stable_sort(specs.begin(), specs.end(),
                         [](const recognize::TableSpec* a, const recognize::TableSpec* b) { return a->order < b->order; });
        std::vector<std::string> out;
        for (const auto* t : specs) out.push_back(t->id);
        return out;
    }();
    return ids;
}

}  // namespace budgetdoc
