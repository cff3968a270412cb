// recognize/grouped_table — tables whose columns are printed as several
// side-by-side runs (决算 一般公共预算财政拨款基本支出决算表: 科目代码 | 科目名称 |
// 决算数 under 人员经费, the same again once or twice under 公用经费).  Each run is
// read top to bottom, the runs left to right, every row's `group` the value of
// the heading over its run.  What the runs and headings are is data: TableSpec
// (shape grouped, groups, total_label) in templates/final_accounts.yaml.
#include "recognize/grouped_table.hpp"

#include "normalize/amount.hpp"
#include "normalize/text.hpp"
#include "recognize/table_locator.hpp"
#include "source/column_bands.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace budgetdoc::recognize {
namespace {

// The field a header band answers to: index into the spec's columns, -1 none.
struct Leaf {
    int field = -1;
    int run = -1;
    Box box;
};

// The header bands of one page: each band's header text (cells covering it, top
// to bottom) matched against the columns; then runs (a run starts at a code
// column after a non-code one) and each run's group (the heading over it).
struct Layout {
    std::map<int, Leaf> leaves;          // band → leaf
    std::vector<std::string> run_group;  // run → group value
    bool ok() const { return !leaves.empty() && !run_group.empty(); }

    // The leaf a cell belongs to, by where it is printed (pages without the
    // header number their bands otherwise): the leaf whose stretch holds its
    // middle; a text between stretches (a name spaced out over the page) goes
    // to the name column on its left, a figure to the nearest figure column.
    const Leaf* at(const Cell& c, const TableSpec& spec) const {
        const double x = c.box.center_x();
        for (const auto& [band, leaf] : leaves)
            if (x >= leaf.box.x0 && x <= leaf.box.x1) return &leaf;
        const bool figure = normalize::parse_amount(c.text).kind == normalize::AmountParse::amount;
        const Leaf* best = nullptr;
        double bd = 1e18;
        for (const auto& [band, leaf] : leaves) {
            const auto kind = spec.columns[static_cast<size_t>(leaf.field)].kind;
            if (figure != (kind == FieldKind::amount)) continue;
            if (!figure && (kind != FieldKind::text || leaf.box.x1 > x)) continue;  // names: to the left only
            const double d = x < leaf.box.x0 ? leaf.box.x0 - x : x - leaf.box.x1;
            if (d < bd) bd = d, best = &leaf;
        }
        return best;
    }
};

// Each leaf's stretch: its heading and the cells of its band below it.
void stretch_leaves(Layout& lay, const std::vector<const Line*>& body) {
    for (const Line* l : body)
        for (const auto& c : l->cells) {
            auto it = lay.leaves.find(c.column);
            if (it == lay.leaves.end() || c.span > 1) continue;
            Box& b = it->second.box;
            b.x0 = std::min(b.x0, c.box.x0), b.x1 = std::max(b.x1, c.box.x1);
        }
}

Layout layout_of(const std::vector<const Line*>& header, const CompiledSpec& cs) {
    const TableSpec& spec = *cs.spec;
    std::map<int, std::string> text;
    std::map<int, Box> box;
    std::vector<std::pair<std::string, Box>> headings;  // candidates for group headings
    std::vector<const Cell*> spanning;
    for (const Line* l : header) {
        if (is_column_number_row(*l)) continue;
        for (const auto& c : l->cells) {
            if (c.column < 0 || c.text.empty()) continue;
            headings.push_back({c.text, c.box});
            bool group_heading = false;
            for (const auto& g : spec.groups) group_heading = group_heading || RE2::PartialMatch(c.text, g.heading);
            if (group_heading) continue;
            if (c.span > 1) {  // over split columns (科目编码 over 类 | 款), or one column wider than its band
                spanning.push_back(&c);
                continue;
            }
            text[c.column] += normalize::strip_spaces(c.text);
            if (!box.count(c.column)) box[c.column] = c.box;
            Box& b = box[c.column];
            b.x0 = std::min(b.x0, c.box.x0), b.x1 = std::max(b.x1, c.box.x1);
            b.y0 = std::min(b.y0, c.box.y0), b.y1 = std::max(b.y1, c.box.y1);
        }
    }
    // A heading over several bands with nothing of its own under it heads the
    // first of them (a name column wider than one band).
    for (const Cell* c : spanning) {
        bool covered = false;
        for (int b = c->column; b < c->column + c->span; ++b) covered = covered || text.count(b);
        if (covered) continue;
        text[c->column] = normalize::strip_spaces(c->text);
        box[c->column] = c->box;
    }
    Layout lay;
    int run = -1;
    int last_kind = -1;  // FieldKind of the previous leaf
    for (const auto& [band, t] : text) {
        int field = -1;
        for (size_t k = 0; k < spec.columns.size(); ++k)
            if (RE2::PartialMatch(t, *cs.headers[k])) {
                field = static_cast<int>(k);
                break;
            }
        if (field < 0) continue;
        const int kind = static_cast<int>(spec.columns[static_cast<size_t>(field)].kind);
        if (run < 0 || (kind == static_cast<int>(FieldKind::code) && last_kind != static_cast<int>(FieldKind::code)))
            ++run;
        last_kind = kind;
        lay.leaves[band] = {field, run, box[band]};
    }
    // Each run's group: the heading whose middle is nearest the run's (a heading
    // is centred over the runs it covers).
    std::vector<Box> run_box(static_cast<size_t>(run + 1), Box{1e18, 1e18, -1e18, -1e18});
    for (const auto& [band, leaf] : lay.leaves) {
        Box& b = run_box[static_cast<size_t>(leaf.run)];
        b.x0 = std::min(b.x0, leaf.box.x0), b.x1 = std::max(b.x1, leaf.box.x1);
    }
    std::string prev;
    for (const Box& rb : run_box) {
        std::string value;
        double best = 1e18;
        for (const auto& g : spec.groups) {
            const RE2 re(g.heading);
            for (const auto& [t, hb] : headings) {
                if (!RE2::PartialMatch(t, re)) continue;
                const double d = std::abs(hb.center_x() - rb.center_x());
                if (d < best) best = d, value = g.value;
            }
        }
        if (value.empty()) value = prev;  // a run continuing the group to its left
        lay.run_group.push_back(value);   // empty: no heading says; its total may
        prev = value;
    }
    return lay;
}

struct RunRow {
    Text code, name, amount;
    int page = 0;
};

}  // namespace

bool read_grouped(const TableRegion& region, const CompiledSpec& cs, Document& doc, Table* out) {
    const TableSpec& spec = *cs.spec;
    const RE2 total_re(spec.total_label.empty() ? "$^" : spec.total_label);
    int field_code = -1, field_name = -1, field_amount = -1;
    for (size_t k = 0; k < spec.columns.size(); ++k) {
        const auto kind = spec.columns[k].kind;
        if (kind == FieldKind::code && field_code < 0) field_code = static_cast<int>(k);
        if (kind == FieldKind::text && field_name < 0) field_name = static_cast<int>(k);
        if (kind == FieldKind::amount && field_amount < 0) field_amount = static_cast<int>(k);
    }
    if (field_name < 0 || field_amount < 0) return false;
    Layout lay;
    std::vector<std::vector<RunRow>> runs;
    struct Total {
        std::string label;
        Text amount;
        std::string group;
        int run;
        int page;
    };
    std::vector<Total> totals;
    bool any = false;
    for (const auto& part : region.parts) {
        size_t h = 0;
        while (h < part.size() && (!source::is_body_like(*part[h]) || is_column_number_row(*part[h]))) ++h;
        if (h > 0) {
            Layout here = layout_of(std::vector<const Line*>(part.begin(), part.begin() + static_cast<long>(h)), cs);
            if (here.ok()) {
                stretch_leaves(here, std::vector<const Line*>(part.begin() + static_cast<long>(h), part.end()));
                lay = std::move(here);
            }
        }
        if (!lay.ok()) return false;
        if (runs.size() < lay.run_group.size()) runs.resize(lay.run_group.size());
        // Figures printed on the line above their total labels (人员经费合计 under
        // its 2,152.26): kept until the labels come.
        std::vector<std::pair<Text, int>> pending_figures;
        for (size_t i = h; i < part.size(); ++i) {
            const Line& l = *part[i];
            if (is_column_number_row(l)) continue;
            // Totals: labels matching total_label, each with the next figure to its right.
            std::vector<const Cell*> labels;
            for (const auto& c : l.cells)
                if (RE2::FullMatch(normalize::strip_spaces(c.text), total_re)) labels.push_back(&c);
            if (!labels.empty()) {
                std::vector<const Cell*> figures;
                for (const auto& c : l.cells)
                    if (normalize::parse_amount(c.text).kind == normalize::AmountParse::amount) figures.push_back(&c);
                for (size_t k = 0; k < labels.size(); ++k) {
                    const Cell* lab = labels[k];
                    const double next_x = k + 1 < labels.size() ? labels[k + 1]->box.x0 : 1e18;
                    Text fig;
                    for (const Cell* f : figures)
                        if (f->box.x0 > lab->box.x0 && f->box.x0 < next_x) {
                            fig = normalize::parse_amount(f->text).value.canonical();
                            break;
                        }
                    if (!fig && k < pending_figures.size()) fig = pending_figures[k].first;
                    // The run it is printed in: its band's, else the nearest leaf's.
                    int run = -1;
                    double best = 1e18;
                    for (const auto& [band, leaf] : lay.leaves) {
                        const double d = std::abs(leaf.box.center_x() - lab->box.center_x());
                        if (d < best) best = d, run = leaf.run;
                    }
                    std::string group;
                    for (const auto& g : spec.groups)
                        if (RE2::PartialMatch(lab->text, g.heading)) group = g.value;  // 公用经费合计
                    totals.push_back({normalize::strip_spaces(lab->text), fig, group, run, l.page});
                }
                pending_figures.clear();
                continue;
            }
            // A line of figures only, no code, no name: the totals' figures, printed above them.
            bool only_figures = !l.cells.empty();
            for (const auto& c : l.cells)
                if (normalize::parse_amount(c.text).kind != normalize::AmountParse::amount) only_figures = false;
            if (only_figures && i + 1 < part.size()) {
                bool labels_next = false;
                for (const auto& c : part[i + 1]->cells)
                    labels_next = labels_next || RE2::FullMatch(normalize::strip_spaces(c.text), total_re);
                if (labels_next) {
                    for (const auto& c : l.cells) pending_figures.push_back({normalize::parse_amount(c.text).value.canonical(), l.page});
                    continue;
                }
            }
            // Each run's cells on this line, by band.
            std::map<int, RunRow> row_of;
            std::map<int, std::vector<const Cell*>> names_of;
            for (const auto& c : l.cells) {
                const Leaf* leaf = c.text.empty() ? nullptr : lay.at(c, spec);
                if (!leaf) {
                    if (!c.text.empty()) {
                        Diagnostic d{"warning", "unmapped_cell",
                                     "table " + spec.id + ": cell \"" + c.text + "\" under no known column", l.page, {}};
                        d.table = spec.id;
                        doc.diagnostics.push_back(std::move(d));
                        out->suspect = true;
                    }
                    continue;
                }
                RunRow& r = row_of[leaf->run];
                r.page = l.page;
                const int f = leaf->field;
                if (f == field_amount) {
                    auto a = normalize::parse_amount(c.text);
                    if (a.kind == normalize::AmountParse::amount) r.amount = a.value.canonical();
                } else if (spec.columns[static_cast<size_t>(f)].kind == FieldKind::code) {
                    r.code = r.code.value_or("") + normalize::strip_spaces(c.text);  // 类 + 款
                } else {
                    names_of[leaf->run].push_back(&c);
                }
            }
            for (auto& [run, cells] : names_of) {
                // A name wrapped in its cell comes in pieces: top to bottom.
                std::stable_sort(cells.begin(), cells.end(), [](const Cell* a, const Cell* b) {
                    return std::abs(a->box.y0 - b->box.y0) > 0.5 * a->box.height() ? a->box.y0 < b->box.y0 : a->box.x0 < b->box.x0;
                });
                std::string name;
                for (const Cell* c : cells) name = normalize::join_fragments(name, c->text);
                row_of[run].name = name;
            }
            for (auto& [run, r] : row_of) {
                auto& rows = runs[static_cast<size_t>(run)];
                // A name's second line on a line of its own (…养老保险缴 / 费).
                if (!r.code && !r.amount && r.name && !rows.empty()) {
                    rows.back().name = normalize::join_fragments(rows.back().name.value_or(""), *r.name);
                    continue;
                }
                if (!r.code && !r.name && !r.amount) continue;
                rows.push_back(r);
                any = true;
            }
        }
    }
    if (!any) return false;
    // Runs no heading names take the group of the run to their left.
    // A total printed in a run (人员经费合计) says its group best.
    for (const auto& t : totals)
        if (t.run >= 0 && static_cast<size_t>(t.run) < lay.run_group.size() && !t.group.empty())
            lay.run_group[static_cast<size_t>(t.run)] = t.group;
    for (size_t r = 1; r < lay.run_group.size(); ++r)
        if (lay.run_group[r].empty()) lay.run_group[r] = lay.run_group[r - 1];
    for (const auto& g : lay.run_group)
        if (g.empty()) return false;  // nothing says which group a run is
    out->id = spec.id;
    out->title = region.title;
    out->unit = region.unit;
    out->pages = {region.title_page};
    for (size_t run = 0; run < runs.size(); ++run) {
        const std::string& group = lay.run_group[run];
        for (const auto& r : runs[run]) {
            Record rec;
            rec.fields = {{"code", r.code}, {"name", r.name}, {"amount", r.amount}, {"group", group}};
            rec.pages = {r.page};
            add_page(out->pages, r.page);
            out->rows.push_back(std::move(rec));
        }
        // The group's total after its last run.
        const bool last_of_group = run + 1 == runs.size() || lay.run_group[run + 1] != group;
        if (!last_of_group) continue;
        for (const auto& t : totals) {
            if (t.group != group) continue;
            Record rec;
            rec.fields = {{"code", std::nullopt}, {"name", t.label}, {"amount", t.amount}, {"group", group}};
            rec.pages = {t.page};
            add_page(out->pages, t.page);
            out->rows.push_back(std::move(rec));
        }
    }
    return true;
}

}  // namespace budgetdoc::recognize
