// validate/compare — the one comparison of an output document with an expected
// one under the contract's rules (records.md, /work/shared/tools/score.py):
//
//  * keys `pages`, `source`, `diagnostics` and keys absent from the expected
//    document are ignored (extra output keys never count);
//  * text is compared after NFKC and removal of every white-space character;
//    an empty string equals null;
//  * amount-looking values ("9,784.70", "-3.5") are compared as decimals
//    ("7602.230" equals "7602.23");
//  * rows are aligned in order, greedily, by key (code, item, name, project,
//    dept_item or unit, the first that is not null) then position; unmatched
//    expected rows are `row_missing`, unused output rows `row_extra`;
//  * forms are matched by (project, annual total), then by project alone;
//    indicators compare as a multiset of (scope, level1, level2, name, value);
//  * an expected document {"error": …} is matched by an output that is null,
//    has "error", or carries a diagnostic of severity "error".
//
// Used by `budgetdoc regress`, the golden tests and anything else that judges
// an extraction; works on nlohmann::json values (parse the files first).
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace budgetdoc::validate {

// Text as the comparison sees it: NFKC, all white space removed; null and ""
// give nullopt.  Numbers and booleans are their JSON spelling.
std::optional<std::string> comparable_text(const nlohmann::json& value);

// Equal under the rules above (amounts as decimals, otherwise comparable_text).
bool same_value(const nlohmann::json& expected, const nlohmann::json& actual);

struct Difference {
    enum class Kind {
        field_changed,      // `field` differs in a matched object
        row_missing,        // expected row has no counterpart
        row_extra,          // output row matched no expected row
        table_missing,      // expected table absent from the output
        form_missing,       // expected form absent
        form_extra,         // output form matched no expected form
        indicator_missing,  // expected indicator tuple absent from the matched form
        indicator_extra,    // output indicator tuple not expected
        error_expected,     // expected {"error": …}, output is a document
        document_missing,   // no output at all
    };
    Kind kind = Kind::field_changed;
    std::string where;  // "tables.three_public.rows[2] (1公务用车购置费)", "performance_forms[3] (办案费)"
    std::string field;  // for field_changed: "total", "funds.annual.total"
    nlohmann::json expected;  // value (field_changed) or the whole row/form/indicator
    nlohmann::json actual;

    // One line: "tables.x.rows[2] (合计): total: expected \"1.00\", got \"2.00\"".
    std::string describe() const;
};

// Lower-case name of a kind ("field_changed").
const char* kind_name(Difference::Kind kind);

struct TableReport {
    std::string id;
    bool found = false;
    std::size_t cells_ok = 0, cells_total = 0;  // as score.py counts them
    std::size_t rows_expected = 0, rows_matched = 0, rows_missing = 0, rows_extra = 0;
    std::vector<Difference> differences;
    bool ok() const { return differences.empty(); }
    // "income_summary  found  cells 1.000  rows 19 matched 19 missing 0 extra 0"
    std::string summary() const;
};

struct FormReport {
    std::string project;  // expected form's project
    bool found = false;
    std::size_t fields_ok = 0, fields_total = 0;
    std::size_t indicators_expected = 0, indicators_matched = 0, indicators_output = 0;
    std::vector<Difference> differences;
    // The output itself flags this form as read from a lossy source (diagnostic
    // lossy_source naming the project) and excuse_lossy_forms was set: its
    // differences are reported but do not count against the document.
    bool excused = false;
    bool ok() const { return differences.empty(); }
    bool counts() const { return !differences.empty() && !excused; }
    std::string summary() const;
};

struct CompareOptions {
    bool document_fields = true;  // top-level scalars such as unit, year, schema
    bool tables = true;
    bool forms = true;
    // Forms flagged lossy_source by the extractor may differ (text input whose
    // producing tool slid cells: see samples/README).  Off by default.
    bool excuse_lossy_forms = false;
};

struct Comparison {
    std::vector<Difference> document;  // top-level fields, error-document verdicts
    std::vector<TableReport> tables;   // one per expected table id, expected order
    std::vector<FormReport> forms;     // one per expected form, expected order
    std::vector<Difference> extra_forms;

    bool tables_ok() const;
    bool forms_ok() const;
    bool ok() const;  // no difference at all
    std::size_t difference_count() const;  // excused forms' differences not counted
    std::vector<Difference> all_differences() const;
    // Multi-line report: per table/form summary lines and every difference
    // (`verbose` also lists objects without differences).
    std::string report(bool verbose = false) const;
};

// `actual` may be null (no output).  Neither argument is modified.
Comparison compare_documents(const nlohmann::json& expected, const nlohmann::json& actual,
                             const CompareOptions& options = {});

}  // namespace budgetdoc::validate
