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

std::vector<FieldInfo> table_fields(const std::string& id) {
    std::vector<FieldInfo> out;
    for (const auto& t : recognize::table_specs()) {
        if (t.id != id) continue;
        auto add = [&](FieldInfo f) {
            for (const auto& o : out)
                if (o.name == f.name && o.side == f.side) return;
            out.push_back(std::move(f));
        };
        for (const auto& c : t.columns) {
            FieldInfo f;
            f.name = c.field;
            f.kind = c.kind == recognize::FieldKind::amount ? FieldKind::amount
                     : c.kind == recognize::FieldKind::code ? FieldKind::code
                                                            : FieldKind::text;
            f.side = c.side == recognize::Side::income ? "income" : c.side == recognize::Side::expenditure ? "expenditure" : "";
            f.extra = c.extra;
            add(std::move(f));
        }
        if (t.grouped) add({"group", FieldKind::text, "", false});
        if (t.measures) add({"part_of", FieldKind::text, "", false});
        break;
    }
    return out;
}

DiagnosticCode diagnostic_code(const Diagnostic& d) {
    static const std::pair<const char*, DiagnosticCode> kCodes[] = {
        {"sum_mismatch", DiagnosticCode::sum_mismatch},
        {"rounding_difference", DiagnosticCode::rounding_difference},
        {"bad_amount", DiagnosticCode::bad_amount},
        {"duplicate_fragment", DiagnosticCode::duplicate_fragment},
        {"duplicate_table", DiagnosticCode::duplicate_table},
        {"lossy_source", DiagnosticCode::lossy_source},
        {"no_tables", DiagnosticCode::no_tables},
        {"no_unit", DiagnosticCode::no_unit},
        {"unmapped_cell", DiagnosticCode::unmapped_cell},
        {"form_amount_mismatch", DiagnosticCode::form_amount_mismatch},
        {"form_name_mismatch", DiagnosticCode::form_name_mismatch},
        {"form_without_project", DiagnosticCode::form_without_project},
        {"project_without_form", DiagnosticCode::project_without_form},
        {"forms_for_some_projects", DiagnosticCode::forms_for_some_projects},
        {"table_not_read", DiagnosticCode::table_not_read},
    };
    for (const auto& [name, code] : kCodes)
        if (d.code == name) return code;
    return DiagnosticCode::other;
}

}  // namespace budgetdoc
