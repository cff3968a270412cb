#include "validate/compare.hpp"

#include "normalize/text.hpp"

#include <cstdio>
#include <set>
#include <sstream>

namespace budgetdoc::validate {
namespace {

using nlohmann::json;

const std::set<std::string> kIgnored = {"pages", "source", "diagnostics"};
const char* const kSides[] = {"income", "expenditure"};

bool ignored(const std::string& key) { return kIgnored.count(key) != 0; }

// "-?\d+(\.\d+)?" after removing grouping commas → canonical decimal
// (leading zeros and trailing fraction zeros dropped, "-0" → "0").
std::optional<std::string> as_decimal(const std::string& t) {
    std::string u;
    u.reserve(t.size());
    for (char c : t)
        if (c != ',') u.push_back(c);
    std::size_t i = 0;
    bool negative = false;
    if (i < u.size() && u[i] == '-') negative = true, ++i;
    const std::size_t int_start = i;
    while (i < u.size() && u[i] >= '0' && u[i] <= '9') ++i;
    if (i == int_start) return std::nullopt;
    std::string integer = u.substr(int_start, i - int_start);
    std::string fraction;
    if (i < u.size()) {
        if (u[i] != '.') return std::nullopt;
        const std::size_t f_start = ++i;
        while (i < u.size() && u[i] >= '0' && u[i] <= '9') ++i;
        if (i == f_start || i != u.size()) return std::nullopt;
        fraction = u.substr(f_start);
    }
    integer.erase(0, integer.find_first_not_of('0'));
    if (integer.empty()) integer = "0";
    while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
    if (integer == "0" && fraction.empty()) negative = false;
    return (negative ? "-" : "") + integer + (fraction.empty() ? "" : "." + fraction);
}

std::optional<std::string> comparable_value(const json& v) {
    auto t = comparable_text(v);
    if (!t) return t;
    if (auto d = as_decimal(*t)) return "#" + *d;  // "#" keeps decimals apart from text
    return t;
}

std::string show(const json& v) {
    if (v.is_discarded()) return "(absent)";
    return v.dump(-1, ' ', false, json::error_handler_t::replace);
}

const json& member(const json& obj, const std::string& key) {
    static const json null_value;
    if (!obj.is_object()) return null_value;
    auto it = obj.find(key);
    return it == obj.end() ? null_value : *it;
}

std::optional<std::string> row_key(const json& row) {
    for (const char* k : {"code", "item", "name", "project", "dept_item", "unit"}) {
        const json& v = member(row, k);
        if (row.is_object() && row.contains(k) && !v.is_null()) return comparable_text(v);
    }
    return std::nullopt;
}

std::string key_label(const json& row) {
    for (const char* k : {"code", "item", "name", "project", "dept_item", "unit"}) {
        const json& v = member(row, k);
        if (v.is_string()) {
            // code rows read better with their name
            if (std::string(k) == "code" && member(row, "name").is_string())
                return v.get<std::string>() + " " + member(row, "name").get<std::string>();
            return v.get<std::string>();
        }
    }
    return "";
}

std::string at(const std::string& base, std::size_t index, const std::string& label) {
    std::string s = base + "[" + std::to_string(index) + "]";
    if (!label.empty()) s += " (" + label + ")";
    return s;
}

// Leaf values of an object as "a.b.c" → value, skipping ignored keys and `skip`.
void flatten(const json& obj, const std::string& prefix, const std::string& skip,
             std::vector<std::pair<std::string, json>>& out) {
    if (obj.is_object()) {
        for (auto it = obj.begin(); it != obj.end(); ++it) {
            if (ignored(it.key()) || it.key() == skip) continue;
            flatten(it.value(), prefix + it.key() + ".", skip, out);
        }
    } else {
        out.emplace_back(prefix.substr(0, prefix.size() - 1), obj);
    }
}

const json& path_value(const json& obj, const std::string& dotted) {
    static const json null_value;
    const json* cur = &obj;
    std::size_t start = 0;
    while (true) {
        const std::size_t dot = dotted.find('.', start);
        const std::string k = dotted.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
        if (!cur->is_object()) return null_value;
        auto it = cur->find(k);
        if (it == cur->end()) return null_value;
        cur = &*it;
        if (dot == std::string::npos) return *cur;
        start = dot + 1;
    }
}

Difference changed(std::string where, std::string field, const json& e, const json& a) {
    Difference d;
    d.kind = Difference::Kind::field_changed;
    d.where = std::move(where);
    d.field = std::move(field);
    d.expected = e;
    d.actual = a;
    return d;
}

Difference object_diff(Difference::Kind kind, std::string where, const json& e, const json& a) {
    Difference d;
    d.kind = kind;
    d.where = std::move(where);
    d.expected = e;
    d.actual = a;
    return d;
}

// Compare the listed rows (score.py's greedy in-order alignment).
void compare_rows(const json& exp_rows, const json& out_rows, const std::string& base, TableReport& rep) {
    const std::size_t n_out = out_rows.is_array() ? out_rows.size() : 0;
    std::vector<bool> used(n_out, false);
    std::size_t start = 0;
    std::size_t index = 0;
    const std::size_t n_exp = exp_rows.is_array() ? exp_rows.size() : 0;
    rep.rows_expected += n_exp;
    for (std::size_t i = 0; i < n_exp; ++i, ++index) {
        const json& er = exp_rows[i];
        std::vector<std::string> fields;
        if (er.is_object())
            for (auto it = er.begin(); it != er.end(); ++it)
                if (!ignored(it.key())) fields.push_back(it.key());
        rep.cells_total += fields.size();
        const auto key = row_key(er);
        std::optional<std::size_t> pick;
        for (int pass = 0; pass < 2 && !pick; ++pass)
            for (std::size_t j = pass == 0 ? start : 0; j < n_out; ++j)
                if (!used[j] && out_rows[j].is_object() && row_key(out_rows[j]) == key) {
                    pick = j;
                    break;
                }
        const std::string where = at(base, i, key_label(er));
        if (!pick) {
            rep.rows_missing++;
            rep.differences.push_back(object_diff(Difference::Kind::row_missing, where, er, json()));
            continue;
        }
        used[*pick] = true;
        start = *pick + 1;
        rep.rows_matched++;
        const json& orow = out_rows[*pick];
        for (const auto& f : fields) {
            if (same_value(member(er, f), member(orow, f))) {
                rep.cells_ok++;
            } else {
                std::string w = where;
                if (*pick != i) w += " ~ output[" + std::to_string(*pick) + "]";
                rep.differences.push_back(changed(w, f, member(er, f), member(orow, f)));
            }
        }
    }
    for (std::size_t j = 0; j < n_out; ++j)
        if (!used[j]) {
            rep.rows_extra++;
            rep.differences.push_back(object_diff(Difference::Kind::row_extra,
                                                  at(base + " output", j, key_label(out_rows[j])), json(),
                                                  out_rows[j]));
        }
}

bool two_sided(const json& t) {
    return t.is_object() && !t.contains("rows") && (t.contains("income") || t.contains("expenditure"));
}

TableReport compare_table(const std::string& id, const json& et, const json* ot) {
    TableReport rep;
    rep.id = id;
    rep.found = ot != nullptr;
    const json none;
    const json& out = ot ? *ot : none;
    const std::string base = "tables." + id;
    if (!ot) rep.differences.push_back(object_diff(Difference::Kind::table_missing, base, json(), json()));
    if (!et.is_object()) return rep;
    // Scalar (and nested) fields of the table itself: title, unit, no_data, …
    for (auto it = et.begin(); it != et.end(); ++it) {
        const std::string& k = it.key();
        if (ignored(k) || k == "rows" || k == "income" || k == "expenditure") continue;
        std::vector<std::pair<std::string, json>> leaves;
        flatten(it.value(), k + ".", "", leaves);
        for (const auto& [path, v] : leaves) {
            rep.cells_total++;
            const json& a = path_value(out, path);
            if (ot && same_value(v, a))
                rep.cells_ok++;
            else if (ot)
                rep.differences.push_back(changed(base, path, v, a));
        }
    }
    const bool e_two = two_sided(et);
    const bool o_two = two_sided(out);
    if (e_two) {
        for (const char* side : kSides) {
            if (!et.contains(side)) continue;
            compare_rows(et[side], o_two ? member(out, side) : json(), base + "." + side, rep);
        }
    } else {
        compare_rows(member(et, "rows"), o_two ? json() : member(out, "rows"), base + ".rows", rep);
    }
    return rep;
}

std::pair<std::optional<std::string>, std::optional<std::string>> form_key(const json& f) {
    const json& annual = member(member(f, "funds"), "annual");
    return {comparable_text(member(f, "project")), comparable_value(member(annual, "total"))};
}

using IndicatorTuple = std::vector<std::optional<std::string>>;

IndicatorTuple indicator_tuple(const json& i) {
    IndicatorTuple t;
    // nature/unit/weight: printed by some templates only; absent on both sides otherwise.
    for (const char* k : {"scope", "level1", "level2", "name", "value", "nature", "unit", "weight"})
        t.push_back(comparable_value(member(i, k)));
    return t;
}

std::string indicator_label(const json& i) {
    std::string s;
    for (const char* k : {"scope", "level1", "level2", "name", "value"}) {
        const json& v = member(i, k);
        if (!s.empty()) s += " / ";
        s += v.is_string() ? v.get<std::string>() : "-";
    }
    return s;
}

FormReport compare_form(std::size_t index, const json& ef, const json* of) {
    FormReport rep;
    const json& project = member(ef, "project");
    rep.project = project.is_string() ? project.get<std::string>() : "";
    rep.found = of != nullptr;
    const std::string where = at("performance_forms", index, rep.project);
    std::vector<std::pair<std::string, json>> leaves;
    flatten(ef, "", "indicators", leaves);
    rep.fields_total = leaves.size();
    const json& inds = member(ef, "indicators");
    rep.indicators_expected = inds.is_array() ? inds.size() : 0;
    if (!of) {
        rep.differences.push_back(object_diff(Difference::Kind::form_missing, where, ef, json()));
        return rep;
    }
    for (const auto& [path, v] : leaves) {
        const json& a = path_value(*of, path);
        if (same_value(v, a))
            rep.fields_ok++;
        else
            rep.differences.push_back(changed(where, path, v, a));
    }
    const json& oinds = member(*of, "indicators");
    std::vector<std::pair<IndicatorTuple, const json*>> pool;
    if (oinds.is_array())
        for (const auto& i : oinds)
            if (i.is_object()) pool.emplace_back(indicator_tuple(i), &i);
    rep.indicators_output = pool.size();
    if (inds.is_array())
        for (std::size_t k = 0; k < inds.size(); ++k) {
            const auto t = indicator_tuple(inds[k]);
            bool hit = false;
            for (auto it = pool.begin(); it != pool.end(); ++it)
                if (it->first == t) {
                    pool.erase(it);
                    hit = true;
                    break;
                }
            if (hit)
                rep.indicators_matched++;
            else
                rep.differences.push_back(object_diff(Difference::Kind::indicator_missing,
                                                      where + ".indicators[" + std::to_string(k) + "]", inds[k],
                                                      json()));
        }
    for (const auto& [t, j] : pool)
        rep.differences.push_back(
            object_diff(Difference::Kind::indicator_extra, where + ".indicators (output)", json(), *j));
    return rep;
}

bool is_error_doc(const json& d) {
    if (d.is_null() || !d.is_object()) return true;
    if (d.contains("error")) return true;
    const json& diags = member(d, "diagnostics");
    if (diags.is_array())
        for (const auto& x : diags)
            if (member(x, "severity") == "error") return true;
    return false;
}

std::string ratio(std::size_t a, std::size_t b) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f", b ? static_cast<double>(a) / static_cast<double>(b) : 1.0);
    return buf;
}

}  // namespace

std::optional<std::string> comparable_text(const json& v) {
    std::string s;
    if (v.is_null() || v.is_discarded()) return std::nullopt;
    if (v.is_string())
        s = v.get<std::string>();
    else if (v.is_boolean())
        s = v.get<bool>() ? "true" : "false";
    else
        s = v.dump(-1, ' ', false, json::error_handler_t::replace);
    s = normalize::strip_spaces(normalize::nfkc(s));
    if (s.empty()) return std::nullopt;
    return s;
}

bool same_value(const json& expected, const json& actual) {
    return comparable_value(expected) == comparable_value(actual);
}

const char* kind_name(Difference::Kind kind) {
    switch (kind) {
        case Difference::Kind::field_changed: return "field_changed";
        case Difference::Kind::row_missing: return "row_missing";
        case Difference::Kind::row_extra: return "row_extra";
        case Difference::Kind::table_missing: return "table_missing";
        case Difference::Kind::form_missing: return "form_missing";
        case Difference::Kind::form_extra: return "form_extra";
        case Difference::Kind::indicator_missing: return "indicator_missing";
        case Difference::Kind::indicator_extra: return "indicator_extra";
        case Difference::Kind::error_expected: return "error_expected";
        case Difference::Kind::document_missing: return "document_missing";
    }
    return "?";
}

std::string Difference::describe() const {
    using K = Kind;
    switch (kind) {
        case K::field_changed:
            return where + ": " + field + ": expected " + show(expected) + ", got " + show(actual);
        case K::row_missing: return where + ": row missing: " + show(expected);
        case K::row_extra: return where + ": extra row: " + show(actual);
        case K::table_missing: return where + ": table missing";
        case K::form_missing: return where + ": form missing";
        case K::form_extra: return where + ": extra form";
        case K::indicator_missing: return where + ": indicator missing: " + indicator_label(expected);
        case K::indicator_extra: return where + ": extra indicator: " + indicator_label(actual);
        case K::error_expected: return where + ": expected an error, got a document";
        case K::document_missing: return where + ": no output";
    }
    return where;
}

std::string TableReport::summary() const {
    std::ostringstream s;
    s << id << "  " << (found ? "found" : "MISSING") << "  cells " << ratio(cells_ok, cells_total) << "  rows "
      << rows_expected << " matched " << rows_matched << " missing " << rows_missing << " extra " << rows_extra;
    return s.str();
}

std::string FormReport::summary() const {
    std::ostringstream s;
    s << project << "  " << (found ? "found" : "MISSING") << "  fields " << fields_ok << "/" << fields_total
      << "  indicators " << indicators_matched << "/" << indicators_expected << " (output has "
      << indicators_output << ")";
    return s.str();
}

bool Comparison::tables_ok() const {
    for (const auto& t : tables)
        if (!t.ok()) return false;
    return true;
}

bool Comparison::forms_ok() const {
    for (const auto& f : forms)
        if (f.counts()) return false;
    return extra_forms.empty();
}

bool Comparison::ok() const { return document.empty() && tables_ok() && forms_ok(); }

std::vector<Difference> Comparison::all_differences() const {
    std::vector<Difference> out = document;
    for (const auto& t : tables) out.insert(out.end(), t.differences.begin(), t.differences.end());
    for (const auto& f : forms)
        if (!f.excused) out.insert(out.end(), f.differences.begin(), f.differences.end());
    out.insert(out.end(), extra_forms.begin(), extra_forms.end());
    return out;
}

std::size_t Comparison::difference_count() const { return all_differences().size(); }

std::string Comparison::report(bool verbose) const {
    std::ostringstream s;
    for (const auto& d : document) s << "  " << d.describe() << "\n";
    for (const auto& t : tables) {
        if (!verbose && t.ok()) continue;
        s << "  table " << t.summary() << "\n";
        for (const auto& d : t.differences) s << "    " << d.describe() << "\n";
    }
    for (const auto& f : forms) {
        if (!verbose && f.ok()) continue;
        s << "  form  " << f.summary() << (f.excused && !f.ok() ? "  (flagged lossy_source by the extractor: not counted)" : "") << "\n";
        for (const auto& d : f.differences) s << "    " << d.describe() << "\n";
    }
    for (const auto& d : extra_forms) s << "  " << d.describe() << "\n";
    return s.str();
}

Comparison compare_documents(const json& expected, const json& actual, const CompareOptions& options) {
    Comparison c;
    if (expected.is_object() && expected.contains("error")) {
        if (!is_error_doc(actual))
            c.document.push_back(object_diff(Difference::Kind::error_expected, "document", expected, json()));
        return c;
    }
    if (actual.is_null()) c.document.push_back(object_diff(Difference::Kind::document_missing, "document", json(), json()));
    const json none = json::object();
    const json& out = actual.is_object() ? actual : none;
    if (options.document_fields && expected.is_object()) {
        for (auto it = expected.begin(); it != expected.end(); ++it) {
            const std::string& k = it.key();
            if (ignored(k) || k == "tables" || k == "performance_forms" || k == "other_tables") continue;
            std::vector<std::pair<std::string, json>> leaves;
            flatten(it.value(), k + ".", "", leaves);
            for (const auto& [path, v] : leaves) {
                const json& a = path_value(out, path);
                if (!same_value(v, a)) c.document.push_back(changed("document", path, v, a));
            }
        }
    }
    if (options.tables) {
        const json& etabs = member(expected, "tables");
        const json& otabs = member(out, "tables");
        if (etabs.is_object())
            for (auto it = etabs.begin(); it != etabs.end(); ++it) {
                const json* ot = nullptr;
                if (otabs.is_object()) {
                    auto f = otabs.find(it.key());
                    if (f != otabs.end() && !f->is_null()) ot = &*f;
                }
                c.tables.push_back(compare_table(it.key(), it.value(), ot));
            }
    }
    if (options.forms) {
        const json& eforms = member(expected, "performance_forms");
        const json& oforms = member(out, "performance_forms");
        const std::size_t n_out = oforms.is_array() ? oforms.size() : 0;
        std::vector<bool> used(n_out, false);
        // Projects the extractor flagged: diagnostics {"code": "lossy_source",
        // "message": "form <project>: …"}.
        std::set<std::string> lossy;
        const json& diags = member(out, "diagnostics");
        if (diags.is_array())
            for (const auto& d : diags) {
                if (!d.is_object() || d.value("code", "") != "lossy_source") continue;
                const std::string m = d.value("message", "");
                const size_t colon = m.find(':');
                if (m.rfind("form ", 0) == 0 && colon != std::string::npos) lossy.insert(m.substr(5, colon - 5));
            }
        if (eforms.is_array())
            for (std::size_t i = 0; i < eforms.size(); ++i) {
                const json& ef = eforms[i];
                const auto key = form_key(ef);
                std::optional<std::size_t> pick;
                for (std::size_t j = 0; j < n_out && !pick; ++j)
                    if (!used[j] && oforms[j].is_object() && form_key(oforms[j]) == key) pick = j;
                for (std::size_t j = 0; j < n_out && !pick; ++j)
                    if (!used[j] && oforms[j].is_object() && comparable_text(member(oforms[j], "project")) == key.first)
                        pick = j;
                if (pick) used[*pick] = true;
                c.forms.push_back(compare_form(i, ef, pick ? &oforms[*pick] : nullptr));
                if (options.excuse_lossy_forms && pick) {
                    const json& p = member(oforms[*pick], "project");
                    c.forms.back().excused = p.is_string() && lossy.count(p.get<std::string>()) > 0;
                }
            }
        for (std::size_t j = 0; j < n_out; ++j)
            if (!used[j]) {
                const json& p = member(oforms[j], "project");
                c.extra_forms.push_back(object_diff(Difference::Kind::form_extra,
                                                    at("performance_forms output", j,
                                                       p.is_string() ? p.get<std::string>() : ""),
                                                    json(), oforms[j]));
            }
    }
    return c;
}

}  // namespace budgetdoc::validate
