// budgetdoc/figures.hpp — figures ready for analysis: exact amounts in 元, row
// kind and level, forms linked to their 项目支出 row, and the long format (one
// row per printed figure) that `budgetdoc export`, the batch database's
// `long_figures` view and language bindings all take from here.
//
// Nothing here uses floating point: an Amount is the contract's decimal string
// plus its unit, converted to 元 / 分 by moving the decimal point.
#pragma once

#include <budgetdoc/error.hpp>
#include <budgetdoc/export.hpp>
#include <budgetdoc/records.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace budgetdoc {

// An amount as printed (canonical decimal, "9784.70") in the unit of its table
// ("万元", "元"; empty = not known).
struct Amount {
    std::string value;
    std::string unit;

    // nullopt when `printed` is no amount (empty cell, dash, percent, text).
    BUDGETDOC_API static std::optional<Amount> parse(const std::string& printed, const std::string& unit);
    // Exact value in 分: nullopt when the unit is unknown (neither 元 nor 万元),
    // the value is not a whole number of 分, or it does not fit in 64 bits.
    BUDGETDOC_API std::optional<std::int64_t> fen() const;
    // Exact decimal string in 元 ("6673.43" 万元 → "66734300"; "5.23" 元 → "5.23"),
    // nullopt when the unit is unknown.
    BUDGETDOC_API std::optional<std::string> yuan() const;
};

// What a row is (README "Row kind and level"): a total (合计/总计, 本年收入合计,
// 部门合计 …), a subtotal (小计; a 类/款 row whose following rows extend its code;
// a row whose following rows are its numbered parts, e.g. 公务用车购置及运行费;
// an organisation's row in a 项目支出 table), or a detail row.
enum class RowKind { total, subtotal, detail };
BUDGETDOC_API const char* row_kind_name(RowKind kind);  // "total", "subtotal", "detail"

struct RowClass {
    RowKind kind = RowKind::detail;
    std::optional<int> level;  // 1 类, 2 款, 3 项 (code of 3/5/7 digits); unset on totals and uncoded rows
};

// One class per row of `rows` (a table's rows, income or expenditure list).
// `organisation`: the document's unit (its row in a 项目支出 table is a subtotal).
BUDGETDOC_API std::vector<RowClass> classify_rows(const std::string& table_id, const std::vector<Record>& rows,
                                                  const std::string& organisation = "");

// A row of a table, by table id, side ("" for one-sided tables) and 0-based index.
struct RowRef {
    std::string table;
    std::string side;
    int row = 0;
};

// The 项目支出 row a form belongs to: same project name (compared without white
// space) AND the same amount in 元 (the form's annual total, else its period
// total, against the row's total), in project_current then project_carryover;
// each row is given to one form at most.  One entry per form, nullopt when none.
BUDGETDOC_API std::vector<std::optional<RowRef>> form_project_rows(const Document& document);

// One printed figure of a document (the long format).
struct Figure {
    std::string document;      // source file
    std::string document_kind; // budget | final_accounts | ""
    std::string scope;         // department | unit | ""
    std::string organisation;  // Document::unit
    std::optional<int> year;
    std::string table;         // table id; "performance_forms" for form funds, "indicators"
    std::string title;         // table title; for forms and indicators the project name
    std::string side;          // income | expenditure for two-sided tables, else ""
    int row = 0;               // row index (forms, indicators: the form's index)
    std::string row_kind;      // total | subtotal | detail ("" for forms, indicators)
    std::optional<int> level;  // 1 类, 2 款, 3 项
    std::string code;          // 科目编码; indicators: level1/level2
    std::string label;         // the row's label (name, item, unit, gov_item …); forms: project; indicators: name
    std::string field;         // contract field (total, basic …); forms: period.total …; indicators: period | annual
    std::string printed;       // the contract string ("9784.70"; an indicator's value as printed)
    std::optional<std::int64_t> amount_fen;  // exact, in 分; nullopt when the unit is unknown / not an amount
    std::string amount_yuan;   // exact decimal in 元, "" when amount_fen is nullopt
    std::string unit;          // unit of `printed` (万元 | 元); "" = unknown
    std::optional<int> page;   // first page the row (else the table) came from
};

// Every non-empty amount of the 13 (and 决算) tables, every form fund figure and
// every indicator, in document order.
BUDGETDOC_API std::vector<Figure> figures(const Document& document);
// Same from the contract JSON of one document (budgetdoc extract / batch --out-dir).
BUDGETDOC_API Result<std::vector<Figure>> figures_from_json(const std::string& json_text,
                                                            const std::string& name = "");

// The long format's column names, in order (CSV header, XLSX header, SQL view).
BUDGETDOC_API const std::vector<std::string>& figure_columns();
// A figure's cells in figure_columns() order ("" for unset).
BUDGETDOC_API std::vector<std::string> figure_cells(const Figure& figure);

}  // namespace budgetdoc
