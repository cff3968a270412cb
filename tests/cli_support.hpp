// Shared by the tests that run the budgetdoc command (batch_test, regress_test):
// temporary folders, running the CLI, reading the batch database.
#pragma once

#include <sqlite3.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace budgetdoc::test {

namespace fs = std::filesystem;

inline fs::path source_dir() { return fs::path(BUDGETDOC_SOURCE_DIR); }

// The test's own exact conversion of a decimal string in `unit` (元 or 万元) to
// 分, independent of the library's Amount.
inline long long fen(const std::string& s, const std::string& unit) {
    const int shift = (unit == "万元" ? 4 : 0) + 2;
    std::string in = s, fr;
    bool neg = false;
    if (!in.empty() && in[0] == '-') {
        neg = true;
        in.erase(0, 1);
    }
    if (auto dot = in.find('.'); dot != std::string::npos) {
        fr = in.substr(dot + 1);
        in = in.substr(0, dot);
    }
    fr.resize(shift, '0');
    const long long v = std::stoll(in + fr);
    return neg ? -v : v;
}

// Every PDF of samples/ (and its re-prints, forms and real files), sorted.
inline std::vector<fs::path> sample_pdfs() {
    std::vector<fs::path> out;
    for (const char* dir : {"samples", "samples/variants", "samples/forms", "samples/real"})
        for (const auto& e : fs::directory_iterator(source_dir() / dir))
            if (e.path().extension() == ".pdf") out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

struct TempDir {
    fs::path path;
    TempDir() {
        std::string t = (fs::temp_directory_path() / "budgetdoc-test-XXXXXX").string();
        if (!mkdtemp(t.data())) throw std::runtime_error("mkdtemp failed");
        path = t;
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
};

inline std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline void write_file(const fs::path& p, const std::string& bytes) {
    std::ofstream out(p, std::ios::binary);
    out << bytes;
}

// Start `budgetdoc ARGS...` with stdout+stderr into `log`; returns the pid.
// `cwd`: working directory of the command (default: the test's).
inline pid_t spawn_cli(const std::vector<std::string>& args, const fs::path& log, const fs::path& cwd = {}) {
    std::vector<std::string> all = {BUDGETDOC_CLI};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : all) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&fa, 1, 2);
    if (!cwd.empty()) posix_spawn_file_actions_addchdir_np(&fa, cwd.c_str());
    pid_t pid = -1;
    const int rc = posix_spawn(&pid, argv[0], &fa, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&fa);
    if (rc != 0) throw std::runtime_error("cannot start " + all[0]);
    return pid;
}

// Exit status of a spawned CLI (128 + signal when killed).
inline int wait_cli(pid_t pid) {
    int status = 0;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

// Run the CLI to completion; its output (stdout+stderr) goes to `output`.
inline int run_cli(const std::vector<std::string>& args, std::string* output = nullptr, const fs::path& cwd = {}) {
    TempDir tmp;
    const fs::path log = tmp.path / "log";
    const int rc = wait_cli(spawn_cli(args, log, cwd));
    if (output) *output = read_file(log);
    return rc;
}

// Read-only view of a batch database.
class Db {
public:
    explicit Db(const fs::path& p) {
        if (sqlite3_open_v2(p.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
            throw std::runtime_error("cannot open " + p.string());
        sqlite3_busy_timeout(db_, 5000);
    }
    ~Db() { sqlite3_close(db_); }
    Db(const Db&) = delete;
    Db& operator=(const Db&) = delete;

    // All rows of a query, NULL as "<null>"; `params` bind ?1, ?2, … as text.
    std::vector<std::vector<std::string>> rows(const std::string& sql, const std::vector<std::string>& params = {}) {
        sqlite3_stmt* s = nullptr;
        if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &s, nullptr) != SQLITE_OK)
            throw std::runtime_error(std::string(sqlite3_errmsg(db_)) + ": " + sql);
        for (std::size_t i = 0; i < params.size(); ++i)
            sqlite3_bind_text(s, static_cast<int>(i + 1), params[i].c_str(), -1, SQLITE_TRANSIENT);
        std::vector<std::vector<std::string>> out;
        int rc;
        while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
            std::vector<std::string> row;
            for (int c = 0; c < sqlite3_column_count(s); ++c) {
                const auto* t = sqlite3_column_text(s, c);
                row.push_back(t ? reinterpret_cast<const char*>(t) : "<null>");
            }
            out.push_back(std::move(row));
        }
        const bool ok = rc == SQLITE_DONE;
        sqlite3_finalize(s);
        if (!ok) throw std::runtime_error(std::string(sqlite3_errmsg(db_)) + ": " + sql);
        return out;
    }
    long long scalar(const std::string& sql, const std::vector<std::string>& params = {}) {
        auto r = rows(sql, params);
        return r.empty() || r[0].empty() || r[0][0] == "<null>" ? 0 : std::stoll(r[0][0]);
    }

private:
    sqlite3* db_ = nullptr;
};

}  // namespace budgetdoc::test
