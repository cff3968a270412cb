// budgetdoc extract FILE [-o OUT.json]: one disclosure → contract JSON.
#include "commands.hpp"

#include <budgetdoc/extract.hpp>

#include <fstream>
#include <iostream>
#include <memory>

namespace budgetdoc::cli {

Runner add_extract(CLI::App& app) {
    struct Opts {
        std::string file, out, kind = "auto";
        bool compact = false, no_dedupe = false, times = false, boxes = false;
        int threads = 0;
    };
    auto o = std::make_shared<Opts>();
    app.add_option("file", o->file, "PDF or extracted-text file")->required();
    app.add_option("-o,--output", o->out, "Write JSON here (default: standard output)");
    app.add_option("--kind", o->kind, "Input kind: auto (by %PDF header), pdf, text")
        ->check(CLI::IsMember({"auto", "pdf", "text"}));
    app.add_flag("--compact", o->compact, "One-line JSON");
    app.add_option("--threads,-j", o->threads, "Threads reading PDF pages (0 = one per core)")
        ->check(CLI::Range(0, 256))
        ->capture_default_str();
    app.add_flag("--no-dedupe", o->no_dedupe, "Keep watermarks and repeated form fragments");
    app.add_flag("--boxes", o->boxes,
                 "Add \"bbox\" [x0, y0, x1, y1] (PDF points, top-left origin of the upright page) to rows and "
                 "diagnostics, \"cell_bbox\" per row field");
    app.add_flag("--times", o->times, "Print per-stage timings to standard error");
    return [o]() {
        Options opts;
        opts.kind = o->kind == "pdf" ? InputKind::pdf : o->kind == "text" ? InputKind::text : InputKind::automatic;
        opts.dedupe = !o->no_dedupe;
        opts.threads = o->threads;
        StageTimes times;
        auto doc = extract_file(o->file, opts, &times);
        if (!doc) {
            std::cerr << "budgetdoc: " << doc.error().describe() << "\n";
            return exit_code(doc.error().code);
        }
        const std::string json = to_json(doc.value(), !o->compact, o->boxes);
        if (o->out.empty()) {
            std::cout << json;
        } else {
            std::ofstream out(o->out, std::ios::binary);
            out << json;
            if (!out) {
                std::cerr << "budgetdoc: " << o->out << ": cannot write output [io_error]\n";
                return exit_code(ErrorCode::io_error);
            }
        }
        if (o->times)
            std::cerr << "stages ms: source " << times.source << ", layout+normalize " << times.normalize
                      << ", recognize " << times.recognize << ", dedupe " << times.dedupe << "\n";
        return 0;
    };
}

}  // namespace budgetdoc::cli
