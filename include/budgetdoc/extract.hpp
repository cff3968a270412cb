// budgetdoc/extract.hpp — open a disclosure and extract its records.
#pragma once

#include <budgetdoc/error.hpp>
#include <budgetdoc/export.hpp>
#include <budgetdoc/layout.hpp>
#include <budgetdoc/records.hpp>

#include <string>
#include <vector>

namespace budgetdoc {

enum class InputKind { automatic, pdf, text };

struct Options {
    InputKind kind = InputKind::automatic;  // automatic: by %PDF header
    bool dedupe = true;        // remove watermarks, running headers, repeated form pages
    bool tables = true;        // recognize the 13 tables and other tables
    bool forms = true;         // recognize 项目支出绩效目标申报表
    int max_pages = 2000;      // refuse larger documents (0 = no limit)
    int threads = 1;           // PDF pages read by this many threads (0 = one per core);
                               // the result is identical, only the wall time changes
};

// Per-stage wall time of one extraction, in milliseconds.
struct StageTimes {
    double source = 0, normalize = 0, recognize = 0, dedupe = 0, emit = 0;
};

// Read a file into pages of lines and cells (the `inspect` view).
BUDGETDOC_API Result<std::vector<Page>> read_pages(const std::string& path, const Options& options = {});
// Same from memory; `name` is used in messages.
BUDGETDOC_API Result<std::vector<Page>> read_pages_from_memory(const std::string& bytes,
                                                               const std::string& name,
                                                               const Options& options = {});

// Full pipeline: source → normalize → recognize → dedupe.
BUDGETDOC_API Result<Document> extract_file(const std::string& path, const Options& options = {},
                                            StageTimes* times = nullptr);
BUDGETDOC_API Result<Document> extract_memory(const std::string& bytes, const std::string& name,
                                              const Options& options = {}, StageTimes* times = nullptr);

// The contract JSON of a document (UTF-8, 2-space indent when `pretty`).
BUDGETDOC_API std::string to_json(const Document& document, bool pretty = true);

// Layout as JSON (what `budgetdoc inspect --json` prints).
BUDGETDOC_API std::string pages_to_json(const std::vector<Page>& pages);

}  // namespace budgetdoc
