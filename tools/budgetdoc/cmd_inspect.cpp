// budgetdoc inspect FILE [--page N] [--json]: what the later stages see.
#include "commands.hpp"

#include <budgetdoc/extract.hpp>

#include <fstream>
#include <iostream>
#include <map>
#include <memory>

namespace budgetdoc::cli {

Runner add_inspect(CLI::App& app) {
    struct Opts {
        std::string file;
        int page = 0;
        bool json = false;
        bool raw = false;
        bool no_dedupe = false;
        int threads = 0;
        std::string png;
        double dpi = 110;
    };
    auto o = std::make_shared<Opts>();
    app.add_option("file", o->file, "PDF or extracted-text file")->required();
    app.add_option("--page,-p", o->page, "Only this page (1-based)");
    app.add_flag("--json", o->json, "JSON instead of text");
    app.add_flag("--raw", o->raw, "Show the printed text before normalization");
    app.add_option("--threads,-j", o->threads, "Threads reading PDF pages (0 = one per core)")
        ->check(CLI::Range(0, 256))
        ->capture_default_str();
    app.add_flag("--no-dedupe", o->no_dedupe, "Keep watermarks, running headers and page numbers");
    app.add_option("--png", o->png,
                   "Write page --page rendered with the reading drawn on it: cells (blue), column bands (grey), "
                   "tables (green; other tables orange), removed furniture (purple, struck through), "
                   "diagnostics (red)");
    app.add_option("--dpi", o->dpi, "Resolution of --png")->check(CLI::Range(36.0, 600.0))->capture_default_str();
    app.footer(
        "Text output: one line per printed row, \"page:row |\" then cells separated by \" | \",\n"
        "each cell prefixed by its column index (\"[3]9784.70\"); empty columns are not printed.");
    return [o]() {
        if (!o->png.empty()) {
            if (o->page <= 0) {
                std::cerr << "budgetdoc: inspect --png needs --page N\n";
                return 2;
            }
            auto doc = extract_file(o->file);
            if (!doc) {
                std::cerr << "budgetdoc: " << doc.error().describe() << "\n";
                return exit_code(doc.error().code);
            }
            std::vector<PictureMark> marks;
            auto pic = render_page(o->file, o->page, doc.value(), o->dpi, true, &marks);
            if (!pic) {
                std::cerr << "budgetdoc: " << pic.error().describe() << "\n";
                return pic.error().code == ErrorCode::io_error ? 2 : exit_code(pic.error().code);
            }
            auto bytes = encode_picture(pic.value(), "png");
            if (!bytes) {
                std::cerr << "budgetdoc: " << bytes.error().describe() << "\n";
                return exit_code(bytes.error().code);
            }
            std::ofstream out(o->png, std::ios::binary);
            out << bytes.value();
            if (!out) {
                std::cerr << "budgetdoc: " << o->png << ": cannot write [io_error]\n";
                return exit_code(ErrorCode::io_error);
            }
            std::map<std::string, int> count;
            for (const auto& m : marks) ++count[m.kind];
            std::cout << o->png << ": page " << o->page << ", " << pic->width << "x" << pic->height << " px at "
                      << o->dpi << " dpi;";
            for (const auto& [k, n] : count) std::cout << " " << k << " " << n;
            std::cout << "\n";
            // The labels the picture does not print (the report overlays them):
            for (const auto& m : marks)
                if (m.kind == "table" || m.kind == "other" || m.kind == "diagnostic" || m.kind == "furniture")
                    std::cout << "  " << m.kind << " " << m.label << " [" << m.box.x0 << ", " << m.box.y0 << ", "
                              << m.box.x1 << ", " << m.box.y1 << "]\n";
            return 0;
        }
        Options opts;
        opts.dedupe = !o->no_dedupe;
        opts.threads = o->threads;
        auto pages = read_pages(o->file, opts);
        if (!pages) {
            std::cerr << "budgetdoc: " << pages.error().describe() << "\n";
            return exit_code(pages.error().code);
        }
        std::vector<Page> selected;
        for (auto& p : pages.value())
            if (o->page == 0 || p.number == o->page) selected.push_back(std::move(p));
        if (o->page > 0 && selected.empty()) {
            std::cerr << "budgetdoc: " << o->file << ": no page " << o->page << " (document has "
                      << pages->size() << " pages)\n";
            return 2;
        }
        if (o->json) {
            std::cout << pages_to_json(selected);
            return 0;
        }
        for (const auto& p : selected) {
            std::cout << "=== page " << p.number << " (" << p.width << " x " << p.height << " pt, "
                      << p.lines.size() << " rows)\n";
            int r = 0;
            for (const auto& l : p.lines) {
                std::cout << p.number << ":" << ++r << " |";
                for (const auto& c : l.cells) {
                    std::cout << " [" << c.column;
                    if (c.span > 1) std::cout << "+" << c.span - 1;
                    std::cout << "]" << (o->raw ? c.raw : c.text) << " |";
                }
                std::cout << "\n";
            }
        }
        return 0;
    };
}

}  // namespace budgetdoc::cli
