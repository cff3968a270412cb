#include "source/blocks.hpp"

#include "source/column_bands.hpp"

#include <re2/re2.h>

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

bool is_block_break(const Line& line, double body_fs) {
    static const RE2 marker(R"(^(单位名称[:：]|单位[:：]|金额单位|注[:：]|预算公开表|部门公开表|公开表|附表|第[一二三四五六七八九十]+部分))");
    for (const auto& c : line.cells) {
        if (RE2::PartialMatch(c.text, marker)) return true;
        if (body_fs > 0 && std::fabs(c.font_size - body_fs) > 0.2 * body_fs && line.cells.size() <= 2) return true;
    }
    return false;
}

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
        const bool gap = last_bottom >= 0 && line.box.y0 - last_bottom > 2.5 * std::max(line_h, h);
        if (is_block_break(line, body_fs)) {
            flush();
            first_block = false;
            next = {};
            std::vector<Line*> single{&line};
            assign_columns(single);
            last_bottom = -1;
            continue;
        }
        if (gap) flush();
        block.push_back(&line);
        last_bottom = line.box.y1;
        line_h = h;
    }
    flush();
    state = next;
}

}  // namespace budgetdoc::source
