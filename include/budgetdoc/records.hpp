// budgetdoc/records.hpp — the typed records of the output contract
// (spec: records.md, "budget-disclosure/1").
//
// Amounts are exact decimal strings as printed minus grouping ("9784.70"); an
// empty cell is std::nullopt.  Amount (figures.hpp) converts them to 元 / 分
// exactly, from the table's unit.  Text is normalized (NFKC + white-space rule).
#pragma once

#include <budgetdoc/export.hpp>
#include <budgetdoc/layout.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace budgetdoc {

using Text = std::optional<std::string>;

// One row of a table: ordered (field name, value) pairs.  Which fields a row has
// depends on the table id (see table_fields(); names in budgetdoc::field);
// order follows the contract.  Row kind (total/subtotal/detail) and 类/款/项
// level: classify_rows() in figures.hpp.
struct Record {
    struct Field {
        std::string name;
        Text value;
    };
    std::vector<Field> fields;
    std::vector<int> pages;
    // Where the row is printed (PDF input: the union box of its words, in PDF points,
    // top-left origin of the upright page); emitted as "bbox" only when asked
    // (to_json(…, boxes)).  cell_boxes: the box of each field's printed cell.
    std::optional<Box> bbox;
    std::vector<std::pair<std::string, Box>> cell_boxes;

    // Value of `name`, or nullopt when the field is empty or absent.
    BUDGETDOC_API Text get(const std::string& name) const;
    BUDGETDOC_API bool has(const std::string& name) const;
    BUDGETDOC_API void set(const std::string& name, Text value);
};

// The 13 standard tables.  Ids are the contract's ("income_summary", …).
struct Table {
    std::string id;
    std::string title;  // printed title, normalized
    std::string unit;   // "万元" or "元"
    bool no_data = false;
    bool two_sided = false;       // income/expenditure lists instead of rows
    std::vector<Record> rows;     // one-sided tables
    std::vector<Record> income;   // two-sided tables
    std::vector<Record> expenditure;
    std::vector<int> pages;
    // Set when the reader is not sure of the table (cells it could not place,
    // printed text that is no amount in an amount column, …); each reason is one
    // sentence.  A table without them is one the reader stands behind.
    bool suspect = false;
    std::vector<std::string> suspect_reasons;
};

// A ruled table that is none of the 13 (kept as a normalized cell grid).
struct OtherTable {
    std::string title;
    std::string unit;
    std::vector<std::vector<std::string>> header;
    std::vector<std::vector<std::string>> rows;
    std::vector<int> pages;
    // PDF input: per page, the box of the table's lines there (not in the JSON).
    std::vector<std::pair<int, Box>> regions;
};

struct FormFunds {
    Text total, central, provincial, local, self_raised, other;
    // 财政拨款 / 财政资金 of forms that print public funds as one figure (not a
    // contract field: emitted only when printed)
    Text fiscal;
};

struct Indicator {
    std::string scope;  // "period" (实施期) or "annual" (年度)
    Text level1, level2, name, value;
    // Printed by some templates only (指标性质/符号, 计量单位, 权重): emitted when set.
    Text nature, unit, weight;
};

// 项目支出绩效目标申报表: one per distinct project.
struct Form {
    std::string title;
    std::optional<int> year;
    std::string money_unit;  // "万元" when the form's amounts are not in 元, else empty
    Text project, department, implementer, attribute, duration;
    FormFunds period_funds, annual_funds;
    Text overview, basis, necessity, safeguards, plan;
    Text goal_period, goal_annual;
    std::vector<Indicator> indicators;
    Text responsible, handler, phone, filed;
    std::vector<int> pages;
};

struct Diagnostic {
    std::string severity;  // "info", "warning", "error"
    std::string code;      // stable, e.g. "duplicate_fragment", "lossy_source" (diagnostic_code())
    std::string message;
    int page = 0;          // first page concerned, 0 = whole document
    std::vector<int> pages;
    // Where a diagnostic about a table applies (empty / unset when it does not):
    std::string table;       // table id, or the printed title of an other table
    std::optional<int> row;  // 0-based index into rows, income or expenditure
    std::string side;        // "income" / "expenditure" (two-sided tables)
    std::string field;
    // sum_mismatch / rounding_difference: the figure printed, what its parts add
    // up to, and the parts added (field names, or row labels)
    Text printed, expected;
    std::vector<std::string> parts;
    // Where on `page` it applies (the row's or cell's box), when known; emitted
    // as "bbox" only when asked.
    std::optional<Box> bbox;
};

struct SourceInfo {
    std::string file;
    int pages = 0;
    std::string sha256;
    std::string kind;  // "pdf" or "text"
};

struct Document {
    std::string schema = "budget-disclosure/1";
    SourceInfo source;
    Text unit;
    std::optional<int> year;
    // "budget" (预算公开) or "final_accounts" (决算公开), from the cover or the
    // titles; empty when the document says neither.
    std::string kind;
    // "department" (部门预算/决算) or "unit" (单位预算/决算); unset when not printed.
    Text scope;
    std::vector<Table> tables;  // in printed order; at most one per id
    std::vector<Form> performance_forms;
    std::vector<OtherTable> other_tables;
    std::vector<Diagnostic> diagnostics;

    BUDGETDOC_API const Table* table(const std::string& id) const;
};

// The table ids in contract order (the 13 budget tables, then the 决算 tables).
BUDGETDOC_API const std::vector<std::string>& table_ids();

// The fields of a table's rows, from its template (templates/*.yaml), in
// contract order; `extra` fields are keys emitted only where the table prints
// that column (README "Output").  Empty for an unknown id.
enum class FieldKind { text, code, amount };
struct FieldInfo {
    std::string name;
    FieldKind kind = FieldKind::text;
    std::string side;   // "income" / "expenditure" in two-sided tables, else ""
    bool extra = false;
};
BUDGETDOC_API std::vector<FieldInfo> table_fields(const std::string& id);

// Field names as constants, so that a typo is a compile error rather than a
// quietly empty Record::get() ("totl").  Every name of every template is
// listed by table_fields(); tests/analyst_queries_test.cpp checks these against them.
namespace field {
inline constexpr const char* code = "code";
inline constexpr const char* name = "name";
inline constexpr const char* item = "item";
inline constexpr const char* unit = "unit";
inline constexpr const char* dept_item = "dept_item";
inline constexpr const char* gov_item = "gov_item";
inline constexpr const char* amount = "amount";
inline constexpr const char* total = "total";
inline constexpr const char* current_year = "current_year";
inline constexpr const char* carryover = "carryover";
inline constexpr const char* subtotal = "subtotal";
inline constexpr const char* general_budget = "general_budget";
inline constexpr const char* gov_fund = "gov_fund";
inline constexpr const char* state_capital = "state_capital";
inline constexpr const char* special_account = "special_account";
inline constexpr const char* unit_funds = "unit_funds";
inline constexpr const char* basic = "basic";
inline constexpr const char* project = "project";
inline constexpr const char* personnel = "personnel";
inline constexpr const char* public_ = "public";  // "public"
}  // namespace field

// Diagnostic::code as an enum (unknown codes: DiagnosticCode::other).
enum class DiagnosticCode {
    other, sum_mismatch, rounding_difference, bad_amount, duplicate_fragment, duplicate_table,
    lossy_source, no_tables, no_unit, unmapped_cell, form_amount_mismatch, form_name_mismatch,
    form_without_project, project_without_form, forms_for_some_projects, table_not_read
};
BUDGETDOC_API DiagnosticCode diagnostic_code(const Diagnostic& diagnostic);

}  // namespace budgetdoc
