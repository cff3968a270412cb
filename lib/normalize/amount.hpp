// normalize/amount — exact decimal amounts as printed in budget tables.
//
// Accepts "9,784.70", "450,000", full-width digits ("９,７８４.７０" after NFKC),
// a leading minus or parenthesised negatives "(12.00)", and percent values
// "20.23%".  "-", "—", "－" and "" mean an empty cell.  No floating point: the
// value is kept as sign + digit strings, and canonical() is the contract's
// string: grouping removed, every printed digit kept ("9784.70", "0").
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace budgetdoc::normalize {

struct Amount {
    bool negative = false;
    std::string integer;   // digits, no grouping, at least "0"
    std::string fraction;  // digits after the point as printed (may be empty)
    bool percent = false;

    std::string canonical() const;  // "9784.70", "-3.5", "20.23%"
    // Compare numerically (ignores trailing zeros of the fraction).
    int compare(const Amount& other) const;
    bool operator==(const Amount& o) const { return compare(o) == 0; }
    // Exact sum of two amounts (percent flag of the left side kept).
    Amount plus(const Amount& other) const;
};

enum class AmountParse { amount, empty, not_amount };

struct ParsedAmount {
    AmountParse kind = AmountParse::not_amount;
    Amount value;
};

// Parse one cell's text (NFKC is applied first, so raw text is fine).
ParsedAmount parse_amount(std::string_view text);

// Convenience: canonical string of an amount cell, nullopt for empty cells and
// for text that is not an amount.
std::optional<std::string> canonical_amount(std::string_view text);

// True when the text reads as an amount (not empty, not a dash).
bool looks_like_amount(std::string_view text);

}  // namespace budgetdoc::normalize
