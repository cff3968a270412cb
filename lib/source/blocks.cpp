#include "source/blocks.hpp"

#include "normalize/amount.hpp"
#include "source/column_bands.hpp"

#include <re2/re2.h>

#include <algorithm>

#include <cmath>
#include <map>

namespace budgetdoc::source {

double body_font_size(const Page& page) {
    std::map<long, int> counts;
    for (const auto& l : page.lines)
        for (const auto& c : l.cells) counts[std::lround(c.font_size * 10)]++;
    long best = 0;
    int n = 0;
    for (const auto& [size, count] : counts)
        if (count > n) {
            n = count;
            best = size;
        }
    return best / 10.0;
}

namespace {

bool near_size(double a, double b) { return std::fabs(a - b) <= 0.2 * std::max(a, b); }

// A line is a block break when it holds a marker (单位/注/表号/part heading), or
// when it is a short line of text set in a size no row of figures uses — a
// title.  A row holding an amount or a code is table text whatever its size, and
// so is any line set in a size the page's rows of figures also use (an Excel
// sheet prints its header words and the 合计 label larger than the figures).
bool breaks_block(const Line& line, double body_fs, const std::vector<double>& table_sizes) {
    static const RE2 marker(R"(^(单位名称[:：]|单位[:：]|金额单位|注[:：]|预算公开表|部门公开表|公开表|附表|第[一二三四五六七八九十]+部分))");
    for (const auto& c : line.cells)
        if (RE2::PartialMatch(c.text, marker)) return true;
    if (body_fs <= 0 || line.cells.size() > 2 || is_body_like(line)) return false;
    for (const auto& c : line.cells) {
        if (near_size(c.font_size, body_fs)) continue;
        if (std::any_of(table_sizes.begin(), table_sizes.end(), [&](double t) { return std::fabs(c.font_size - t) <= 0.05 * t; }))
            continue;
        return true;
    }
    return false;
}

// Font sizes found in rows of figures (rows with an amount or a code) of a page.
std::vector<double> table_font_sizes(const Page& page) {
    std::vector<double> sizes;
    for (const auto& l : page.lines)
        if (l.cells.size() >= 2 && is_body_like(l))
            for (const auto& c : l.cells)
                if (std::none_of(sizes.begin(), sizes.end(), [&](double t) { return std::fabs(c.font_size - t) <= 0.05 * t; }))
                    sizes.push_back(c.font_size);
    return sizes;
}

// Two rows of figures whose amounts end at the same x are rows of one grid, however
// far apart they are printed (a double-spaced sheet).
bool same_grid_rows(const Line& a, const Line& b) {
    if (!is_body_like(a) || !is_body_like(b)) return false;
    for (const auto& ca : a.cells) {
        if (!normalize::looks_like_amount(ca.text)) continue;
        for (const auto& cb : b.cells)
            if (normalize::looks_like_amount(cb.text) && std::fabs(ca.box.x1 - cb.box.x1) <= 1.5) return true;
    }
    return false;
}

}  // namespace

bool is_block_break(const Line& line, double body_fs) { return breaks_block(line, body_fs, {}); }

namespace {

// The text of a block's header rows (rows before its first body row): a block
// that starts a page with the same header as the block that ended the previous
// page is that table's continuation and keeps its column bands, so its columns
// are numbered alike even when it holds only a few rows.
std::string header_signature(const std::vector<Line*>& block) {
    std::string sig;
    for (const Line* l : block) {
        if (is_body_like(*l)) break;
        for (const auto& c : l->cells) sig += c.text + "|";
        sig += "\n";
    }
    return sig;
}

}  // namespace

void assign_document_columns(std::vector<Page>& pages) {
    ContinuationState state;
    for (auto& page : pages) assign_page_columns(page, state);
}

void assign_page_columns(Page& page, ContinuationState& state) {
    const double body_fs = body_font_size(page);
    std::vector<Line*> block;
    const std::vector<double> table_sizes = table_font_sizes(page);
    // The block's last row of figures: rows printed without figures (政府性基金预算
    // 拨款 left empty) may stand between it and a 总计 row set after a gap.
    const Line* last = nullptr;
    double last_bottom = -1, line_h = 0;
    bool first_block = true;
    ContinuationState next;
    auto flush = [&] {
        if (block.empty()) return;
        const std::string sig = header_signature(block);
        std::vector<ColumnBand> bands;
        // (The rows before the first amount may include body rows without amounts,
        // so the previous header need only be a prefix.)
        if (first_block && !state.header.empty() && sig.compare(0, state.header.size(), state.header) == 0 &&
            !state.bands.empty()) {
            bands = state.bands;
            assign_to_bands(block, bands);
        } else {
            bands = assign_columns(block);
        }
        first_block = false;
        next = {sig, bands};
        block.clear();
    };
    for (auto& line : page.lines) {
        const double h = std::max(1.0, line.box.height());
        const bool gap = last_bottom >= 0 && line.box.y0 - last_bottom > 2.5 * std::max(line_h, h) &&
                         !(last && same_grid_rows(*last, line));
        if (breaks_block(line, body_fs, table_sizes)) {
            flush();
            first_block = false;
            next = {};
            std::vector<Line*> single{&line};
            assign_columns(single);
            last_bottom = -1;
            last = nullptr;
            continue;
        }
        if (gap) {
            flush();
            last = nullptr;
        }
        block.push_back(&line);
        last_bottom = line.box.y1;
        line_h = h;
        if (is_body_like(line)) last = &line;
    }
    flush();
    state = next;
}

}  // namespace budgetdoc::source
