// three_public — print the 三公经费 table of a budget disclosure.
//
//   three_public FILE [--json]
//
// FILE is a disclosure PDF or its tab-separated text.  Prints one line per row:
// item, total, general budget (amounts as printed, "-" for an empty cell).
#include <budgetdoc/budgetdoc.hpp>

#include <cstring>
#include <iostream>

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: " << argv[0] << " FILE [--json]\n";
        return 2;
    }
    const budgetdoc::Result<budgetdoc::Document> doc = budgetdoc::extract_file(argv[1]);
    if (!doc) {
        const budgetdoc::Error& e = doc.error();
        std::cerr << budgetdoc::error_code_name(e.code) << ": " << e.describe() << "\n";
        return 1;
    }
    if (argc > 2 && std::strcmp(argv[2], "--json") == 0) {
        std::cout << budgetdoc::to_json(doc.value()) << "\n";
        return 0;
    }

    const budgetdoc::Table* table = doc->table("three_public");
    if (!table) {
        std::cerr << argv[1] << ": no 三公经费 table\n";
        return 1;
    }
    std::cout << table->title << " (" << table->unit << ")\n";
    if (table->no_data) std::cout << "(no data)\n";
    for (const budgetdoc::Record& row : table->rows) {
        std::cout << row.get("item").value_or("?") << "\t" << row.get("total").value_or("-") << "\t"
                  << row.get("general_budget").value_or("-") << "\n";
    }
    for (const budgetdoc::Diagnostic& d : doc->diagnostics)
        if (d.severity != "info") std::cerr << d.severity << ": " << d.code << ": " << d.message << "\n";
    return 0;
}
