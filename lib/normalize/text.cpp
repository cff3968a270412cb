#include "normalize/text.hpp"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <stdexcept>

namespace budgetdoc::normalize {
namespace {

const icu::Normalizer2& nfkc_instance() {
    // getNFKCInstance returns a process-wide singleton owned by ICU; it is
    // immutable and safe to use from several threads at once.
    static const icu::Normalizer2* instance = [] {
        UErrorCode status = U_ZERO_ERROR;
        const icu::Normalizer2* n = icu::Normalizer2::getNFKCInstance(status);
        if (U_FAILURE(status)) throw std::runtime_error("ICU NFKC normalizer unavailable");
        return n;
    }();
    return *instance;
}

bool is_space(char32_t cp) {
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
           cp == 0x00A0 || cp == 0x3000 || cp == 0x2028 || cp == 0x2029 ||
           (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F || cp == 0xFEFF;
}

// Decode UTF-8 into code points; invalid bytes become U+FFFD (never throws).
std::u32string decode(std::string_view s) {
    std::u32string out;
    out.reserve(s.size());
    int32_t i = 0;
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    const auto n = static_cast<int32_t>(s.size());
    while (i < n) {
        UChar32 c;
        U8_NEXT(p, i, n, c);
        out.push_back(c < 0 ? 0xFFFD : static_cast<char32_t>(c));
    }
    return out;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

bool is_ascii(std::string_view s) {
    for (unsigned char c : s)
        if (c >= 0x80) return false;
    return true;
}

}  // namespace

bool is_cjk(char32_t cp) {
    return (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           (cp >= 0x20000 && cp <= 0x2FFFF) || (cp >= 0x3000 && cp <= 0x303F) ||
           (cp >= 0xFF00 && cp <= 0xFFEF);
}

std::string nfkc(std::string_view utf8) {
    if (is_ascii(utf8)) return std::string(utf8);  // fast path: ASCII is NFKC already
    UErrorCode status = U_ZERO_ERROR;
    const auto& n = nfkc_instance();
    icu::UnicodeString src = icu::UnicodeString::fromUTF8(
        icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    if (n.isNormalized(src, status) && U_SUCCESS(status)) return std::string(utf8);
    status = U_ZERO_ERROR;
    icu::UnicodeString dst = n.normalize(src, status);
    if (U_FAILURE(status)) return std::string(utf8);
    std::string out;
    dst.toUTF8String(out);
    return out;
}

std::string normalize_text(std::string_view utf8) {
    const std::u32string cps = decode(nfkc(utf8));
    std::string out;
    out.reserve(utf8.size());
    char32_t prev = 0;  // last non-space code point written
    bool pending_space = false;
    for (char32_t cp : cps) {
        if (is_space(cp)) {
            pending_space = prev != 0;  // leading white space is dropped
            continue;
        }
        if (pending_space && !(is_cjk(prev) && is_cjk(cp))) out.push_back(' ');
        pending_space = false;
        append_utf8(out, cp);
        prev = cp;
    }
    return out;  // trailing white space never written
}

std::string join_fragments(std::string_view left, std::string_view right) {
    if (left.empty()) return std::string(right);
    if (right.empty()) return std::string(left);
    const std::u32string l = decode(left), r = decode(right);
    std::string out(left);
    if (!(is_cjk(l.back()) || is_cjk(r.front()))) out.push_back(' ');
    out.append(right);
    return out;
}

std::string strip_spaces(std::string_view utf8) {
    std::string out;
    for (char32_t cp : decode(utf8))
        if (!is_space(cp)) append_utf8(out, cp);
    return out;
}

size_t char_count(std::string_view utf8) {
    size_t n = 0;
    for (unsigned char c : utf8)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

}  // namespace budgetdoc::normalize
