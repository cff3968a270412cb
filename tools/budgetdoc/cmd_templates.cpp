// budgetdoc templates [--json]: the tables budgetdoc reads, as the templates
// (templates/*.yaml, compiled in) describe them — fields, shapes and sum rules.
#include "commands.hpp"

#include "recognize/templates.hpp"

#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>

namespace budgetdoc::cli {
namespace {

using recognize::Side;
using recognize::SumRule;

const char* side_name(Side s) { return s == Side::income ? "income" : s == Side::expenditure ? "expenditure" : ""; }
const char* kind_name(recognize::FieldKind k) {
    return k == recognize::FieldKind::text ? "text" : k == recognize::FieldKind::code ? "code" : "amount";
}

std::string join(const std::vector<std::string>& v, const char* sep) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : sep) + x;
    return s;
}

// A rule as one line: "total = basic + project", "科目 hierarchy of total, basic".
std::string describe(const SumRule& r) {
    switch (r.kind) {
        case SumRule::Kind::row: {
            std::string s = std::string(r.side == Side::only ? "" : side_name(r.side)) + (r.side == Side::only ? "" : ": ");
            s += r.total + " = " + join(r.parts, " + ");
            if (!r.optional_part.empty()) s += " (+ " + r.optional_part + " where the rows add up with it)";
            for (const auto& [part, breakdown] : r.groups) s += "; " + part + " = " + join(breakdown, " + ") + " where printed";
            return s;
        }
        case SumRule::Kind::hierarchy:
            return "科目 = Σ its sub-items, 合计 (" + r.label + ") = Σ top 科目, for " + join(r.parts, ", ");
        case SumRule::Kind::totals:
            return r.income_label + " (amount) = " + r.expenditure_label + " (" + r.total + ")";
        case SumRule::Kind::part_of: return "each row = Σ rows whose part_of names it, for " + join(r.parts.empty() ? std::vector<std::string>{"total"} : r.parts, ", ");
        case SumRule::Kind::spending_parts: return "each part of a three-part table adds up to the 支出 小计";
        case SumRule::Kind::lines:
            return std::string(r.side == Side::only ? "" : side_name(r.side)) + (r.side == Side::only ? "" : ": ") + "line /" +
                   r.total + "/ = Σ lines above it matching " + join(r.parts, " | ") + ", for " + join(r.fields, ", ");
    }
    return "";
}

nlohmann::ordered_json as_json(const recognize::Templates& t) {
    nlohmann::ordered_json tables = nlohmann::ordered_json::array();
    std::vector<const recognize::TableSpec*> specs;
    for (const auto& s : t.tables) specs.push_back(&s);
    std::stable_sort(specs.begin(), specs.end(), [](auto* a, auto* b) { return a->order < b->order; });
    for (const auto* s : specs) {
        nlohmann::ordered_json cols = nlohmann::ordered_json::array();
        for (const auto& c : s->columns) {
            nlohmann::ordered_json cj{{"field", c.field}, {"kind", kind_name(c.kind)}, {"header", c.header}};
            if (c.side != Side::only) cj["side"] = side_name(c.side);
            if (c.extra) cj["extra"] = true;
            cols.push_back(cj);
        }
        nlohmann::ordered_json sums = nlohmann::ordered_json::array();
        for (const auto& r : s->sums) sums.push_back(describe(r));
        // Fields a shape adds to every row: the run's group, the item's part_of.
        if (s->grouped) cols.push_back({{"field", "group"}, {"kind", "text"}, {"header", "(the run's heading)"}});
        if (s->measures) cols.push_back({{"field", "part_of"}, {"kind", "text"}, {"header", "(the item it adds up to)"}});
        tables.push_back({{"id", s->id}, {"order", s->order}, {"template", s->template_file},
                          {"shape", s->two_sided ? "two_sided" : s->grouped ? "grouped" : s->measures ? "measures" : "grid"},
                          {"title", s->title},
                          {"not_title", s->not_title}, {"columns", cols}, {"sums", sums}});
    }
    nlohmann::ordered_json families = nlohmann::ordered_json::array();
    for (const auto& f : t.families) {
        nlohmann::ordered_json cands = nlohmann::ordered_json::array();
        for (const auto& c : f.candidates) cands.push_back(c.table);
        families.push_back({{"name", f.name}, {"title", f.title}, {"candidates", cands}});
    }
    nlohmann::ordered_json horizontal = nlohmann::ordered_json::array();
    for (const auto& h : t.horizontal) horizontal.push_back({{"table", h.table}, {"title", h.title}});
    nlohmann::ordered_json labels = nlohmann::ordered_json::array(), columns = nlohmann::ordered_json::array();
    for (const auto& l : t.forms.labels) labels.push_back({{"field", l.field}, {"label", l.pattern}});
    for (const auto& c : t.forms.list_columns) columns.push_back({{"column", c.column}, {"header", c.pattern}});
    nlohmann::ordered_json forms{{"template", t.forms.template_file}, {"title", t.forms.title},
                                 {"not_title", t.forms.not_title}, {"labels", labels}, {"list_columns", columns}};
    return {{"tables", tables}, {"families", families}, {"horizontal", horizontal}, {"forms", forms}};
}

}  // namespace

Runner add_templates(CLI::App& app) {
    auto json = std::make_shared<bool>(false);
    app.add_flag("--json", *json, "JSON for tools (tables with columns and sum rules, families, horizontal shapes, forms)");
    app.footer("The descriptions are templates/*.yaml in the source tree (format: templates/budget.yaml),\n"
               "compiled into the library.");
    return [json]() {
        const recognize::Templates* t = nullptr;
        try {
            t = &recognize::builtin_templates();
        } catch (const std::exception& e) {
            std::cerr << "budgetdoc: templates: " << e.what() << "\n";
            return exit_code(ErrorCode::internal);
        }
        const auto j = as_json(*t);
        if (*json) {
            std::cout << j.dump(2) << "\n";
            return 0;
        }
        for (const auto& table : j["tables"]) {
            std::cout << table["id"].get<std::string>() << "  (" << table["shape"].get<std::string>() << ", "
                      << table["template"].get<std::string>() << ")\n  fields:";
            std::string last_side;
            for (const auto& c : table["columns"]) {
                const std::string side = c.value("side", "");
                if (side != last_side) std::cout << "\n    " << side << ":";
                last_side = side;
                std::cout << " " << c["field"].get<std::string>() << (c.value("extra", false) ? "*" : "");
            }
            std::cout << "\n";
            for (const auto& s : table["sums"]) std::cout << "  sum: " << s.get<std::string>() << "\n";
        }
        std::cout << "(* extra key: emitted only where printed)\n";
        for (const auto& f : j["families"])
            std::cout << "family " << f["name"].get<std::string>() << " → " << f["candidates"].dump() << "\n";
        for (const auto& h : j["horizontal"]) std::cout << "horizontal shape of " << h["table"].get<std::string>() << "\n";
        const auto& forms = j["forms"];
        std::cout << "forms (" << forms["template"].get<std::string>() << "): title " << forms["title"].get<std::string>()
                  << "\n  one form per project, labels:";
        std::string last;
        for (const auto& l : forms["labels"]) {
            const std::string f = l["field"].get<std::string>();
            if (f != last) std::cout << " " << f;
            last = f;
        }
        std::cout << "\n  tables listing projects, columns:";
        last.clear();
        for (const auto& c : forms["list_columns"]) {
            const std::string col = c["column"].get<std::string>();
            if (col != last) std::cout << " " << col;
            last = col;
        }
        std::cout << "\n";
        return 0;
    };
}

}  // namespace budgetdoc::cli
