#include "dedupe/page_furniture.hpp"

#include "normalize/text.hpp"
#include "source/pdf_reader.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace budgetdoc::dedupe {
namespace {

const RE2& page_number_pattern() {
    static const RE2 re(R"(^(-\s*\d{1,4}\s*-|—\s*\d{1,4}\s*—|第\s*\d{1,4}\s*页(\s*[,，/]?\s*共\s*\d+\s*页)?|\d{1,4}\s*/\s*\d{1,4}|\d{1,4})$)");
    return re;
}

const RE2& watermark_phrase() {
    static const RE2 re(R"(^(仅供内部审核|仅供内部使用|内部资料|内部审核|仅供参考|草稿|样稿|征求意见稿|审核稿|送审稿)$)");
    return re;
}

struct Key {
    std::string text;
    long x, y;  // position rounded to 8 pt cells
    bool operator<(const Key& o) const { return std::tie(text, x, y) < std::tie(o.text, o.x, o.y); }
};

double median_font_size(const std::vector<source::PdfPage>& pages) {
    std::vector<double> sizes;
    for (const auto& p : pages)
        for (const auto& w : p.words) sizes.push_back(w.font_size);
    if (sizes.empty()) return 0;
    std::nth_element(sizes.begin(), sizes.begin() + static_cast<long>(sizes.size() / 2), sizes.end());
    return sizes[sizes.size() / 2];
}

void report(std::vector<Diagnostic>& diagnostics, const std::string& what, const std::string& text,
            const std::set<int>& pages) {
    Diagnostic d;
    d.severity = "info";
    d.code = what;
    d.message = "removed \"" + text + "\" printed on " + std::to_string(pages.size()) + " page(s)";
    d.pages.assign(pages.begin(), pages.end());
    d.page = d.pages.empty() ? 0 : d.pages.front();
    diagnostics.push_back(std::move(d));
}

}  // namespace

void remove_pdf_furniture(std::vector<source::PdfPage>& pages, std::vector<Diagnostic>& diagnostics) {
    const double body = median_font_size(pages);
    // Count on how many pages each (text, position) occurs; positions are
    // bucketed coarsely and neighbouring buckets merged by checking ±1.
    std::map<Key, std::set<int>> seen;
    for (const auto& p : pages)
        for (const auto& w : p.words) {
            Key k{normalize::normalize_text(w.text), std::lround(w.box.x0 / 8), std::lround(w.box.y0 / 8)};
            seen[k].insert(p.number);
        }
    const size_t min_pages = std::max<size_t>(3, (pages.size() + 4) / 5);
    std::map<std::string, std::set<int>> removed_watermark, removed_running, removed_numbers;
    for (auto& p : pages) {
        const double margin = 0.08 * p.height;
        const double number_margin = 0.15 * p.height;  // page numbers sit lower in the footer area
        // Page numbers may come as several words ("-", "6", "-"): read the
        // footer/header area line by line (words whose centres are within 2 pt).
        std::map<long, std::string> margin_lines;
        for (const auto& w : p.words)
            if (w.box.y1 < number_margin || w.box.y0 > p.height - number_margin)
                margin_lines[std::lround(w.box.center_y() / 2)] += w.text;
        std::vector<Word> kept;
        kept.reserve(p.words.size());
        for (auto& w : p.words) {
            const std::string t = normalize::normalize_text(w.text);
            const bool in_margin = w.box.y1 < margin || w.box.y0 > p.height - margin;
            const bool in_number_margin = w.box.y1 < number_margin || w.box.y0 > p.height - number_margin;
            // A watermark lies across the content, not in the title area at the top.
            const bool mid_page = w.box.center_y() > 0.15 * p.height && w.box.center_y() < 0.9 * p.height;
            size_t repeats = 0;
            for (long dx = -1; dx <= 1; ++dx)
                for (long dy = -1; dy <= 1; ++dy) {
                    auto it = seen.find({t, std::lround(w.box.x0 / 8) + dx, std::lround(w.box.y0 / 8) + dy});
                    if (it != seen.end()) repeats = std::max(repeats, it->second.size());
                }
            const bool repeated = repeats >= min_pages;
            if (repeated && mid_page && body > 0 && w.font_size >= 1.5 * body) {
                removed_watermark[t].insert(p.number);
            } else if (repeated && in_margin) {
                removed_running[t].insert(p.number);
            } else if (in_number_margin &&
                       RE2::FullMatch(normalize::normalize_text(margin_lines[std::lround(w.box.center_y() / 2)]),
                                      page_number_pattern())) {
                removed_numbers["page numbers"].insert(p.number);
            } else {
                kept.push_back(std::move(w));
            }
        }
        p.words = std::move(kept);
    }
    for (const auto& [t, ps] : removed_watermark) report(diagnostics, "watermark", t, ps);
    for (const auto& [t, ps] : removed_running) report(diagnostics, "running_header", t, ps);
    for (const auto& [t, ps] : removed_numbers) report(diagnostics, "page_number", t, ps);
}

void remove_text_furniture(std::vector<Page>& pages, std::vector<Diagnostic>& diagnostics) {
    std::map<std::string, std::set<int>> removed;
    for (auto& p : pages) {
        auto& lines = p.lines;
        lines.erase(std::remove_if(lines.begin(), lines.end(),
                                   [&](const Line& l) {
                                       if (l.cells.size() != 1) return false;
                                       const std::string& t = l.cells[0].text;
                                       if (RE2::FullMatch(t, watermark_phrase()) ||
                                           RE2::FullMatch(t, R"(-\s*\d{1,4}\s*-)")) {
                                           removed[t].insert(p.number);
                                           return true;
                                       }
                                       return false;
                                   }),
                    lines.end());
    }
    for (const auto& [t, ps] : removed) report(diagnostics, "watermark", t, ps);
}

}  // namespace budgetdoc::dedupe
