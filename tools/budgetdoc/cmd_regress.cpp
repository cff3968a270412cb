// budgetdoc regress SAMPLES_DIR [--update]: extract every X.pdf / X.txt that has
// an expected file beside it and print, per document, every field that differs
// (validate/compare: the contract's comparison rules).  Exit 0 only when
// nothing differs.  --update rewrites the expected files of documents that
// differ, and lists what it changed.
//
// Expected file of X.ext: X.ext.expected.json when present (an input-specific
// expectation, e.g. for a lossy extracted text), else X.expected.json.  On
// --update a text input never overwrites an X.expected.json that an X.pdf
// beside it shares; it gets its own X.txt.expected.json instead.
#include "commands.hpp"

#include "validate/compare.hpp"

#include <budgetdoc/extract.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <sstream>

namespace budgetdoc::cli {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using nlohmann::ordered_json;

bool read_text(const fs::path& p, std::string& out) {
    std::ifstream in(p, std::ios::binary);
    if (!in) return false;
    out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    return true;
}

std::string base_of(const fs::path& p) { return p.stem().string(); }

// The indent of an existing JSON file (spaces before the first key), default 2.
int indent_of(const std::string& text) {
    const auto nl = text.find('\n');
    if (nl == std::string::npos) return 2;
    int n = 0;
    for (std::size_t i = nl + 1; i < text.size() && text[i] == ' '; ++i) ++n;
    return n > 0 ? n : 2;
}

// What an expected file holds: the output without diagnostics, other_tables
// (not scored yet) and per-object pages (source.pages stays).
void strip_for_expected(ordered_json& j, bool top) {
    if (j.is_object()) {
        if (top) {
            j.erase("diagnostics");
            j.erase("other_tables");
        }
        for (auto it = j.begin(); it != j.end();) {
            if (it.key() == "pages" && !top) {
                it = j.erase(it);
                continue;
            }
            if (it.key() != "source") strip_for_expected(it.value(), false);
            ++it;
        }
    } else if (j.is_array()) {
        for (auto& x : j) strip_for_expected(x, false);
    }
}

}  // namespace

Runner add_regress(CLI::App& app) {
    struct Opts {
        std::string dir, kind = "all";
        bool update = false, verbose = false, tables_only = false, strict = false;
    };
    auto o = std::make_shared<Opts>();
    app.add_option("samples", o->dir, "Folder searched (recursively) for X.pdf / X.txt with X.expected.json")
        ->required();
    app.add_flag("--update", o->update, "Rewrite the expected files of documents that differ, and say what changed");
    app.add_option("--kind", o->kind, "Inputs to check: all, pdf, text")->check(CLI::IsMember({"all", "pdf", "text"}));
    app.add_flag("--tables-only", o->tables_only, "Compare the 13 tables and document fields, not the forms");
    app.add_flag("--strict", o->strict,
                 "Count differences in forms the extractor flags lossy_source too (by default they are shown, not counted)");
    app.add_flag("-v,--verbose", o->verbose, "Also list the tables and forms that match");
    return [o]() -> int {
        std::error_code ec;
        if (!fs::is_directory(o->dir, ec)) {
            std::cerr << "budgetdoc regress: " << o->dir << ": not a directory [not_found]\n";
            return exit_code(ErrorCode::not_found);
        }
        std::vector<fs::path> inputs;
        for (fs::recursive_directory_iterator it(o->dir, ec), end; !ec && it != end; it.increment(ec)) {
            if (!it->is_regular_file()) continue;
            const std::string ext = it->path().extension().string();
            if ((ext == ".pdf" && o->kind != "text") || (ext == ".txt" && o->kind != "pdf"))
                inputs.push_back(it->path());
        }
        // PDFs first: a text input's expectation may depend on the PDF's update.
        std::sort(inputs.begin(), inputs.end(), [](const fs::path& a, const fs::path& b) {
            const bool ap = a.extension() == ".pdf", bp = b.extension() == ".pdf";
            return ap != bp ? ap : a < b;
        });
        std::size_t checked = 0, differing = 0, updated = 0;
        bool io_failed = false;
        validate::CompareOptions copt;
        copt.forms = !o->tables_only;
        // Forms the extractor flags lossy_source are reported, not counted,
        // unless --strict: the same rule as the golden tests.
        copt.excuse_lossy_forms = !o->strict;
        for (const auto& input : inputs) {
            const fs::path dir = input.parent_path();
            const fs::path own = dir / (input.filename().string() + ".expected.json");
            const fs::path shared = dir / (base_of(input) + ".expected.json");
            const fs::path exp_path = fs::exists(own) ? own : shared;
            if (!fs::exists(exp_path)) continue;
            ++checked;
            std::string exp_text;
            json expected;
            if (read_text(exp_path, exp_text)) expected = json::parse(exp_text, nullptr, false);
            if (expected.is_discarded() || expected.is_null()) {
                std::cout << input.string() << ": " << exp_path.string() << ": cannot read or parse\n";
                ++differing;
                continue;
            }
            auto doc = extract_file(input.string());
            ordered_json out_ordered;
            json actual;
            if (doc) {
                out_ordered = ordered_json::parse(to_json(doc.value(), false));
                actual = json::parse(to_json(doc.value(), false));
            }
            const auto c = validate::compare_documents(expected, actual, copt);
            const auto diffs = c.all_differences();
            if (!doc && !expected.contains("error")) {
                std::cout << input.string() << ": REGRESSED: extraction failed: " << doc.error().describe() << " ["
                          << error_code_name(doc.error().code) << "]\n";
                ++differing;
                continue;
            }
            if (c.ok()) {
                size_t lossy = 0;
                for (const auto& f : c.forms) lossy += f.excused && !f.ok();
                std::cout << input.string() << ": ok (" << c.tables.size() << " tables, " << c.forms.size()
                          << " forms, compared with " << exp_path.filename().string() << ")";
                if (lossy > 0)
                    std::cout << "; " << lossy << " form(s) flagged lossy_source differ, not counted (-v shows, --strict counts)";
                std::cout << "\n";
                if (o->verbose) std::cout << c.report(true);
                continue;
            }
            ++differing;
            std::cout << input.string() << ": " << diffs.size() << " difference(s) from "
                      << exp_path.filename().string() << "\n"
                      << c.report(o->verbose);
            if (!o->update) continue;
            if (!doc) {
                std::cout << "  not updated: extraction failed: " << doc.error().describe() << "\n";
                continue;
            }
            // A text input does not overwrite the expectation a PDF beside it shares.
            fs::path target = exp_path;
            if (exp_path == shared && input.extension() == ".txt" && fs::exists(dir / (base_of(input) + ".pdf")))
                target = own;
            ordered_json fresh = out_ordered;
            strip_for_expected(fresh, true);
            std::ofstream f(target, std::ios::binary);
            f << fresh.dump(indent_of(exp_text), ' ', false, ordered_json::error_handler_t::replace) << "\n";
            if (!f) {
                std::cerr << "budgetdoc regress: " << target.string() << ": cannot write [io_error]\n";
                io_failed = true;
                continue;
            }
            ++updated;
            std::cout << "  updated " << target.string() << ": the " << diffs.size()
                      << " difference(s) above now read as the new output\n";
        }
        std::cout << "regress: " << checked << " document(s) checked, " << differing << " differ";
        if (o->update) std::cout << ", " << updated << " expected file(s) updated";
        std::cout << "\n";
        if (checked == 0) {
            std::cerr << "budgetdoc regress: " << o->dir << ": no X.pdf/X.txt with X.expected.json found\n";
            return 2;
        }
        if (io_failed) return exit_code(ErrorCode::io_error);
        if (o->update) return differing == updated ? 0 : 3;
        return differing == 0 ? 0 : 3;
    };
}

}  // namespace budgetdoc::cli
