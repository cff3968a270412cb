#include "source/glyph_metrics.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace budgetdoc::source {
namespace {

// Box heights are compared to a tenth of a point: one font at one size gives
// one height, and distinct sizes differ by more.
constexpr double kHeightKeyPerPoint = 10.0;

// Decodes one UTF-8 code point at s[i], advancing i; malformed bytes count as
// one narrow character each.
char32_t next_code_point(const std::string& s, size_t& i) {
    const auto b = static_cast<unsigned char>(s[i]);
    int len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
    if (len == 0 || i + len > s.size()) {
        ++i;
        return 0xFFFD;
    }
    char32_t cp = len == 1 ? b : b & (0x7F >> len);
    for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    i += len;
    return cp;
}

bool is_wide(char32_t c) {
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
           (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}

double narrow_advance(char32_t c) {
    switch (c) {
        case ',': case '.': case ':': case ';': case '\'': case '|': case '!': case 'i': case 'l':
            return 0.3;
        case '-': case '(': case ')': case '[': case ']': case '/':
            return 0.35;
        case ' ':
            return 0.25;
        default:
            return 0.55;
    }
}

}  // namespace

Advance estimate_advance(const std::string& utf8) {
    Advance a;
    for (size_t i = 0; i < utf8.size();) {
        const char32_t c = next_code_point(utf8, i);
        ++a.chars;
        if (is_wide(c)) {
            a.ems += 1.0;
            ++a.wide;
        } else {
            a.ems += narrow_advance(c);
        }
    }
    return a;
}

double size_from_advance(const Word& w) {
    const Advance a = estimate_advance(w.text);
    if (a.ems <= 0 || w.box.width() <= 0) return 0;
    return w.box.width() / a.ems;
}

void correct_inflated_boxes(std::vector<Word>& words, const GlyphTuning& t) {
    // Words of one font at one size have boxes of one height, so the size is
    // judged per height: from its ideographs when it has any (their advance is
    // exact), else from all its words.  A figure "100%" then gets the size of the
    // ideographs beside it, not its own rougher estimate.
    std::map<long, std::vector<size_t>> by_height;
    for (size_t i = 0; i < words.size(); ++i)
        by_height[std::lround(words[i].box.height() * kHeightKeyPerPoint)].push_back(i);
    for (const auto& [key, members] : by_height) {
        std::vector<double> wide_sizes, all_sizes;
        for (size_t i : members) {
            const Word& w = words[i];
            const Advance a = estimate_advance(w.text);
            if (a.ems <= 0 || w.box.width() <= 0) continue;
            const double size = w.box.width() / a.ems;
            all_sizes.push_back(size);
            if (a.wide > 0 && a.wide * 2 >= a.chars) wide_sizes.push_back(size);
        }
        const bool from_wide = !wide_sizes.empty();
        std::vector<double>& sizes = from_wide ? wide_sizes : all_sizes;
        if (sizes.empty()) continue;
        std::nth_element(sizes.begin(), sizes.begin() + sizes.size() / 2, sizes.end());
        const double size = sizes[sizes.size() / 2];
        const double height = static_cast<double>(key) / kHeightKeyPerPoint;
        const double ratio = height / size;
        const double limit = from_wide ? t.inflated_ratio_cjk : t.inflated_ratio_latin;
        if (ratio <= limit && ratio >= t.deflated_ratio) continue;
        for (size_t i : members) {
            Word& w = words[i];
            const double baseline = w.box.y0 + t.baseline_fraction * w.box.height();
            const double corrected = t.corrected_height_em * size;
            w.box.y0 = baseline - t.baseline_fraction * corrected;
            w.box.y1 = baseline + (1 - t.baseline_fraction) * corrected;
            w.font_size = size;
        }
    }
}

}  // namespace budgetdoc::source
