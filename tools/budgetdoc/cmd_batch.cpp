// budgetdoc batch INPUT... — many disclosures into one SQLite database (and/or
// JSON Lines, and/or one JSON file per input), in parallel isolated processes,
// resumable.  See batch_runner.hpp (processes) and batch_db.hpp (database).
#include "batch_db.hpp"
#include "batch_runner.hpp"
#include "commands.hpp"

#include "util/sha256.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <thread>

#include <glob.h>
#include <unistd.h>

namespace budgetdoc::cli {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using nlohmann::ordered_json;

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool wanted_in_directory(const fs::path& p) {
    const std::string ext = lower(p.extension().string());
    return ext == ".pdf" || ext == ".txt";
}

// Directories (recursive, *.pdf and *.txt only), files as given, globs.
void add_input(const std::string& arg, std::vector<std::string>& out, std::vector<std::string>& warnings) {
    std::error_code ec;
    if (fs::is_directory(arg, ec)) {
        std::vector<std::string> found;
        for (fs::recursive_directory_iterator it(arg, fs::directory_options::skip_permission_denied, ec), end;
             !ec && it != end; it.increment(ec))
            if (it->is_regular_file(ec) && wanted_in_directory(it->path())) found.push_back(it->path().string());
        std::sort(found.begin(), found.end());
        if (found.empty()) warnings.push_back(arg + ": no *.pdf or *.txt files in this directory");
        out.insert(out.end(), found.begin(), found.end());
        return;
    }
    if (!fs::exists(arg, ec) && arg.find_first_of("*?[") != std::string::npos) {
        glob_t g{};
        if (glob(arg.c_str(), 0, nullptr, &g) == 0) {
            for (std::size_t i = 0; i < g.gl_pathc; ++i) add_input(g.gl_pathv[i], out, warnings);
        } else {
            warnings.push_back(arg + ": no file matches this pattern");
        }
        globfree(&g);
        return;
    }
    out.push_back(arg);  // a file (or a missing one: reported as not_found)
}

bool read_bytes(const std::string& path, std::string& bytes) {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) return false;
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    return !in.bad();
}

std::string duration_text(double s) {
    char buf[32];
    const long t = static_cast<long>(s + 0.5);
    if (t >= 3600)
        std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", t / 3600, t / 60 % 60, t % 60);
    else
        std::snprintf(buf, sizeof buf, "%ld:%02ld", t / 60, t % 60);
    return buf;
}

std::string fixed(double v, int digits = 1) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", digits, v);
    return buf;
}

struct Stats {
    std::size_t total = 0, finished = 0, converted = 0, skipped = 0, duplicates = 0;
    std::map<std::string, std::size_t> by_status;
    long long pages = 0;
    std::vector<std::pair<double, std::string>> times;  // seconds, path (+pages)
    std::vector<std::string> failures;
    std::size_t failed() const { return converted - (by_status.count("ok") ? by_status.at("ok") : 0); }
};

}  // namespace

Runner add_batch(CLI::App& app) {
    struct Opts {
        std::vector<std::string> inputs;
        std::string from_list, db, jsonl, out_dir;
        int jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
        double timeout = 120;
        long long max_memory = 1024;
        bool force = false, quiet = false, print_schema = false;
    };
    auto o = std::make_shared<Opts>();
    app.add_option("inputs", o->inputs,
                   "Directories (searched recursively for *.pdf and *.txt), files or glob patterns");
    app.add_option("--from-list", o->from_list, "Read input paths from FILE, one per line ('-' = standard input)");
    app.add_option("--db", o->db,
                   "SQLite database to fill (default sink; default budgetdoc.sqlite unless --jsonl/--out-dir "
                   "is given alone)");
    app.add_option("--jsonl", o->jsonl, "Append one JSON document per line to FILE");
    app.add_option("--out-dir", o->out_dir, "Write DIR/<basename>.json per input ({\"error\":…} when it failed)");
    app.add_option("-j,--jobs", o->jobs, "Documents converted at once (default: number of cores)")
        ->check(CLI::Range(1, 1024));
    app.add_option("--timeout", o->timeout, "Per-document time limit in seconds (0 = none)")
        ->check(CLI::NonNegativeNumber);
    app.add_option("--max-memory", o->max_memory, "Per-document address-space limit in MB (0 = none)")
        ->check(CLI::NonNegativeNumber);
    app.add_flag("--force", o->force, "Convert again documents already stored with status ok");
    app.add_flag("-q,--quiet", o->quiet, "No progress and no summary (failures are still listed)");
    app.add_flag("--print-schema", o->print_schema, "Print the database schema (SQL) and exit");
    return [o]() -> int {
        if (o->print_schema) {
            std::cout << batch_schema_sql();
            return 0;
        }
        // ---- inputs
        std::vector<std::string> paths, warnings;
        for (const auto& a : o->inputs) add_input(a, paths, warnings);
        if (!o->from_list.empty()) {
            std::ifstream file;
            std::istream* in = &std::cin;
            if (o->from_list != "-") {
                file.open(o->from_list);
                if (!file) {
                    std::cerr << "budgetdoc batch: " << o->from_list << ": cannot read the list [not_found]\n";
                    return exit_code(ErrorCode::not_found);
                }
                in = &file;
            }
            for (std::string line; std::getline(*in, line);) {
                while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t'))
                    line.pop_back();
                if (line.empty() || line[0] == '#') continue;
                add_input(line, paths, warnings);
            }
        }
        {
            std::set<std::string> seen;
            std::vector<std::string> unique;
            for (auto& p : paths)
                if (seen.insert(fs::path(p).lexically_normal().string()).second) unique.push_back(p);
            paths.swap(unique);
        }
        for (const auto& w : warnings) std::cerr << "budgetdoc batch: warning: " << w << "\n";
        if (paths.empty()) {
            std::cerr << "budgetdoc batch: no input files (give directories, files, globs or --from-list)\n";
            return 2;
        }

        // ---- sinks
        BatchDb db;
        const bool use_db = !o->db.empty() || (o->jsonl.empty() && o->out_dir.empty());
        const std::string db_path = o->db.empty() ? "budgetdoc.sqlite" : o->db;
        if (use_db)
            if (auto e = db.open(db_path); !e.empty()) {
                std::cerr << "budgetdoc batch: " << db_path << ": cannot open database: " << e << " [io_error]\n";
                return exit_code(ErrorCode::io_error);
            }
        std::ofstream jsonl;
        if (!o->jsonl.empty()) {
            // With a database the run is resumable, so the lines of earlier runs are kept.
            jsonl.open(o->jsonl, use_db ? std::ios::binary | std::ios::app : std::ios::binary | std::ios::trunc);
            if (!jsonl) {
                std::cerr << "budgetdoc batch: " << o->jsonl << ": cannot write [io_error]\n";
                return exit_code(ErrorCode::io_error);
            }
        }
        if (!o->out_dir.empty()) {
            std::error_code ec;
            fs::create_directories(o->out_dir, ec);
            if (ec) {
                std::cerr << "budgetdoc batch: " << o->out_dir << ": cannot create directory: " << ec.message()
                          << " [io_error]\n";
                return exit_code(ErrorCode::io_error);
            }
        }

        // ---- progress
        Stats st;
        st.total = paths.size();
        const auto t0 = Clock::now();
        const bool tty = isatty(STDERR_FILENO) != 0;
        auto last_line = Clock::now();
        bool line_open = false;
        auto progress = [&](bool force_line) {
            if (o->quiet) return;
            const double elapsed = std::chrono::duration<double>(Clock::now() - t0).count();
            if (!tty && !force_line && Clock::now() - last_line < std::chrono::seconds(5)) return;
            last_line = Clock::now();
            std::ostringstream s;
            s << "[" << st.finished << "/" << st.total << "] " << fixed(elapsed > 0 ? st.pages / elapsed : 0)
              << " pages/s, " << st.failed() << " failed";
            if (st.converted > 0 && st.finished < st.total)
                s << ", ETA " << duration_text(elapsed / static_cast<double>(st.converted) *
                                               static_cast<double>(st.total - st.finished));
            if (tty) {
                std::cerr << "\r\033[K" << s.str() << std::flush;
                line_open = true;
            } else {
                std::cerr << "budgetdoc batch: " << s.str() << "\n";
            }
        };
        auto say = [&](const std::string& line) {  // a line that must not be overwritten
            if (line_open) std::cerr << "\r\033[K";
            line_open = false;
            std::cerr << line << "\n";
        };

        bool sink_error = false;
        std::set<std::string> out_names;
        auto done = [&](Outcome&& out) {
            st.finished++;
            st.converted++;
            st.by_status[out.status]++;
            st.pages += out.pages;
            st.times.emplace_back(out.seconds, out.path + " (" + std::to_string(out.pages) + " pages)");
            if (out.status != "ok") {
                std::string f = out.status + ": " + out.error;
                if (!out.error_code.empty() && out.error.find("[" + out.error_code + "]") == std::string::npos)
                    f += " [" + out.error_code + "]";
                st.failures.push_back(f);
                if (!o->quiet) say("budgetdoc batch: " + f);
            }
            if (use_db)
                if (auto e = db.write(out); !e.empty()) {
                    sink_error = true;
                    say("budgetdoc batch: " + db_path + ": cannot store " + out.path + ": " + e + " [io_error]");
                }
            ordered_json line;
            if (out.status == "ok") {
                line = out.document;
            } else {
                line["source"] = {{"file", out.path}, {"sha256", out.sha256 ? ordered_json(*out.sha256) : ordered_json()}};
                line["status"] = out.status;
                line["error"] = {{"code", out.error_code.empty() ? ordered_json() : ordered_json(out.error_code)},
                                 {"message", out.error}};
            }
            if (jsonl.is_open()) {
                jsonl << line.dump(-1, ' ', false, ordered_json::error_handler_t::replace) << "\n" << std::flush;
                if (!jsonl) sink_error = true;
            }
            if (!o->out_dir.empty()) {
                std::string name = fs::path(out.path).stem().string();
                if (!out_names.insert(name).second && out.sha256) {
                    name += "-" + out.sha256->substr(0, 8);
                    out_names.insert(name);
                }
                std::ofstream f(fs::path(o->out_dir) / (name + ".json"), std::ios::binary);
                f << line.dump(2, ' ', false, ordered_json::error_handler_t::replace) << "\n";
                if (!f) {
                    sink_error = true;
                    say("budgetdoc batch: " + o->out_dir + ": cannot write " + name + ".json [io_error]");
                }
            }
            progress(false);
        };

        // ---- work
        std::size_t cursor = 0;
        std::map<std::string, std::string> seen_sha;  // sha256 → first path this run
        auto next = [&](Task& task) -> bool {
            while (cursor < paths.size()) {
                const std::string& path = paths[cursor++];
                Outcome out;
                out.path = path;
                out.started = now_iso8601();
                out.kind = lower(fs::path(path).extension().string()) == ".txt" ? "text" : "pdf";
                std::string bytes;
                if (!read_bytes(path, bytes)) {
                    out.status = "failed";
                    out.error_code = error_code_name(ErrorCode::not_found);
                    out.error = path + ": cannot read the file";
                    done(std::move(out));
                    continue;
                }
                if (bytes.rfind("%PDF", 0) == 0) out.kind = "pdf";
                const std::string sha = util::sha256_hex(bytes);
                out.sha256 = sha;
                if (auto it = seen_sha.find(sha); it != seen_sha.end()) {
                    st.finished++;
                    st.duplicates++;
                    if (use_db) db.note_path(path, sha);
                    if (!o->quiet) say("budgetdoc batch: " + path + ": same content as " + it->second + ", skipped");
                    progress(false);
                    continue;
                }
                seen_sha.emplace(sha, path);
                if (use_db && !o->force && db.has_ok(sha)) {
                    st.finished++;
                    st.skipped++;
                    db.note_path(path, sha);
                    progress(false);
                    continue;
                }
                task.path = path;
                task.prepared = std::move(out);
                return true;
            }
            return false;
        };
        RunnerOptions ro;
        ro.jobs = o->jobs;
        ro.timeout_seconds = o->timeout;
        ro.max_memory_mb = o->max_memory;
        run_tasks(ro, next, done, [&] { progress(false); });
        progress(true);
        if (line_open) std::cerr << "\n";

        // ---- summary
        const double elapsed = std::chrono::duration<double>(Clock::now() - t0).count();
        const std::size_t failed = st.failed();
        if (!o->quiet) {
            std::ostringstream s;
            s << "budgetdoc batch: " << st.total << " inputs in " << fixed(elapsed) << " s, " << st.pages
              << " pages converted (" << fixed(elapsed > 0 ? st.pages / elapsed : 0) << " pages/s)\n";
            s << "  ";
            for (const char* k : {"ok", "failed", "timeout", "crashed"})
                s << k << " " << (st.by_status.count(k) ? st.by_status[k] : 0) << ", ";
            s << "skipped " << st.skipped << " (already in the database)";
            if (st.duplicates) s << ", " << st.duplicates << " duplicate file(s) skipped";
            s << "\n";
            std::sort(st.times.begin(), st.times.end(), std::greater<>());
            if (!st.times.empty()) s << "  slowest:\n";
            for (std::size_t i = 0; i < st.times.size() && i < 5; ++i)
                s << "    " << fixed(st.times[i].first, 2) << " s  " << st.times[i].second << "\n";
            if (!st.failures.empty()) s << "  failures:\n";
            for (const auto& f : st.failures) s << "    " << f << "\n";
            if (use_db) s << "  database: " << db_path << "\n";
            std::cout << s.str() << std::flush;
        } else if (!st.failures.empty()) {
            for (const auto& f : st.failures) std::cerr << "budgetdoc batch: " << f << "\n";
        }
        if (sink_error) return exit_code(ErrorCode::io_error);
        return failed > 0 ? 3 : 0;
    };
}

}  // namespace budgetdoc::cli
