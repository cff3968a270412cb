#include "normalize/amount.hpp"

#include "normalize/text.hpp"

#include <algorithm>

namespace budgetdoc::normalize {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string strip_leading_zeros(std::string s) {
    size_t i = 0;
    while (i + 1 < s.size() && s[i] == '0') ++i;
    return s.substr(i);
}

// Grouping is valid when every group after the first has exactly 3 digits.
bool valid_grouping(std::string_view integer_part) {
    if (integer_part.find(',') == std::string_view::npos) return true;
    size_t start = 0;
    bool first = true;
    while (true) {
        size_t comma = integer_part.find(',', start);
        size_t len = (comma == std::string_view::npos ? integer_part.size() : comma) - start;
        if (first ? (len < 1 || len > 3) : len != 3) return false;
        first = false;
        if (comma == std::string_view::npos) return true;
        start = comma + 1;
    }
}

}  // namespace

std::string Amount::canonical() const {
    std::string s;
    if (negative) s.push_back('-');
    s += integer.empty() ? "0" : integer;
    if (!fraction.empty()) s += "." + fraction;
    if (percent) s.push_back('%');
    return s;
}

int Amount::compare(const Amount& o) const {
    auto trim_frac = [](std::string f) {
        while (!f.empty() && f.back() == '0') f.pop_back();
        return f;
    };
    std::string ai = strip_leading_zeros(integer.empty() ? "0" : integer);
    std::string bi = strip_leading_zeros(o.integer.empty() ? "0" : o.integer);
    std::string af = trim_frac(fraction), bf = trim_frac(o.fraction);
    bool a_zero = ai == "0" && af.empty(), b_zero = bi == "0" && bf.empty();
    bool an = negative && !a_zero, bn = o.negative && !b_zero;
    if (an != bn) return an ? -1 : 1;
    int mag;
    if (ai.size() != bi.size()) {
        mag = ai.size() < bi.size() ? -1 : 1;
    } else if (ai != bi) {
        mag = ai < bi ? -1 : 1;
    } else {
        size_t n = std::max(af.size(), bf.size());
        af.resize(n, '0');
        bf.resize(n, '0');
        mag = af == bf ? 0 : (af < bf ? -1 : 1);
    }
    return an ? -mag : mag;
}

Amount Amount::plus(const Amount& o) const {
    // Work in scaled integers held as digit strings (arbitrary length).
    size_t scale = std::max(fraction.size(), o.fraction.size());
    auto scaled = [scale](const Amount& a) {
        std::string f = a.fraction;
        f.resize(scale, '0');
        return strip_leading_zeros((a.integer.empty() ? "0" : a.integer) + f);
    };
    auto cmp_mag = [](const std::string& a, const std::string& b) {
        if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
        return a == b ? 0 : (a < b ? -1 : 1);
    };
    auto add = [](const std::string& a, const std::string& b) {
        std::string r;
        int carry = 0;
        for (size_t i = 0; i < std::max(a.size(), b.size()) || carry; ++i) {
            int d = carry;
            if (i < a.size()) d += a[a.size() - 1 - i] - '0';
            if (i < b.size()) d += b[b.size() - 1 - i] - '0';
            r.push_back(static_cast<char>('0' + d % 10));
            carry = d / 10;
        }
        std::reverse(r.begin(), r.end());
        return r;
    };
    auto sub = [](const std::string& a, const std::string& b) {  // a >= b
        std::string r;
        int borrow = 0;
        for (size_t i = 0; i < a.size(); ++i) {
            int d = (a[a.size() - 1 - i] - '0') - borrow - (i < b.size() ? b[b.size() - 1 - i] - '0' : 0);
            borrow = d < 0;
            r.push_back(static_cast<char>('0' + (d + 10) % 10));
        }
        std::reverse(r.begin(), r.end());
        return r;
    };
    std::string a = scaled(*this), b = scaled(o), mag;
    bool neg;
    if (negative == o.negative) {
        mag = add(a, b);
        neg = negative;
    } else if (cmp_mag(a, b) >= 0) {
        mag = sub(a, b);
        neg = negative;
    } else {
        mag = sub(b, a);
        neg = o.negative;
    }
    if (mag.size() <= scale) mag.insert(0, scale + 1 - mag.size(), '0');
    Amount r;
    r.integer = strip_leading_zeros(mag.substr(0, mag.size() - scale));
    r.fraction = mag.substr(mag.size() - scale);
    r.negative = neg && (r.integer != "0" || r.fraction.find_first_not_of('0') != std::string::npos);
    r.percent = percent;
    return r;
}

ParsedAmount parse_amount(std::string_view text) {
    std::string s = strip_spaces(nfkc(text));
    ParsedAmount out;
    if (s.empty() || s == "-" || s == "\xE2\x80\x94" || s == "\xE2\x80\x94\xE2\x80\x94" ||
        s == "--" || s == "\xE2\x80\x93") {
        out.kind = AmountParse::empty;
        return out;
    }
    Amount a;
    std::string_view v = s;
    if (v.size() >= 2 && v.front() == '(' && v.back() == ')') {
        a.negative = true;
        v = v.substr(1, v.size() - 2);
    } else if (!v.empty() && v.front() == '-') {
        a.negative = true;
        v.remove_prefix(1);
    }
    if (!v.empty() && v.back() == '%') {
        a.percent = true;
        v.remove_suffix(1);
    }
    size_t dot = v.find('.');
    std::string_view ip = v.substr(0, dot);
    std::string_view fp = dot == std::string_view::npos ? std::string_view() : v.substr(dot + 1);
    if (ip.empty() || !valid_grouping(ip)) return out;
    if (dot != std::string_view::npos && fp.empty()) return out;
    for (char c : ip)
        if (!is_digit(c) && c != ',') return out;
    for (char c : fp)
        if (!is_digit(c)) return out;
    for (char c : ip)
        if (c != ',') a.integer.push_back(c);
    a.fraction = std::string(fp);
    out.kind = AmountParse::amount;
    out.value = std::move(a);
    return out;
}

std::optional<std::string> canonical_amount(std::string_view text) {
    ParsedAmount p = parse_amount(text);
    if (p.kind != AmountParse::amount) return std::nullopt;
    return p.value.canonical();
}

bool looks_like_amount(std::string_view text) {
    // Quick no: a CJK ideograph (UTF-8 lead bytes E4–E9: U+4000–U+9FFF) or an
    // ASCII letter never normalizes into an amount, and most cells have one.
    for (unsigned char c : text)
        if ((c >= 0xE4 && c <= 0xE9) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) return false;
    return parse_amount(text).kind == AmountParse::amount;
}

}  // namespace budgetdoc::normalize
