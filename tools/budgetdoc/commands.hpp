// The budgetdoc command's subcommands: each registers its options on the CLI11
// app and returns the process exit code when run.
#pragma once

#include <budgetdoc/error.hpp>

#include <CLI/CLI.hpp>

#include <functional>

namespace budgetdoc::cli {

using Runner = std::function<int()>;

Runner add_inspect(CLI::App& app);
Runner add_extract(CLI::App& app);
Runner add_batch(CLI::App& app);
Runner add_regress(CLI::App& app);
Runner add_templates(CLI::App& app);
Runner add_export(CLI::App& app);
Runner add_report(CLI::App& app);

// Exit codes: 0 success, 2 usage, 3 some documents failed (batch), and the
// ErrorCode value (10–19) when one input failed.
inline int exit_code(ErrorCode code) { return static_cast<int>(code); }

}  // namespace budgetdoc::cli
