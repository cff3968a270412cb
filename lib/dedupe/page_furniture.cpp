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

void remove_pdf_furniture(std::vector<source::PdfPage>& pages, std::vector<Diagnostic>& diagnostics,
                          const FurnitureTuning& t) {
    const double body = median_font_size(pages);
    // Count on how many pages each (text, position) occurs; positions are
    // bucketed coarsely and neighbouring buckets merged by checking ±1.
    std::map<Key, std::set<int>> seen;
    for (const auto& p : pages)
        for (const auto& w : p.words) {
            Key k{normalize::normalize_text(w.text), std::lround(w.box.x0 / t.position_step),
                  std::lround(w.box.y0 / t.position_step)};
            seen[k].insert(p.number);
        }
    const size_t min_pages =
        std::max<size_t>(t.min_pages, static_cast<size_t>(std::ceil(t.min_page_share * pages.size())));
    std::map<std::string, std::set<int>> removed_watermark, removed_running, removed_numbers;
    for (auto& p : pages) {
        const double margin = t.margin_share * p.height;
        const double band = t.outer_band_share * p.height;  // page numbers and running lines sit here
        const auto line_key = [&](const Word& w) { return std::lround(w.box.center_y() / t.line_step); };
        // Page numbers may come as several words ("-", "6", "-"): read the page
        // line by line (words whose centres are within 2 pt).
        std::map<long, int> words_on_line;
        for (const auto& w : p.words) {
            words_on_line[line_key(w)]++;
        }
        // The outermost printed lines: nothing of the page is above the top one
        // or below the bottom one.  A running header printed a little lower than
        // the margin (a unit name and year above every table title) is one.
        double top = p.height, bottom = 0;
        for (const auto& w : p.words) {
            top = std::min(top, w.box.center_y());
            bottom = std::max(bottom, w.box.center_y());
        }
        const auto repeats_of = [&](const Word& w, const std::string& text) {
            size_t repeats = 0;
            for (long dx = -1; dx <= 1; ++dx)
                for (long dy = -1; dy <= 1; ++dy) {
                    auto it = seen.find({text, std::lround(w.box.x0 / t.position_step) + dx,
                                         std::lround(w.box.y0 / t.position_step) + dy});
                    if (it != seen.end()) repeats = std::max(repeats, it->second.size());
                }
            return repeats;
        };
        // The words of w's printed line, left to right: centres within a line
        // step of w's (a fixed bucketing would cut "— 29 —" where the dashes'
        // centres round one way and the digits' the other).
        const auto line_text_near = [&](const Word& w) {
            std::vector<const Word*> on_line;
            for (const auto& o : p.words)
                if (std::fabs(o.box.center_y() - w.box.center_y()) <= t.line_step) on_line.push_back(&o);
            std::sort(on_line.begin(), on_line.end(), [](const Word* a, const Word* b) { return a->box.x0 < b->box.x0; });
            // Words joined by a space: two figures on one line ("30 | 61", the
            // 行次 of an empty table row) are not one number.
            std::string text;
            for (const Word* o : on_line) text += (text.empty() ? "" : " ") + o->text;
            return text;
        };
        const auto in_table_row = [&](const Word& w) {
            size_t n = 0;
            for (const auto& o : p.words) {
                if (&o == &w) continue;
                const double ov = std::min(o.box.y1, w.box.y1) - std::max(o.box.y0, w.box.y0);
                if (ov > t.row_overlap_share * std::min(o.box.height(), w.box.height()) &&
                    ++n >= t.table_row_neighbours)
                    return true;
            }
            return false;
        };
        std::vector<Word> kept;
        kept.reserve(p.words.size());
        for (const auto& w : p.words) {
            const std::string text = normalize::normalize_text(w.text);
            const double h = std::max(1.0, w.box.height());
            const bool in_margin = w.box.y1 < margin || w.box.y0 > p.height - margin;
            const bool in_band = w.box.y1 < band || w.box.y0 > p.height - band;
            const bool outermost_line = std::fabs(w.box.center_y() - top) < t.same_line_share * h ||
                                        std::fabs(w.box.center_y() - bottom) < t.same_line_share * h;
            const bool outermost = in_band && outermost_line;
            // A watermark lies across the content, not in the title area at the top.
            const bool mid_page = w.box.center_y() > t.outer_band_share * p.height &&
                                  w.box.center_y() < (1 - t.watermark_bottom_share) * p.height;
            const bool repeated = repeats_of(w, text) >= min_pages;
            const bool large = body > 0 && w.font_size >= t.watermark_min_size * body;
            // Titles repeated on every page of a long table are printed larger than
            // the body; running headers and footers are not.
            const bool small = body <= 0 || w.font_size <= t.running_max_size * body;
            // A watermark drawn at an angle comes glyph by glyph; a horizontal one
            // stands alone on its line.  A large word sharing its line with other
            // words is a table's header or title cell.
            const bool alone = normalize::char_count(text) == 1 || RE2::FullMatch(text, watermark_phrase()) ||
                               words_on_line[line_key(w)] == 1;
            // Page numbers first: the dashes of "— 3 —" repeat on every page too.
            // A page number is read in the outer bands, or as the last (first) line
            // of a page whose content ends high (a short page, a landscape sheet).
            if ((in_band || outermost_line) && RE2::FullMatch(normalize::normalize_text(line_text_near(w)), page_number_pattern())) {
                removed_numbers["page numbers"].insert(p.number);
            } else if (repeated && mid_page && large && alone) {
                removed_watermark[text].insert(p.number);
            } else if (repeated && small && (in_margin || outermost) && !in_table_row(w)) {
                removed_running[text].insert(p.number);
            } else {
                kept.push_back(w);  // copied: later words still read this line's text
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
