// budgetdoc — command-line front end.  Each subcommand lives in its own file.
#include "commands.hpp"

#include <iostream>
#include <map>

int main(int argc, char** argv) {
    CLI::App app{
        "budgetdoc — Chinese government budget disclosures (单位/部门预算公开 PDFs) to checked JSON records.\n"
        "Exit codes: 0 ok, 2 usage, 3 some documents of a batch failed, 10 not_found, 11 empty_file, 12 not_pdf,\n"
        "13 corrupt_pdf, 14 encrypted, 15 no_text_layer, 16 unknown_layout, 17 not_a_disclosure, 18 io_error, 19 internal."};
    app.require_subcommand(1);
    app.set_version_flag("--version", "budgetdoc 0.1.0");
    std::map<CLI::App*, budgetdoc::cli::Runner> runners;
    auto reg = [&](const char* name, const char* help, auto add) {
        CLI::App* sub = app.add_subcommand(name, help);
        runners[sub] = add(*sub);
    };
    reg("inspect", "Print the reconstructed lines and cells of a PDF or text file", budgetdoc::cli::add_inspect);
    reg("extract", "Extract one disclosure to the contract JSON", budgetdoc::cli::add_extract);
    reg("batch", "Convert many disclosures in parallel into SQLite / JSON Lines / JSON files (resumable)",
        budgetdoc::cli::add_batch);
    reg("regress", "Compare extraction of samples with their X.expected.json, field by field",
        budgetdoc::cli::add_regress);
    reg("export", "Write the long format (one row per figure, amounts exact in 元) as CSV or XLSX",
        budgetdoc::cli::add_export);
    reg("templates", "List the tables budgetdoc reads: fields, shapes and sum rules (templates/*.yaml)",
        budgetdoc::cli::add_templates);
    reg("report", "HTML review page: tables beside their page pictures with the reading drawn on them (FILE or batch DB)",
        budgetdoc::cli::add_report);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int rc = app.exit(e);
        return rc == 0 ? 0 : 2;
    }
    for (auto& [sub, run] : runners)
        if (sub->parsed()) return run();
    return 2;
}
