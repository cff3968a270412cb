// One record per real project.  Forms are repeated in disclosures (whole, cut
// off after some rows, or the head followed by part of the indicator grid);
// such fragments are joined.  Identity is not the project name alone: two
// fragments belong to one project only when nothing they both print disagrees
// on the project's identity (name, funds, department, implementer, attribute,
// duration).  The merged record starts from the most complete fragment.
#include "dedupe/form_merge.hpp"

#include "normalize/amount.hpp"
#include "normalize/text.hpp"

#include <algorithm>
#include <set>
#include <sstream>
#include <tuple>

namespace budgetdoc::dedupe {
namespace {

std::string key_text(const Text& t) { return t ? normalize::strip_spaces(*t) : std::string(); }

// Both printed and different.
bool text_conflict(const Text& a, const Text& b) {
    return a && b && !a->empty() && !b->empty() && key_text(a) != key_text(b);
}

bool amount_conflict(const Text& a, const Text& b) {
    if (!a || !b) return false;
    auto pa = normalize::parse_amount(*a), pb = normalize::parse_amount(*b);
    if (pa.kind != normalize::AmountParse::amount || pb.kind != normalize::AmountParse::amount)
        return key_text(a) != key_text(b);
    return !(pa.value == pb.value);
}

bool funds_conflict(const FormFunds& a, const FormFunds& b) {
    return amount_conflict(a.total, b.total) || amount_conflict(a.central, b.central) ||
           amount_conflict(a.provincial, b.provincial) || amount_conflict(a.local, b.local) ||
           amount_conflict(a.self_raised, b.self_raised) || amount_conflict(a.other, b.other);
}

int count(const Text& t) { return t && !t->empty() ? 1 : 0; }
int count(const FormFunds& f) {
    return count(f.total) + count(f.central) + count(f.provincial) + count(f.local) + count(f.self_raised) +
           count(f.other);
}

// Two copies of one indicator row: same side and same name (values and level
// labels of a lossy copy may differ; the base copy's reading is kept).
using IndicatorKey = std::tuple<std::string, std::string>;
IndicatorKey key(const Indicator& i) {
    return {i.scope, i.name ? key_text(i.name) : "\x01" + key_text(i.value)};
}

void fill(Text& into, const Text& from) {
    if ((!into || into->empty()) && from && !from->empty()) into = from;
}
void fill(FormFunds& into, const FormFunds& from) {
    fill(into.total, from.total), fill(into.central, from.central), fill(into.provincial, from.provincial);
    fill(into.local, from.local), fill(into.self_raised, from.self_raised), fill(into.other, from.other);
}

std::string pages_text(const std::vector<int>& pages) {
    std::ostringstream s;
    for (size_t i = 0; i < pages.size(); ++i) s << (i ? "," : "") << pages[i];
    return s.str();
}

}  // namespace

bool same_project(const Form& a, const Form& b) {
    if (!a.project || !b.project || key_text(a.project) != key_text(b.project)) return false;
    if (funds_conflict(a.period_funds, b.period_funds) || funds_conflict(a.annual_funds, b.annual_funds))
        return false;
    return !text_conflict(a.department, b.department) && !text_conflict(a.implementer, b.implementer) &&
           !text_conflict(a.attribute, b.attribute) && !text_conflict(a.duration, b.duration);
}

int completeness(const Form& f) {
    return count(f.project) + count(f.department) + count(f.implementer) + count(f.attribute) +
           count(f.duration) + count(f.period_funds) + count(f.annual_funds) + count(f.overview) +
           count(f.basis) + count(f.necessity) + count(f.safeguards) + count(f.plan) + count(f.goal_period) +
           count(f.goal_annual) + count(f.responsible) + count(f.handler) + count(f.phone) + count(f.filed) +
           static_cast<int>(f.indicators.size());
}

Form merge_fragments(const std::vector<const Form*>& parts) {
    // The most complete fragment is the base; the first one wins ties.
    size_t best = 0;
    for (size_t i = 1; i < parts.size(); ++i)
        if (completeness(*parts[i]) > completeness(*parts[best])) best = i;
    Form out = *parts[best];
    std::set<int> pages(out.pages.begin(), out.pages.end());
    for (size_t i = 0; i < parts.size(); ++i) {
        if (i == best) continue;
        const Form& f = *parts[i];
        pages.insert(f.pages.begin(), f.pages.end());
        if (out.title.empty()) out.title = f.title;
        if (!out.year) out.year = f.year;
        fill(out.project, f.project), fill(out.department, f.department), fill(out.implementer, f.implementer);
        fill(out.attribute, f.attribute), fill(out.duration, f.duration);
        fill(out.period_funds, f.period_funds), fill(out.annual_funds, f.annual_funds);
        fill(out.overview, f.overview), fill(out.basis, f.basis), fill(out.necessity, f.necessity);
        fill(out.safeguards, f.safeguards), fill(out.plan, f.plan);
        fill(out.goal_period, f.goal_period), fill(out.goal_annual, f.goal_annual);
        fill(out.responsible, f.responsible), fill(out.handler, f.handler), fill(out.phone, f.phone);
        fill(out.filed, f.filed);
        // Indicators the base lacks go in after the fragment's preceding one.
        size_t pos = 0;
        for (const auto& ind : f.indicators) {
            const auto k = key(ind);
            auto it = std::find_if(out.indicators.begin(), out.indicators.end(),
                                   [&](const Indicator& o) { return key(o) == k; });
            if (it != out.indicators.end()) {
                pos = static_cast<size_t>(it - out.indicators.begin()) + 1;
            } else {
                out.indicators.insert(out.indicators.begin() + static_cast<long>(pos), ind);
                ++pos;
            }
        }
    }
    out.pages.assign(pages.begin(), pages.end());
    return out;
}

void merge_forms(Document& doc) {
    auto& forms = doc.performance_forms;
    if (forms.size() < 2) return;
    // Group fragments; a fragment joins the latest group it agrees with.
    std::vector<std::vector<size_t>> groups;
    std::vector<Form> acc;  // running merge of each group, for identity checks
    for (size_t i = 0; i < forms.size(); ++i) {
        int g = -1;
        for (int j = static_cast<int>(groups.size()) - 1; j >= 0; --j) {
            bool ok = same_project(acc[j], forms[i]);
            for (size_t m : groups[j]) ok = ok && same_project(forms[m], forms[i]);
            if (ok) {
                g = j;
                break;
            }
        }
        if (g < 0) {
            groups.push_back({i});
            acc.push_back(forms[i]);
        } else {
            groups[g].push_back(i);
            std::vector<const Form*> parts;
            for (size_t m : groups[g]) parts.push_back(&forms[m]);
            acc[g] = merge_fragments(parts);
        }
    }
    std::vector<Form> out;
    for (size_t j = 0; j < groups.size(); ++j) {
        const auto& grp = groups[j];
        if (grp.size() > 1) {
            // The kept copy is the most complete one; every other is a dropped duplicate.
            size_t best = grp[0];
            for (size_t m : grp)
                if (completeness(forms[m]) > completeness(forms[best])) best = m;
            for (size_t m : grp) {
                if (m == best) continue;
                const Form& f = forms[m];
                Diagnostic d;
                d.severity = "info";
                d.code = "duplicate_fragment";
                d.message = "form \"" + f.project.value_or("?") + "\"" +
                            (acc[j].annual_funds.total ? " (" + *acc[j].annual_funds.total + " 元)" : "") +
                            ": repeated fragment on page(s) " + pages_text(f.pages) +
                            " merged into the copy on page(s) " + pages_text(forms[best].pages);
                d.page = f.pages.empty() ? 0 : f.pages.front();
                d.pages = f.pages;
                doc.diagnostics.push_back(std::move(d));
            }
        }
        out.push_back(std::move(acc[j]));
    }
    forms = std::move(out);
}

}  // namespace budgetdoc::dedupe
