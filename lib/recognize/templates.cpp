#include "recognize/templates.hpp"
#include "recognize/form_grammar.hpp"

#include <re2/re2.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <set>

namespace budgetdoc::recognize {

// Defined in the generated builtin_templates.cpp (lib/CMakeLists.txt).
extern const std::vector<TemplateSource> kBuiltinTemplateSources;

namespace {

// Where in which file a node is, for errors.
struct Context {
    const std::string& file;
    [[noreturn]] void fail(const YAML::Node& at, const std::string& key, const std::string& what) const {
        const int line = at.Mark().line >= 0 ? at.Mark().line + 1 : 0;
        throw TemplateError(file + ":" + std::to_string(line) + ": " + key + ": " + what);
    }
};

void only_keys(const Context& cx, const YAML::Node& map, const std::string& where, const std::set<std::string>& allowed) {
    if (!map.IsMap()) cx.fail(map, where, "expected a mapping");
    for (const auto& kv : map) {
        const std::string k = kv.first.as<std::string>();
        if (!allowed.count(k)) cx.fail(kv.first, where + "." + k, "unknown key");
    }
}

std::string text(const Context& cx, const YAML::Node& map, const std::string& where, const std::string& key,
                 bool required = true) {
    const YAML::Node n = map[key];
    if (!n) {
        if (required) cx.fail(map, where + "." + key, "missing");
        return "";
    }
    if (!n.IsScalar()) cx.fail(n, where + "." + key, "expected text");
    return n.as<std::string>();
}

// An RE2 pattern, compiled once here so a bad one is an error at load time.
std::string pattern(const Context& cx, const YAML::Node& map, const std::string& where, const std::string& key,
                    bool required = true) {
    std::string p = text(cx, map, where, key, required);
    if (p.empty()) return p;
    RE2 re(p, RE2::Quiet);
    if (!re.ok()) cx.fail(map[key], where + "." + key, "bad pattern: " + re.error());
    return p;
}

std::vector<std::string> list(const Context& cx, const YAML::Node& map, const std::string& where,
                              const std::string& key, bool required = true) {
    std::vector<std::string> out;
    const YAML::Node n = map[key];
    if (!n) {
        if (required) cx.fail(map, where + "." + key, "missing");
        return out;
    }
    if (!n.IsSequence()) cx.fail(n, where + "." + key, "expected a list");
    for (const auto& e : n) {
        if (!e.IsScalar()) cx.fail(e, where + "." + key, "expected a list of text");
        out.push_back(e.as<std::string>());
    }
    return out;
}

bool flag(const Context& cx, const YAML::Node& map, const std::string& where, const std::string& key) {
    const YAML::Node n = map[key];
    if (!n) return false;
    try {
        return n.as<bool>();
    } catch (const YAML::Exception&) {
        cx.fail(n, where + "." + key, "expected true or false");
    }
}

Side side_of(const Context& cx, const YAML::Node& map, const std::string& where) {
    const std::string s = text(cx, map, where, "side", false);
    if (s.empty()) return Side::only;
    if (s == "income") return Side::income;
    if (s == "expenditure") return Side::expenditure;
    cx.fail(map["side"], where + ".side", "expected income or expenditure, not " + s);
}

ColumnSpec column(const Context& cx, const YAML::Node& n, const std::string& where) {
    only_keys(cx, n, where, {"field", "kind", "header", "side", "extra"});
    ColumnSpec c;
    c.field = text(cx, n, where, "field");
    const std::string kind = text(cx, n, where, "kind");
    if (kind == "text") c.kind = FieldKind::text;
    else if (kind == "code") c.kind = FieldKind::code;
    else if (kind == "amount") c.kind = FieldKind::amount;
    else cx.fail(n["kind"], where + ".kind", "expected text, code or amount, not " + kind);
    c.header = pattern(cx, n, where, "header");
    c.side = side_of(cx, n, where);
    c.extra = flag(cx, n, where, "extra");
    return c;
}

SumRule sum_rule(const Context& cx, const YAML::Node& n, const std::string& where, const TableSpec& t) {
    if (!n.IsMap() || n.size() != 1) cx.fail(n, where, "expected one of row, hierarchy, totals, part_of, spending_parts, lines");
    const std::string kind = n.begin()->first.as<std::string>();
    const YAML::Node body = n.begin()->second;
    const std::string at = where + "." + kind;
    auto known_field = [&](const std::string& f, const YAML::Node& node, const std::string& key) {
        for (const auto& c : t.columns)
            if (c.field == f) return;
        // A part a table of another region prints (reserve, carry_forward) may be
        // absent from this one's columns: allowed, it then adds nothing.
        static const std::set<std::string> shared = {"reserve", "carry_forward"};
        if (!shared.count(f)) cx.fail(node, key, "no column of " + t.id + " has the field " + f);
    };
    SumRule r;
    if (kind == "row") {
        r.kind = SumRule::Kind::row;
        only_keys(cx, body, at, {"side", "total", "parts", "groups", "optional_part"});
        r.side = side_of(cx, body, at);
        r.total = text(cx, body, at, "total");
        known_field(r.total, body["total"], at + ".total");
        r.parts = list(cx, body, at, "parts");
        for (const auto& p : r.parts) known_field(p, body["parts"], at + ".parts");
        r.optional_part = text(cx, body, at, "optional_part", false);
        if (const YAML::Node g = body["groups"]) {
            if (!g.IsMap()) cx.fail(g, at + ".groups", "expected a mapping of part to its breakdown");
            for (const auto& kv : g) {
                std::vector<std::string> breakdown;
                for (const auto& e : kv.second) breakdown.push_back(e.as<std::string>());
                r.groups.emplace_back(kv.first.as<std::string>(), breakdown);
            }
        }
    } else if (kind == "hierarchy") {
        r.kind = SumRule::Kind::hierarchy;
        only_keys(cx, body, at, {"fields", "label"});
        r.parts = list(cx, body, at, "fields");
        for (const auto& p : r.parts) known_field(p, body["fields"], at + ".fields");
        if (const std::string label = text(cx, body, at, "label", false); !label.empty()) r.label = label;
    } else if (kind == "totals") {
        r.kind = SumRule::Kind::totals;
        only_keys(cx, body, at, {"income", "expenditure", "field"});
        r.income_label = text(cx, body, at, "income");
        r.expenditure_label = text(cx, body, at, "expenditure");
        r.total = text(cx, body, at, "field");
    } else if (kind == "lines") {
        r.kind = SumRule::Kind::lines;
        only_keys(cx, body, at, {"side", "total", "parts", "fields"});
        r.side = side_of(cx, body, at);
        r.total = text(cx, body, at, "total");
        r.parts = list(cx, body, at, "parts");
        r.fields = list(cx, body, at, "fields");
        for (const auto& f : r.fields) known_field(f, body["fields"], at + ".fields");
        for (const std::string& pattern : std::vector<std::string>{r.total}) {
            RE2 re(pattern);
            if (!re.ok()) cx.fail(body["total"], at + ".total", "invalid pattern: " + re.error());
        }
        for (const auto& pattern : r.parts) {
            RE2 re(pattern);
            if (!re.ok()) cx.fail(body["parts"], at + ".parts", "invalid pattern: " + re.error());
        }
    } else if (kind == "part_of" && body.IsSequence()) {
        // part_of: [budget, actual] — the amount fields each row's parts add up in.
        r.kind = SumRule::Kind::part_of;
        for (size_t i = 0; i < body.size(); ++i) r.parts.push_back(body[i].as<std::string>());
    } else if (kind == "part_of" || kind == "spending_parts") {
        r.kind = kind == "part_of" ? SumRule::Kind::part_of : SumRule::Kind::spending_parts;
        if (r.kind == SumRule::Kind::part_of) r.parts = {"total"};
        try {
            if (!body.as<bool>()) cx.fail(body, at, "expected true");
        } catch (const YAML::Exception&) {
            cx.fail(body, at, "expected true");
        }
    } else {
        cx.fail(n, at, "unknown rule (row, hierarchy, totals, part_of, spending_parts, lines)");
    }
    return r;
}

TableSpec table(const Context& cx, const YAML::Node& n, const std::string& where) {
    only_keys(cx, n, where, {"id", "order", "title", "not_title", "shape", "columns", "sums", "groups", "total_label", "items"});
    TableSpec t;
    t.id = text(cx, n, where, "id");
    t.template_file = cx.file;
    try {
        t.order = n["order"] ? n["order"].as<int>() : 0;
    } catch (const YAML::Exception&) {
        cx.fail(n["order"], where + ".order", "expected a number");
    }
    if (t.order <= 0) cx.fail(n, where + ".order", "missing (a positive number: the contract's order)");
    // Title patterns are compiled with the free prefix the locator adds.
    t.title = pattern(cx, n, where, "title");
    t.not_title = pattern(cx, n, where, "not_title", false);
    const std::string shape = text(cx, n, where, "shape", false);
    if (shape.empty() || shape == "grid") t.two_sided = false;
    else if (shape == "two_sided") t.two_sided = true;
    else if (shape == "grouped") t.grouped = true;
    else if (shape == "measures") t.measures = true;
    else cx.fail(n["shape"], where + ".shape", "expected grid, two_sided, grouped or measures, not " + shape);
    if (const YAML::Node is = n["items"]) {
        if (!t.measures) cx.fail(is, where + ".items", "only a measures table has items");
        if (!is.IsSequence()) cx.fail(is, where + ".items", "expected a list");
        std::set<std::string> names;
        for (size_t i = 0; i < is.size(); ++i) {
            const std::string at = where + ".items[" + std::to_string(i) + "]";
            only_keys(cx, is[i], at, {"name", "label", "part_of"});
            TableSpec::MeasureItem m{text(cx, is[i], at, "name"), pattern(cx, is[i], at, "label"),
                                     text(cx, is[i], at, "part_of", false)};
            if (!m.part_of.empty() && !names.count(m.part_of))
                cx.fail(is[i]["part_of"], at + ".part_of", m.part_of + " is no item listed before it");
            names.insert(m.name);
            t.items.push_back(std::move(m));
        }
    } else if (t.measures) {
        cx.fail(n, where + ".items", "missing (a measures table's items)");
    }
    if (const YAML::Node gs = n["groups"]) {
        if (!t.grouped) cx.fail(gs, where + ".groups", "only a grouped table has groups");
        if (!gs.IsSequence()) cx.fail(gs, where + ".groups", "expected a list");
        for (size_t i = 0; i < gs.size(); ++i) {
            const std::string at = where + ".groups[" + std::to_string(i) + "]";
            only_keys(cx, gs[i], at, {"value", "heading"});
            t.groups.push_back({text(cx, gs[i], at, "value"), pattern(cx, gs[i], at, "heading")});
        }
    } else if (t.grouped) {
        cx.fail(n, where + ".groups", "missing (a grouped table's run headings)");
    }
    t.total_label = pattern(cx, n, where, "total_label", false);
    const YAML::Node cols = n["columns"];
    if (!cols || !cols.IsSequence() || cols.size() == 0) cx.fail(n, where + ".columns", "expected a list of columns");
    for (size_t i = 0; i < cols.size(); ++i) {
        t.columns.push_back(column(cx, cols[i], where + ".columns[" + std::to_string(i) + "]"));
        if (t.two_sided != (t.columns.back().side != Side::only))
            cx.fail(cols[i], where + ".columns[" + std::to_string(i) + "].side",
                    t.two_sided ? "a two-sided table's column needs a side" : "a grid table's column has no side");
    }
    if (const YAML::Node sums = n["sums"]) {
        if (!sums.IsSequence()) cx.fail(sums, where + ".sums", "expected a list");
        for (size_t i = 0; i < sums.size(); ++i)
            t.sums.push_back(sum_rule(cx, sums[i], where + ".sums[" + std::to_string(i) + "]", t));
    }
    return t;
}

TitleFamily family(const Context& cx, const YAML::Node& n, const std::string& where) {
    only_keys(cx, n, where, {"name", "title", "candidates"});
    TitleFamily f;
    f.name = text(cx, n, where, "name");
    f.title = pattern(cx, n, where, "title");
    const YAML::Node cands = n["candidates"];
    if (!cands || !cands.IsSequence()) cx.fail(n, where + ".candidates", "expected a list");
    for (size_t i = 0; i < cands.size(); ++i) {
        const std::string at = where + ".candidates[" + std::to_string(i) + "]";
        only_keys(cx, cands[i], at, {"table", "headers", "codes", "not_header"});
        TitleFamily::Candidate c;
        c.table = text(cx, cands[i], at, "table");
        if (const YAML::Node hs = cands[i]["headers"])
            for (const auto& set : hs) {
                std::vector<std::string> patterns;
                for (const auto& p : set) {
                    RE2 re(p.as<std::string>(), RE2::Quiet);
                    if (!re.ok()) cx.fail(p, at + ".headers", "bad pattern: " + re.error());
                    patterns.push_back(p.as<std::string>());
                }
                c.headers.push_back(patterns);
            }
        c.codes = pattern(cx, cands[i], at, "codes", false);
        c.not_header = pattern(cx, cands[i], at, "not_header", false);
        f.candidates.push_back(std::move(c));
    }
    return f;
}

HorizontalSpec horizontal(const Context& cx, const YAML::Node& n, const std::string& where) {
    only_keys(cx, n, where,
              {"table", "title", "items", "min_items", "total", "main", "main_total_item", "elsewhere", "year_blocks"});
    HorizontalSpec h;
    h.table = text(cx, n, where, "table");
    h.title = pattern(cx, n, where, "title");
    for (const auto& p : list(cx, n, where, "items")) {
        RE2 re(p, RE2::Quiet);
        if (!re.ok()) cx.fail(n["items"], where + ".items", "bad pattern: " + re.error());
        h.items.push_back(p);
    }
    if (n["min_items"]) h.min_items = n["min_items"].as<size_t>();
    h.total = pattern(cx, n, where, "total");
    h.main = pattern(cx, n, where, "main");
    h.main_total_item = text(cx, n, where, "main_total_item");
    if (const YAML::Node es = n["elsewhere"])
        for (size_t i = 0; i < es.size(); ++i) {
            const std::string at = where + ".elsewhere[" + std::to_string(i) + "]";
            only_keys(cx, es[i], at, {"header", "table", "label_field"});
            h.elsewhere.push_back({pattern(cx, es[i], at, "header"), text(cx, es[i], at, "table", false),
                                   text(cx, es[i], at, "label_field")});
        }
    if (const YAML::Node yb = n["year_blocks"]) {
        const std::string at = where + ".year_blocks";
        only_keys(cx, yb, at, {"heading", "previous_field"});
        h.year_heading = pattern(cx, yb, at, "heading");
        h.previous_year_field = text(cx, yb, at, "previous_field");
    }
    return h;
}


FormTemplate forms(const Context& cx, const YAML::Node& n) {
    only_keys(cx, n, "forms", {"title", "not_title", "labels", "list_columns"});
    FormTemplate f;
    f.title = pattern(cx, n, "forms", "title");
    f.not_title = pattern(cx, n, "forms", "not_title", false);
    // A list of {name_key: a name the reader knows, pattern_key: RE2}.
    auto named_patterns = [&](const char* key, const char* name_key, const char* pattern_key, auto known,
                              const char* what) {
        std::vector<std::pair<std::string, std::string>> out;
        const YAML::Node list = n[key];
        if (!list || !list.IsSequence()) cx.fail(n, std::string("forms.") + key, "expected a list");
        for (size_t i = 0; i < list.size(); ++i) {
            const std::string where = std::string("forms.") + key + "[" + std::to_string(i) + "]";
            only_keys(cx, list[i], where, {name_key, pattern_key});
            std::string name = text(cx, list[i], where, name_key);
            if (!known(name)) cx.fail(list[i][name_key], where + "." + name_key, std::string("unknown ") + what + " " + name);
            out.emplace_back(std::move(name), pattern(cx, list[i], where, pattern_key));
        }
        return out;
    };
    for (auto& [field, label] : named_patterns("labels", "field", "label",
                                               [](const std::string& x) { return form::field_named(x).has_value(); },
                                               "form field"))
        f.labels.push_back({field, label});
    for (auto& [column, header] : named_patterns("list_columns", "column", "header",
                                                 [](const std::string& x) { return form::list_column_named(x).has_value(); },
                                                 "list column"))
        f.list_columns.push_back({column, header});
    return f;
}

}  // namespace

Templates load_templates(const std::vector<TemplateSource>& sources) {
    Templates out;
    std::set<std::string> ids;
    for (const auto& src : sources) {
        const Context cx{src.name};
        YAML::Node root;
        try {
            root = YAML::Load(src.text);
        } catch (const YAML::Exception& e) {
            throw TemplateError(src.name + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg);
        }
        only_keys(cx, root, "(top)", {"patterns", "tables", "families", "horizontal", "forms"});
        if (const YAML::Node fm = root["forms"]) {
            if (!out.forms.template_file.empty()) cx.fail(fm, "forms", "described twice (also in " + out.forms.template_file + ")");
            out.forms = forms(cx, fm);
            out.forms.template_file = src.name;
        }
        if (const YAML::Node ts = root["tables"])
            for (size_t i = 0; i < ts.size(); ++i) {
                TableSpec t = table(cx, ts[i], "tables[" + std::to_string(i) + "]");
                if (!ids.insert(t.id).second) cx.fail(ts[i], "tables[" + std::to_string(i) + "].id", t.id + " is described twice");
                out.tables.push_back(std::move(t));
            }
        if (const YAML::Node fs = root["families"])
            for (size_t i = 0; i < fs.size(); ++i) out.families.push_back(family(cx, fs[i], "families[" + std::to_string(i) + "]"));
        if (const YAML::Node hs = root["horizontal"])
            for (size_t i = 0; i < hs.size(); ++i)
                out.horizontal.push_back(horizontal(cx, hs[i], "horizontal[" + std::to_string(i) + "]"));
    }
    // Candidates and horizontal tables name described tables.
    for (const auto& f : out.families)
        for (const auto& c : f.candidates)
            if (!ids.count(c.table)) throw TemplateError("family " + f.name + ": candidate " + c.table + " is no described table");
    for (const auto& h : out.horizontal)
        if (!ids.count(h.table)) throw TemplateError("horizontal table " + h.table + " is no described table");
    return out;
}

const std::vector<TemplateSource>& builtin_template_sources() { return kBuiltinTemplateSources; }

const Templates& builtin_templates() {
    static const Templates t = load_templates(kBuiltinTemplateSources);
    return t;
}

}  // namespace budgetdoc::recognize
