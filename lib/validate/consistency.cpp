#include "validate/consistency.hpp"

#include "normalize/amount.hpp"
#include "recognize/table_specs.hpp"

#include <re2/re2.h>

#include <map>
#include <memory>
#include <set>

namespace budgetdoc::validate {
namespace {

using normalize::Amount;

Amount value_of(const Record& r, const std::string& field, bool* present = nullptr) {
    const Text t = r.get(field);
    if (present) *present = t.has_value();
    if (!t) return Amount{};
    auto p = normalize::parse_amount(*t);
    return p.kind == normalize::AmountParse::amount ? p.value : Amount{};
}

struct Checker {
    Document& doc;
    ConsistencyReport report;

    // Where a record sits in its table: side ("" for one-sided tables) and index.
    static std::pair<std::string, int> locate(const Table& t, const Record& r) {
        for (const auto& [side, list] : {std::pair<const char*, const std::vector<Record>*>{"", &t.rows},
                                         {"income", &t.income}, {"expenditure", &t.expenditure}})
            for (size_t i = 0; i < list->size(); ++i)
                if (&(*list)[i] == &r) return {side, static_cast<int>(i)};
        return {"", -1};
    }

    // `field` of row `r` should equal `sum`, the sum of `parts` (field names, or
    // the labels / codes of the rows added).
    void expect(const Amount& printed, const Amount& sum, const std::string& what, const Table& t,
                const Record& r, const std::string& field, const std::vector<std::string>& parts) {
        ++report.checks;
        if (printed.compare(sum) == 0) return;
        ++report.mismatches;
        // Printed figures are rounded one by one: a difference of at most one unit
        // of the last printed digit per part is rounding, not an extraction error.
        const int n = std::max<int>(2, static_cast<int>(parts.size()));
        Amount diff = printed;
        diff.negative = !diff.negative;
        diff = diff.plus(sum);
        diff.negative = false;
        Amount tolerance;
        tolerance.integer = "0";
        if (printed.fraction.empty()) tolerance.integer = std::to_string(n);
        else tolerance.fraction = std::string(printed.fraction.size() - 1, '0') + "1";
        if (!printed.fraction.empty()) {
            Amount per_part = tolerance;
            for (int i = 1; i < n; ++i) tolerance = tolerance.plus(per_part);
        }
        const bool rounding = diff.compare(tolerance) <= 0;
        Diagnostic d;
        d.severity = rounding ? "info" : "warning";
        d.code = rounding ? "rounding_difference" : "sum_mismatch";
        d.message = "table " + t.id + ": " + what + ": printed " + printed.canonical() + ", parts add up to " +
                    sum.canonical() + " (off by " + diff.canonical() + ")";
        d.pages = r.pages;
        d.page = r.pages.empty() ? 0 : r.pages.front();
        d.table = t.id;
        const auto [side, index] = locate(t, r);
        if (index >= 0) d.row = index;
        d.side = side;
        d.field = field;
        d.printed = printed.canonical();
        d.expected = sum.canonical();
        d.parts = parts;
        doc.diagnostics.push_back(std::move(d));
        if (!rounding) mismatched_tables.insert(t.id);
    }

    std::set<std::string> mismatched_tables;

    // total = sum(parts) on every row that prints a total.  `groups` names parts
    // that are themselves the sum of other listed parts (财政拨款收入 = 一般公共预算 +
    // 政府性基金 + 国有资本经营; 基本支出 = 人员经费 + 公用经费): on a row printing any
    // of its breakdown, the group's own figure is not added again.
    void row_sums(const Table& t, const std::vector<Record>& rows, const std::string& total,
                  const std::vector<std::string>& parts,
                  const std::map<std::string, std::vector<std::string>>& groups = {}) {
        for (const Record& r : rows) {
            bool has_total = false, any_part = false;
            const Amount printed = value_of(r, total, &has_total);
            if (!has_total) continue;
            std::vector<std::string> added;
            const Amount sum = part_sum(r, parts, groups, &any_part, &added);
            if (!any_part) continue;  // only the total printed: nothing to check
            std::string label = "?";
            for (const char* f : {"code", "name", "item", "dept_item", "gov_item", "unit"})
                if (r.get(f)) {
                    label = *r.get(f);
                    break;
                }
            expect(printed, sum, "row " + label + ": " + total, t, r, total, added);
        }
    }

    // Rows of a horizontally printed table that name the row they add up to
    // (part_of, README.md Output): 三公 合计 = 出国 + 公务用车 + 接待, 公务用车购置及
    // 运行费 = 购置费 + 运行费, 合计(“三公”经费、会议费、培训费) = 三公 合计 + 会议费 + 培训费.
    void part_of_sums(const Table& t, const std::vector<std::string>& fields) {
        for (const std::string& field : fields)
            for (const Record& whole : t.rows) {
                const Text item = whole.get("item");
                bool has_total = false;
                const Amount printed = value_of(whole, field, &has_total);
                if (!item || !has_total) continue;
                Amount sum;
                sum.integer = "0";
                std::vector<std::string> parts;
                for (const Record& r : t.rows) {
                    const Text of = r.get("part_of");
                    if (!of || *of != *item) continue;
                    parts.push_back(r.get("item").value_or(""));
                    sum = sum.plus(value_of(r, field));
                }
                if (parts.empty()) continue;
                expect(printed, sum, "row " + *item + ": " + field + " = its parts", t, whole, field, parts);
            }
    }

    // How many rows satisfy total = sum(parts) (a dry run of row_sums, no diagnostics).
    int fits(const std::vector<Record>& rows, const std::string& total, const std::vector<std::string>& parts,
             const std::map<std::string, std::vector<std::string>>& groups) const {
        int n = 0;
        for (const Record& r : rows) {
            bool has_total = false;
            const Amount printed = value_of(r, total, &has_total);
            if (has_total && printed.compare(part_sum(r, parts, groups)) == 0) ++n;
        }
        return n;
    }

    static Amount part_sum(const Record& r, const std::vector<std::string>& parts,
                           const std::map<std::string, std::vector<std::string>>& groups, bool* any_part = nullptr,
                           std::vector<std::string>* added = nullptr) {
        Amount sum;
        if (any_part) *any_part = false;
        for (const auto& p : parts) {
            auto g = groups.find(p);
            if (g != groups.end()) {
                bool broken_down = false;
                for (const auto& b : g->second) broken_down = broken_down || r.get(b).has_value();
                if (broken_down) continue;
            }
            bool present = false;
            sum = sum.plus(value_of(r, p, &present));
            if (any_part) *any_part = *any_part || present;
            if (added && present) added->push_back(p);
        }
        return sum;
    }

    // A coded row equals the sum of the rows whose code extends it by one level.
    // `label`: the field holding 合计 on the grand-total row.
    void code_hierarchy(const Table& t, const std::vector<std::string>& amount_fields,
                        const std::string& label = "name") {
        static const RE2 digits(R"(\d{3,})");
        std::vector<const Record*> coded;
        const Record* grand_total = nullptr;
        for (const Record& r : t.rows) {
            const Text code = r.get("code");
            if (code && RE2::FullMatch(*code, digits)) coded.push_back(&r);
            else if (!code && r.get(label).value_or("") == "合计") grand_total = &r;
        }
        // A code printed on several rows (the 部门 科目 split by 政府 科目, 烟台) is a
        // cross-table, no tree: its sums are not checked.
        std::map<std::string, int> times;
        for (const Record* r : coded) times[*r->get("code")]++;
        for (const std::string& f : amount_fields) {
            for (const Record* parent : coded) {
                const std::string pc = *parent->get("code");
                if (times[pc] > 1) continue;
                bool repeated_child = false;
                for (const Record* child : coded) {
                    const std::string cc = *child->get("code");
                    if (cc.size() == pc.size() + 2 && cc.compare(0, pc.size(), pc) == 0 && times[cc] > 1) repeated_child = true;
                }
                if (repeated_child) continue;
                Amount sum;
                std::vector<std::string> children;
                for (const Record* child : coded) {
                    const std::string cc = *child->get("code");
                    if (cc.size() == pc.size() + 2 && cc.compare(0, pc.size(), pc) == 0) {
                        sum = sum.plus(value_of(*child, f));
                        children.push_back(cc);
                    }
                }
                if (!children.empty())
                    expect(value_of(*parent, f), sum, "科目 " + pc + " " + f + " vs its sub-items", t, *parent, f, children);
            }
            if (grand_total && !coded.empty()) {
                const size_t top = coded.front()->get("code")->size();
                Amount sum;
                std::vector<std::string> tops;
                for (const Record* r : coded)
                    if (r->get("code")->size() == top) {
                        sum = sum.plus(value_of(*r, f));
                        tops.push_back(*r->get("code"));
                    }
                expect(value_of(*grand_total, f), sum, "合计 " + f + " vs top-level 科目", t, *grand_total, f, tops);
            }
        }
    }

    // Three-part 收支预算总表 (支出用途 printed beside 支出功能分类): each part's items
    // add up to the side's 当年支出小计 (or, without one, its 支出合计).
    void spending_parts(const Table& t) {
        static const RE2 subtotal(R"(小计)"), grand(R"(合计|总计)");
        const Record* total_row = nullptr;
        bool any_use = false;
        for (const Record& r : t.expenditure) {
            any_use = any_use || r.get("use_amount").has_value();
            const std::string item = r.get("item").value_or("");
            if (RE2::PartialMatch(item, subtotal) && r.get("total")) {
                total_row = &r;
                break;
            }
            if (!total_row && RE2::PartialMatch(item, grand) && r.get("total")) total_row = &r;
        }
        if (!any_use || !total_row) return;
        Amount functional, use;
        std::vector<std::string> nf, nu;
        for (const Record& r : t.expenditure) {
            if (&r == total_row) break;
            if (r.get("total")) {
                functional = functional.plus(value_of(r, "total"));
                nf.push_back(r.get("item").value_or(""));
            }
            if (r.get("use_amount")) {
                use = use.plus(value_of(r, "use_amount"));
                nu.push_back(r.get("use_item").value_or(""));
            }
        }
        const std::string label = total_row->get("item").value_or("");
        if (!nf.empty()) expect(value_of(*total_row, "total"), functional, label + " vs 功能分类 items", t, *total_row, "total", nf);
        if (!nu.empty()) expect(value_of(*total_row, "total"), use, label + " vs 支出用途 items", t, *total_row, "total", nu);
    }

    // A labelled line = Σ the labelled lines above it (SumRule::Kind::lines).
    void line_sums(const Table& t, const std::vector<Record>& rows, const std::string& total_pattern,
                   const std::vector<std::string>& part_patterns, const std::vector<std::string>& fields) {
        const RE2 total_re(total_pattern);
        std::vector<std::unique_ptr<RE2>> part_res;
        for (const auto& p : part_patterns) part_res.push_back(std::make_unique<RE2>(p));
        const auto label_of = [](const Record& r) { return r.get("item").value_or(r.get("name").value_or("")); };
        for (size_t i = 0; i < rows.size(); ++i) {
            if (!RE2::FullMatch(label_of(rows[i]), total_re)) continue;
            for (const std::string& field : fields) {
                bool has_total = false;
                const Amount printed = value_of(rows[i], field, &has_total);
                if (!has_total) continue;
                Amount sum;
                sum.integer = "0";
                std::vector<std::string> parts;
                bool any_part = false;
                for (size_t j = 0; j < i; ++j) {
                    const std::string label = label_of(rows[j]);
                    bool part = false;
                    for (const auto& re : part_res) part = part || RE2::FullMatch(label, *re);
                    if (!part) continue;
                    bool present = false;
                    sum = sum.plus(value_of(rows[j], field, &present));
                    if (present) {
                        any_part = true;
                        parts.push_back(label);
                    }
                }
                if (any_part) expect(printed, sum, label_of(rows[i]) + " " + field + " = its lines", t, rows[i], field, parts);
            }
            break;
        }
    }

    void two_sided_totals(const Table& t, const std::string& income_total, const std::string& expense_total,
                          const std::string& expense_field) {
        const Record *in = nullptr, *out = nullptr;
        for (const Record& r : t.income)
            if (r.get("item").value_or("") == income_total) in = &r;
        for (const Record& r : t.expenditure)
            if (r.get("item").value_or("") == expense_total) out = &r;
        if (in && out)
            expect(value_of(*in, "amount"), value_of(*out, expense_field), income_total + " vs " + expense_total, t, *in,
                   "amount", {expense_total});
    }
};

}  // namespace

// One wrong figure breaks every sum it is part of — its row, its parent 科目,
// the grand total — each off by the same amount.  Those sum_mismatch warnings of
// a table are folded into the first one (the checks run row sums before the
// hierarchy, so it is the most specific), which lists where else the same
// difference shows; differences of other amounts stay separate diagnostics.
void fold_same_difference(std::vector<Diagnostic>& diagnostics, size_t first_new) {
    std::map<std::pair<std::string, std::string>, size_t> kept;  // (table, difference) → index
    std::vector<bool> drop(diagnostics.size(), false);
    std::map<size_t, std::vector<std::string>> also;
    for (size_t i = first_new; i < diagnostics.size(); ++i) {
        const Diagnostic& d = diagnostics[i];
        if (d.code != "sum_mismatch" || !d.printed || !d.expected) continue;
        auto p = normalize::parse_amount(*d.printed), e = normalize::parse_amount(*d.expected);
        if (p.kind != normalize::AmountParse::amount || e.kind != normalize::AmountParse::amount) continue;
        Amount diff = p.value;
        diff.negative = !diff.negative;
        diff = diff.plus(e.value);
        diff.negative = false;
        const auto key = std::make_pair(d.table, diff.canonical());
        auto it = kept.find(key);
        if (it == kept.end()) {
            kept.emplace(key, i);
            continue;
        }
        drop[i] = true;
        std::string where = d.field;
        if (d.row) where = (d.side.empty() ? "row " : d.side + " row ") + std::to_string(*d.row) + " " + where;
        also[it->second].push_back(where);
    }
    for (auto& [i, places] : also) {
        std::string list;
        for (const auto& w : places) list += (list.empty() ? "" : "; ") + w;
        diagnostics[i].message += "; the same difference shows in " + std::to_string(places.size()) +
                                  " other sum(s) of this table (" + list + "): one figure likely explains them all";
    }
    size_t out = first_new;
    for (size_t i = first_new; i < diagnostics.size(); ++i)
        if (!drop[i]) {
            if (out != i) diagnostics[out] = std::move(diagnostics[i]);  // never a self-move
            ++out;
        }
    diagnostics.resize(out);
}

ConsistencyReport check_consistency(Document& doc) {
    const size_t first_new = doc.diagnostics.size();
    Checker c{doc, {}};
    const std::vector<Table> tables = doc.tables;  // diagnostics are appended to doc while we read
    // The rules are the tables' templates' `sums` (templates/*.yaml).
    for (const Table& t : tables) {
        if (t.no_data) continue;
        const recognize::TableSpec* spec = nullptr;
        for (const auto& s : recognize::table_specs())
            if (s.id == t.id) spec = &s;
        if (!spec) continue;
        for (const recognize::SumRule& rule : spec->sums) {
            using Kind = recognize::SumRule::Kind;
            const std::vector<Record>& rows = rule.side == recognize::Side::income        ? t.income
                                              : rule.side == recognize::Side::expenditure ? t.expenditure
                                                                                          : t.rows;
            const std::map<std::string, std::vector<std::string>> groups(rule.groups.begin(), rule.groups.end());
            switch (rule.kind) {
                case Kind::row: {
                    std::vector<std::string> parts = rule.parts;
                    if (!rule.optional_part.empty()) {
                        std::vector<std::string> with = parts;
                        with.push_back(rule.optional_part);
                        if (c.fits(rows, rule.total, with, groups) > c.fits(rows, rule.total, parts, groups))
                            parts = with;
                    }
                    c.row_sums(t, rows, rule.total, parts, groups);
                    break;
                }
                case Kind::hierarchy: c.code_hierarchy(t, rule.parts, rule.label); break;
                case Kind::totals: c.two_sided_totals(t, rule.income_label, rule.expenditure_label, rule.total); break;
                case Kind::part_of: c.part_of_sums(t, rule.parts.empty() ? std::vector<std::string>{"total"} : rule.parts); break;
                case Kind::spending_parts: c.spending_parts(t); break;
                case Kind::lines: c.line_sums(t, rows, rule.total, rule.parts, rule.fields); break;
            }
        }
    }
    fold_same_difference(doc.diagnostics, first_new);
    // A table whose figures do not add up is one the reader is not sure of: the
    // document may print wrong sums, or a figure may sit in the wrong column.
    for (Table& t : doc.tables)
        if (c.mismatched_tables.count(t.id)) {
            t.suspect = true;
            t.suspect_reasons.push_back("figures that do not add up (sum_mismatch diagnostics)");
        }
    return c.report;
}

}  // namespace budgetdoc::validate
