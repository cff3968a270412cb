// budgetdoc/error.hpp — how budgetdoc reports failure.
//
// Style (one for the whole library): fallible calls return Result<T>; nothing
// throws across the public API.  An Error names the file, the page where it
// applies (0 = whole file) and a stable ErrorCode that tools map to exit codes.
#pragma once

#include <budgetdoc/export.hpp>

#include <optional>
#include <string>
#include <utility>

namespace budgetdoc {

enum class ErrorCode {
    ok = 0,
    not_found = 10,        // file does not exist / cannot be read
    empty_file = 11,       // zero bytes
    not_pdf = 12,          // named or asked as PDF, but no %PDF header
    corrupt_pdf = 13,      // Poppler could not open it (truncated, broken xref)
    encrypted = 14,        // needs a password
    no_text_layer = 15,    // opens, but no page has text (scanned images)
    unknown_layout = 16,   // text input that is not an extracted disclosure
    not_a_disclosure = 17, // readable, but none of the budget tables or forms found
    io_error = 18,         // writing output failed
    internal = 19,         // a bug: caught exception inside the library
};

// Stable lower-case name of a code ("corrupt_pdf"), used in JSON and the database.
BUDGETDOC_API const char* error_code_name(ErrorCode code);

struct Error {
    ErrorCode code = ErrorCode::ok;
    std::string file;
    int page = 0;  // 1-based page, 0 when it concerns the whole file
    std::string message;

    // "file.pdf: page 3: message" (page part only when page > 0)
    BUDGETDOC_API std::string describe() const;
};

template <typename T>
class Result {
public:
    Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit on purpose
    Result(Error error) : error_(std::move(error)) {}  // NOLINT
    bool ok() const { return value_.has_value(); }
    explicit operator bool() const { return ok(); }
    const T& value() const& { return *value_; }
    T& value() & { return *value_; }
    T&& value() && { return std::move(*value_); }
    const T* operator->() const { return &*value_; }
    T* operator->() { return &*value_; }
    const Error& error() const { return *error_; }

private:
    std::optional<T> value_;
    std::optional<Error> error_;
};

}  // namespace budgetdoc
