#include "validate/form_crosscheck.hpp"

#include "normalize/amount.hpp"
#include "normalize/text.hpp"
#include "recognize/patterns.hpp"

#include <cmath>
#include <optional>
#include <string>
#include <vector>

namespace budgetdoc::validate {
namespace {

std::u32string code_points(const std::string& s) {
    std::u32string out;
    for (size_t i = 0; i < s.size();) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        char32_t cp = n == 1 ? c : c & (0xFF >> (n + 1));
        for (int k = 1; k < n && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        out.push_back(cp);
        i += n;
    }
    return out;
}

// Names that differ by one printed character ("网格" / "网络") or where one
// contains the other.
bool similar(const std::string& a, const std::string& b) {
    if (a.find(b) != std::string::npos || b.find(a) != std::string::npos) return true;
    const auto x = code_points(a), y = code_points(b);
    if (x.size() != y.size()) return false;
    int diff = 0;
    for (size_t i = 0; i < x.size(); ++i) diff += x[i] != y[i];
    return diff <= 1;
}

struct Amount {
    double value = 0;
    double half_unit = 0;  // half of the last printed digit (rounding)
};

std::optional<Amount> amount(const Text& t, double factor) {
    if (!t) return std::nullopt;
    auto p = normalize::parse_amount(*t);
    if (p.kind != normalize::AmountParse::amount) return std::nullopt;
    Amount a;
    a.value = std::stod(p.value.canonical()) * factor;
    a.half_unit = 0.5 * std::pow(10.0, -static_cast<double>(p.value.fraction.size())) * factor;
    return a;
}

bool same_amount(const Amount& row, const Amount& form) {
    return std::fabs(row.value - form.value) <= row.half_unit + form.half_unit + 1e-6;
}

}  // namespace

void crosscheck_forms(Document& doc) {
    const Table* t = doc.table("project_current");
    if (!t || doc.performance_forms.empty()) return;
    const double factor = t->unit == "元" ? 1.0 : 10000.0;
    const std::string unit_name = doc.unit ? normalize::strip_spaces(*doc.unit) : std::string();

    struct RowRef {
        std::string name, shown;
        std::optional<Amount> total;
        int page = 0;
        bool used = false;
    };
    std::vector<RowRef> rows;
    for (const auto& r : t->rows) {
        const Text name = r.get("name");
        if (!name || name->empty()) continue;
        const std::string key = normalize::strip_spaces(*name);
        if (RE2::FullMatch(key, recognize::total_label()) || key == unit_name) continue;  // 合计, unit subtotal
        rows.push_back({key, *name, amount(r.get("total"), factor),
                        r.pages.empty() ? (t->pages.empty() ? 0 : t->pages.front()) : r.pages.front()});
    }

    struct FormRef {
        std::string name;
        std::optional<Amount> total;
        const Form* form;
        bool used = false;
    };
    std::vector<FormRef> forms;
    for (const auto& f : doc.performance_forms) {
        const Text& total = f.annual_funds.total ? f.annual_funds.total : f.period_funds.total;
        const double form_factor = f.money_unit == "万元" ? 10000.0 : 1.0;  // compared in 元
        forms.push_back({f.project ? normalize::strip_spaces(*f.project) : std::string(), amount(total, form_factor), &f});
    }

    auto match = [&](auto&& accept) {
        for (auto& f : forms) {
            if (f.used) continue;
            for (auto& r : rows)
                if (!r.used && accept(f, r)) {
                    f.used = r.used = true;
                    break;
                }
        }
    };
    auto amounts_equal = [](const FormRef& f, const RowRef& r) {
        return f.total && r.total && same_amount(*r.total, *f.total);
    };
    // 1: same name and amount; 1b: the rows of that name together (a project run
    // by several units is one form for the department); 2: same name; 3: same
    // amount and a near name.
    match([&](const FormRef& f, const RowRef& r) { return f.name == r.name && amounts_equal(f, r); });
    for (auto& f : forms) {
        if (f.used || !f.total) continue;
        std::vector<RowRef*> same;
        Amount sum;
        bool all_amounts = true;
        for (auto& r : rows)
            if (!r.used && r.name == f.name) {
                same.push_back(&r);
                all_amounts = all_amounts && r.total.has_value();
                if (r.total) sum.value += r.total->value, sum.half_unit += r.total->half_unit;
            }
        if (same.size() < 2 || !all_amounts || !same_amount(sum, *f.total)) continue;
        f.used = true;
        for (auto* r : same) r->used = true;
    }
    match([&](const FormRef& f, const RowRef& r) {
        if (f.name != r.name) return false;
        Diagnostic d;
        d.severity = "warning";
        d.code = "form_amount_mismatch";
        d.message = "form \"" + f.name + "\" and its project row differ in the annual amount";
        d.page = f.form->pages.empty() ? 0 : f.form->pages.front();
        d.pages = f.form->pages;
        d.table = "project_current";
        d.field = "total";
        const Text& printed = f.form->annual_funds.total ? f.form->annual_funds.total : f.form->period_funds.total;
        d.printed = printed;
        for (const auto& row : t->rows)
            if (row.get("name") && normalize::strip_spaces(*row.get("name")) == r.name) d.expected = row.get("total");
        if (d.printed && d.expected) {
            const std::string form_unit = f.form->money_unit.empty() ? "元" : f.form->money_unit;
            d.message += " (form " + *d.printed + " " + form_unit + ", row " + *d.expected + " " + t->unit + ")";
        }
        doc.diagnostics.push_back(std::move(d));
        return true;
    });
    match([&](const FormRef& f, const RowRef& r) {
        if (!amounts_equal(f, r) || !similar(f.name, r.name)) return false;
        doc.diagnostics.push_back({"info", "form_name_mismatch",
                                   "form \"" + f.name + "\" matched to project row \"" + r.shown +
                                       "\" by amount (names differ)",
                                   f.form->pages.empty() ? 0 : f.form->pages.front(), f.form->pages});
        return true;
    });

    for (const auto& f : forms)
        if (!f.used)
            doc.diagnostics.push_back({"warning", "form_without_project",
                                       "form \"" + f.name + "\" has no row in the project table (" + t->title + ")",
                                       f.form->pages.empty() ? 0 : f.form->pages.front(), f.form->pages});
    // Many regions publish forms for their main projects only: when fewer than
    // half the projects have one, say so once instead of once per project.
    size_t unmatched = 0;
    for (const auto& r : rows) unmatched += !r.used;
    if (unmatched > 0 && 2 * (rows.size() - unmatched) < rows.size()) {
        Diagnostic d;
        d.severity = "info";
        d.code = "forms_for_some_projects";
        d.message = std::to_string(rows.size() - unmatched) + " of " + std::to_string(rows.size()) + " projects of " +
                    t->title + " have a performance form";
        d.table = "project_current";
        d.page = t->pages.empty() ? 0 : t->pages.front();
        d.pages = t->pages;
        doc.diagnostics.push_back(std::move(d));
        return;
    }
    for (const auto& r : rows)
        if (!r.used)
            doc.diagnostics.push_back({"warning", "project_without_form",
                                       "project \"" + r.shown + "\" of " + t->title + " has no performance form",
                                       r.page, r.page ? std::vector<int>{r.page} : std::vector<int>{}});
}

}  // namespace budgetdoc::validate
