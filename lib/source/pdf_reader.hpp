// source/pdf_reader — the only place that talks to Poppler.  Opens a PDF from
// memory and returns each page's words in our own types (UTF-8, points, top-left
// origin, text rotated upright).  Poppler's error chatter is captured, not printed.
#pragma once

#include <budgetdoc/error.hpp>
#include <budgetdoc/layout.hpp>

#include <string>
#include <vector>

namespace budgetdoc::source {

struct PdfPage {
    int number = 0;
    double width = 0, height = 0;
    std::vector<Word> words;
};

struct PdfContent {
    std::vector<PdfPage> pages;
    std::vector<std::string> poppler_messages;  // what Poppler complained about
};

// `name` is used in error messages.  Errors: empty_file, not_pdf, corrupt_pdf,
// encrypted, no_text_layer (no page has any text).  `threads` > 1 reads pages
// in that many threads (0: one per core); the result is the same either way.
Result<PdfContent> read_pdf(const std::string& bytes, const std::string& name, int max_pages = 0,
                            int threads = 1);

// True when the bytes start (after optional white space/BOM junk within 1 KiB)
// with "%PDF-".
bool has_pdf_header(const std::string& bytes);

}  // namespace budgetdoc::source
