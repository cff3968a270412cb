// Performance-target tables that list many projects (项目支出绩效目标表 of
// 北京, 广州, 长沙 …): one row block per project — its name, amounts and goal
// printed once in merged cells, vertically centred on the block — and either
// one line per indicator (一级/二级/三级指标, 性质, 指标值, 度量单位, 权重) or all
// indicators as one numbered text ("1、1-产出指标;11-数量指标;名称;实施周期指标值:…;
// 年度指标值:…。2、…").  Each project becomes one form fragment.
//
// Reading is by geometry only, since the text source gives no ruling lines:
// every body cell goes to the header column nearest its centre, the cells of a
// column are joined into paragraphs (one per printed cell), and merged cells are
// matched to the rows they are centred on (centre_blocks).  A table continues on
// following pages, with or without its header printed again; a project cut by a
// page break is printed on both pages and is joined by dedupe/form_merge.
#include "recognize/form_grammar.hpp"
#include "recognize/patterns.hpp"
#include "recognize/templates.hpp"

#include "normalize/amount.hpp"
#include "normalize/text.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <stdexcept>

namespace budgetdoc::recognize::form {
namespace {

const std::pair<const char*, ListCol> kColumnNames[] = {
    {"project", ListCol::project}, {"code", ListCol::code},     {"total", ListCol::total},
    {"fiscal", ListCol::fiscal},   {"other", ListCol::other},   {"goal", ListCol::goal},
    {"level1", ListCol::level1},   {"level2", ListCol::level2}, {"name", ListCol::name},
    {"nature", ListCol::nature},   {"value", ListCol::value},   {"unit", ListCol::unit},
    {"weight", ListCol::weight},   {"indicators", ListCol::indicators}, {"ignored", ListCol::ignored},
};

// How close (in font sizes) the lines of one printed cell are: lines of a cell
// follow at the line pitch (a gap of ~0.2 em between glyph boxes); cells of
// neighbouring rows are apart by their padding on both sides of the ruling.
constexpr double kParagraphGapEm = 0.45;
// A cell reaching this far (in font sizes) past the middles of two columns is
// two cells the line builder joined.
constexpr double kStraddleEm = 1.0;

// A header word is short: a cell of more printed characters is none.
constexpr size_t kLongestHeaderWord = 16;

ListCol header_col(const std::string& text) {
    // Header words of templates/forms.yaml, matched in one pass per cell (this
    // runs on every short cell of every page); the first listed entry wins.
    struct Words {
        std::vector<ListCol> cols;
        FirstMatch match;
    };
    static const Words words = [] {
        std::vector<ListCol> cols;
        std::vector<std::string> patterns;
        for (const auto& lc : builtin_templates().forms.list_columns) {
            patterns.push_back(lc.pattern);
            cols.push_back(*list_column_named(lc.column));
        }
        return Words{std::move(cols), FirstMatch(patterns, "list column")};
    }();
    const std::string s = normalize::strip_spaces(text);
    if (s.empty() || normalize::char_count(s) > kLongestHeaderWord) return ListCol::none;
    const int hit = words.match.find(s);
    return hit < 0 ? ListCol::none : words.cols[static_cast<size_t>(hit)];
}

struct Column {
    ListCol col;
    double x0, x1;
    double y0 = 0, y1 = 0;  // the heading's box (several header lines)
    double cx() const { return (x0 + x1) / 2; }
};

struct Header {
    std::vector<Column> columns;  // left to right
    std::vector<double> bounds;   // x between column i and i+1 (learn_bounds); empty: the middles
    bool grid() const {
        for (const auto& c : columns)
            if (c.col == ListCol::value || c.col == ListCol::name) return true;
        return false;
    }
    bool has(ListCol k) const {
        for (const auto& c : columns)
            if (c.col == k) return true;
        return false;
    }
};

struct HeaderCell {
    std::string text;
    Box box;
};

// The cells of a header line, a word printed over two lines in one column
// ("项目名称(资金使" over "用单位)") joined into one.
std::vector<HeaderCell> header_cells(const Line& ln) {
    std::vector<HeaderCell> out;
    for (const auto& c : ln.cells)
        if (!c.text.empty()) out.push_back({c.text, c.box});
    for (size_t i = 0; i < out.size(); ++i) {
        for (size_t j = i + 1; j < out.size(); ++j) {
            const Box &a = out[i].box, &b = out[j].box;
            const double ov = std::min(a.x1, b.x1) - std::max(a.x0, b.x0);
            if (ov < 0.5 * std::min(a.width(), b.width())) continue;
            if (std::fabs(a.y0 - b.y0) < 0.5 * std::min(a.height(), b.height())) continue;  // side by side
            const bool a_first = a.y0 < b.y0;
            HeaderCell m{a_first ? out[i].text + out[j].text : out[j].text + out[i].text, a};
            m.box.x0 = std::min(a.x0, b.x0), m.box.x1 = std::max(a.x1, b.x1);
            m.box.y0 = std::min(a.y0, b.y0), m.box.y1 = std::max(a.y1, b.y1);
            out[i] = m;
            out.erase(out.begin() + static_cast<long>(j));
            j = i;
        }
    }
    return out;
}

bool all_header_words(const Line& ln) {
    // Cheap test first: a cell too long for any header word (pieces only join).
    for (const auto& c : ln.cells)
        if (normalize::char_count(c.text) > 2 * kLongestHeaderWord) return false;
    int n = 0;
    for (const auto& c : header_cells(ln)) {
        if (header_col(c.text) == ListCol::none) return false;
        ++n;
    }
    return n > 0;
}

// The header block starting at lines[i] (its lines all header words), if it
// names a project column and indicators.  *end = the first line after it.
std::optional<Header> header_at(const std::vector<Line>& lines, size_t i, size_t* end) {
    if (!all_header_words(lines[i])) return std::nullopt;
    Header h;
    size_t j = i;
    for (; j < lines.size() && j < i + 4 && all_header_words(lines[j]); ++j)
        for (const auto& c : header_cells(lines[j]))
            h.columns.push_back({header_col(c.text), c.box.x0, c.box.x1, c.box.y0, c.box.y1});
    if (!h.has(ListCol::project)) return std::nullopt;
    if (!(h.has(ListCol::value) || h.has(ListCol::name) || h.has(ListCol::indicators))) return std::nullopt;
    if (!(h.has(ListCol::total) || h.has(ListCol::goal))) return std::nullopt;
    // 绩效指标 printed over the grid columns is a heading, not a text column.
    if (h.grid())
        for (auto& c : h.columns)
            if (c.col == ListCol::indicators) c.col = ListCol::ignored;
    // A heading without a field printed over other headings (绩效指标 over the
    // grid, 其中: over 财政资金) names a group, not a column of its own.
    std::vector<Column> kept;
    for (const auto& c : h.columns) {
        const bool over_another = c.col == ListCol::ignored && std::any_of(h.columns.begin(), h.columns.end(), [&](const Column& o) {
            return &o != &c && o.y0 >= c.y1 && std::min(o.x1, c.x1) > std::max(o.x0, c.x0);
        });
        if (!over_another) kept.push_back(c);
    }
    h.columns = std::move(kept);
    // A heading printed over sub-columns (项目总额 over 财政资金 | 其他资金)
    // keeps its own column: the total is printed under it.
    std::stable_sort(h.columns.begin(), h.columns.end(),
                     [](const Column& a, const Column& b) { return a.cx() < b.cx(); });
    *end = j;
    return h;
}

// A line that ends the table: a title, a part heading, a table label, or one
// text running across several columns (the narrative after the table).
bool ends_table(const Header& h, const Line& ln) {
    if (ln.cells.size() == 1) {
        int covered = 0;
        for (const auto& c : h.columns)
            if (c.cx() > ln.cells[0].box.x0 && c.cx() < ln.cells[0].box.x1) ++covered;
        if (covered >= 3) return true;
    }
    std::string whole;
    for (const auto& c : ln.cells) whole += c.text;
    const std::string s = normalize::strip_spaces(whole);
    if (RE2::PartialMatch(s, part_heading()) || RE2::FullMatch(s, table_label_line())) return true;
    if (ln.cells.size() <= 2 && RE2::FullMatch(s, other_table_title()) && s.find("指标") == std::string::npos)
        return true;
    return false;
}

// A printed cell (or piece of one) of the table body in its column.
struct Piece {
    size_t col;  // index into Header::columns
    std::string text;
    Box box;     // in the table's coordinates (pages stacked, see TableRun)
    double em;
    int page;
};

// Character weights for splitting a joined cell: ASCII prints half as wide.
std::vector<double> char_widths(const std::string& s) {
    std::vector<double> w;
    for (size_t i = 0; i < s.size();) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        const size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        w.push_back(c < 0x80 ? 0.5 : 1.0);
        i += n;
    }
    return w;
}
std::string utf8_sub(const std::string& s, size_t from, size_t count) {
    size_t i = 0, k = 0, a = s.size(), b = s.size();
    for (; i < s.size(); ++k) {
        if (k == from) a = i;
        if (k == from + count) {
            b = i;
            break;
        }
        const unsigned char c = static_cast<unsigned char>(s[i]);
        i += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    }
    if (a > s.size()) return {};
    return s.substr(a, b - a);
}

// The column x is in: between the learned boundaries, else the one whose
// heading's middle is nearest.
size_t nearest_column(const Header& h, double x) {
    if (!h.bounds.empty() && h.bounds.size() + 1 == h.columns.size()) {
        size_t i = 0;
        while (i < h.bounds.size() && x >= h.bounds[i]) ++i;
        return i;
    }
    size_t best = 0;
    double bd = 1e18;
    for (size_t i = 0; i < h.columns.size(); ++i) {
        const double d = std::fabs(h.columns[i].cx() - x);
        if (d < bd) bd = d, best = i;
    }
    return best;
}

// Where one column ends and the next begins.  A heading is centred on its
// column, so from the table's left edge each boundary follows from the last
// (b_i = 2·c_i − b_{i−1}); the printed text says where boundaries can be — in
// the gaps no cell covers — and each one is moved into the nearest gap, which
// stops errors from adding up.  Left-aligned text in a wide column and a narrow
// column beside it are told apart so, where the middle between two headings
// would cut through a column.  Without gaps to go by, the middles are kept.
constexpr double kGapCoverShare = 0.02;  // x covered by at most this share of the cells is a gap
constexpr double kEdgePadding = 2;       // points between the table's edge and its first text

void learn_bounds(Header& h, const std::vector<Box>& cells) {
    h.bounds.clear();
    if (h.columns.size() < 2 || cells.size() < 4) return;
    double left = 1e18, right = -1e18;
    for (const auto& b : cells) left = std::min(left, b.x0), right = std::max(right, b.x1);
    const long x0 = std::lround(std::floor(left)), x1 = std::lround(std::ceil(right));
    if (x1 - x0 < 10) return;
    std::vector<int> cover(static_cast<size_t>(x1 - x0 + 1), 0);
    for (const auto& b : cells)
        for (long x = std::lround(b.x0); x <= std::lround(b.x1); ++x)
            if (x > x0 && x < x1) ++cover[static_cast<size_t>(x - x0)];
    const int limit = static_cast<int>(kGapCoverShare * static_cast<double>(cells.size()));
    const auto is_gap = [&](long x) { return x <= x0 || x >= x1 || cover[static_cast<size_t>(x - x0)] <= limit; };
    double prev = left - kEdgePadding;
    std::vector<double> bounds;
    for (size_t i = 0; i + 1 < h.columns.size(); ++i) {
        const double c = h.columns[i].cx(), next = h.columns[i + 1].cx();
        double b = 2 * c - prev;
        b = std::min(std::max(b, c + 1), next - 1);  // between the two headings' middles
        // The nearest gap, searched outwards, kept between the middles.
        long best = -1;
        for (long d = 0; d <= std::lround(next - c); ++d) {
            for (long x : {std::lround(b) - d, std::lround(b) + d})
                if (x > c && x < next && is_gap(x)) {
                    best = x;
                    break;
                }
            if (best >= 0) break;
        }
        // Text everywhere between the headings: nothing to go by but the middle.
        const double at = best >= 0 ? static_cast<double>(best) : (c + next) / 2;
        bounds.push_back(at);
        prev = at;
    }
    h.bounds = std::move(bounds);
}

// The cells of a line as pieces in columns; a cell that covers two columns is
// cut between them, in proportion to its characters.
void add_pieces(const Header& h, const Line& ln, int page, double dy, std::vector<Piece>& out) {
    for (Cell c : ln.cells) {
        if (c.text.empty()) continue;
        c.box.y0 += dy, c.box.y1 += dy;
        const double em = c.font_size > 0 ? c.font_size : std::max(1.0, c.box.height());
        std::vector<double> cuts;  // boundaries strictly inside the cell
        // Only a cell reaching over the middles of two columns is cut: headings
        // are centred, a column's text may start or end anywhere inside it.
        const auto inside = [&](double x) { return x > c.box.x0 + kStraddleEm * em && x < c.box.x1 - kStraddleEm * em; };
        for (size_t i = 0; i + 1 < h.columns.size(); ++i)
            if (inside(h.columns[i].cx()) && inside(h.columns[i + 1].cx()))
                cuts.push_back(i < h.bounds.size() ? h.bounds[i] : (h.columns[i].cx() + h.columns[i + 1].cx()) / 2);
        if (cuts.empty()) {
            out.push_back({nearest_column(h, c.box.center_x()), c.text, c.box, em, page});
            continue;
        }
        const auto w = char_widths(c.text);
        double total = 0;
        for (double x : w) total += x;
        cuts.push_back(c.box.x1 + 1);
        size_t from = 0;
        double acc = 0, x = c.box.x0;
        for (double cut : cuts) {
            size_t to = from;
            double a = acc;
            while (to < w.size() && c.box.x0 + (a + w[to] / 2) / total * c.box.width() < cut) a += w[to++];
            if (to > from) {
                Box b = c.box;
                b.x0 = x;
                b.x1 = c.box.x0 + a / total * c.box.width();
                out.push_back({nearest_column(h, b.center_x()), utf8_sub(c.text, from, to - from), b, em, page});
                x = b.x1;
            }
            from = to, acc = a;
        }
    }
}

// Lines of one cell wrapped by the printer: no space is printed at the break
// unless two Latin words meet (a project code or a figure is cut anywhere).
std::string join_wrapped(const std::string& left, const std::string& right) {
    if (left.empty()) return right;
    if (right.empty()) return left;
    const unsigned char l = static_cast<unsigned char>(left.back()), r = static_cast<unsigned char>(right.front());
    const bool latin_l = std::isalpha(l) != 0, latin_r = std::isalpha(r) != 0;
    return latin_l && latin_r ? left + " " + right : left + right;
}

// A left-aligned column's lines all start at one x; a short last line of its
// text ("效运行。") sits nearer the next heading's middle than its own.  A piece
// starting where at least kMinLeftEdge pieces of another column start, and more
// of them than of its own, is that column's.
constexpr int kMinLeftEdge = 3;

void align_left_edges(std::vector<Piece>& pieces) {
    std::map<std::pair<size_t, long>, int> starts;  // (column, x0 rounded) → pieces
    for (const auto& p : pieces) starts[{p.col, std::lround(p.box.x0)}]++;
    const auto count = [&](size_t col, long x) {
        int n = 0;
        for (long d = -1; d <= 1; ++d) {
            auto it = starts.find({col, x + d});
            if (it != starts.end()) n += it->second;
        }
        return n;
    };
    std::set<size_t> cols;
    for (const auto& [key, n] : starts) cols.insert(key.first);
    for (auto& p : pieces) {
        const long x = std::lround(p.box.x0);
        size_t best = p.col;
        int best_n = count(p.col, x);
        for (size_t c : cols)
            if (c != p.col && count(c, x) >= kMinLeftEdge && count(c, x) > best_n) best = c, best_n = count(c, x);
        p.col = best;
    }
}

// One printed cell: the pieces of a column that follow at the line pitch.
struct Para {
    std::string text;
    Box box;
    int page, last_page;
    double cy() const { return box.center_y(); }
};

// A numbered indicator text begins with its first item ("1、…"): the text of
// the next project's cell, however close below the previous one it is printed.
bool starts_numbered_list(const std::string& text) {
    static const RE2 re(R"(^\s*1\s*、)");
    return RE2::PartialMatch(text, re);
}

std::vector<Para> paragraphs(std::vector<const Piece*> ps, bool numbered = false) {
    std::stable_sort(ps.begin(), ps.end(), [](const Piece* a, const Piece* b) {
        return a->page != b->page ? a->page < b->page : a->box.y0 < b->box.y0;
    });
    // Pieces on one printed line read left to right.
    for (size_t i = 0; i < ps.size();) {
        size_t j = i + 1;
        while (j < ps.size() && ps[j]->page == ps[i]->page && ps[j]->box.y0 - ps[i]->box.y0 < 0.3 * ps[i]->em) ++j;
        std::stable_sort(ps.begin() + static_cast<long>(i), ps.begin() + static_cast<long>(j),
                         [](const Piece* a, const Piece* b) { return a->box.x0 < b->box.x0; });
        i = j;
    }
    std::vector<Para> out;
    for (const Piece* p : ps) {
        // A numbered text runs on, whatever the gaps between its lines, until
        // the next text's "1、".
        const bool continues = numbered ? !starts_numbered_list(p->text)
                                        : p->box.y0 - (out.empty() ? 0 : out.back().box.y1) < kParagraphGapEm * p->em;
        if (!out.empty() && out.back().last_page == p->page && continues) {
            Para& q = out.back();
            q.text = join_wrapped(q.text, p->text);
            q.box.x0 = std::min(q.box.x0, p->box.x0), q.box.x1 = std::max(q.box.x1, p->box.x1);
            q.box.y0 = std::min(q.box.y0, p->box.y0), q.box.y1 = std::max(q.box.y1, p->box.y1);
        } else {
            out.push_back({p->text, p->box, p->page, p->page});
        }
    }
    return out;
}

size_t nearest(const std::vector<Para>& anchors, double y) {
    size_t best = 0;
    double bd = 1e18;
    for (size_t i = 0; i < anchors.size(); ++i) {
        const double d = std::fabs(anchors[i].cy() - y);
        if (d < bd) bd = d, best = i;
    }
    return best;
}

void add(Text& slot, const std::string& s) {
    if (s.empty()) return;
    slot = slot ? normalize::join_fragments(*slot, s) : s;
}

// "1-产出指标" → "产出指标": the numeric code some templates print before a level.
std::string without_code(const std::string& s) {
    static const RE2 re(R"(^\s*\d+\s*-\s*(.*)$)");
    std::string rest;
    return RE2::FullMatch(s, re, &rest) ? rest : s;
}

// The numbered indicator text of one project:
// "1、1-产出指标;11-数量指标;名称;实施周期指标值:X;年度指标值:Y。2、…".
std::vector<Indicator> parse_indicator_text(const std::string& text) {
    std::vector<Indicator> out;
    static const RE2 item_start(R"((?:^|[。.;])\s*(\d{1,2})\s*、)");
    std::vector<std::pair<size_t, size_t>> starts;  // (item start, text start)
    re2::StringPiece in(text);
    re2::StringPiece m[2];
    size_t pos = 0;
    int expect = 1;
    while (pos < text.size() && item_start.Match(in, pos, text.size(), RE2::UNANCHORED, m, 2)) {
        const int n = std::atoi(std::string(m[1].data(), m[1].size()).c_str());
        const size_t at = static_cast<size_t>(m[0].data() - text.data());
        const size_t body = at + m[0].size();
        if (n == expect) {
            starts.push_back({at, body});
            ++expect;
        }
        pos = body;
    }
    static const RE2 period_value(R"(^(?:实施周期|实施期|中长期)指标值\s*:?\s*(.*)$)");
    static const RE2 annual_value(R"(^(?:年度|本年|当年)指标值\s*:?\s*(.*)$)");
    for (size_t k = 0; k < starts.size(); ++k) {
        const size_t stop = k + 1 < starts.size() ? starts[k + 1].first : text.size();
        std::string item = text.substr(starts[k].second, stop - starts[k].second);
        while (!item.empty() && (item.back() == '.' || item.back() == ' ')) item.pop_back();
        if (item.size() >= 3 && item.compare(item.size() - 3, 3, "。") == 0) item.resize(item.size() - 3);
        std::vector<std::string> parts;
        size_t a = 0;
        for (size_t b; (b = item.find(';', a)) != std::string::npos; a = b + 1) parts.push_back(item.substr(a, b - a));
        parts.push_back(item.substr(a));
        Text level1, level2, name, period, annual, plain;
        std::vector<std::string> labels;
        for (auto& p : parts) {
            std::string s = p, v;
            while (!s.empty() && s.front() == ' ') s.erase(0, 1);
            while (!s.empty() && s.back() == ' ') s.pop_back();
            if (RE2::FullMatch(s, period_value, &v))
                period = v;
            else if (RE2::FullMatch(s, annual_value, &v))
                annual = v;
            else if (!s.empty())
                labels.push_back(s);
        }
        // Labels: 一级, 二级, then the indicator's name (which may hold ';').
        if (!labels.empty()) level1 = without_code(labels[0]);
        if (labels.size() >= 2) level2 = without_code(labels[1]);
        if (labels.size() >= 3) {
            std::string n = labels[2];
            for (size_t i = 3; i < labels.size(); ++i) n += ";" + labels[i];
            name = n;
        }
        if (labels.size() == 4 && !period && !annual) name = labels[2], annual = labels[3];
        if (period) out.push_back({"period", level1, level2, name, period, {}, {}, {}});
        if (annual || !period) out.push_back({"annual", level1, level2, name, annual, {}, {}, {}});
    }
    return out;
}

// The table being read: its header, title and money unit, carried across pages.
struct Table {
    Header header;
    std::string title;
    std::string money_unit;
    std::optional<int> year;
    Text department;  // 部门名称: printed above the table
};


// Rows to projects: each project's place is printed centred on its block of
// rows, and every project has at least one (centre_blocks, no empty block).
// *cost (when given) is the sum of the places' distances from their blocks'
// middles, infinite when no such reading exists.  Returns the project per row.
std::vector<int> project_blocks(const std::vector<Para>& names, const std::vector<Span>& rows, double* cost = nullptr) {
    if (cost) *cost = std::numeric_limits<double>::infinity();
    std::vector<double> ys;
    for (const auto& p : names) ys.push_back(p.cy());
    if (names.empty() || rows.empty()) return std::vector<int>(rows.size(), -1);
    if (names.size() > rows.size()) return centre_blocks(ys, rows);
    double c = 0;
    auto owner = centre_blocks(ys, rows, true, &c);
    if (c == std::numeric_limits<double>::infinity()) return centre_blocks(ys, rows);
    if (cost) *cost = c;
    return owner;
}

// Rows to projects, the other way producers print a project cut by a page break
// (iText): its merged cells are printed once, centred on its rows of the first
// page; its rows on the next page come before the next project's, under no name.
// Per page: a block of rows carried from the previous page's last project (any
// number, no cost), then each name's block, centred on it.
std::vector<int> first_share_blocks(const std::vector<Para>& names, const std::vector<Span>& rows,
                                    const std::vector<int>& row_page) {
    const double inf = std::numeric_limits<double>::infinity();
    std::vector<int> owner(rows.size(), -1);
    int carried = -1;
    size_t i0 = 0;
    while (i0 < rows.size()) {
        const int page = row_page[i0];
        size_t i1 = i0;
        while (i1 < rows.size() && row_page[i1] == page) ++i1;
        std::vector<int> labels;  // indices into names printed on this page
        for (size_t k = 0; k < names.size(); ++k)
            if (names[k].page == page) labels.push_back(static_cast<int>(k));
        const int m = static_cast<int>(i1 - i0), k = static_cast<int>(labels.size());
        if (k == 0) {
            for (size_t i = i0; i < i1; ++i) owner[i] = carried;
            i0 = i1;
            continue;
        }
        std::vector<std::vector<double>> dp(static_cast<size_t>(k + 1), std::vector<double>(static_cast<size_t>(m + 1), inf));
        std::vector<std::vector<int>> from(static_cast<size_t>(k + 1), std::vector<int>(static_cast<size_t>(m + 1), -1));
        for (int i = 0; i <= m; ++i)
            if (carried >= 0 || i == 0) dp[0][static_cast<size_t>(i)] = 0;
        for (int j = 1; j <= k; ++j) {
            const Para& nm = names[static_cast<size_t>(labels[static_cast<size_t>(j - 1)])];
            for (int i = j; i <= m; ++i)
                for (int a = j - 1; a < i; ++a) {
                    if (dp[static_cast<size_t>(j - 1)][static_cast<size_t>(a)] == inf) continue;
                    const double top = rows[i0 + static_cast<size_t>(a)].y0, bot = rows[i0 + static_cast<size_t>(i) - 1].y1;
                    if (j >= 2 && names[static_cast<size_t>(labels[static_cast<size_t>(j - 2)])].cy() > top + 1) continue;
                    if (j < k && names[static_cast<size_t>(labels[static_cast<size_t>(j)])].cy() < bot - 1) continue;
                    const double c = dp[static_cast<size_t>(j - 1)][static_cast<size_t>(a)] + std::fabs(nm.cy() - (top + bot) / 2);
                    if (c < dp[static_cast<size_t>(j)][static_cast<size_t>(i)]) dp[static_cast<size_t>(j)][static_cast<size_t>(i)] = c, from[static_cast<size_t>(j)][static_cast<size_t>(i)] = a;
                }
        }
        if (dp[static_cast<size_t>(k)][static_cast<size_t>(m)] == inf) {
            for (size_t i = i0; i < i1; ++i) {  // nothing consistent: nearest name
                double bd = inf;
                for (int l : labels) {
                    const double d = std::fabs(names[static_cast<size_t>(l)].cy() - (rows[i].y0 + rows[i].y1) / 2);
                    if (d < bd) bd = d, owner[i] = l;
                }
            }
        } else {
            int i = m;
            for (int j = k; j >= 1; --j) {
                const int a = from[static_cast<size_t>(j)][static_cast<size_t>(i)];
                for (int u = a; u < i; ++u) owner[i0 + static_cast<size_t>(u)] = labels[static_cast<size_t>(j - 1)];
                i = a;
            }
            for (int u = 0; u < i; ++u) owner[i0 + static_cast<size_t>(u)] = carried;
        }
        carried = labels.back();
        i0 = i1;
    }
    return owner;
}

bool is_total_label(const std::string& s) {
    return RE2::FullMatch(normalize::strip_spaces(s), total_label());
}

// A table's body on consecutive pages.  The pages are stacked into one
// vertical coordinate (each page's body follows the previous one's) because a
// merged cell cut by a page break is printed centred on the whole cell and
// clipped: a project's name may sit on either page, or on both when it falls
// on the break.
struct TableRun {
    const Table* table;
    struct PageBody {
        int page;
        std::vector<const Line*> lines;
    };
    std::vector<PageBody> pages;
};

// Project-level cells printed twice, at the foot of one page and the head of
// the next, are one cell centred on the break.
std::vector<Para> join_repeated(std::vector<Para> ps) {
    std::vector<Para> out;
    for (auto& p : ps) {
        if (!out.empty() && out.back().last_page + 1 == p.page) {
            // Equal, or one a clipped piece of the other (its head or its tail).
            const std::string a = normalize::strip_spaces(out.back().text), b = normalize::strip_spaces(p.text);
            const auto piece_of = [](const std::string& x, const std::string& whole) {
                return x.size() < whole.size() && (whole.rfind(x, 0) == 0 ||
                                                   whole.compare(whole.size() - x.size(), x.size(), x) == 0);
            };
            if (a == b || piece_of(a, b) || piece_of(b, a)) {
                Para& q = out.back();
                if (b.size() > a.size()) q.text = p.text;
                q.box.y1 = p.box.y1, q.last_page = p.page;
                continue;
            }
        }
        out.push_back(std::move(p));
    }
    return out;
}

bool project_level(ListCol k) {
    switch (k) {
        case ListCol::project: case ListCol::code: case ListCol::total: case ListCol::fiscal:
        case ListCol::other: case ListCol::goal: case ListCol::indicators:
            return true;
        default:
            return false;
    }
}

// Text of a project-level cell; a copy printed again after a break adds nothing.
void add_once(Text& slot, const std::string& s) {
    if (s.empty()) return;
    if (!slot) {
        slot = s;
        return;
    }
    const std::string a = normalize::strip_spaces(*slot), b = normalize::strip_spaces(s);
    if (a.find(b) != std::string::npos) return;
    if (b.rfind(a, 0) == 0) {
        slot = s;
        return;
    }
    slot = normalize::join_fragments(*slot, s);
}

void read_run(const TableRun& run, std::vector<Fragment>& out) {
    const Table& t = *run.table;
    Header h = t.header;
    std::vector<Box> cells;
    for (const auto& pb : run.pages)
        for (const Line* ln : pb.lines)
            for (const auto& c : ln->cells)
                if (!c.text.empty()) cells.push_back(c.box);
    learn_bounds(h, cells);
    std::vector<Piece> pieces;
    double stacked = 0;
    for (const auto& pb : run.pages) {
        // A page's share of the table is the extent of its rows: the text of a
        // merged cell that does not fit it is extracted although clipped, above
        // and below the cell (spreadsheet producers).
        std::vector<Span> printed;
        for (const Line* ln : pb.lines)
            for (const auto& c : ln->cells) {
                if (c.text.empty()) continue;
                const ListCol k = h.columns[nearest_column(h, c.box.center_x())].col;
                if (h.grid() ? project_level(k) : (k == ListCol::goal || k == ListCol::indicators)) continue;
                printed.push_back({c.box.y0, c.box.y1});
            }
        if (printed.empty())
            for (const Line* ln : pb.lines)
                for (const auto& c : ln->cells)
                    if (!c.text.empty()) printed.push_back({c.box.y0, c.box.y1});
        if (printed.empty()) continue;
        // The rows' text is inset in its cells by a padding, half the usual gap
        // between the text of neighbouring rows; the table's share of the page
        // reaches that far beyond its first and last text.
        std::sort(printed.begin(), printed.end(), [](const Span& a, const Span& b) { return a.y0 < b.y0; });
        std::vector<Span> bands{printed.front()};
        for (const auto& sp : printed) {
            if (sp.y0 <= bands.back().y1)
                bands.back().y1 = std::max(bands.back().y1, sp.y1);
            else
                bands.push_back(sp);
        }
        std::vector<double> gaps;
        for (size_t i = 1; i < bands.size(); ++i) gaps.push_back(bands[i].y0 - bands[i - 1].y1);
        double pad = 0;
        if (!gaps.empty()) {
            std::nth_element(gaps.begin(), gaps.begin() + static_cast<long>(gaps.size() / 2), gaps.end());
            pad = gaps[gaps.size() / 2] / 2;
        }
        const double top = bands.front().y0 - pad, bottom = bands.back().y1 + pad;
        for (const Line* ln : pb.lines) add_pieces(h, *ln, pb.page, stacked - top, pieces);
        stacked += bottom - top;
    }
    align_left_edges(pieces);
    std::map<ListCol, std::vector<const Piece*>> by_kind;
    for (const auto& p : pieces) by_kind[h.columns[p.col].col].push_back(&p);
    std::map<ListCol, std::vector<Para>> paras;
    std::vector<Para> unjoined_names;  // name cells as printed on each page
    for (auto& [k, ps] : by_kind) {
        paras[k] = paragraphs(ps, k == ListCol::indicators);
        if (k == ListCol::project) unjoined_names = paras[k];
        if (project_level(k)) paras[k] = join_repeated(std::move(paras[k]));
    }

    // Projects: one per name cell.
    const std::vector<Para>& names = paras[ListCol::project];
    if (names.empty()) return;
    struct Proj {
        Text name, code, total, fiscal, other, goal, indicators_text;
        std::vector<Indicator> indicators;
        std::set<int> pages;
        std::vector<std::string> not_amounts;  // text read in an amount column
        std::vector<double> centres;            // middles of its merged cells (name, amounts)
        bool project = true;  // false: 合计 or an organisation's subtotal row
    };
    std::vector<Proj> projs(names.size());
    for (size_t i = 0; i < names.size(); ++i) {
        projs[i].name = names[i].text;
        for (int pg = names[i].page; pg <= names[i].last_page; ++pg) projs[i].pages.insert(pg);
    }
    auto attach = [&](ListCol k, Text Proj::*slot, bool amount) {
        for (const auto& p : paras[k]) {
            Proj& pr = projs[nearest(names, p.cy())];
            if (amount) {
                auto a = normalize::canonical_amount(normalize::strip_spaces(p.text));
                if (a) pr.centres.push_back(p.cy());
                if (a && !(pr.*slot))
                    pr.*slot = *a;
                else if (!a)
                    pr.not_amounts.push_back(p.text);  // said, never dropped silently
            } else {
                add_once(pr.*slot, p.text);
            }
        }
    };
    attach(ListCol::code, &Proj::code, false);
    attach(ListCol::total, &Proj::total, true);
    attach(ListCol::fiscal, &Proj::fiscal, true);
    attach(ListCol::other, &Proj::other, true);
    attach(ListCol::goal, &Proj::goal, false);
    attach(ListCol::indicators, &Proj::indicators_text, false);
    const bool goals_printed = h.has(ListCol::goal) || h.has(ListCol::indicators);
    std::vector<Proj*> projects;
    std::vector<Para> project_names;
    for (size_t i = 0; i < projs.size(); ++i) {
        auto& pr = projs[i];
        // 合计 and organisation subtotal rows carry no goal and no indicators.
        pr.project = !is_total_label(*pr.name) && (!goals_printed || pr.goal || pr.indicators_text);
        if (pr.project) {
            projects.push_back(&pr);
            // The project's rows are centred on by its name and its amounts alike:
            // their mean middle is the label's place.
            Para label = names[i];
            double sum = label.cy();
            for (double c : pr.centres) sum += c;
            const double cy = sum / static_cast<double>(pr.centres.size() + 1);
            const double half = label.box.height() / 2;
            label.box.y0 = cy - half, label.box.y1 = cy + half;
            project_names.push_back(label);
        }
    }
    // An organisation's subtotal row heads the projects it spends on (资金使用单位).
    std::vector<Text> implementer_of(projs.size());
    Text unit_row;
    for (size_t i = 0; i < projs.size(); ++i) {
        if (is_total_label(*projs[i].name)) continue;
        if (!projs[i].project && projs[i].total) unit_row = projs[i].name;
        if (projs[i].project) implementer_of[i] = unit_row;
    }

    if (h.grid() && !projects.empty()) {
        // Indicator rows: one per printed 指标值 (else per 指标名称).
        const ListCol key = !paras[ListCol::value].empty() ? ListCol::value : ListCol::name;
        const std::vector<Para> anchors = paras[key];
        struct Row {
            Span span;
            int page;
            Text level1, level2, name, value, nature, unit, weight;
        };
        std::vector<Row> rows(anchors.size());
        for (size_t i = 0; i < anchors.size(); ++i)
            rows[i].span = {anchors[i].box.y0, anchors[i].box.y1}, rows[i].page = anchors[i].page;
        auto put = [&](ListCol k, Text Row::*slot) {
            if (anchors.empty()) return;
            for (const auto& p : paras[k]) {
                Row& r = rows[nearest(anchors, p.cy())];
                add(r.*slot, p.text);
                r.span.y0 = std::min(r.span.y0, p.box.y0), r.span.y1 = std::max(r.span.y1, p.box.y1);
            }
        };
        put(key, key == ListCol::value ? &Row::value : &Row::name);
        if (key == ListCol::value) put(ListCol::name, &Row::name);
        put(ListCol::nature, &Row::nature);
        put(ListCol::unit, &Row::unit);
        put(ListCol::weight, &Row::weight);
        std::vector<Span> spans;
        for (const auto& r : rows) spans.push_back(r.span);
        // Level labels: repeated on every row or merged over a block, both centred.
        for (auto [k, slot] : {std::pair{ListCol::level1, &Row::level1}, std::pair{ListCol::level2, &Row::level2}}) {
            const auto& ls = paras[k];
            std::vector<double> ys;
            for (const auto& l : ls) ys.push_back(l.cy());
            const auto owner = centre_blocks(ys, spans);
            for (size_t i = 0; i < rows.size(); ++i)
                if (owner[i] >= 0) rows[i].*slot = ls[static_cast<size_t>(owner[i])].text;
        }
        // Names printed again beside a page break (joined above) tell a producer
        // that centres a cut project's cells on all its rows; else each name is
        // centred on its first page's rows (see first_share_blocks).
        bool repeated_at_breaks = false, several_pages = false;
        for (const auto& n : project_names) repeated_at_breaks = repeated_at_breaks || n.last_page > n.page;
        std::vector<int> row_page;
        for (const auto& r : rows) row_page.push_back(r.page);
        for (size_t i = 1; i < row_page.size(); ++i) several_pages = several_pages || row_page[i] != row_page[0];
        double stacked_cost = 0;
        auto owner = !repeated_at_breaks && several_pages ? first_share_blocks(project_names, spans, row_page)
                                                          : project_blocks(project_names, spans, &stacked_cost);
        if (repeated_at_breaks) {
            // Or each page's copy of a name is centred on that page's rows (iText):
            // per page, the names printed on it and its rows.  The reading whose
            // names sit nearer the middles of their rows is taken.
            std::vector<int> per_page(rows.size(), -1);
            double page_cost = 0;
            for (size_t i0 = 0; i0 < rows.size();) {
                size_t i1 = i0;
                while (i1 < rows.size() && row_page[i1] == row_page[i0]) ++i1;
                std::vector<Para> on_page;
                std::vector<int> project_of;
                for (const auto& u : unjoined_names) {
                    if (u.page != row_page[i0]) continue;
                    const std::string ut = normalize::strip_spaces(u.text);
                    for (size_t j = 0; j < project_names.size(); ++j) {
                        const Para& pn = project_names[j];
                        if (u.page < pn.page || u.page > pn.last_page) continue;
                        if (normalize::strip_spaces(pn.text).find(ut) == std::string::npos) continue;
                        on_page.push_back(u);
                        project_of.push_back(static_cast<int>(j));
                        break;
                    }
                }
                const std::vector<Span> page_rows(spans.begin() + static_cast<long>(i0), spans.begin() + static_cast<long>(i1));
                double c = 0;
                const auto o = project_blocks(on_page, page_rows, &c);
                page_cost += on_page.empty() ? std::numeric_limits<double>::infinity() : c;
                for (size_t u = 0; u < o.size(); ++u)
                    if (o[u] >= 0) per_page[i0 + u] = project_of[static_cast<size_t>(o[u])];
                i0 = i1;
            }
            if (page_cost < stacked_cost) owner = per_page;
        }
        Text l1, l2;
        int last = -1;
        for (size_t i = 0; i < rows.size(); ++i) {
            if (owner[i] < 0) continue;
            if (owner[i] != last) l1.reset(), l2.reset(), last = owner[i];
            Row& r = rows[i];
            if (r.level1) l1 = r.level1, l2.reset();
            if (r.level2) l2 = r.level2;
            Proj& pr = *projects[static_cast<size_t>(owner[i])];
            pr.indicators.push_back({"annual", l1, l2, r.name, r.value, r.nature, r.unit, r.weight});
            pr.pages.insert(r.page);
        }
    }
    for (auto* pr : projects) {
        if (pr->indicators_text) pr->indicators = parse_indicator_text(*pr->indicators_text);
        Fragment f;
        f.form.title = t.title;
        f.form.year = t.year;
        f.form.money_unit = t.money_unit == "元" ? "" : t.money_unit;
        f.form.project = pr->name;
        f.form.department = t.department;
        f.form.implementer = implementer_of[static_cast<size_t>(pr - projs.data())];
        f.form.annual_funds.total = pr->total;
        f.form.annual_funds.fiscal = pr->fiscal;
        f.form.annual_funds.other = pr->other;
        f.form.goal_annual = pr->goal;
        f.form.indicators = std::move(pr->indicators);
        f.form.pages.assign(pr->pages.begin(), pr->pages.end());
        for (const auto& text : pr->not_amounts) {
            f.lossy = true;
            if (!f.lossy_reason.empty()) f.lossy_reason += "; ";
            f.lossy_reason += "\"" + text + "\" read in an amount column";
        }
        out.push_back(std::move(f));
    }
}

}  // namespace

std::optional<ListCol> list_column_named(const std::string& name) {
    for (const auto& [n, c] : kColumnNames)
        if (name == n) return c;
    return std::nullopt;
}

bool is_list_header_line(const std::vector<Line>& lines, size_t i) {
    size_t end = 0;
    return header_at(lines, i, &end).has_value();
}

// "预算12表", "表十一", "部门公开表9" printed before a title.
static const RE2& label_prefix() {
    static const RE2 re(R"(^(?:预算\d+表|表[一二三四五六七八九十\d]+|部门公开表\d+)\s*)");
    return re;
}

std::vector<Fragment> read_list_tables(const std::vector<Page>& pages) {
    std::vector<std::unique_ptr<Table>> tables;  // stable addresses for the runs
    std::vector<TableRun> runs;
    Table* open = nullptr;  // the table continued from the previous page
    for (const auto& p : pages) {
        const auto& lines = p.lines;
        std::vector<const Line*> body;
        std::string title, unit, department;
        int year = 0;
        auto flush = [&]() {
            if (open && !body.empty()) {
                if (runs.empty() || runs.back().table != open) runs.push_back({open, {}});
                runs.back().pages.push_back({p.number, body});
            }
            body.clear();
        };
        for (size_t i = 0; i < lines.size(); ++i) {
            const Line& ln = lines[i];
            if (ln.cells.empty()) continue;
            size_t end = 0;
            if (auto h = header_at(lines, i, &end)) {
                // A header printed again on the next page continues the table.
                flush();
                if (!(open && title.empty() && h->columns.size() == open->header.columns.size())) {
                    auto t = std::make_unique<Table>();
                    t->header = *h;
                    t->title = title.empty() && open ? open->title : title;
                    t->money_unit = unit.empty() && open ? open->money_unit : unit;
                    if (!department.empty())
                        t->department = department;
                    else if (open)
                        t->department = open->department;
                    if (year)
                        t->year = year;
                    else if (open)
                        t->year = open->year;
                    tables.push_back(std::move(t));
                    open = tables.back().get();
                }
                i = end - 1;
                continue;
            }
            std::string whole;
            for (const auto& c : ln.cells) whole += c.text;
            if (open) {
                // The title and 单位 lines printed again above the header on
                // every page of the table: not rows.
                std::string again = normalize::normalize_text(whole);
                RE2::Replace(&again, label_prefix(), "");
                if (normalize::strip_spaces(again) == normalize::strip_spaces(open->title) ||
                    RE2::PartialMatch(whole, unit_line()) || RE2::PartialMatch(whole, unit_name_line()))
                    continue;
                if (!ends_table(open->header, ln)) {
                    body.push_back(&ln);
                    continue;
                }
            }
            if (open) {
                flush();
                open = nullptr;
            }
            // Lines above a header: the title, the 单位 line.
            std::string u;
            if (RE2::PartialMatch(whole, form_title()) || RE2::PartialMatch(whole, other_table_title())) {
                title = normalize::normalize_text(whole);
                RE2::Replace(&title, label_prefix(), "");
                unit.clear();
                department.clear();
                if (int y = year_in(whole)) year = y;
            }
            if (RE2::PartialMatch(whole, unit_line(), &u)) unit = u;
            std::string dept;
            if (RE2::FullMatch(normalize::normalize_text(whole), unit_name_line(), &dept) && !dept.empty())
                department = dept;
        }
        flush();
    }
    std::vector<Fragment> out;
    for (const auto& run : runs) read_run(run, out);
    return out;
}

}  // namespace budgetdoc::recognize::form
