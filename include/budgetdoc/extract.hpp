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
// The same with the optional "bbox" keys (PDF input only): each row's and
// diagnostic's box [x0, y0, x1, y1] in PDF points, top-left origin of the upright
// page, and "cell_bbox" (field → box) per row.  `extract --boxes` prints it.
BUDGETDOC_API std::string to_json(const Document& document, bool pretty, bool boxes);

// Layout as JSON (what `budgetdoc inspect --json` prints).
BUDGETDOC_API std::string pages_to_json(const std::vector<Page>& pages);

// ---- Seeing the reading: page pictures (lib/emit/page_picture.cpp) ----------

// A rendered page, 0xAARRGGBB pixels row by row (Poppler's ARGB32).
struct PagePicture {
    int width = 0, height = 0;
    double dpi = 0;
    double scale = 0;  // pixels per PDF point (dpi / 72)
    std::vector<unsigned int> pixels;
    unsigned int at(int x, int y) const { return pixels[static_cast<size_t>(y) * static_cast<size_t>(width) + static_cast<size_t>(x)]; }
};

// What is drawn, in these colours (0xRRGGBB):
struct PictureColors {
    static constexpr unsigned int cell = 0x1f6fd0;       // every reconstructed cell (blue)
    static constexpr unsigned int band = 0x9aa0a6;       // column bands of a table block (grey, dashed edges)
    static constexpr unsigned int table = 0x1a9e3a;      // a standard table's region (green)
    static constexpr unsigned int other = 0xd08a00;      // an other table's region (orange)
    static constexpr unsigned int furniture = 0x8e24aa;  // removed furniture, struck through (purple)
    static constexpr unsigned int diagnostic = 0xe00000; // a diagnostic's box (red)
};

// Something drawn on the page, with its label (labels are not drawn into the
// pixels: the HTML report overlays them, so CJK stays legible).
struct PictureMark {
    std::string kind;  // "cell", "band", "table", "other", "furniture", "diagnostic", "row"
    std::string label; // table id / "other" / diagnostic code / furniture text / header→field
    Box box;           // PDF points, top-left origin of the upright page
    int index = -1;    // diagnostic index in Document::diagnostics, else -1
};

// Page `page` (1-based) of a PDF rendered at `dpi` with the reading drawn on it:
// cells, column bands, table regions, removed furniture, diagnostics.  `doc` is the
// document extracted from the same file (its row and diagnostic boxes); `marks`
// receives what was drawn.  `annotate` false gives the bare page.
BUDGETDOC_API Result<PagePicture> render_page(const std::string& path, int page, const Document& doc,
                                              double dpi = 110, bool annotate = true,
                                              std::vector<PictureMark>* marks = nullptr);
// The same with the file's pages already read: `read` as read_pages gives them
// (furniture removed), `printed` with Options::dedupe false — for drawing many pages.
BUDGETDOC_API Result<PagePicture> render_page(const std::string& path, int page, const Document& doc,
                                              const std::vector<Page>& read, const std::vector<Page>& printed,
                                              double dpi = 110, bool annotate = true,
                                              std::vector<PictureMark>* marks = nullptr);
// Encode a picture ("png" or "jpeg") into bytes.
BUDGETDOC_API Result<std::string> encode_picture(const PagePicture& picture, const std::string& format = "png");

}  // namespace budgetdoc
