#include <budgetdoc/error.hpp>

namespace budgetdoc {

const char* error_code_name(ErrorCode code) {
    switch (code) {
        case ErrorCode::ok: return "ok";
        case ErrorCode::not_found: return "not_found";
        case ErrorCode::empty_file: return "empty_file";
        case ErrorCode::not_pdf: return "not_pdf";
        case ErrorCode::corrupt_pdf: return "corrupt_pdf";
        case ErrorCode::encrypted: return "encrypted";
        case ErrorCode::no_text_layer: return "no_text_layer";
        case ErrorCode::unknown_layout: return "unknown_layout";
        case ErrorCode::not_a_disclosure: return "not_a_disclosure";
        case ErrorCode::io_error: return "io_error";
        case ErrorCode::internal: return "internal";
    }
    return "unknown";
}

std::string Error::describe() const {
    std::string s = file.empty() ? std::string("budgetdoc") : file;
    if (page > 0) s += ": page " + std::to_string(page);
    s += ": " + message + " [" + error_code_name(code) + "]";
    return s;
}

}  // namespace budgetdoc
