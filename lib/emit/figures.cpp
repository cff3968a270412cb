// emit/figures — exact amounts, row kinds, form ↔ project rows and the long
// format (include/budgetdoc/figures.hpp).  No floating point anywhere.
#include <budgetdoc/extract.hpp>
#include <budgetdoc/figures.hpp>

#include "emit/figures_json.hpp"
#include "normalize/amount.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

namespace budgetdoc {
namespace {

using nlohmann::ordered_json;

std::string no_space(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') { ++i; continue; }
        if (s.compare(i, 3, "\xE3\x80\x80") == 0) { i += 3; continue; }  // U+3000
        out.push_back(s[i++]);
    }
    return out;
}

bool contains(const std::string& s, const char* what) { return s.find(what) != std::string::npos; }

bool ends_with(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// A numbered part: "1公务用车购置费", "2…" (one or two digits, then no digit and no 年:
// "2024年城区道路标志标线" is a project, not a part).
bool starts_with_digit(const std::string& s) {
    std::size_t n = 0;
    while (n < s.size() && is_digit(s[n])) ++n;
    return n >= 1 && n <= 2 && n < s.size() && s.compare(n, 3, "年") != 0;
}

// The row's label: the first printed of the label fields.
std::string label_of(const Record& r) {
    for (const char* f : {"name", "item", "unit", "dept_item", "gov_item"})
        if (auto v = r.get(f); v && !v->empty()) return *v;
    return "";
}

std::optional<int> level_of(const Text& code) {
    if (!code) return std::nullopt;
    const std::string c = no_space(*code);
    if (c.empty() || !std::all_of(c.begin(), c.end(), [](char x) { return x >= '0' && x <= '9'; })) return std::nullopt;
    if (c.size() == 3) return 1;
    if (c.size() == 5) return 2;
    if (c.size() == 7) return 3;
    return std::nullopt;
}

// An organisation's row in a 项目支出 table (the unit's or department's subtotal).
bool organisation_name(const std::string& name, const std::string& organisation) {
    if (name.empty()) return false;
    if (!organisation.empty() && no_space(name) == no_space(organisation)) return true;
    for (const char* s : {"局", "厅", "委员会", "委", "支队", "大队", "中心", "办公室", "院", "研究所", "站", "馆", "处",
                          "学校"})
        if (ends_with(name, s)) return true;
    return false;
}

bool is_project_table(const std::string& id) { return id == "project_current" || id == "project_carryover"; }

// Digits-only decimal shift: value × 10^shift, as (negative, integer, fraction).
struct Decimal {
    bool negative = false;
    std::string integer, fraction;
};

std::optional<Decimal> shifted(const std::string& value, int shift) {
    const auto p = normalize::parse_amount(value);
    if (p.kind != normalize::AmountParse::amount || p.value.percent) return std::nullopt;
    Decimal d{p.value.negative, p.value.integer, p.value.fraction};
    while (shift-- > 0) {
        d.integer.push_back(d.fraction.empty() ? '0' : d.fraction[0]);
        if (!d.fraction.empty()) d.fraction.erase(0, 1);
    }
    std::size_t i = 0;
    while (i + 1 < d.integer.size() && d.integer[i] == '0') ++i;
    d.integer.erase(0, i);
    if (d.integer.empty()) d.integer = "0";
    while (!d.fraction.empty() && d.fraction.back() == '0') d.fraction.pop_back();
    if (d.integer == "0" && d.fraction.empty()) d.negative = false;
    return d;
}

int unit_shift(const std::string& unit) {
    if (unit == "元") return 0;
    if (unit == "万元") return 4;
    return -1;
}

Record record_of(const ordered_json& row) {
    Record r;
    if (!row.is_object()) return r;
    for (auto it = row.begin(); it != row.end(); ++it) {
        if (it.key() == "pages" || it.key() == "level" || it.key() == "row_kind") continue;
        if (it.value().is_string()) r.fields.push_back({it.key(), it.value().get<std::string>()});
        else if (it.value().is_null()) r.fields.push_back({it.key(), std::nullopt});
    }
    return r;
}

const ordered_json& member(const ordered_json& obj, const char* key) {
    static const ordered_json null_value;
    if (!obj.is_object()) return null_value;
    auto it = obj.find(key);
    return it == obj.end() ? null_value : *it;
}

std::string str(const ordered_json& v) { return v.is_string() ? v.get<std::string>() : ""; }

std::optional<int> first_page(const ordered_json& obj) {
    const auto& p = member(obj, "pages");
    if (p.is_array() && !p.empty() && p[0].is_number_integer()) return p[0].get<int>();
    return std::nullopt;
}

void set_amount(Figure& f) {
    if (auto a = Amount::parse(f.printed, f.unit)) {
        f.amount_fen = a->fen();
        if (f.amount_fen) f.amount_yuan = a->yuan().value_or("");
    }
}

const std::set<std::string>& text_fields() {
    static const std::set<std::string> s = {"code", "name", "item", "unit", "dept_item", "gov_item", "group", "part_of"};
    return s;
}

bool amount_field(const std::string& table, const std::string& name, const std::string& value) {
    for (const auto& f : table_fields(table))
        if (f.name == name) return f.kind == FieldKind::amount;
    if (text_fields().count(name)) return false;
    return Amount::parse(value, "").has_value();  // an unknown key holding an amount
}

}  // namespace

// ---- Amount ----------------------------------------------------------------

std::optional<Amount> Amount::parse(const std::string& printed, const std::string& unit) {
    const auto p = normalize::parse_amount(printed);
    if (p.kind != normalize::AmountParse::amount || p.value.percent) return std::nullopt;
    return Amount{p.value.canonical(), unit};
}

std::optional<std::int64_t> Amount::fen() const {
    const int s = unit_shift(unit);
    if (s < 0) return std::nullopt;
    const auto d = shifted(value, s + 2);
    if (!d || !d->fraction.empty() || d->integer.size() > 18) return std::nullopt;
    std::int64_t v = 0;
    for (char c : d->integer) v = v * 10 + (c - '0');
    return d->negative ? -v : v;
}

std::optional<std::string> Amount::yuan() const {
    const int s = unit_shift(unit);
    if (s < 0) return std::nullopt;
    const auto d = shifted(value, s);
    if (!d) return std::nullopt;
    return (d->negative ? "-" : "") + d->integer + (d->fraction.empty() ? "" : "." + d->fraction);
}

// ---- rows --------------------------------------------------------------------

const char* row_kind_name(RowKind kind) {
    switch (kind) {
        case RowKind::total: return "total";
        case RowKind::subtotal: return "subtotal";
        case RowKind::detail: return "detail";
    }
    return "detail";
}

std::vector<RowClass> classify_rows(const std::string& table_id, const std::vector<Record>& rows,
                                    const std::string& organisation) {
    std::vector<RowClass> out(rows.size());
    std::set<std::string> parents;  // measures tables: items others are part of
    for (const auto& r : rows)
        if (auto p = r.get("part_of"); p && !p->empty()) parents.insert(no_space(*p));
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const Record& r = rows[i];
        RowClass& c = out[i];
        const std::string label = no_space(label_of(r));
        const auto code = r.get("code");
        c.level = level_of(code);
        if (contains(label, "小计")) {
            c.kind = RowKind::subtotal;
        } else if (contains(label, "合计") || contains(label, "总计")) {
            c.kind = RowKind::total;
            c.level.reset();
        } else if (c.level && *c.level < 3 && i + 1 < rows.size()) {
            const auto next = rows[i + 1].get("code");
            const std::string a = no_space(*code), b = next ? no_space(*next) : "";
            if (b.size() > a.size() && b.compare(0, a.size(), a) == 0) c.kind = RowKind::subtotal;
        } else if (!is_project_table(table_id) && !starts_with_digit(label) && i + 1 < rows.size() && !code &&
                   starts_with_digit(no_space(label_of(rows[i + 1])))) {
            c.kind = RowKind::subtotal;  // 公务用车购置及运行费 over 1公务用车购置费, 2…
        } else if (parents.count(label) && !label.empty()) {
            c.kind = RowKind::subtotal;
        } else if (table_id == "basic_by_economic" && r.get("dept_item") && !r.get("gov_item")) {
            c.kind = RowKind::subtotal;  // a 部门经济分类 类 heading (工资福利支出) over its 款
        } else if (is_project_table(table_id) && organisation_name(label_of(r), organisation)) {
            c.kind = RowKind::subtotal;
        }
    }
    return out;
}

std::vector<std::optional<RowRef>> form_project_rows(const Document& d) {
    std::vector<std::optional<RowRef>> out(d.performance_forms.size());
    std::set<std::pair<std::string, int>> used;
    const std::string org = d.unit.value_or("");
    for (std::size_t fi = 0; fi < d.performance_forms.size(); ++fi) {
        const Form& f = d.performance_forms[fi];
        if (!f.project) continue;
        const std::string unit = f.money_unit.empty() ? "元" : f.money_unit;
        std::optional<std::int64_t> fen;
        for (const Text* t : {&f.annual_funds.total, &f.period_funds.total})
            if (!fen && *t)
                if (auto a = Amount::parse(**t, unit)) fen = a->fen();
        if (!fen) continue;
        const std::string name = no_space(*f.project);
        for (const char* id : {"project_current", "project_carryover"}) {
            const Table* t = d.table(id);
            if (!t || out[fi]) continue;
            const auto classes = classify_rows(id, t->rows, org);
            for (std::size_t ri = 0; ri < t->rows.size(); ++ri) {
                const Record& r = t->rows[ri];
                if (classes[ri].kind == RowKind::total || used.count({id, static_cast<int>(ri)})) continue;
                const auto n = r.get("name");
                const auto total = r.get("total");
                if (!n || !total || no_space(*n) != name) continue;
                const auto a = Amount::parse(*total, t->unit);
                if (!a || a->fen() != fen) continue;
                out[fi] = RowRef{id, "", static_cast<int>(ri)};
                used.insert({id, static_cast<int>(ri)});
                break;
            }
        }
    }
    return out;
}

// ---- long format ---------------------------------------------------------------

namespace emit {

std::vector<Figure> figures_of_json(const ordered_json& doc) {
    std::vector<Figure> out;
    Figure base;
    base.document = str(member(member(doc, "source"), "file"));
    base.document_kind = str(member(doc, "kind"));
    base.scope = str(member(doc, "scope"));
    base.organisation = str(member(doc, "unit"));
    if (member(doc, "year").is_number_integer()) base.year = member(doc, "year").get<int>();
    const auto& tables = member(doc, "tables");
    if (tables.is_object())
        for (auto it = tables.begin(); it != tables.end(); ++it) {
            const auto& t = it.value();
            const std::string unit = str(member(t, "unit"));
            for (const char* side : {"rows", "income", "expenditure"}) {
                const auto& rows = member(t, side);
                if (!rows.is_array()) continue;
                std::vector<Record> records;
                for (const auto& r : rows) records.push_back(record_of(r));
                const auto classes = classify_rows(it.key(), records, base.organisation);
                for (std::size_t i = 0; i < rows.size(); ++i) {
                    const auto& row = rows[i];
                    if (!row.is_object()) continue;
                    for (auto f = row.begin(); f != row.end(); ++f) {
                        if (!f.value().is_string() || f.key() == "row_kind") continue;
                        const std::string value = f.value().get<std::string>();
                        if (!amount_field(it.key(), f.key(), value)) continue;
                        Figure g = base;
                        g.table = it.key();
                        g.title = str(member(t, "title"));
                        g.side = std::string(side) == "rows" ? "" : side;
                        g.row = static_cast<int>(i);
                        g.row_kind = row_kind_name(classes[i].kind);
                        g.level = classes[i].level;
                        g.code = records[i].get("code").value_or("");
                        g.label = label_of(records[i]);
                        g.field = f.key();
                        g.printed = value;
                        g.unit = unit;
                        g.page = first_page(row);
                        if (!g.page) g.page = first_page(t);
                        set_amount(g);
                        out.push_back(std::move(g));
                    }
                }
            }
        }
    const auto& forms = member(doc, "performance_forms");
    if (forms.is_array())
        for (std::size_t fi = 0; fi < forms.size(); ++fi) {
            const auto& form = forms[fi];
            const std::string project = str(member(form, "project"));
            std::string unit = str(member(form, "money_unit"));
            if (unit.empty()) unit = "元";
            for (const char* scope : {"period", "annual"}) {
                const auto& funds = member(member(form, "funds"), scope);
                if (!funds.is_object()) continue;
                for (auto f = funds.begin(); f != funds.end(); ++f) {
                    if (!f.value().is_string()) continue;
                    Figure g = base;
                    g.table = "performance_forms";
                    g.title = project;
                    g.row = static_cast<int>(fi);
                    g.label = project;
                    g.field = std::string(scope) + "." + f.key();
                    g.printed = f.value().get<std::string>();
                    g.unit = unit;
                    g.page = first_page(form);
                    set_amount(g);
                    out.push_back(std::move(g));
                }
            }
            const auto& inds = member(form, "indicators");
            if (inds.is_array())
                for (const auto& ind : inds) {
                    Figure g = base;
                    g.table = "indicators";
                    g.title = project;
                    g.row = static_cast<int>(fi);
                    const std::string l1 = str(member(ind, "level1")), l2 = str(member(ind, "level2"));
                    g.code = l1 + (l2.empty() ? "" : "/" + l2);
                    g.label = str(member(ind, "name"));
                    g.field = str(member(ind, "scope"));
                    g.printed = str(member(ind, "value"));
                    g.unit = str(member(ind, "unit"));
                    g.page = first_page(form);
                    out.push_back(std::move(g));
                }
        }
    return out;
}

}  // namespace emit

std::vector<Figure> figures(const Document& d) {
    return emit::figures_of_json(ordered_json::parse(to_json(d, false)));
}

Result<std::vector<Figure>> figures_from_json(const std::string& text, const std::string& name) {
    ordered_json j;
    try {
        j = ordered_json::parse(text);
    } catch (const std::exception& e) {
        return Error{ErrorCode::io_error, name, 0, std::string("not JSON: ") + e.what()};
    }
    if (!j.is_object() || !j.contains("tables"))
        return Error{ErrorCode::io_error, name, 0, "not a budgetdoc document (no \"tables\")"};
    return emit::figures_of_json(j);
}

const std::vector<std::string>& figure_columns() {
    static const std::vector<std::string> c = {
        "document", "document_kind", "scope", "organisation", "year", "table_id", "title", "side", "row_index",
        "row_kind", "level", "code", "label", "field", "printed", "amount_yuan", "amount_fen", "unit", "page"};
    return c;
}

std::vector<std::string> figure_cells(const Figure& f) {
    auto num = [](const auto& o) { return o ? std::to_string(*o) : std::string(); };
    return {f.document, f.document_kind, f.scope, f.organisation, num(f.year), f.table, f.title, f.side,
            std::to_string(f.row), f.row_kind, num(f.level), f.code, f.label, f.field, f.printed,
            f.amount_yuan, num(f.amount_fen), f.unit, num(f.page)};
}

}  // namespace budgetdoc
