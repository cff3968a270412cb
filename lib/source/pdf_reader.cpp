#include "source/pdf_reader.hpp"

#include "source/glyph_metrics.hpp"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <algorithm>
#include <atomic>
#include <limits>
#include <memory>
#include <mutex>
#include <system_error>
#include <thread>

namespace budgetdoc::source {
namespace {

// Poppler's error callback is process-global; messages are collected per thread
// so concurrent extractions do not mix their complaints.
thread_local std::vector<std::string>* t_messages = nullptr;

void collect_poppler_message(const std::string& msg, void*) {
    if (t_messages && t_messages->size() < 200) t_messages->push_back(msg);
}

void install_error_hook() {
    static std::once_flag once;
    std::call_once(once, [] { poppler::set_debug_error_function(collect_poppler_message, nullptr); });
}

std::string to_utf8(const poppler::ustring& s) {
    auto bytes = s.to_utf8();
    return std::string(bytes.begin(), bytes.end());
}

// Turn a word drawn at a quarter-turn rotation into upright page coordinates,
// so that a table printed sideways on a portrait page reads like a landscape page.
Box upright(const poppler::rectf& r, int quarter_turns, double page_w, double page_h) {
    const double x0 = r.x(), y0 = r.y(), x1 = r.right(), y1 = r.bottom();
    switch (quarter_turns & 3) {
        case 1:  // text runs top→bottom: rotate page 90° counter-clockwise
            return {y0, page_w - x1, y1, page_w - x0};
        case 2:
            return {page_w - x1, page_h - y1, page_w - x0, page_h - y0};
        case 3:  // text runs bottom→top
            return {page_h - y1, x0, page_h - y0, x1};
        default:
            return {x0, y0, x1, y1};
    }
}

}  // namespace

bool has_pdf_header(const std::string& bytes) {
    const size_t limit = std::min<size_t>(bytes.size(), 1024);
    return bytes.substr(0, limit).find("%PDF-") != std::string::npos;
}

namespace {

// One page's words in upright page coordinates.
PdfPage read_page(poppler::document& doc, int index, std::vector<std::string>& messages) {
    PdfPage out;
    out.number = index + 1;
    std::unique_ptr<poppler::page> page(doc.create_page(index));
    if (!page) {
        messages.push_back("page " + std::to_string(index + 1) + " could not be read");
        return out;
    }
    const poppler::rectf rect = page->page_rect();
    out.width = rect.width();
    out.height = rect.height();
    // Without text_list_include_font: asking Poppler for font names doubles
    // the cost of text extraction (measured 0.62 s vs 0.33 s user on a
    // 63-page sample), and the layout needs only a size, which the word's
    // box height gives.
    std::vector<poppler::text_box> boxes = page->text_list(0);

    // Quarter turns of the page's text: the majority rotation of its words.
    int turns[4] = {0, 0, 0, 0};
    for (const auto& b : boxes) turns[b.rotation() & 3]++;
    const int page_turn = static_cast<int>(std::max_element(turns, turns + 4) - turns);
    if (page_turn == 1 || page_turn == 3) std::swap(out.width, out.height);

    out.words.reserve(boxes.size());
    for (const auto& b : boxes) {
        Word w;
        w.text = to_utf8(b.text());
        if (w.text.empty()) continue;
        w.box = upright(b.bbox(), page_turn, rect.width(), rect.height());
        const double fs = b.get_font_size();
        // Without font info, estimate the size from the box height (glyph
        // boxes are about 1.3 × the font size in the producers we have seen).
        w.font_size = fs > 0 ? fs : w.box.height() / 1.3;
        w.space_after = b.has_space_after();
        out.words.push_back(std::move(w));
    }
    correct_inflated_boxes(out.words);
    return out;
}

std::unique_ptr<poppler::document> open_raw(const std::string& bytes) {
    // load_from_raw_data does not copy: `bytes` outlives the document.
    return std::unique_ptr<poppler::document>(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
}

// How many threads are worth it for n pages: Poppler text extraction is ~5–15
// ms a page, opening a second copy of the document well under 1 ms, so a thread
// pays for itself from a handful of pages on.
int threads_for(int requested, int pages) {
    constexpr int kMinPagesPerThread = 4;
    int t = requested > 0 ? requested : static_cast<int>(std::thread::hardware_concurrency());
    t = std::max(1, std::min(t, pages / kMinPagesPerThread));
    return t;
}

}  // namespace

Result<PdfContent> read_pdf(const std::string& bytes, const std::string& name, int max_pages, int threads) {
    install_error_hook();
    PdfContent content;
    t_messages = &content.poppler_messages;
    struct Reset {
        ~Reset() { t_messages = nullptr; }
    } reset;

    if (bytes.empty()) return Error{ErrorCode::empty_file, name, 0, "file is empty (0 bytes)"};
    if (!has_pdf_header(bytes))
        return Error{ErrorCode::not_pdf, name, 0, "not a PDF (no %PDF- header in the first 1 KiB)"};
    if (bytes.size() > static_cast<size_t>(std::numeric_limits<int>::max()))
        return Error{ErrorCode::corrupt_pdf, name, 0, "PDF is larger than 2 GiB"};

    std::unique_ptr<poppler::document> doc = open_raw(bytes);
    t_messages = nullptr;  // from here on, messages are collected per page
    if (!doc) {
        // Poppler returns null both for broken files and for encrypted ones whose
        // password we do not have; the trailer tells which.
        if (bytes.find("/Encrypt") != std::string::npos)
            return Error{ErrorCode::encrypted, name, 0, "PDF is encrypted and needs a password"};
        std::string why = content.poppler_messages.empty() ? "" : " (" + content.poppler_messages.back() + ")";
        return Error{ErrorCode::corrupt_pdf, name, 0, "PDF cannot be opened: truncated or damaged" + why};
    }
    if (doc->is_locked())
        return Error{ErrorCode::encrypted, name, 0, "PDF is encrypted and needs a password"};

    const int n = doc->pages();
    if (n <= 0) return Error{ErrorCode::corrupt_pdf, name, 0, "PDF has no pages"};
    if (max_pages > 0 && n > max_pages)
        return Error{ErrorCode::corrupt_pdf, name, 0,
                     "PDF has " + std::to_string(n) + " pages, more than the limit of " +
                         std::to_string(max_pages)};

    // Pages are handed out one at a time (their cost varies a lot: a form page
    // with an embedded font per field costs ten narrative pages).  Each thread
    // reads through its own poppler::document — Poppler objects are never
    // shared between threads, only the immutable bytes are — and Poppler's
    // complaints are kept per page, so the result does not depend on timing.
    std::vector<std::unique_ptr<poppler::document>> docs;
    docs.push_back(std::move(doc));
    const int nthreads = threads_for(threads, n);
    for (int t = 1; t < nthreads; ++t) {
        auto copy = open_raw(bytes);
        if (!copy) break;
        docs.push_back(std::move(copy));
    }
    content.pages.resize(static_cast<size_t>(n));
    std::vector<std::vector<std::string>> page_messages(static_cast<size_t>(n));
    std::atomic<int> next{0};
    auto work = [&](poppler::document* own) {
        for (int i = next++; i < n; i = next++) {
            auto& messages = page_messages[static_cast<size_t>(i)];
            t_messages = &messages;
            content.pages[static_cast<size_t>(i)] = read_page(*own, i, messages);
        }
        t_messages = nullptr;
    };
    std::vector<std::thread> pool;
    for (size_t t = 1; t < docs.size(); ++t) {
        try {
            pool.emplace_back(work, docs[t].get());
        } catch (const std::system_error&) {
            break;  // no more threads to be had: the ones running share the pages
        }
    }
    work(docs[0].get());
    for (auto& th : pool) th.join();
    for (auto& messages : page_messages)
        for (auto& m : messages)
            if (content.poppler_messages.size() < 200) content.poppler_messages.push_back(std::move(m));

    size_t total_words = 0;
    for (const auto& p : content.pages) total_words += p.words.size();
    if (total_words == 0)
        return Error{ErrorCode::no_text_layer, name, 0,
                     "PDF has no text layer on any of its " + std::to_string(n) +
                         " pages (scanned images?); OCR it first"};
    return content;
}

}  // namespace budgetdoc::source
