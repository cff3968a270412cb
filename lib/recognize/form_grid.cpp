// The indicator grid of a 绩效目标申报表: 一级/二级/三级指标 and 指标值, the 实施期
// side and the 年度 side printed next to each other.
#include "recognize/form_grammar.hpp"

#include "normalize/text.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace budgetdoc::recognize::form {
namespace {

struct Row {
    double y0 = 1e18, y1 = -1e18;
    int line = 0;
    Text p_name, p_value, a_name, a_value, a_nature, a_unit, a_weight;
    Text level1, p_level2, a_level2;
};

void add(Text& slot, const std::string& s) {
    if (s.empty()) return;
    slot = slot ? normalize::join_fragments(*slot, s) : s;
}

bool is_data(GridCol c) {
    return c == GridCol::p_name || c == GridCol::p_value || c == GridCol::a_name || c == GridCol::a_value ||
           c == GridCol::a_nature || c == GridCol::a_unit || c == GridCol::a_weight;
}

Text* data_slot(Row& r, GridCol c) {
    switch (c) {
        case GridCol::p_name: return &r.p_name;
        case GridCol::p_value: return &r.p_value;
        case GridCol::a_name: return &r.a_name;
        case GridCol::a_value: return &r.a_value;
        case GridCol::a_nature: return &r.a_nature;
        case GridCol::a_unit: return &r.a_unit;
        case GridCol::a_weight: return &r.a_weight;
        case GridCol::level1: return &r.level1;
        case GridCol::p_level2: return &r.p_level2;
        case GridCol::a_level2: return &r.a_level2;
        default: return nullptr;
    }
}


}  // namespace

// Assign units (in vertical order) to labels (in vertical order) as contiguous
// blocks so that each label sits at the middle of its block: a merged cell's
// text is printed vertically centred.  Labels may get no unit (placeholder rows
// such as 经济效益指标 with nothing after it).  Returns the label index per unit.
std::vector<int> centre_blocks(const std::vector<double>& label_y, const std::vector<Span>& units, bool none_empty,
                               double* cost) {
    const int k = static_cast<int>(label_y.size()), n = static_cast<int>(units.size());
    std::vector<int> owner(n, -1);
    const double inf = std::numeric_limits<double>::infinity();
    if (cost) *cost = inf;
    if (k == 0 || n == 0) return owner;
    // dp[j][i]: best cost of placing the first i units into the first j labels.
    std::vector<std::vector<double>> dp(k + 1, std::vector<double>(n + 1, inf));
    std::vector<std::vector<int>> from(k + 1, std::vector<int>(n + 1, -1));
    dp[0][0] = 0;
    for (int j = 1; j <= k; ++j) {
        // A block lies between the neighbouring labels (checked below): only the
        // units there are tried, so a long grid costs its blocks, not n² per label.
        int a_min = 0, i_max = n;
        if (j >= 2)
            while (a_min < n && units[a_min].y0 + 1 < label_y[j - 2]) ++a_min;
        if (j < k) {
            i_max = 0;
            for (int i = 1; i <= n; ++i)
                if (units[i - 1].y1 - 1 <= label_y[j]) i_max = i;
        }
        for (int i = 0; i <= n; ++i) {
            // empty block
            if (!none_empty && dp[j - 1][i] < dp[j][i]) dp[j][i] = dp[j - 1][i], from[j][i] = i;
            if (i > i_max) continue;
            for (int a = a_min; a < i; ++a) {
                if (dp[j - 1][a] == inf) continue;
                // A merged cell never reaches past a neighbouring label.
                const double lo = units[a].y0 + 1, hi = units[i - 1].y1 - 1;
                if (j >= 2 && label_y[j - 2] > lo) continue;
                if (j < k && label_y[j] < hi) continue;
                const double mid = (units[a].y0 + units[i - 1].y1) / 2;
                const double c = dp[j - 1][a] + std::fabs(label_y[j - 1] - mid);
                if (c < dp[j][i]) dp[j][i] = c, from[j][i] = a;
            }
        }
    }
    if (dp[k][n] == inf) {  // no consistent blocks: nearest label
        for (int u = 0; u < n; ++u) {
            const double c = (units[u].y0 + units[u].y1) / 2;
            double bd = inf;
            for (int j = 0; j < k; ++j)
                if (std::fabs(label_y[j] - c) < bd) bd = std::fabs(label_y[j] - c), owner[u] = j;
        }
        return owner;
    }
    int i = n;
    for (int j = k; j >= 1; --j) {
        const int a = from[j][i];
        for (int u = a; u < i; ++u) owner[u] = j - 1;
        i = a;
    }
    if (cost) *cost = dp[k][n];
    return owner;
}

namespace {

struct Label {
    std::string text;
    Box box;
};

std::vector<Indicator> emit(const std::vector<Row>& rows) {
    std::vector<Indicator> out;
    for (const auto& r : rows) {
        if (r.p_name || r.p_value) out.push_back({"period", r.level1, r.p_level2, r.p_name, r.p_value, {}, {}, {}});
        if (r.a_name || r.a_value) out.push_back({"annual", r.level1, r.a_level2, r.a_name, r.a_value, r.a_nature, r.a_unit, r.a_weight});
    }
    return out;
}

// A value cell that starts an indicator's value (a comparison, a figure)
// rather than continuing the line above it ("≤5137.26平" / "方米").
bool starts_value(const std::string& text) {
    static const RE2 re(R"(^\s*(?:[<>=≤≥≠＜＞]|\d|[-+]\d))");
    return RE2::PartialMatch(text, re);
}

// Rows of a one-sided grid (annual targets only): one per printed 指标值;
// the other cells of a row (a name wrapped over lines next to a one-line
// value, 性质, 单位, 权重) go to the value nearest their middle.
std::vector<Row> rows_by_value(const std::vector<const GridCell*>& data) {
    std::vector<const GridCell*> values;
    for (auto* c : data)
        if (c->col == GridCol::a_value) values.push_back(c);
    std::vector<Row> rows;
    for (auto* v : values) {
        const double h = v->box.height();
        if (!rows.empty() && !starts_value(v->text) && v->box.y0 - rows.back().y1 < 0.3 * h) {
            add(rows.back().a_value, v->text);  // the value's second line
            rows.back().y1 = std::max(rows.back().y1, v->box.y1);
            continue;
        }
        Row r;
        r.y0 = v->box.y0, r.y1 = v->box.y1;
        r.a_value = v->text;
        rows.push_back(std::move(r));
    }
    for (auto* c : data) {
        if (c->col == GridCol::a_value) continue;
        if (rows.empty()) rows.emplace_back(), rows.back().y0 = c->box.y0, rows.back().y1 = c->box.y1;
        Row* best = &rows.front();
        for (auto& r : rows)
            if (std::fabs((r.y0 + r.y1) / 2 - c->box.center_y()) < std::fabs((best->y0 + best->y1) / 2 - c->box.center_y()))
                best = &r;
        add(*data_slot(*best, c->col), c->text);
        best->y0 = std::min(best->y0, c->box.y0), best->y1 = std::max(best->y1, c->box.y1);
    }
    return rows;
}

std::vector<Indicator> read_geometric(const std::vector<GridCell>& cells) {
    // Data rows: cells of the name/value columns that overlap vertically.
    std::vector<const GridCell*> data;
    std::vector<Label> l1, p2, a2;
    for (const auto& c : cells) {
        if (is_data(c.col))
            data.push_back(&c);
        else if (c.col == GridCol::level1)
            l1.push_back({c.text, c.box});
        else if (c.col == GridCol::p_level2)
            p2.push_back({c.text, c.box});
        else if (c.col == GridCol::a_level2)
            a2.push_back({c.text, c.box});
    }
    std::stable_sort(data.begin(), data.end(),
                     [](auto* a, auto* b) { return a->box.center_y() < b->box.center_y(); });
    const bool one_sided = std::none_of(data.begin(), data.end(), [](auto* c) {
        return c->col == GridCol::p_name || c->col == GridCol::p_value;
    }) && std::any_of(data.begin(), data.end(), [](auto* c) { return c->col == GridCol::a_value; });
    std::vector<Row> rows;
    if (one_sided) rows = rows_by_value(data);
    for (auto* c : one_sided ? std::vector<const GridCell*>{} : data) {
        Row* best = nullptr;
        double best_ov = 0;
        for (auto& r : rows) {
            const double ov = std::min(r.y1, c->box.y1) - std::max(r.y0, c->box.y0);
            const double h = std::max(1e-6, std::min(r.y1 - r.y0, c->box.height()));
            if (ov / h > best_ov) best_ov = ov / h, best = &r;
        }
        if (!best || best_ov < 0.5) {
            rows.emplace_back();
            best = &rows.back();
        }
        best->y0 = std::min(best->y0, c->box.y0);
        best->y1 = std::max(best->y1, c->box.y1);
        add(*data_slot(*best, c->col), c->text);
    }
    std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.y0 < b.y0; });
    auto by_y = [](std::vector<Label>& v) {
        std::stable_sort(v.begin(), v.end(),
                         [](const Label& a, const Label& b) { return a.box.center_y() < b.box.center_y(); });
    };
    by_y(l1), by_y(p2), by_y(a2);
    std::vector<Span> row_spans;
    for (const auto& r : rows) row_spans.push_back({r.y0, r.y1});
    auto centres = [](const std::vector<Label>& v) {
        std::vector<double> y;
        for (const auto& l : v) y.push_back(l.box.center_y());
        return y;
    };

    // 二级指标 of each side.
    const auto p_owner = centre_blocks(centres(p2), row_spans);
    const auto a_owner = centre_blocks(centres(a2), row_spans);
    for (size_t i = 0; i < rows.size(); ++i) {
        if (p_owner[i] >= 0) rows[i].p_level2 = p2[p_owner[i]].text;
        if (a_owner[i] >= 0) rows[i].a_level2 = a2[a_owner[i]].text;
    }

    // 一级指标: blocks of 二级指标 blocks (placeholders included), else of rows.
    if (!l1.empty()) {
        std::vector<Span> units;
        std::vector<int> unit_of_row(rows.size(), -1);
        if (!p2.empty()) {
            for (size_t j = 0; j < p2.size(); ++j) {
                Span s{p2[j].box.y0, p2[j].box.y1};
                for (size_t i = 0; i < rows.size(); ++i)
                    if (p_owner[i] == static_cast<int>(j)) {
                        s.y0 = std::min(s.y0, rows[i].y0), s.y1 = std::max(s.y1, rows[i].y1);
                        unit_of_row[i] = static_cast<int>(j);
                    }
                units.push_back(s);
            }
            // Rows before the first label: a unit of their own each (rare).
            for (size_t i = 0; i < rows.size(); ++i)
                if (unit_of_row[i] < 0) {
                    unit_of_row[i] = static_cast<int>(units.size());
                    units.push_back(row_spans[i]);
                }
            // keep units in vertical order
            std::vector<int> order(units.size());
            for (size_t u = 0; u < order.size(); ++u) order[u] = static_cast<int>(u);
            std::stable_sort(order.begin(), order.end(),
                             [&](int a, int b) { return units[a].y0 + units[a].y1 < units[b].y0 + units[b].y1; });
            std::vector<Span> sorted;
            std::vector<int> rank(units.size());
            for (size_t u = 0; u < order.size(); ++u) sorted.push_back(units[order[u]]), rank[order[u]] = static_cast<int>(u);
            const auto owner = centre_blocks(centres(l1), sorted);
            for (size_t i = 0; i < rows.size(); ++i) {
                const int o = owner[rank[unit_of_row[i]]];
                if (o >= 0) rows[i].level1 = l1[o].text;
            }
        } else {
            const auto owner = centre_blocks(centres(l1), row_spans);
            for (size_t i = 0; i < rows.size(); ++i)
                if (owner[i] >= 0) rows[i].level1 = l1[owner[i]].text;
        }
    }
    return emit(rows);
}

// "服务对象满意度指" is the annual (narrow column) print of "服务对象满意度指标".
bool same_or_truncated(const std::string& a, const std::string& b) {
    if (a.empty() || b.empty()) return false;
    const std::string sa = normalize::strip_spaces(a), sb = normalize::strip_spaces(b);
    return sa.rfind(sb, 0) == 0 || sb.rfind(sa, 0) == 0;
}

// Text input: one line per printed row, a level label applies from its own line
// downward.  The period and annual halves mirror each other (the annual name is
// the period name, possibly truncated; the values are equal), which places the
// cells of a row even when the extraction slid them into other columns.
std::vector<Indicator> read_columns(const std::vector<GridCell>& cells, bool* lossy, std::string* reason) {
    std::map<int, std::vector<const GridCell*>> lines;
    for (const auto& c : cells) lines[c.line].push_back(&c);
    std::vector<Row> rows;
    Text l1, p2, a2;
    int shifted = 0;
    for (auto& [ln, cs] : lines) {
        std::stable_sort(cs.begin(), cs.end(), [](auto* a, auto* b) { return a->box.x0 < b->box.x0; });
        Row r;
        // Mirror reading: name,value … name,value with equal values.
        const int n = static_cast<int>(cs.size());
        int mi = -1, mj = -1;
        for (int i = 0; i + 1 < n && mi < 0; ++i)
            for (int j = i + 2; j + 1 < n; ++j)
                if (same_or_truncated(cs[i]->text, cs[j]->text) && cs[i + 1]->text == cs[j + 1]->text &&
                    j + 1 == n - 1) {
                    mi = i, mj = j;
                    break;
                }
        std::vector<GridCol> role(n, GridCol::none);
        if (mi >= 0) {
            role[mi] = GridCol::p_name, role[mi + 1] = GridCol::p_value;
            role[mj] = GridCol::a_name, role[mj + 1] = GridCol::a_value;
            for (int k = mi + 2; k < mj; ++k) role[k] = GridCol::a_level2;
            if (mi >= 2) {
                for (int k = 0; k < mi - 2; ++k) role[k] = GridCol::none;
                role[mi - 2] = GridCol::level1, role[mi - 1] = GridCol::p_level2;
            } else if (mi == 1) {
                // One label before the name: the 二级指标 when the annual side
                // repeats it, else keep the column's reading.
                bool mirrored = false;
                for (int k = mi + 2; k < mj; ++k)
                    if (same_or_truncated(cs[0]->text, cs[k]->text)) mirrored = true;
                role[0] = mirrored ? GridCol::p_level2
                                   : (cs[0]->col == GridCol::level1 ? GridCol::level1 : GridCol::p_level2);
            }
            for (int k = 0; k < n; ++k)
                if (role[k] != cs[k]->col) {
                    ++shifted;
                    break;
                }
        } else if (n >= 2 && n <= 3 && same_or_truncated(cs[n - 2]->text, cs[n - 1]->text)) {
            // A 二级指标 printed on both sides with nothing after it (placeholder),
            // possibly under a 一级指标.
            if (n == 3) role[0] = GridCol::level1;
            role[n - 2] = GridCol::p_level2, role[n - 1] = GridCol::a_level2;
            for (int k = 0; k < n; ++k)
                if (role[k] != cs[k]->col) {
                    ++shifted;
                    break;
                }
        } else if (n == 4 && same_or_truncated(cs[0]->text, cs[3]->text) && cs[1]->col != GridCol::p_name) {
            // The 二级指标 pair around one name/value: the annual cells were lost.
            role = {GridCol::p_level2, GridCol::p_name, GridCol::p_value, GridCol::a_level2};
            ++shifted;
        } else {
            for (int k = 0; k < n; ++k) role[k] = cs[k]->col;
        }
        for (int k = 0; k < n; ++k) {
            switch (role[k]) {
                case GridCol::level1: l1 = cs[k]->text, p2.reset(), a2.reset(); break;
                case GridCol::p_level2: p2 = cs[k]->text; break;
                case GridCol::a_level2: a2 = cs[k]->text; break;
                default:
                    if (Text* s = data_slot(r, role[k])) add(*s, cs[k]->text);
            }
        }
        r.level1 = l1, r.p_level2 = p2, r.a_level2 = a2;
        r.line = ln;
        rows.push_back(std::move(r));
    }
    if (shifted && lossy) {
        *lossy = true;
        if (reason) *reason = std::to_string(shifted) + " indicator row(s) with cells in unexpected columns";
    }
    return emit(rows);
}

}  // namespace

std::vector<Indicator> read_grid(const std::vector<GridCell>& cells, bool geometric, bool* lossy,
                                 std::string* reason) {
    if (geometric) return read_geometric(cells);
    return read_columns(cells, lossy, reason);
}

}  // namespace budgetdoc::recognize::form
