// normalize/text — the contract's text rule: Unicode NFKC (full-width → ASCII),
// then every run of white space (including U+3000 and line breaks) collapses to
// nothing between two CJK characters and to one ASCII space elsewhere; trimmed.
#pragma once

#include <string>
#include <string_view>

namespace budgetdoc::normalize {

// NFKC only (ICU).  Thread-safe: the ICU normalizer instance is immutable.
std::string nfkc(std::string_view utf8);

// NFKC + white-space rule.  This is the `text` of every Cell.
std::string normalize_text(std::string_view utf8);

// True for code points the white-space rule treats as CJK: ideographs
// (U+3400–9FFF, U+F900–FAFF, U+20000–2FFFF), U+3000–303F and U+FF00–FFEF.
bool is_cjk(char32_t cp);

// Join two printed fragments of one cell (a wrapped line, or two words on one
// line) the way the white-space rule would: nothing between CJK, else a space.
std::string join_fragments(std::string_view left, std::string_view right);

// Remove every white-space character (for matching labels that printing split:
// "市县(区)财政资 金" → "市县(区)财政资金").
std::string strip_spaces(std::string_view utf8);

// Number of characters (code points) of a UTF-8 string.
size_t char_count(std::string_view utf8);

}  // namespace budgetdoc::normalize
