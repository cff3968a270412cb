#include "batch_runner.hpp"

#include <budgetdoc/extract.hpp>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <iterator>
#include <new>
#include <sstream>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace budgetdoc::cli {
namespace {

using Clock = std::chrono::steady_clock;
using nlohmann::ordered_json;

struct Child {
    pid_t pid = -1;
    int fd = -1;
    std::string buffer;
    Clock::time_point start;
    bool timed_out = false;
    Outcome outcome;
};

void write_all(int fd, const std::string& s) {
    std::size_t off = 0;
    while (off < s.size()) {
        const ssize_t n = ::write(fd, s.data() + off, s.size() - off);
        if (n < 0) {
            if (errno == EINTR) continue;
            return;
        }
        off += static_cast<std::size_t>(n);
    }
}

bool file_contains(const std::string& path, const std::string& marker) {
    std::ifstream in(path, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return bytes.find(marker) != std::string::npos;
}

// Runs in the forked child; never returns.
[[noreturn]] void child_main(const std::string& path, int fd, pid_t parent, const RunnerOptions& options) {
    prctl(PR_SET_PDEATHSIG, SIGKILL);  // die with the batch
    if (getppid() != parent) _exit(120);
    signal(SIGPIPE, SIG_DFL);
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    if (options.max_memory_mb > 0) {
        rlimit lim{};
        lim.rlim_cur = lim.rlim_max = static_cast<rlim_t>(options.max_memory_mb) * 1024 * 1024;
        setrlimit(RLIMIT_AS, &lim);
    }
    // Test-only crash hook (see batch_runner.hpp).
    if (const char* marker = std::getenv("BUDGETDOC_TEST_CRASH_MARKER"); marker && *marker)
        if (file_contains(path, marker)) std::abort();

    std::string message;
    try {
        auto doc = extract_file(path);
        ordered_json head;
        if (doc) {
            head["status"] = "ok";
            head["pages"] = doc->source.pages;
            head["kind"] = doc->source.kind;
            message = head.dump() + "\n" + to_json(doc.value(), false);
        } else {
            const Error& e = doc.error();
            const bool oom = e.code == ErrorCode::internal && e.message.find("bad_alloc") != std::string::npos;
            head["status"] = oom ? "crashed" : "failed";
            head["error_code"] = oom ? "" : error_code_name(e.code);
            head["error"] = oom ? path + ": out of memory (limit " + std::to_string(options.max_memory_mb) +
                                      " MB, --max-memory)"
                                : e.describe();
            message = head.dump(-1, ' ', false, ordered_json::error_handler_t::replace) + "\n";
        }
    } catch (const std::bad_alloc&) {
        message = ordered_json{{"status", "crashed"},
                               {"error", path + ": out of memory (limit " + std::to_string(options.max_memory_mb) +
                                             " MB, --max-memory)"}}
                      .dump(-1, ' ', false, ordered_json::error_handler_t::replace) +
                  "\n";
    } catch (const std::exception& e) {
        message = ordered_json{{"status", "failed"}, {"error_code", "internal"}, {"error", path + ": " + e.what()}}
                      .dump(-1, ' ', false, ordered_json::error_handler_t::replace) +
                  "\n";
    }
    write_all(fd, message);
    ::close(fd);
    _exit(0);
}

void finish(Child& c, int status, const std::function<void(Outcome&&)>& done) {
    Outcome o = std::move(c.outcome);
    o.seconds = std::chrono::duration<double>(Clock::now() - c.start).count();
    const std::size_t nl = c.buffer.find('\n');
    ordered_json head = nl == std::string::npos ? ordered_json()
                                                : ordered_json::parse(c.buffer.substr(0, nl), nullptr, false);
    if (c.timed_out) {
        o.status = "timeout";
        std::ostringstream s;
        s.precision(3);
        s << o.path << ": timed out after " << o.seconds << " s (--timeout), conversion process killed";
        o.error = s.str();
    } else if (WIFSIGNALED(status)) {
        const int sig = WTERMSIG(status);
        o.status = "crashed";
        o.error = o.path + ": conversion process killed by signal " + std::to_string(sig) + " (" + strsignal(sig) + ")";
    } else if (!head.is_object() || !head.contains("status")) {
        o.status = "crashed";
        o.error = o.path + ": conversion process exited (status " +
                  std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1) + ") without a result";
    } else {
        o.status = head.value("status", "crashed");
        o.error_code = head.value("error_code", "");
        o.error = head.value("error", "");
        if (o.status == "ok") {
            o.pages = head.value("pages", 0);
            if (head.contains("kind") && head["kind"].is_string() && !head["kind"].get<std::string>().empty())
                o.kind = head["kind"].get<std::string>();
            o.document = ordered_json::parse(c.buffer.begin() + static_cast<std::ptrdiff_t>(nl) + 1, c.buffer.end(),
                                             nullptr, false);
            if (o.document.is_discarded() || !o.document.is_object()) {
                o.document = ordered_json();
                o.status = "crashed";
                o.error = o.path + ": conversion process sent an incomplete result";
            }
        }
    }
    done(std::move(o));
}

}  // namespace

std::string now_iso8601() {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

void run_tasks(const RunnerOptions& options, const std::function<bool(Task&)>& next,
               const std::function<void(Outcome&&)>& done, const std::function<void()>& tick) {
    std::vector<Child> running;
    bool more = true;
    const pid_t self = getpid();
    signal(SIGPIPE, SIG_IGN);
    auto last_tick = Clock::now();
    while (more || !running.empty()) {
        while (more && static_cast<int>(running.size()) < std::max(1, options.jobs)) {
            Task task;
            if (!next(task)) {
                more = false;
                break;
            }
            int fds[2];
            if (pipe2(fds, O_CLOEXEC) != 0) {
                Outcome o = std::move(task.prepared);
                o.status = "crashed";
                o.error = o.path + ": cannot create a pipe: " + std::strerror(errno);
                done(std::move(o));
                continue;
            }
            std::fflush(nullptr);
            const pid_t pid = fork();
            if (pid == 0) {
                ::close(fds[0]);
                for (const auto& c : running) ::close(c.fd);
                child_main(task.path, fds[1], self, options);
            }
            ::close(fds[1]);
            if (pid < 0) {
                ::close(fds[0]);
                Outcome o = std::move(task.prepared);
                o.status = "crashed";
                o.error = o.path + ": cannot start a conversion process: " + std::strerror(errno);
                done(std::move(o));
                continue;
            }
            Child c;
            c.pid = pid;
            c.fd = fds[0];
            c.start = Clock::now();
            c.outcome = std::move(task.prepared);
            running.push_back(std::move(c));
        }
        if (running.empty()) break;

        // Wait for output, a child's end, a deadline or the next progress tick.
        int wait_ms = 500;
        const auto now = Clock::now();
        if (options.timeout_seconds > 0)
            for (const auto& c : running) {
                const auto deadline = c.start + std::chrono::duration_cast<Clock::duration>(
                                                    std::chrono::duration<double>(options.timeout_seconds));
                const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now).count();
                wait_ms = static_cast<int>(std::max<long long>(0, std::min<long long>(wait_ms, left + 1)));
            }
        std::vector<pollfd> pfds;
        for (const auto& c : running) pfds.push_back(pollfd{c.fd, POLLIN, 0});
        const int n = poll(pfds.data(), pfds.size(), wait_ms);
        if (n < 0 && errno != EINTR) break;

        for (std::size_t i = 0; i < running.size();) {
            Child& c = running[i];
            bool ended = false;
            if (n > 0 && (pfds[i].revents & (POLLIN | POLLHUP | POLLERR))) {
                char buf[65536];
                const ssize_t r = ::read(c.fd, buf, sizeof buf);
                if (r > 0)
                    c.buffer.append(buf, static_cast<std::size_t>(r));
                else if (r == 0 || (errno != EINTR && errno != EAGAIN))
                    ended = true;
            }
            if (!ended && options.timeout_seconds > 0 &&
                std::chrono::duration<double>(Clock::now() - c.start).count() > options.timeout_seconds) {
                c.timed_out = true;
                kill(c.pid, SIGKILL);
                ended = true;
            }
            if (ended) {
                ::close(c.fd);
                int status = 0;
                while (waitpid(c.pid, &status, 0) < 0 && errno == EINTR) {
                }
                finish(c, status, done);
                running.erase(running.begin() + static_cast<std::ptrdiff_t>(i));
                pfds.erase(pfds.begin() + static_cast<std::ptrdiff_t>(i));
                continue;
            }
            ++i;
        }
        if (Clock::now() - last_tick >= std::chrono::milliseconds(200)) {
            tick();
            last_tick = Clock::now();
        }
    }
    tick();
}

}  // namespace budgetdoc::cli
