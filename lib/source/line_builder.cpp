#include "source/line_builder.hpp"

#include "normalize/amount.hpp"
#include "normalize/text.hpp"
#include "source/glyph_metrics.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <deque>
#include <map>
#include <numeric>

namespace budgetdoc::source {
namespace {

double overlap(double a0, double a1, double b0, double b1) { return std::min(a1, b1) - std::max(a0, b0); }

Box unite(const Box& a, const Box& b) {
    return {std::min(a.x0, b.x0), std::min(a.y0, b.y0), std::max(a.x1, b.x1), std::max(a.y1, b.y1)};
}

// Text of a cell: wrapped lines join without a space between CJK, with one
// elsewhere (a line break inside a cell is not a printed space), then normalized.
std::string cell_text(const std::string& raw) {
    if (raw.find('\n') == std::string::npos) return normalize::normalize_text(raw);
    std::string joined;
    size_t start = 0;
    while (true) {
        const size_t nl = raw.find('\n', start);
        joined = normalize::join_fragments(joined, raw.substr(start, nl == std::string::npos ? std::string::npos : nl - start));
        if (nl == std::string::npos) break;
        start = nl + 1;
    }
    return normalize::normalize_text(joined);
}

struct RawLine {
    std::vector<const Word*> words;
    double cy = 0, h = 0;
};

// Step 1a: words → baseline groups (by vertical centre, tolerance from height).
std::vector<RawLine> group_baselines(const std::vector<Word>& words) {
    std::vector<const Word*> order;
    order.reserve(words.size());
    for (const auto& w : words) order.push_back(&w);
    std::sort(order.begin(), order.end(), [](const Word* a, const Word* b) {
        return a->box.center_y() < b->box.center_y() ||
               (a->box.center_y() == b->box.center_y() && a->box.x0 < b->box.x0);
    });
    std::vector<RawLine> lines;
    for (const Word* w : order) {
        const double cy = w->box.center_y(), h = std::max(1.0, w->box.height());
        bool placed = false;
        // Look back a few lines only: mixed font sizes on one baseline are close.
        for (size_t k = lines.size(); k-- > 0 && k + 3 >= lines.size();) {
            RawLine& l = lines[k];
            if (std::fabs(l.cy - cy) < 0.3 * std::min(l.h, h)) {
                bool collides = false;  // two words at the same x are two lines
                for (const Word* o : l.words)
                    if (overlap(o->box.x0, o->box.x1, w->box.x0, w->box.x1) > 0.5 * std::min(o->box.width(), w->box.width())) {
                        collides = true;
                        break;
                    }
                if (collides) continue;
                l.words.push_back(w);
                placed = true;
                break;
            }
        }
        if (!placed) lines.push_back({{w}, cy, h});
    }
    for (auto& l : lines)
        std::sort(l.words.begin(), l.words.end(), [](const Word* a, const Word* b) { return a->box.x0 < b->box.x0; });
    return lines;
}

// A figure as an indicator value prints it: an optional comparison, a number,
// at most a short unit ("100%", "<420000元", "≥90%", "0").  Two figures stacked
// in one column are two values, never one wrapped cell.
bool looks_like_figure(const std::string& text) {
    static const RE2 figure(R"(^(?:[<>=≤≥＜＞＝]|小于|大于|不低于|不高于)*\s*-?\d[\d,.]*\s*(?:%|％|[^\d\s]{0,3})$)");
    return RE2::FullMatch(text, figure);
}

// Step 1a': a label printed letter-spaced (收　入　总　计, 合　计, 项　目: single
// ideographs at one even pitch, the gaps up to a few ems) is one word.  The
// split-code headers 类 | 款 | 项 are three columns, not a spaced word.
void join_letter_spaced(std::vector<RawLine>& lines, std::deque<Word>& storage, const LayoutTuning& t) {
    static const RE2 single_ideograph(R"(\p{Han})");
    static const RE2 code_level(R"([类款项])");
    for (RawLine& line : lines) {
        std::vector<const Word*> out;
        size_t i = 0;
        while (i < line.words.size()) {
            size_t j = i + 1;
            const Word* a = line.words[i];
            if (RE2::FullMatch(a->text, single_ideograph)) {
                const double fs = std::max(1.0, a->box.width());
                double pitch = 0;
                while (j < line.words.size()) {
                    const Word* prev = line.words[j - 1];
                    const Word* b = line.words[j];
                    if (!RE2::FullMatch(b->text, single_ideograph)) break;
                    if (std::fabs(b->box.width() - a->box.width()) > 0.15 * fs) break;
                    const double gap = b->box.x0 - prev->box.x1;
                    if (gap < t.letter_space_min_em * fs || gap > t.letter_space_max_em * fs) break;
                    const double p = b->box.x0 - prev->box.x0;
                    if (pitch > 0 && std::fabs(p - pitch) > t.letter_space_pitch_tolerance * pitch) break;
                    pitch = p;
                    ++j;
                }
            }
            bool levels = true;
            for (size_t k = i; k < j; ++k) levels = levels && RE2::FullMatch(line.words[k]->text, code_level);
            // Two ideographs side by side may as well be the wrapped tails of two
            // cells (满意 / 度 beside 提 / 升): two make a word only on a line
            // holding nothing else but figures and lone ideographs (合　计 1,234.00,
            // 目　录, the group header 收　入 … 支　出).
            bool pair_ok = j - i >= 3;
            if (j - i == 2) {
                pair_ok = true;
                for (size_t k = 0; k < line.words.size(); ++k) {
                    if (k >= i && k < j) continue;
                    const std::string& other = line.words[k]->text;
                    if (!looks_like_figure(normalize::normalize_text(other)) && !normalize::looks_like_amount(other) &&
                        !RE2::FullMatch(other, single_ideograph))
                        pair_ok = false;
                }
            }
            if (j - i >= 2 && !levels && pair_ok) {
                Word w = *a;
                for (size_t k = i + 1; k < j; ++k) {
                    w.text += line.words[k]->text;
                    w.box.x1 = std::max(w.box.x1, line.words[k]->box.x1);
                    w.box.y0 = std::min(w.box.y0, line.words[k]->box.y0);
                    w.box.y1 = std::max(w.box.y1, line.words[k]->box.y1);
                }
                w.space_after = line.words[j - 1]->space_after;
                storage.push_back(std::move(w));
                out.push_back(&storage.back());
                i = j;
            } else {
                out.push_back(a);
                ++i;
            }
        }
        line.words = std::move(out);
    }
}

// A printed amount ("371,514,655.00") directly followed by text that is not its
// unit: two cells whose padding is narrower than our gap rule (seen in WPS
// output), not one.
bool amount_then_text(const Word& prev, const Word& next) {
    static const RE2 amount(R"(-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+\.\d{2})");
    static const RE2 unit_or_digit(R"(^(?:\d|%|元|万|亿|\)|）|个|人|台|辆|%).*)");
    if (next.box.x0 < prev.box.x1) return false;
    return RE2::FullMatch(prev.text, amount) && !RE2::PartialMatch(next.text, unit_or_digit);
}

// Whether the first (or last) character of a word is a wide one (ideograph or
// full-width form).
bool wide_at(const std::string& text, bool first) {
    if (text.empty()) return false;
    size_t begin = 0, end = text.size();
    if (first) {
        end = 1;
        while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
    } else {
        begin = text.size() - 1;
        while (begin > 0 && (static_cast<unsigned char>(text[begin]) & 0xC0) == 0x80) --begin;
    }
    return estimate_advance(text.substr(begin, end - begin)).wide > 0;
}

// Left edges where cells of several printed lines start: the column edges of
// the page's tables, in steps of kEdgeStep points.
struct ColumnEdges {
    static constexpr double kEdgeStep = 0.25;
    std::map<long, int> lines_starting_at;  // edge key → lines with a cell starting there
    static long key(double x) { return std::lround(x / kEdgeStep); }
    bool shared(double x, int min_lines) const {
        int n = 0;
        for (long k = key(x) - 1; k <= key(x) + 1; ++k) {
            auto it = lines_starting_at.find(k);
            if (it != lines_starting_at.end()) n += it->second;
        }
        return n >= min_lines;
    }
};

// Step 1b: a baseline group → cells, split at wide gaps, and where a word
// starts exactly on a column edge that cells of other lines start on (text that
// overflowed its narrow cell up to the next one: "金（元）市县（区）财政资金").
std::vector<Cell> split_cells(const RawLine& line, const LayoutTuning& t, const ColumnEdges* edges) {
    std::vector<Cell> cells;
    const Word* prev = nullptr;
    for (const Word* w : line.words) {
        const double fs = std::max(1.0, std::min(prev ? prev->font_size : w->font_size, w->font_size));
        // Between ideographs (Poppler splits a run of one font's ideographs only
        // where there is a gap), or where the gap is wider than a Latin/CJK font
        // switch inside a sentence leaves.
        const bool on_edge = edges && prev && w->box.x0 >= prev->box.x1 &&
                             ((wide_at(prev->text, false) && wide_at(w->text, true)) ||
                              w->box.x0 - prev->box.x1 > t.edge_gap_em * fs) &&
                             edges->shared(w->box.x0, t.column_edge_min_lines);
        if (!prev || w->box.x0 - prev->box.x1 > t.cell_gap_em * fs || amount_then_text(*prev, *w) || on_edge) {
            Cell c;
            c.raw = w->text;
            c.box = w->box;
            c.font_size = w->font_size;
            cells.push_back(std::move(c));
        } else {
            Cell& c = cells.back();
            // A printed space between Latin words is kept; the narrow gap between
            // Latin and CJK runs (font switch) is not a space.
            if (prev->space_after) {
                c.raw = normalize::join_fragments(c.raw, w->text);
            } else {
                c.raw += w->text;
            }
            c.box = unite(c.box, w->box);
            c.font_size = std::max(c.font_size, w->font_size);
        }
        prev = w;
    }
    return cells;
}

ColumnEdges column_edges(const std::vector<RawLine>& lines, const LayoutTuning& t) {
    ColumnEdges edges;
    for (const RawLine& l : lines) {
        std::vector<long> keys;
        for (const Cell& c : split_cells(l, t, nullptr)) keys.push_back(ColumnEdges::key(c.box.x0));
        std::sort(keys.begin(), keys.end());
        keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
        for (long k : keys) edges.lines_starting_at[k]++;
    }
    return edges;
}

struct Piece {
    Cell cell;
    bool merged_away = false;
    double last_line_cy = 0;  // centre of the cell's last printed line
    double last_line_x0 = 0, last_line_x1 = 0;  // ... and its extent
    bool figure = false;      // the cell is a figure (amount, code, percentage)
};

// Whether the printed lines through y_upper and y_lower both hold a figure in
// one column: two rows of a table, however tightly pitched, since a figure
// never wraps.  A cell's text on the lower line then begins the next row's
// cell, not a continuation of the one above.
bool figures_stacked(const std::vector<Piece>& pieces, double y_upper, double y_lower, double fs) {
    const double tol = 0.3 * fs;
    for (const Piece& up : pieces) {
        if (!up.figure || up.merged_away || std::fabs(up.cell.box.center_y() - y_upper) > tol) continue;
        for (const Piece& lo : pieces)
            if (lo.figure && !lo.merged_away && std::fabs(lo.cell.box.center_y() - y_lower) <= tol &&
                overlap(up.cell.box.x0, up.cell.box.x1, lo.cell.box.x0, lo.cell.box.x1) > 0)
                return true;
    }
    return false;
}

// Whether `upper` is the heading of a run of columns on the line of piece
// `lower`: two or more cells a column gap apart (类 | 款 | 项), with `upper`
// centred over the run although narrower than it (科目编码 over them), and
// wider than the cell under it.
bool heads_columns(const std::vector<Piece>& pieces, size_t lower, const Box& upper, double fs, const LayoutTuning& t) {
    const Box& lb = pieces[lower].cell.box;
    // A heading is wider than each heading under it; a full line wrapped onto
    // the next is as wide as its continuation.
    if (lb.width() > upper.width() - fs) return false;
    std::vector<Box> line;
    for (const Piece& p : pieces)
        if (!p.merged_away && std::fabs(p.cell.box.center_y() - lb.center_y()) < 0.3 * fs) line.push_back(p.cell.box);
    std::sort(line.begin(), line.end(), [](const Box& a, const Box& b) { return a.x0 < b.x0; });
    size_t at = 0;
    while (at < line.size() && line[at].x0 != lb.x0) ++at;
    if (at == line.size()) return false;
    const auto column_apart = [&](const Box& a, const Box& b) {
        const double gap = b.x0 - a.x1;
        return gap >= t.heading_column_gap_em * fs && gap <= t.heading_run_gap_em * fs;
    };
    size_t first = at, last = at;
    while (first > 0 && column_apart(line[first - 1], line[first])) --first;
    while (last + 1 < line.size() && column_apart(line[last], line[last + 1])) ++last;
    if (first == last) return false;
    const double run_centre = (line[first].x0 + line[last].x1) / 2;
    return std::fabs(upper.center_x() - run_centre) <= fs && upper.width() < line[last].x1 - line[first].x0;
}

// The page's row pitch, in points, or 0 when the page shows none: the
// smallest baseline distance between two figures printed one under the other in
// one column (two rows, since a figure never wraps).  Text wraps at its font's
// leading, tighter than rows that have cell padding, so a line a full row pitch
// below another begins the next row.
double row_pitch(const std::vector<Piece>& pieces) {
    double best = 0;
    for (const Piece& u : pieces) {
        if (!u.figure) continue;
        const double fs = std::max(1.0, u.cell.font_size);
        for (const Piece& l : pieces) {
            if (!l.figure || std::fabs(l.cell.font_size - u.cell.font_size) > 0.05 * fs) continue;
            const double pitch = l.cell.box.center_y() - u.cell.box.center_y();
            if (pitch < 0.8 * fs || pitch > 3 * fs) continue;
            if (overlap(u.cell.box.x0, u.cell.box.x1, l.cell.box.x0, l.cell.box.x1) <= 0) continue;
            if (best == 0 || pitch < best) best = pitch;
        }
    }
    return best;
}

// The page's leading of wrapped text, in font sizes, or 0 when the page shows
// none: the smallest baseline pitch from a full line (long, ending at the right
// edge of the lines that start at its x, mostly ideographs) to the next line
// starting at the same x in the same size, with nothing printed between them.
double wrap_leading(const std::vector<Piece>& pieces, const LayoutTuning& t) {
    std::map<long, double> right_edge;  // per left edge (0.5 pt steps): rightmost end
    const auto edge_key = [](double x) { return std::lround(x * 2); };
    for (const Piece& p : pieces) {
        double& r = right_edge[edge_key(p.cell.box.x0)];
        r = std::max(r, p.cell.box.x1);
    }
    double best = 0;
    for (size_t i = 0; i < pieces.size(); ++i) {
        const Cell& u = pieces[i].cell;
        const double fs = std::max(1.0, u.font_size);
        if (normalize::char_count(u.raw) < static_cast<size_t>(t.leading_min_glyphs)) continue;
        if (estimate_advance(u.raw).wide * 2 < static_cast<int>(normalize::char_count(u.raw))) continue;
        if (u.box.x1 < right_edge[edge_key(u.box.x0)] - fs) continue;
        double nearest = 0;
        for (size_t j = 0; j < pieces.size(); ++j) {
            const Cell& l = pieces[j].cell;
            if (j == i || std::fabs(l.box.x0 - u.box.x0) > 0.5) continue;
            if (std::fabs(l.font_size - u.font_size) > 0.05 * fs) continue;
            const double pitch = l.box.center_y() - u.box.center_y();
            if (pitch < 0.8 * fs || pitch > 3 * fs) continue;
            if (l.box.width() > u.box.width() + 0.5 * fs) continue;
            if (nearest == 0 || pitch < nearest) nearest = pitch;
        }
        if (nearest == 0) continue;
        const double leading = nearest / fs;
        if (best == 0 || leading < best) best = leading;
    }
    return best;
}

// A two-line cell centred on a row of its table (Jiangsu 收支预算总表:
// "三、单位预留机动经" over "费", the row's other cells printed between the two
// lines' baselines) is printed with the leading of its font, wider than a tight
// wrap: its lines straddle another cell's line.
bool straddles_row(const std::vector<Piece>& pieces, size_t upper, size_t lower) {
    const Box& u = pieces[upper].cell.box;
    const Box& l = pieces[lower].cell.box;
    if (std::fabs(u.x0 - l.x0) > 1.0) return false;  // continued text starts flush with the line above
    // Figures stacked in one column (a form's 0 over 0 around a label) are two values.
    const std::string upper_text = cell_text(pieces[upper].cell.raw), lower_text = cell_text(pieces[lower].cell.raw);
    if (normalize::looks_like_amount(upper_text) || normalize::looks_like_amount(lower_text) ||
        looks_like_figure(upper_text) || looks_like_figure(lower_text))
        return false;
    // The tail of the wrapped text is shorter than the line it continues.
    if (l.width() >= u.width()) return false;
    // Two lines of one cell, each alone on its printed line (stacked labels of a
    // form have their values beside them), around a single-line row.
    if (pieces[upper].cell.raw.find('\n') != std::string::npos) return false;
    for (size_t k = 0; k < pieces.size(); ++k) {
        if (k == upper || k == lower || pieces[k].merged_away) continue;
        const Box& o = pieces[k].cell.box;
        for (const Box* b : {&u, &l})
            if (overlap(o.y0, o.y1, b->y0, b->y1) > 0.5 * std::min(o.height(), b->height())) return false;
    }
    for (size_t k = 0; k < pieces.size(); ++k) {
        if (k == upper || k == lower || pieces[k].merged_away) continue;
        const Box& o = pieces[k].cell.box;
        if (overlap(o.x0, o.x1, std::min(u.x0, l.x0), std::max(u.x1, l.x1)) > 0) continue;
        if (pieces[k].cell.raw.find('\n') != std::string::npos) continue;
        if (o.center_y() > u.center_y() && o.center_y() < l.center_y() && o.y0 < u.y1 && o.y1 > l.y0) return true;
    }
    return false;
}

// Step 2: merge cells that continue on the next printed line of the same cell.
void merge_wrapped(std::vector<Piece>& pieces, const LayoutTuning& t) {
    std::sort(pieces.begin(), pieces.end(), [](const Piece& a, const Piece& b) { return a.cell.box.y0 < b.cell.box.y0; });
    for (Piece& p : pieces) {
        p.last_line_cy = p.cell.box.center_y();
        p.last_line_x0 = p.cell.box.x0;
        p.last_line_x1 = p.cell.box.x1;
        p.figure = p.cell.raw.find('\n') == std::string::npos &&
                   (looks_like_figure(normalize::normalize_text(p.cell.raw)) || normalize::looks_like_amount(p.cell.raw));
    }
    const double leading = wrap_leading(pieces, t);
    const double rows = row_pitch(pieces);
    std::map<long, double> right_edge;  // per left edge (0.5 pt steps): rightmost end
    const auto edge_key = [](double x) { return std::lround(x * 2); };
    for (const Piece& p : pieces) {
        double& r = right_edge[edge_key(p.cell.box.x0)];
        r = std::max(r, p.cell.box.x1);
    }
    for (size_t i = 0; i < pieces.size(); ++i) {
        if (pieces[i].merged_away) continue;
        bool grew = true;
        while (grew) {
            grew = false;
            Cell& upper = pieces[i].cell;
            const double fs = std::max(1.0, upper.font_size);
            // The nearest piece below that sits under `upper`.
            size_t best = pieces.size();
            for (size_t j = 0; j < pieces.size(); ++j) {
                if (j == i || pieces[j].merged_away) continue;
                const Box& b = pieces[j].cell.box;
                const double gap = b.y0 - upper.box.y1;
                if (gap < -0.5 * fs || gap > t.centred_wrap_gap_em * fs) continue;
                if (b.center_y() <= upper.box.center_y()) continue;
                const bool at_leading = leading == 0 || b.center_y() - pieces[i].last_line_cy <=
                                                             leading * (1 + t.leading_tolerance) * fs;
                // A row pitch below a cell whose last line is not full (another
                // line starting at its x runs further): the next row, not a wrap.
                const bool row_apart = rows > 0 &&
                                       pieces[i].last_line_x1 < right_edge[edge_key(pieces[i].last_line_x0)] - 0.5 * fs &&
                                       b.center_y() - pieces[i].last_line_cy >= rows * (1 - t.leading_tolerance);
                if ((gap > t.wrap_gap_em * fs || !at_leading || row_apart) && !straddles_row(pieces, i, j)) continue;
                const double ov = overlap(upper.box.x0, upper.box.x1, b.x0, b.x1);
                if (ov < 0.5 * std::min(upper.box.width(), b.width())) continue;
                // Text wraps only when its line is full: a line below that is
                // clearly wider than the cell's lines above, printed apart from
                // them, is the next row's cell (tightly pitched form rows).
                if (gap > t.loose_gap_em * fs && b.width() > upper.box.width() + t.wrap_wider_em * fs) continue;
                if (std::fabs(pieces[j].cell.font_size - upper.font_size) > 0.25 * fs) continue;
                if (pieces[i].figure && pieces[j].figure) continue;  // two values, one under the other
                if (!pieces[j].figure && figures_stacked(pieces, pieces[i].last_line_cy, b.center_y(), fs)) continue;
                if (best == pieces.size() || b.y0 < pieces[best].cell.box.y0) best = j;
            }
            if (best == pieces.size()) break;
            // The lower piece must not also sit under another cell of the upper
            // line: then it is a new row, not a continuation.
            const Box lb = pieces[best].cell.box;
            bool ambiguous = false;
            for (size_t j = 0; j < pieces.size(); ++j) {
                if (j == i || j == best || pieces[j].merged_away) continue;
                const Box& o = pieces[j].cell.box;
                if (std::fabs(o.y1 - upper.box.y1) < 0.3 * fs && overlap(o.x0, o.x1, lb.x0, lb.x1) > 0) {
                    ambiguous = true;
                    break;
                }
            }
            // Nor may the upper cell span another cell of the lower line, a
            // column apart: it is then a heading over several columns
            // (支出功能分类科目编码 over 类 | 款 | 项), and the line below holds
            // their headings.  (A wrapped line split in two at a figure is not.)
            for (size_t j = 0; j < pieces.size() && !ambiguous; ++j) {
                if (j == i || j == best || pieces[j].merged_away) continue;
                const Box& o = pieces[j].cell.box;
                const double apart = std::max(o.x0 - lb.x1, lb.x0 - o.x1);
                if (std::fabs(o.center_y() - lb.center_y()) < 0.3 * fs && apart >= t.heading_column_gap_em * fs &&
                    overlap(o.x0, o.x1, upper.box.x0, upper.box.x1) > 0.5 * std::min(o.width(), upper.box.width()))
                    ambiguous = true;
            }
            if (!ambiguous) ambiguous = heads_columns(pieces, best, upper.box, fs, t);
            if (ambiguous) break;
            upper.raw += "\n" + pieces[best].cell.raw;
            upper.box = unite(upper.box, lb);
            pieces[i].last_line_cy = lb.center_y();
            pieces[i].last_line_x0 = lb.x0;
            pieces[i].last_line_x1 = lb.x1;
            pieces[best].merged_away = true;
            grew = true;
        }
    }
}

// Step 3: cells → rows by vertical overlap.  Short cells found the rows; a tall
// cell (wrapped, or centred across rows) joins the row it overlaps most.
std::vector<Line> group_rows(std::vector<Cell> cells, int page_number) {
    std::vector<size_t> order(cells.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        const int la = std::count(cells[a].raw.begin(), cells[a].raw.end(), '\n');
        const int lb = std::count(cells[b].raw.begin(), cells[b].raw.end(), '\n');
        if (la != lb) return la < lb;
        return cells[a].box.y0 < cells[b].box.y0;
    });
    struct Band {
        double y0, y1;
        std::vector<size_t> members;
    };
    std::vector<Band> bands;
    for (size_t idx : order) {
        const Box& b = cells[idx].box;
        const double h = std::max(1.0, b.height());
        size_t best = bands.size();
        double best_ov = 0;
        int hits = 0;
        for (size_t k = 0; k < bands.size(); ++k) {
            const double ov = overlap(bands[k].y0, bands[k].y1, b.y0, b.y1);
            if (ov > 0.3 * std::min(h, bands[k].y1 - bands[k].y0)) {
                ++hits;
                if (ov > best_ov) {
                    best_ov = ov;
                    best = k;
                }
            }
        }
        if (best == bands.size()) {
            bands.push_back({b.y0, b.y1, {idx}});
        } else {
            bands[best].members.push_back(idx);
            // Single-line cells may widen the band (baseline jitter, mixed sizes).
            if (hits == 1 && cells[idx].raw.find('\n') == std::string::npos) {
                bands[best].y0 = std::min(bands[best].y0, b.y0);
                bands[best].y1 = std::max(bands[best].y1, b.y1);
            }
        }
    }
    std::vector<Line> lines;
    lines.reserve(bands.size());
    for (auto& band : bands) {
        Line line;
        line.page = page_number;
        bool first = true;
        for (size_t idx : band.members) {
            Cell c = std::move(cells[idx]);
            c.text = cell_text(c.raw);
            line.box = first ? c.box : unite(line.box, c.box);
            first = false;
            line.cells.push_back(std::move(c));
        }
        std::sort(line.cells.begin(), line.cells.end(), [](const Cell& a, const Cell& b) { return a.box.x0 < b.box.x0; });
        lines.push_back(std::move(line));
    }
    std::sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) {
        // Rows in reading order: by the top of their shortest cell.
        return a.box.y0 < b.box.y0;
    });
    return lines;
}

}  // namespace

std::vector<Line> build_lines(const std::vector<Word>& words, int page_number, const LayoutTuning& tuning) {
    std::vector<Piece> pieces;
    std::vector<RawLine> raw_lines = group_baselines(words);
    std::deque<Word> joined;  // letter-spaced labels made one word
    join_letter_spaced(raw_lines, joined, tuning);
    const ColumnEdges edges = column_edges(raw_lines, tuning);
    for (const RawLine& l : raw_lines)
        for (Cell& c : split_cells(l, tuning, &edges)) pieces.push_back({std::move(c), false, 0});
    merge_wrapped(pieces, tuning);
    std::vector<Cell> cells;
    cells.reserve(pieces.size());
    for (auto& p : pieces)
        if (!p.merged_away) cells.push_back(std::move(p.cell));
    std::vector<Line> lines = group_rows(std::move(cells), page_number);
    return lines;
}

}  // namespace budgetdoc::source
