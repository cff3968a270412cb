// recognize/horizontal_table — tables printed horizontally: the items are column
// headers (因公出国(境)费 | 公务接待费 | 公务用车购置及运行费 …) over one row of
// figures, as many provinces print the 三公 table.  Read into item rows of the
// standard table (three_public) with a part_of key for each group's breakdown;
// columns that belong to another table (机关运行经费) go there.  Which titles and
// headers mean this shape is data: HorizontalSpec in table_specs.
#include "recognize/horizontal_table.hpp"

#include "normalize/amount.hpp"
#include "normalize/text.hpp"
#include "recognize/table_locator.hpp"
#include "source/column_bands.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

namespace budgetdoc::recognize {
namespace {


struct Piece {
    std::string text;
    Box box;
};

bool overlaps_x(const Box& a, const Box& b) { return std::min(a.x1, b.x1) - std::max(a.x0, b.x0) > 0; }

// Whether `grid` prints `hs`'s items as column headers over one row of figures.
bool is_horizontal(const std::vector<const Line*>& grid, const HorizontalSpec& hs, size_t* body_at) {
    size_t h = 0;
    while (h < grid.size() && !source::is_body_like(*grid[h])) ++h;
    if (h == 0 || h + 1 != grid.size()) return false;  // header rows, then exactly one row
    for (const auto& c : grid[h]->cells) {
        const auto kind = normalize::parse_amount(c.text).kind;
        if (kind != normalize::AmountParse::amount && kind != normalize::AmountParse::empty) return false;
    }
    std::string header;
    for (size_t i = 0; i < h; ++i) header += line_text(*grid[i]);
    size_t items = 0;
    for (const auto& p : hs.items) items += RE2::PartialMatch(header, p);
    if (items < hs.min_items) return false;
    *body_at = h;
    return true;
}

// The item rows of a horizontally printed table.  Columns are the lowest header
// pieces (nothing printed below them); a piece stacked above one and inside its
// column is a wrapped line of that header; a piece wider than its column is a
// group header, centred over a run of columns that starts with the group's total
// (小计/合计) — the run whose centre is nearest the group's, nested within any
// group below it.
struct HorizontalTable {
    struct Column {
        std::string text;
        Box box;
        double left, right;
        double top;
        Text figure;
        int group = -1;      // innermost group (index into groups) holding it, -1 none
        int total_of = -1;   // group whose total it is
    };
    struct Group {
        std::string text;
        Box box;
        int first = -1, last = -1;  // column span, -1: not placed
        int parent = -1;
    };
    std::vector<Column> columns;
    std::vector<Group> groups;
};

HorizontalTable read_horizontal_grid(const std::vector<const Line*>& header, const Line& body, const HorizontalSpec& hs,
                                     Document& doc, const std::string& table_id) {
    HorizontalTable ht;
    std::vector<Piece> pieces;
    for (const Line* l : header) {
        if (is_column_number_row(*l)) continue;
        for (const auto& c : l->cells) pieces.push_back({c.text, c.box});
    }
    auto below = [](const Box& lower, const Box& upper) { return lower.y0 >= upper.center_y(); };
    std::vector<bool> used(pieces.size(), false);
    std::vector<size_t> bottoms;
    for (size_t i = 0; i < pieces.size(); ++i) {
        bool lowest = true;
        for (size_t j = 0; j < pieces.size() && lowest; ++j)
            if (j != i && overlaps_x(pieces[j].box, pieces[i].box) && below(pieces[j].box, pieces[i].box)) lowest = false;
        if (lowest) bottoms.push_back(i);
    }
    std::sort(bottoms.begin(), bottoms.end(),
              [&](size_t a, size_t b) { return pieces[a].box.center_x() < pieces[b].box.center_x(); });
    for (size_t k = 0; k < bottoms.size(); ++k) {
        HorizontalTable::Column col;
        const Piece& b = pieces[bottoms[k]];
        used[bottoms[k]] = true;
        col.box = b.box;
        col.left = k == 0 ? -1e18 : (pieces[bottoms[k - 1]].box.center_x() + b.box.center_x()) / 2;
        col.right = k + 1 == bottoms.size() ? 1e18 : (pieces[bottoms[k + 1]].box.center_x() + b.box.center_x()) / 2;
        // Wrapped lines above, inside the column.
        std::vector<size_t> stack = {bottoms[k]};
        for (;;) {
            const Box& cur = pieces[stack.back()].box;
            int above = -1;
            for (size_t j = 0; j < pieces.size(); ++j)
                if (!used[j] && overlaps_x(pieces[j].box, cur) && below(cur, pieces[j].box) &&
                    (above < 0 || pieces[j].box.y1 > pieces[static_cast<size_t>(above)].box.y1))
                    above = static_cast<int>(j);
            if (above < 0) break;
            const Box& a = pieces[static_cast<size_t>(above)].box;
            const double tol = 2;
            if (a.x0 < col.left - tol || a.x1 > col.right + tol) break;
            used[static_cast<size_t>(above)] = true;
            stack.push_back(static_cast<size_t>(above));
        }
        for (size_t s = stack.size(); s-- > 0;) {
            col.text = col.text.empty() ? pieces[stack[s]].text : normalize::join_fragments(col.text, pieces[stack[s]].text);
            col.box.y0 = std::min(col.box.y0, pieces[stack[s]].box.y0);
        }
        col.top = col.box.y0;
        ht.columns.push_back(std::move(col));
    }
    for (size_t i = 0; i < pieces.size(); ++i)
        if (!used[i]) ht.groups.push_back({pieces[i].text, pieces[i].box});
    // Figures: a figure belongs to the column whose stretch holds its centre.
    for (const auto& c : body.cells) {
        if (normalize::parse_amount(c.text).kind != normalize::AmountParse::amount) continue;
        bool placed = false;
        for (auto& col : ht.columns)
            if (c.box.center_x() >= col.left && c.box.center_x() < col.right && !col.figure) {
                col.figure = normalize::parse_amount(c.text).value.canonical();
                placed = true;
                break;
            }
        if (!placed)
            doc.diagnostics.push_back({"warning", "unmapped_cell",
                                       "table " + table_id + ": cell \"" + c.text + "\" under no known column", body.page, {}});
    }
    // Groups, lowest first: the run of columns they head.
    const RE2 total_re(hs.total);
    std::vector<size_t> order(ht.groups.size());
    for (size_t g = 0; g < order.size(); ++g) order[g] = g;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return ht.groups[a].box.y0 > ht.groups[b].box.y0; });
    const int n = static_cast<int>(ht.columns.size());
    const double pitch = n > 1 ? (ht.columns.back().box.center_x() - ht.columns.front().box.center_x()) / (n - 1) : 1e18;
    for (size_t g : order) {
        auto& G = ht.groups[g];
        double best = pitch / 2;
        int bi = -1, bj = -1;
        for (int i = 0; i < n; ++i) {
            if (ht.columns[static_cast<size_t>(i)].total_of >= 0 ||
                !RE2::FullMatch(ht.columns[static_cast<size_t>(i)].text, total_re))
                continue;
            for (int j = i + 1; j < n; ++j) {
                bool ok = true;
                for (int k = i; k <= j && ok; ++k) {
                    const auto& col = ht.columns[static_cast<size_t>(k)];
                    if (col.top < G.box.y1 - 1) ok = false;  // not below the group header
                    // Another total inside the run heads a group nested in it.
                    if (k > i && RE2::FullMatch(col.text, total_re)) {
                        const int og = col.total_of;
                        if (og < 0 || ht.groups[static_cast<size_t>(og)].last > j) ok = false;
                    }
                    // A group placed already lies wholly inside or outside the run.
                    const int cg = col.group;
                    if (cg >= 0 && (ht.groups[static_cast<size_t>(cg)].first < i || ht.groups[static_cast<size_t>(cg)].last > j)) {
                        // col's group may be nested in one that is inside: walk up
                        int top = cg;
                        while (ht.groups[static_cast<size_t>(top)].parent >= 0) top = ht.groups[static_cast<size_t>(top)].parent;
                        if (ht.groups[static_cast<size_t>(top)].first < i || ht.groups[static_cast<size_t>(top)].last > j) ok = false;
                    }
                }
                if (!ok) continue;
                const double c = (ht.columns[static_cast<size_t>(i)].box.center_x() + ht.columns[static_cast<size_t>(j)].box.center_x()) / 2;
                const double err = std::abs(c - G.box.center_x());
                if (err < best) {
                    best = err;
                    bi = i;
                    bj = j;
                }
            }
        }
        if (bi < 0) continue;
        G.first = bi;
        G.last = bj;
        ht.columns[static_cast<size_t>(bi)].total_of = static_cast<int>(g);
        for (int k = bi; k <= bj; ++k) {
            auto& col = ht.columns[static_cast<size_t>(k)];
            if (col.group < 0) {
                col.group = static_cast<int>(g);
            } else {
                int top = col.group;
                while (ht.groups[static_cast<size_t>(top)].parent >= 0) top = ht.groups[static_cast<size_t>(top)].parent;
                if (top != static_cast<int>(g)) ht.groups[static_cast<size_t>(top)].parent = static_cast<int>(g);
            }
        }
    }
    return ht;
}

// Year blocks (HorizontalSpec::year_heading): when every column stands in one of
// several blocks headed by a year (2025年预算数 | 2026年预算数) and the latest two
// print the same items, `ht` is narrowed to the latest block — read then as a table
// printed for one year under a heading over every column (its 合计 is the table's)
// — and `previous` gets, per column left, the figure printed for the year before.  False (and `ht` unchanged) otherwise.
bool narrow_to_latest_year(HorizontalTable& ht, const HorizontalSpec& hs, std::vector<Text>& previous) {
    if (hs.year_heading.empty()) return false;
    const RE2 heading(hs.year_heading);
    static const RE2 digits(R"((\d{4}))");
    struct Block {
        int group, year;
    };
    std::vector<Block> blocks;
    std::vector<bool> covered(ht.columns.size(), false);
    for (size_t g = 0; g < ht.groups.size(); ++g) {
        const auto& G = ht.groups[g];
        if (G.parent >= 0 || G.first < 0 || !RE2::FullMatch(G.text, heading)) continue;
        int year = 0;
        RE2::PartialMatch(G.text, digits, &year);
        blocks.push_back({static_cast<int>(g), year});
        for (int k = G.first; k <= G.last; ++k) covered[static_cast<size_t>(k)] = true;
    }
    if (blocks.size() < 2 || std::find(covered.begin(), covered.end(), false) != covered.end()) return false;
    std::sort(blocks.begin(), blocks.end(), [](const Block& a, const Block& b) { return a.year < b.year; });
    const Block latest = blocks.back(), before = blocks[blocks.size() - 2];
    if (before.year != latest.year - 1) return false;
    const auto L = ht.groups[static_cast<size_t>(latest.group)];
    const auto B = ht.groups[static_cast<size_t>(before.group)];
    const int width = L.last - L.first + 1;
    if (B.last - B.first + 1 != width) return false;
    for (int k = 0; k < width; ++k)
        if (ht.columns[static_cast<size_t>(L.first + k)].text != ht.columns[static_cast<size_t>(B.first + k)].text)
            return false;
    HorizontalTable narrowed;
    std::map<int, int> group_of;
    for (size_t g = 0; g < ht.groups.size(); ++g) {
        const auto& G = ht.groups[g];
        if (G.first < L.first || G.last > L.last) continue;
        group_of[static_cast<int>(g)] = static_cast<int>(narrowed.groups.size());
        auto copy = G;
        copy.first -= L.first;
        copy.last -= L.first;
        narrowed.groups.push_back(copy);
    }
    auto mapped = [&](int g) {
        auto it = group_of.find(g);
        return it == group_of.end() ? -1 : it->second;
    };
    for (auto& G : narrowed.groups) G.parent = mapped(G.parent);
    previous.clear();
    for (int k = 0; k < width; ++k) {
        auto col = ht.columns[static_cast<size_t>(L.first + k)];
        col.group = mapped(col.group);
        col.total_of = mapped(col.total_of);
        narrowed.columns.push_back(col);
        previous.push_back(ht.columns[static_cast<size_t>(B.first + k)].figure);
    }
    ht = std::move(narrowed);
    return true;
}

}  // namespace

// Reads `grid` as the horizontally printed table `hs` into `out` (three_public and
// the tables its other columns belong to).  False when it is not printed so.
bool read_horizontal(const TableRegion& region, const std::vector<const Line*>& grid, const HorizontalSpec& hs,
                     Document& doc, std::vector<Table>& out) {
    size_t h = 0;
    if (!is_horizontal(grid, hs, &h)) return false;
    const std::vector<const Line*> header(grid.begin(), grid.begin() + static_cast<long>(h));
    const Line& body = *grid[h];
    HorizontalTable ht = read_horizontal_grid(header, body, hs, doc, hs.table);
    std::vector<Text> previous;
    const bool year_blocks = narrow_to_latest_year(ht, hs, previous);
    const RE2 total_re(hs.total);
    const RE2 main_re(hs.main);
    // Each column's row label; the table's 合计 is the total of the main group
    // (“三公”经费) when it prints one, the all-columns total is then labelled with
    // what it adds up (合计(“三公”经费、会议费、培训费)).
    const int n = static_cast<int>(ht.columns.size());
    std::vector<std::string> label(static_cast<size_t>(n));
    int main_total = -1, root_total = -1;
    for (int k = 0; k < n; ++k) {
        const auto& col = ht.columns[static_cast<size_t>(k)];
        label[static_cast<size_t>(k)] = col.text;
        if (col.total_of >= 0) {
            const auto& G = ht.groups[static_cast<size_t>(col.total_of)];
            // A heading over every column (2026年预算数) names no item group: its
            // total is the table's.
            const bool whole_table = G.first == 0 && G.last == n - 1;
            if (RE2::PartialMatch(G.text, main_re) && main_total < 0) {
                main_total = k;
            } else if (whole_table && root_total < 0) {
                root_total = k;
            } else {
                label[static_cast<size_t>(k)] = G.text;
            }
        } else if (col.group < 0 && root_total < 0 && RE2::FullMatch(col.text, total_re)) {
            root_total = k;
        }
    }
    if (main_total < 0 && root_total >= 0) std::swap(main_total, root_total);
    if (main_total >= 0) label[static_cast<size_t>(main_total)] = hs.main_total_item;
    auto elsewhere = [&](const std::string& text) -> const HorizontalSpec::Elsewhere* {
        for (const auto& e : hs.elsewhere)
            if (RE2::PartialMatch(text, e.header)) return &e;
        return nullptr;
    };
    if (root_total >= 0) {
        std::string parts;
        std::vector<int> seen_groups;
        for (int k = 0; k < n; ++k) {
            const auto& col = ht.columns[static_cast<size_t>(k)];
            if (k == root_total || elsewhere(col.text)) continue;
            std::string name = col.text;
            if (col.group >= 0) {
                int top = col.group;
                while (ht.groups[static_cast<size_t>(top)].parent >= 0) top = ht.groups[static_cast<size_t>(top)].parent;
                if (std::find(seen_groups.begin(), seen_groups.end(), top) != seen_groups.end()) continue;
                seen_groups.push_back(top);
                name = ht.groups[static_cast<size_t>(top)].text;
            }
            parts += (parts.empty() ? "" : "、") + name;
        }
        label[static_cast<size_t>(root_total)] = ht.columns[static_cast<size_t>(root_total)].text + "(" + parts + ")";
    }
    Table main;
    main.id = hs.table;
    main.title = region.title;
    main.unit = region.unit;
    main.pages = {region.title_page};
    add_page(main.pages, body.page);
    for (int k = 0; k < n; ++k) {
        const auto& col = ht.columns[static_cast<size_t>(k)];
        if (const auto* e = elsewhere(col.text); e && e->table.empty()) {
            // A column printed with the items but no part of their total: its own
            // row, labelled as printed.
            Record r;
            r.fields = {{"item", col.text}, {"total", col.figure}, {"general_budget", std::nullopt},
                        {"gov_fund", std::nullopt}, {"state_capital", std::nullopt}};
            r.pages = {body.page};
        r.bbox = body.box;
            r.bbox = body.box;
            main.rows.push_back(std::move(r));
            continue;
        }
        if (const auto* e = elsewhere(col.text)) {
            auto it = std::find_if(out.begin(), out.end(), [&](const Table& t) { return t.id == e->table; });
            if (it == out.end()) {
                Table t;
                t.id = e->table;
                t.title = region.title;
                t.unit = region.unit;
                t.pages = main.pages;
                out.push_back(std::move(t));
                it = out.end() - 1;
            }
            Record r;
            r.fields = {{e->label_field, region.unit_name.empty() ? col.text : region.unit_name},
                        {"total", col.figure}, {"general_budget", std::nullopt}, {"gov_fund", std::nullopt},
                        {"state_capital", std::nullopt}};
            r.pages = {body.page};
        r.bbox = body.box;
            r.bbox = body.box;
            it->rows.push_back(std::move(r));
            continue;
        }
        Record r;
        r.fields = {{"item", label[static_cast<size_t>(k)]}, {"total", col.figure}, {"general_budget", std::nullopt},
                    {"gov_fund", std::nullopt}, {"state_capital", std::nullopt}};
        // The row this one is a part of: its group's total (its enclosing group's
        // when it is a group's total itself), else the all-columns total.
        int g = col.group;
        if (g >= 0 && ht.groups[static_cast<size_t>(g)].first == k) g = ht.groups[static_cast<size_t>(g)].parent;
        int whole = root_total;
        if (g >= 0) whole = ht.groups[static_cast<size_t>(g)].first;
        if (k == root_total) whole = -1;
        if (whole >= 0 && whole != k) r.fields.push_back({"part_of", label[static_cast<size_t>(whole)]});
        if (year_blocks) r.fields.push_back({hs.previous_year_field, previous[static_cast<size_t>(k)]});
        r.pages = {body.page};
        r.bbox = body.box;
        main.rows.push_back(std::move(r));
    }
    out.insert(out.begin(), std::move(main));
    return true;
}

}  // namespace budgetdoc::recognize
