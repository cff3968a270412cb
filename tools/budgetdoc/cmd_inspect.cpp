// budgetdoc inspect FILE [--page N] [--json]: what the later stages see.
#include "commands.hpp"

#include <budgetdoc/extract.hpp>

#include <iostream>
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
    app.footer(
        "Text output: one line per printed row, \"page:row |\" then cells separated by \" | \",\n"
        "each cell prefixed by its column index (\"[3]9784.70\"); empty columns are not printed.");
    return [o]() {
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
