// recognize/measure_table — one row of figures under a header of items crossed
// with measures (决算 “三公”经费支出决算表: 合计 | 因公出国(境)费 | 公务用车购置及
// 运行费 … each with 预算数 and 决算数, the measures printed over the items or
// under them).  Read into one row per printed item with one amount per measure
// and `part_of`.  Items, measures and what adds up to what are data: TableSpec
// (shape measures, items) in templates/final_accounts.yaml.
#include "recognize/measure_table.hpp"

#include "recognize/form_grammar.hpp"

#include "normalize/amount.hpp"
#include "normalize/text.hpp"
#include "recognize/table_locator.hpp"
#include "source/column_bands.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>
#include <vector>

namespace budgetdoc::recognize {
namespace {

struct Piece {
    std::string text;
    Box box;
    int item = -1;     // index into spec.items
    int measure = -1;  // index into spec.columns (an amount column)
};

bool overlaps_x(const Box& a, const Box& b) { return std::min(a.x1, b.x1) - std::max(a.x0, b.x0) > 0; }

// A heading's lines ("公务用车购" over "置费") are centred on one another and
// follow at the line pitch.
bool stacked(const Box& upper, const Box& lower) {
    const double h = std::min(upper.height(), lower.height());
    const double w = std::min(upper.width(), lower.width());
    return lower.y0 >= upper.y0 + 0.5 * h && lower.y0 - upper.y1 < 0.6 * h &&
           std::abs(upper.center_x() - lower.center_x()) < 0.25 * std::max(w, h);
}

// A figure column: an item crossed with a measure, where they overlap.
struct Column {
    int item, measure;
    Box box;
    Text figure;
};

}  // namespace

bool read_measures(const TableRegion& region, const CompiledSpec& cs, Document& doc, Table* out) {
    const TableSpec& spec = *cs.spec;
    std::vector<const Line*> header, body;
    for (const auto& part : region.parts)
        for (const Line* l : part) {
            if (is_column_number_row(*l)) continue;
            if (body.empty() && !source::is_body_like(*l))
                header.push_back(l);
            else
                body.push_back(l);
        }
    if (header.empty() || body.empty()) return false;
    std::vector<std::unique_ptr<RE2>> item_re;
    for (const auto& it : spec.items) item_re.push_back(std::make_unique<RE2>(it.label));
    auto measure_of = [&](const std::string& text) {
        for (size_t k = 0; k < spec.columns.size(); ++k)
            if (spec.columns[k].kind == FieldKind::amount && RE2::PartialMatch(text, *cs.headers[k])) return static_cast<int>(k);
        return -1;
    };
    auto item_of = [&](const std::string& text) {
        for (size_t k = 0; k < item_re.size(); ++k)
            if (RE2::PartialMatch(text, *item_re[k])) return static_cast<int>(k);
        return -1;
    };
    // Header pieces, a heading's wrapped lines joined (never a measure with an item).
    std::vector<Piece> pieces;
    for (const Line* l : header)
        for (const auto& c : l->cells)
            if (!c.text.empty()) pieces.push_back({normalize::strip_spaces(c.text), c.box});
    std::sort(pieces.begin(), pieces.end(), [](const Piece& a, const Piece& b) { return a.box.y0 < b.box.y0; });
    // A heading over two or more headings (公务用车购置及运行维护费 over 小计 and
    // 公务用车购置费) heads a group: it is no wrapped line of either.
    auto heads_group = [&](size_t i) {
        int below = 0;
        for (size_t k = 0; k < pieces.size(); ++k)
            if (k != i && overlaps_x(pieces[k].box, pieces[i].box) && pieces[k].box.y0 >= pieces[i].box.y1 - 1) ++below;
        return below >= 2;
    };
    for (size_t i = 0; i < pieces.size(); ++i)
        for (size_t j = i + 1; j < pieces.size(); ++j) {
            if (!stacked(pieces[i].box, pieces[j].box) || heads_group(i)) continue;
            if (measure_of(pieces[i].text) >= 0 || measure_of(pieces[j].text) >= 0) continue;
            // A wrapped line is a fragment ("(境)费", "置费"); a heading that names an
            // item by itself under another is a heading of its own.
            if (item_of(pieces[i].text) >= 0 && item_of(pieces[j].text) >= 0) continue;
            pieces[i].text += pieces[j].text;
            pieces[i].box.y1 = std::max(pieces[i].box.y1, pieces[j].box.y1);
            pieces[i].box.x0 = std::min(pieces[i].box.x0, pieces[j].box.x0);
            pieces[i].box.x1 = std::max(pieces[i].box.x1, pieces[j].box.x1);
            pieces.erase(pieces.begin() + static_cast<long>(j));
            j = i;
        }
    for (auto& p : pieces) {
        p.measure = measure_of(p.text);
        if (p.measure < 0) p.item = item_of(p.text);
    }
    // Items' labels: the longest printed heading of each (公务用车购置及运行维护费
    // over its 小计).
    std::vector<std::string> label(spec.items.size());
    for (const auto& p : pieces)
        if (p.item >= 0 && normalize::char_count(p.text) > normalize::char_count(label[static_cast<size_t>(p.item)]))
            label[static_cast<size_t>(p.item)] = normalize::normalize_text(p.text);
    // The lowest headings (nothing below them) are the figure columns; the
    // headings of the other kind over them — the measures over the items, or the
    // items over the measures — each head the run of columns it is centred on.
    auto nothing_below = [&](const Piece& p, bool same_kind_only) {
        for (const auto& o : pieces) {
            if (&o == &p || (o.item < 0 && o.measure < 0)) continue;
            if (same_kind_only && (o.measure >= 0) != (p.measure >= 0)) continue;
            if (overlaps_x(o.box, p.box) && o.box.y0 >= p.box.y1 - 1) return false;
        }
        return true;
    };
    std::vector<const Piece*> leaves, heads;
    for (const auto& p : pieces)
        if ((p.item >= 0 || p.measure >= 0) && nothing_below(p, false)) leaves.push_back(&p);
    if (leaves.empty()) return false;
    // The columns are of the kind most of the lowest headings are; a heading of the
    // other kind with nothing right under it (a short 小计 centred between its
    // 预算数 and 决算数) heads columns all the same.
    size_t measure_leaves = 0;
    for (const Piece* l : leaves) measure_leaves += l->measure >= 0;
    const bool leaves_are_measures = 2 * measure_leaves >= leaves.size();
    leaves.erase(std::remove_if(leaves.begin(), leaves.end(),
                                [&](const Piece* l) { return (l->measure >= 0) != leaves_are_measures; }),
                 leaves.end());
    for (const auto& p : pieces) {
        const bool other_kind = leaves_are_measures ? p.item >= 0 : p.measure >= 0;
        if (other_kind && nothing_below(p, true)) heads.push_back(&p);
    }
    std::sort(leaves.begin(), leaves.end(), [](const Piece* a, const Piece* b) { return a->box.center_x() < b->box.center_x(); });
    std::sort(heads.begin(), heads.end(), [](const Piece* a, const Piece* b) { return a->box.center_x() < b->box.center_x(); });
    std::vector<double> head_x;
    std::vector<form::Span> leaf_spans;
    for (const Piece* h : heads) head_x.push_back(h->box.center_x());
    for (const Piece* l : leaves) leaf_spans.push_back({l->box.x0, l->box.x1});
    // Every heading heads a run (an item printed with no measure under it
    // would be no column at all).
    const auto owner = form::centre_blocks(head_x, leaf_spans, heads.size() <= leaves.size());
    std::vector<Column> columns;
    for (size_t k = 0; k < leaves.size(); ++k) {
        const Piece* l = leaves[k];
        const Piece* h = owner[k] >= 0 ? heads[static_cast<size_t>(owner[k])] : nullptr;
        const int item = leaves_are_measures ? (h ? h->item : -1) : l->item;
        const int measure = leaves_are_measures ? l->measure : (h ? h->measure : -1);
        if (item < 0 || measure < 0) continue;
        columns.push_back({item, measure, l->box, std::nullopt});
    }
    if (columns.empty()) return false;
    std::sort(columns.begin(), columns.end(), [](const Column& a, const Column& b) { return a.box.x0 < b.box.x0; });
    // A cell the table cannot place: said, and the table is not stood behind.
    auto unplaced = [&](const Cell& c, int page, const char* why) {
        Diagnostic d{"warning", "unmapped_cell", "table " + spec.id + ": cell \"" + c.text + "\" " + why, page, {}};
        d.table = spec.id;
        doc.diagnostics.push_back(std::move(d));
        out->suspect = true;
    };
    // Figures: the column whose stretch holds the figure's middle, else the nearest.
    for (const Line* l : body)
        for (const auto& c : l->cells) {
            auto a = normalize::parse_amount(c.text);
            if (a.kind != normalize::AmountParse::amount) {
                if (a.kind != normalize::AmountParse::empty && !c.text.empty()) unplaced(c, l->page, "under no known column");
                continue;
            }
            Column* best = nullptr;
            double bd = 1e18;
            for (auto& col : columns) {
                const double x = c.box.center_x();
                const double d = x >= col.box.x0 && x <= col.box.x1 ? 0 : std::abs(col.box.center_x() - x);
                if (d < bd) bd = d, best = &col;
            }
            if (best->figure) {
                unplaced(c, l->page, "under a column already filled");
                continue;
            }
            best->figure = a.value.canonical();
        }
    // One row per printed item, in printed order.
    out->id = spec.id;
    out->title = region.title;
    out->unit = region.unit;
    out->pages = {region.title_page};
    for (const Line* l : body) add_page(out->pages, l->page);
    std::vector<int> done;
    for (const auto& col : columns) {
        if (std::find(done.begin(), done.end(), col.item) != done.end()) continue;
        done.push_back(col.item);
        Record r;
        r.fields.push_back({"item", label[static_cast<size_t>(col.item)]});
        for (size_t k = 0; k < spec.columns.size(); ++k) {
            if (spec.columns[k].kind != FieldKind::amount) continue;
            Text v;
            for (const auto& o : columns)
                if (o.item == col.item && o.measure == static_cast<int>(k) && o.figure) v = o.figure;
            r.fields.push_back({spec.columns[k].field, v});
        }
        const std::string& parent = spec.items[static_cast<size_t>(col.item)].part_of;
        for (size_t k = 0; k < spec.items.size(); ++k)
            if (spec.items[k].name == parent && !label[k].empty()) r.fields.push_back({"part_of", label[k]});
        r.pages = {body.front()->page};
        for (const Line* l : body)
            if (l->page == body.front()->page) r.bbox = r.bbox ? box_union(*r.bbox, l->box) : l->box;
        out->rows.push_back(std::move(r));
    }
    return true;
}

}  // namespace budgetdoc::recognize
