// The pipeline behind extract.hpp: source → normalize (inside the readers) →
// dedupe of page furniture → recognize → dedupe of repeated forms.
#include <budgetdoc/extract.hpp>

#include "dedupe/form_merge.hpp"
#include "dedupe/page_furniture.hpp"
#include "recognize/recognize.hpp"
#include "source/blocks.hpp"
#include "source/line_builder.hpp"
#include "source/pdf_reader.hpp"
#include "source/text_reader.hpp"
#include "util/sha256.hpp"
#include "validate/consistency.hpp"
#include "validate/form_crosscheck.hpp"

#include <chrono>
#include <fstream>
#include <sstream>

namespace budgetdoc {
namespace {

using Clock = std::chrono::steady_clock;
double ms_since(Clock::time_point t) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

Result<std::string> slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error{ErrorCode::not_found, path, 0, "cannot open file (missing or unreadable)"};
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) return Error{ErrorCode::not_found, path, 0, "read error"};
    return ss.str();
}

bool is_pdf(const std::string& bytes, const Options& o) {
    if (o.kind == InputKind::pdf) return true;
    if (o.kind == InputKind::text) return false;
    return source::has_pdf_header(bytes);
}

std::string base_name(const std::string& path) {
    const size_t slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

struct Loaded {
    std::vector<Page> pages;
    std::vector<Diagnostic> diagnostics;
    bool from_text = false;
};

Result<Loaded> load(const std::string& bytes, const std::string& name, const Options& options, StageTimes* times) {
    Loaded out;
    auto t0 = Clock::now();
    // A ".pdf" name that is not a PDF is an error, not text to parse.
    const bool named_pdf = name.size() >= 4 && (name.compare(name.size() - 4, 4, ".pdf") == 0 ||
                                                name.compare(name.size() - 4, 4, ".PDF") == 0);
    if (is_pdf(bytes, options) || (named_pdf && options.kind == InputKind::automatic)) {
        auto content = source::read_pdf(bytes, name, options.max_pages, options.threads);
        if (!content) return content.error();
        if (times) times->source += ms_since(t0);
        auto t1 = Clock::now();
        if (options.dedupe) dedupe::remove_pdf_furniture(content->pages, out.diagnostics);
        if (times) times->dedupe += ms_since(t1);
        auto t2 = Clock::now();
        for (auto& pp : content->pages) {
            Page page;
            page.number = pp.number;
            page.width = pp.width;
            page.height = pp.height;
            page.lines = source::build_lines(pp.words, pp.number);
            out.pages.push_back(std::move(page));
        }
        source::assign_document_columns(out.pages);
        if (times) times->normalize += ms_since(t2);  // line/cell building + NFKC
        for (const auto& m : content->poppler_messages)
            out.diagnostics.push_back({"info", "poppler", m, 0, {}});
    } else {
        auto pages = source::read_text(bytes, name);
        if (!pages) return pages.error();
        out.pages = std::move(pages.value());
        out.from_text = true;
        if (times) times->source += ms_since(t0);
        auto t1 = Clock::now();
        if (options.dedupe) dedupe::remove_text_furniture(out.pages, out.diagnostics);
        if (times) times->dedupe += ms_since(t1);
    }
    return out;
}

}  // namespace

namespace {
// A diagnostic about a row (or a cell of it) gets the row's (cell's) printed box,
// when the reader did not give it one.
void locate_diagnostics(Document& doc) {
    for (auto& g : doc.diagnostics) {
        if (g.bbox || g.table.empty() || !g.row) continue;
        const Table* t = doc.table(g.table);
        if (!t) continue;
        const auto& rows = g.side == "income" ? t->income : g.side == "expenditure" ? t->expenditure : t->rows;
        if (*g.row < 0 || static_cast<size_t>(*g.row) >= rows.size()) continue;
        const Record& r = rows[static_cast<size_t>(*g.row)];
        if (!r.bbox) continue;
        g.bbox = r.bbox;
        for (const auto& [f, b] : r.cell_boxes)
            if (f == g.field) g.bbox = b;
    }
}
}  // namespace

Result<std::vector<Page>> read_pages_from_memory(const std::string& bytes, const std::string& name,
                                                 const Options& options) {
    auto loaded = load(bytes, name, options, nullptr);
    if (!loaded) return loaded.error();
    return std::move(loaded->pages);
}

Result<std::vector<Page>> read_pages(const std::string& path, const Options& options) {
    auto bytes = slurp(path);
    if (!bytes) return bytes.error();
    return read_pages_from_memory(bytes.value(), path, options);
}

Result<Document> extract_memory(const std::string& bytes, const std::string& name, const Options& options,
                                StageTimes* times) {
    try {
        auto loaded = load(bytes, name, options, times);
        if (!loaded) return loaded.error();
        Document doc;
        doc.source.file = base_name(name);
        doc.source.pages = static_cast<int>(loaded->pages.size());
        doc.source.sha256 = util::sha256_hex(bytes);
        doc.source.kind = loaded->from_text ? "text" : "pdf";
        doc.diagnostics = std::move(loaded->diagnostics);

        auto t0 = Clock::now();
        recognize::read_metadata(loaded->pages, doc);
        if (options.tables) recognize::read_tables(loaded->pages, doc, loaded->from_text);
        if (options.forms) recognize::read_forms(loaded->pages, doc, loaded->from_text);
        if (times) times->recognize += ms_since(t0);

        auto t1 = Clock::now();
        if (options.forms && options.dedupe) dedupe::merge_forms(doc);
        // Every project row should have a form and every form a row (warnings only).
        if (options.forms && options.tables) validate::crosscheck_forms(doc);
        if (times) times->dedupe += ms_since(t1);

        // The document's own arithmetic: mismatches become warnings.
        validate::check_consistency(doc);
        locate_diagnostics(doc);

        if (doc.tables.empty() && doc.performance_forms.empty() && !doc.kind.empty() && !loaded->from_text) {
            // A disclosure that prints only its explanation text (说明), or tables
            // the reader does not know yet, is still a document of its kind.
            doc.diagnostics.push_back({"warning", "no_tables",
                                       "no table of the 13 and no performance form read in " +
                                           std::to_string(doc.source.pages) + " pages of this " +
                                           (doc.kind == "final_accounts" ? "决算" : "预算") + " disclosure" +
                                           (doc.other_tables.empty() ? "" : " (other tables kept in other_tables)"),
                                       0, {}});
            return doc;
        }
        if (doc.tables.empty() && doc.performance_forms.empty()) {
            if (loaded->from_text)
                return Error{ErrorCode::unknown_layout, name, 0,
                             "text is not an extracted budget disclosure: none of the 13 tables or forms found"};
            return Error{ErrorCode::not_a_disclosure, name, 0,
                         "no budget table or performance form found in " + std::to_string(doc.source.pages) +
                             " pages"};
        }
        return doc;
    } catch (const std::exception& e) {
        return Error{ErrorCode::internal, name, 0, std::string("internal error: ") + e.what()};
    }
}

Result<Document> extract_file(const std::string& path, const Options& options, StageTimes* times) {
    auto bytes = slurp(path);
    if (!bytes) return bytes.error();
    return extract_memory(bytes.value(), path, options, times);
}

}  // namespace budgetdoc
