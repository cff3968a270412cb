// batch_runner — converts documents in isolated child processes.
//
// The parent forks one child per document (at most `jobs` at a time).  The
// child sets its memory limit (RLIMIT_AS), runs budgetdoc::extract_file and
// sends the result back through a pipe as one message; the parent enforces the
// per-document timeout (SIGKILL) and turns a child killed by a signal, a
// timeout or a missing result into an Outcome with status crashed/timeout.
// Nothing but the parent ever touches the sinks.
//
// Test-only hook: when the environment variable BUDGETDOC_TEST_CRASH_MARKER is
// set and non-empty and the input file's bytes contain that string, the child
// calls abort() before extracting.  It exists so tests can prove a crashing
// document is recorded as `crashed` and the batch goes on; it is inert unless
// the variable is set.
#pragma once

#include "batch_db.hpp"

#include <functional>
#include <string>
#include <vector>

namespace budgetdoc::cli {

struct RunnerOptions {
    int jobs = 1;
    double timeout_seconds = 120;    // 0 = no limit
    long long max_memory_mb = 1024;  // 0 = no limit
};

struct Task {
    std::string path;
    Outcome prepared;  // path, sha256, kind, started filled by the caller
};

// Runs every task handed out by `next` (which returns false when there are no
// more) and calls `done` in the parent for each finished one, and `tick`
// at least twice a second.
void run_tasks(const RunnerOptions& options, const std::function<bool(Task&)>& next,
               const std::function<void(Outcome&&)>& done, const std::function<void()>& tick);

// ISO 8601 UTC timestamp of now.
std::string now_iso8601();

}  // namespace budgetdoc::cli
