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

void assign_page_columns(Page& page) {
    const double body_fs = body_font_size(page);
    std::vector<Line*> block;
    double last_bottom = -1, line_h = 0;
    auto flush = [&] {
        if (!block.empty()) assign_columns(block);
        block.clear();
    };
    for (auto& line : page.lines) {
        const double h = std::max(1.0, line.box.height());
        const bool gap = last_bottom >= 0 && line.box.y0 - last_bottom > 2.5 * std::max(line_h, h);
        if (is_block_break(line, body_fs)) {
            flush();
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
}

}  // namespace budgetdoc::source
