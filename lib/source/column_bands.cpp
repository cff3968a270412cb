#include "source/column_bands.hpp"

#include "normalize/amount.hpp"
#include "normalize/text.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <iterator>

namespace budgetdoc::source {
namespace {

double overlap(double a0, double a1, double b0, double b1) { return std::min(a1, b1) - std::max(a0, b0); }

bool is_code(const std::string& s) {
    if (s.size() < 3 || s.size() > 12) return false;
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Split one connected x-range into bands at thin bridges of coverage.
void split_group(double gx0, double gx1, const std::vector<const Box*>& boxes, std::vector<ColumnBand>& out) {
    const double bin = 0.5;
    const int n = std::max(1, static_cast<int>(std::ceil((gx1 - gx0) / bin)));
    std::vector<int> cov(static_cast<size_t>(n), 0);
    for (const Box* b : boxes) {
        int i0 = std::max(0, static_cast<int>((b->x0 - gx0) / bin));
        int i1 = std::min(n - 1, static_cast<int>((b->x1 - gx0) / bin));
        for (int i = i0; i <= i1; ++i) cov[static_cast<size_t>(i)]++;
    }
    const int maxcov = *std::max_element(cov.begin(), cov.end());
    const int thr = std::max(1, maxcov / 4);
    std::vector<int> cuts;  // bin indices where to split
    if (maxcov >= 3) {
        int i = 0;
        while (i < n) {
            if (cov[static_cast<size_t>(i)] > thr) {
                ++i;
                continue;
            }
            int j = i;
            while (j < n && cov[static_cast<size_t>(j)] <= thr) ++j;
            // A low run counts as a column gap only when well-covered text lies on both sides.
            const int left = i > 0 ? *std::max_element(cov.begin(), cov.begin() + i) : 0;
            const int right = j < n ? *std::max_element(cov.begin() + j, cov.end()) : 0;
            if (left > 2 * thr && right > 2 * thr) cuts.push_back((i + j) / 2);
            i = j;
        }
    }
    double start = gx0;
    for (int c : cuts) {
        const double x = gx0 + c * bin;
        out.push_back({start, x});
        start = x;
    }
    out.push_back({start, gx1});
}

// Is a column of cells printed flush right?  The edges say it: the cells of a
// column share the edge they are aligned to (a centred 合计 shares neither).  When
// the edges do not tell (one cell, or all cells of one width), `fallback`.
bool aligned_right(const std::vector<const Box*>& cells, bool fallback) {
    if (cells.size() < 2) return fallback;
    const double tol = 1.0;
    const auto shared = [&](auto edge) {
        size_t best = 0;
        for (const Box* a : cells) {
            size_t n = 0;
            for (const Box* b : cells)
                if (std::fabs(edge(*a) - edge(*b)) <= tol) ++n;
            best = std::max(best, n);
        }
        return best;
    };
    const size_t left = shared([](const Box& b) { return b.x0; });
    const size_t right = shared([](const Box& b) { return b.x1; });
    if (left == right) return fallback;
    return right > left;
}

// A header cell over no band: is it the centred header of a neighbouring band
// whose cells are aligned to one side (amounts right, text left)?  A centred
// header of a right-aligned column has its centre half a column left of the
// column's right edge; the column so implied must not run into the band on the
// other side.  Returns the band index, or bands.size() when it is a column of
// its own (an all-empty column).
size_t sheltering_band(const Cell& cell, const std::vector<ColumnBand>& bands) {
    const double c = cell.box.center_x(), tol = 2.0;
    size_t left = bands.size(), right = bands.size();
    for (size_t k = 0; k < bands.size(); ++k) {
        if (bands[k].x1 <= cell.box.x0 && (left == bands.size() || bands[k].x1 > bands[left].x1)) left = k;
        if (bands[k].x0 >= cell.box.x1 && (right == bands.size() || bands[k].x0 < bands[right].x0)) right = k;
    }
    size_t best = bands.size();
    double best_d = 1e18;
    if (right < bands.size() && bands[right].from_body && bands[right].right_aligned) {
        const double col_left = 2 * c - bands[right].x1;
        if (left == bands.size() || col_left >= bands[left].x1 - tol) {
            best = right;
            best_d = bands[right].x0 - cell.box.x1;
        }
    }
    if (left < bands.size() && bands[left].from_body && !bands[left].right_aligned) {
        const double col_right = 2 * c - bands[left].x0;
        if ((right == bands.size() || col_right <= bands[right].x0 + tol) && cell.box.x0 - bands[left].x1 < best_d)
            best = left;
    }
    return best;
}

void assign_cell(Cell& cell, std::vector<ColumnBand>& bands, bool may_found) {
    size_t best = bands.size();
    double best_ov = 0;
    int covered = 0;
    for (size_t k = 0; k < bands.size(); ++k) {
        const double ov = overlap(bands[k].x0, bands[k].x1, cell.box.x0, cell.box.x1);
        if (ov > 0 && ov > 0.3 * std::min(bands[k].x1 - bands[k].x0, cell.box.width())) ++covered;
        if (ov > best_ov + 1e-9) {
            best_ov = ov;
            best = k;
        }
    }
    if (best == bands.size() && may_found) best = sheltering_band(cell, bands);
    if (best == bands.size()) {
        if (may_found) {
            bands.push_back({cell.box.x0, cell.box.x1});
            best = bands.size() - 1;
        } else {  // nearest band by centre
            double best_d = 1e18;
            for (size_t k = 0; k < bands.size(); ++k) {
                const double d = std::fabs((bands[k].x0 + bands[k].x1) / 2 - cell.box.center_x());
                if (d < best_d) {
                    best_d = d;
                    best = k;
                }
            }
        }
    }
    cell.column = static_cast<int>(best);
    cell.span = std::max(1, covered);
}

// Renumber bands left to right and fix the cells' indices.
void sort_bands(std::vector<Line*>& rows, std::vector<ColumnBand>& bands) {
    std::vector<size_t> order(bands.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return bands[a].x0 < bands[b].x0; });
    std::vector<int> rank(bands.size());
    std::vector<ColumnBand> sorted;
    for (size_t r = 0; r < order.size(); ++r) {
        rank[order[r]] = static_cast<int>(r);
        sorted.push_back(bands[order[r]]);
    }
    for (Line* row : rows)
        for (Cell& c : row->cells)
            if (c.column >= 0) c.column = rank[static_cast<size_t>(c.column)];
    bands = std::move(sorted);
}

// A list number set apart from its item in one band is one printed cell with it
// (WPS: "1." and "一般公共预算资金" as two text runs with a gap wider than the row
// builder's cell gap, both in the item column).  Joined here, every later stage
// sees one cell per column (inspect showed two cells under one column index).
// Only a list number joins: form grids keep label and value pieces apart.
bool is_list_number(const std::string& s) {
    static const RE2 re(R"((?:\d{1,2}|[一二三四五六七八九十]{1,3})[.、]|\(\d{1,2}\)|\([一二三四五六七八九十]{1,3}\))");
    return RE2::FullMatch(s, re);
}

void merge_cells_in_one_band(std::vector<Line*>& rows) {
    for (Line* row : rows) {
        std::vector<Cell> merged;
        for (Cell& c : row->cells) {
            if (!merged.empty()) {
                Cell& prev = merged.back();
                if (prev.column >= 0 && prev.column == c.column && prev.span == 1 && c.span == 1 &&
                    prev.box.x1 <= c.box.x0 + 0.5 && is_list_number(prev.text)) {
                    prev.text = normalize::join_fragments(prev.text, c.text);
                    prev.raw += " " + c.raw;
                    prev.box.x0 = std::min(prev.box.x0, c.box.x0);
                    prev.box.y0 = std::min(prev.box.y0, c.box.y0);
                    prev.box.x1 = std::max(prev.box.x1, c.box.x1);
                    prev.box.y1 = std::max(prev.box.y1, c.box.y1);
                    continue;
                }
            }
            merged.push_back(std::move(c));
        }
        row->cells = std::move(merged);
    }
}

// A row of column numbers (1 2 3 …, headed 栏次 or starred in the label columns):
// printed centred under the headers, not aligned like the figures below, so it
// founds no band; its numbers join the bands as header cells do.
bool is_column_numbers(const Line& row) {
    static const RE2 number(R"(\d{1,2})"), label(R"(栏次|行次|\*+)");
    int numbers = 0;
    for (const Cell& c : row.cells) {
        if (RE2::FullMatch(c.text, number)) ++numbers;
        else if (!RE2::FullMatch(c.text, label)) return false;
    }
    return numbers >= 2;
}

bool founds_bands(const Line& row) { return is_body_like(row) && !is_column_numbers(row); }


// Two neighbouring text bands under one header cell that never both hold a cell
// of one row are one printed column: the items flush left and a label printed
// centred under the header (Jiangsu: 合计 under 功能科目名称, clear of the short
// names of a short table).  Left apart, the header joins the label's band and
// the items get a band no header names.  Bands holding amounts or codes are
// never joined (a sparse amount column may alternate rows with its neighbour).
void join_bands_under_one_header(const std::vector<Line*>& rows, size_t first_body, std::vector<ColumnBand>& bands) {
    if (bands.size() < 2) return;
    // Per band: the body rows it holds a cell in, and whether any cell is a figure.
    std::vector<std::vector<size_t>> band_rows(bands.size());
    std::vector<bool> figures(bands.size(), false);
    const auto fill = [&]() {
        for (auto& r : band_rows) r.clear();
        std::fill(figures.begin(), figures.end(), false);
        for (size_t i = first_body; i < rows.size(); ++i) {
            if (!founds_bands(*rows[i])) continue;
            for (const Cell& c : rows[i]->cells)
                for (size_t k = 0; k < bands.size(); ++k)
                    if (c.box.center_x() >= bands[k].x0 && c.box.center_x() <= bands[k].x1) {
                        if (band_rows[k].empty() || band_rows[k].back() != i) band_rows[k].push_back(i);
                        if (normalize::looks_like_amount(c.text) || is_code(c.text)) figures[k] = true;
                    }
        }
    };
    fill();
    for (size_t i = 0; i < first_body; ++i)
        for (const Cell& h : rows[i]->cells)
            for (size_t k = 0; k + 1 < bands.size(); ++k) {
                const ColumnBand &a = bands[k], &b = bands[k + 1];
                if (overlap(a.x0, a.x1, h.box.x0, h.box.x1) <= 0 || overlap(b.x0, b.x1, h.box.x0, h.box.x1) <= 0) continue;
                if (figures[k] || figures[k + 1] || a.right_aligned || b.right_aligned) continue;
                if (band_rows[k].empty() || band_rows[k + 1].empty()) continue;
                std::vector<size_t> both;
                std::set_intersection(band_rows[k].begin(), band_rows[k].end(), band_rows[k + 1].begin(),
                                      band_rows[k + 1].end(), std::back_inserter(both));
                if (!both.empty()) continue;
                bands[k].x0 = std::min(a.x0, b.x0);
                bands[k].x1 = std::max(a.x1, b.x1);
                bands.erase(bands.begin() + static_cast<long>(k) + 1);
                band_rows.resize(bands.size());
                figures.resize(bands.size());
                fill();
            }
}

}  // namespace

bool is_body_like(const Line& row) {
    for (const Cell& c : row.cells)
        if (normalize::looks_like_amount(c.text) || is_code(c.text)) return true;
    return false;
}



std::vector<ColumnBand> assign_columns(std::vector<Line*>& rows) {
    std::vector<ColumnBand> bands;
    // 1. Bands from body rows: connected x-ranges, split at thin bridges.
    std::vector<const Box*> boxes;
    for (Line* row : rows)
        if (founds_bands(*row))
            for (const Cell& c : row->cells) boxes.push_back(&c.box);
    std::sort(boxes.begin(), boxes.end(), [](const Box* a, const Box* b) { return a->x0 < b->x0; });
    for (size_t i = 0; i < boxes.size();) {
        double gx0 = boxes[i]->x0, gx1 = boxes[i]->x1;
        size_t j = i + 1;
        while (j < boxes.size() && boxes[j]->x0 < gx1) gx1 = std::max(gx1, boxes[j++]->x1);
        std::vector<const Box*> group(boxes.begin() + static_cast<long>(i), boxes.begin() + static_cast<long>(j));
        split_group(gx0, gx1, group, bands);
        i = j;
    }
    // Which bands are printed flush right (amounts) rather than flush left (text,
    // and 科目编码 — digits that also read as amounts).
    for (auto& band : bands) {
        std::vector<const Box*> in_band;
        int amounts = 0, texts = 0;
        for (Line* row : rows)
            if (founds_bands(*row))
                for (const Cell& c : row->cells)
                    if (c.box.center_x() >= band.x0 && c.box.center_x() <= band.x1) {
                        in_band.push_back(&c.box);
                        (normalize::looks_like_amount(c.text) ? amounts : texts)++;
                    }
        band.right_aligned = aligned_right(in_band, amounts > texts);
        band.from_body = true;
    }
    size_t first_body = rows.size();
    for (size_t i = 0; i < rows.size(); ++i)
        if (founds_bands(*rows[i])) {
            first_body = i;
            break;
        }
    join_bands_under_one_header(rows, first_body, bands);
    // 2. Every cell joins a band; rows before the first body row are header rows,
    //    taken bottom-up so leaf headers found bands before the group headers above.
    std::vector<Cell*> header_cells;
    for (size_t i = 0; i < first_body; ++i)
        for (Cell& c : rows[i]->cells) header_cells.push_back(&c);
    std::stable_sort(header_cells.begin(), header_cells.end(),
                     [](const Cell* a, const Cell* b) { return a->box.y1 > b->box.y1 + 0.5; });
    for (Cell* c : header_cells) assign_cell(*c, bands, true);
    for (size_t i = first_body; i < rows.size(); ++i)
        for (Cell& c : rows[i]->cells) assign_cell(c, bands, true);
    sort_bands(rows, bands);
    merge_cells_in_one_band(rows);
    return bands;
}

void assign_to_bands(std::vector<Line*>& rows, std::vector<ColumnBand>& bands) {
    for (Line* row : rows)
        for (Cell& c : row->cells) assign_cell(c, bands, true);
    sort_bands(rows, bands);
    merge_cells_in_one_band(rows);
}

}  // namespace budgetdoc::source
