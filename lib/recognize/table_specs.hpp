// recognize/table_specs — the tables as the templates describe them.
//
// The descriptions live in templates/*.yaml (compiled into the library; format in
// templates/budget.yaml): each table's title (an RE2 pattern over the title with
// label, year, 单位 prefix and "(不含上年结转)" removed), its columns in printed
// order (contract field, kind, an RE2 pattern its printed header must contain)
// and its sum rules.  Column meaning comes from the printed header; adding a
// province's variant means editing a template, not control flow.
#pragma once

#include <string>
#include <vector>

namespace budgetdoc::recognize {

enum class FieldKind { text, code, amount };
enum class Side { only, income, expenditure };

struct ColumnSpec {
    std::string field;
    FieldKind kind;
    std::string header;  // RE2, partial match against the column's header text
    Side side = Side::only;
    // A printed column the contract has no field for (财政拨款收入, 事业收入,
    // 单位预留机动经费…): kept as an extra row key, emitted only in tables whose
    // header maps it.  Documented in README.md (Output).
    bool extra = false;
};

// An arithmetic identity of a table (templates/*.yaml, `sums`), checked by
// validate/consistency on every table read.
struct SumRule {
    enum class Kind { row, hierarchy, totals, part_of, spending_parts, lines };
    Kind kind = Kind::row;
    // row: on every row of `side` printing `total` and a part, total = Σ parts; a
    // part named in `groups` is replaced by its breakdown where the row prints it;
    // `optional_part` is added when more rows fit with it than without.
    Side side = Side::only;
    std::string total;
    std::vector<std::string> parts;  // row: the parts; hierarchy: the fields checked
    std::vector<std::pair<std::string, std::vector<std::string>>> groups;
    std::string optional_part;
    // hierarchy: the field holding 合计 on the grand-total row.
    std::string label = "name";
    // totals: the income side's grand-total label, the expenditure side's, and the
    // expenditure field compared with the income amount.
    std::string income_label, expenditure_label;
    // lines: on `side`, the row whose item fully matches the pattern `total` =
    // Σ the rows above it whose item fully matches one of the patterns `parts`,
    // for each field of `fields` (总计 = 本年收入合计 + 年初结转和结余; 本年支出合计
    // = Σ the numbered lines above it).
    std::vector<std::string> fields;
};

struct TableSpec {
    std::string id;
    std::string title;  // RE2, full match against the title core
    std::vector<ColumnSpec> columns;
    bool two_sided = false;
    // grouped: the columns are printed as several side-by-side runs (科目代码 |
    // 科目名称 | 决算数, twice or three times), each run under one of `groups`'
    // headings; read run by run, top to bottom, each row's field `group` set to
    // the heading's value.  `total_label`: the run's total rows (人员经费合计),
    // whose figure may be printed beside or on the line next to the label.
    bool grouped = false;
    struct Group {
        std::string value;    // personnel
        std::string heading;  // RE2, partial: 人员经费
    };
    std::vector<Group> groups;
    std::string total_label;  // RE2, full match on a name
    // measures: one printed row of figures under a header of items (合计, 因公出国
    // (境)费 …) crossed with measures — the amount columns' headers (预算数,
    // 决算数), printed over or under the items.  Read into one row per printed
    // item: field `item` (the item's printed label), one amount field per
    // measure, `part_of` the label of the item it adds up to.
    bool measures = false;
    struct MeasureItem {
        std::string name;     // how `part_of` refers to it
        std::string label;    // RE2, partial: its printed header
        std::string part_of;  // name of the item it is a part of, empty for none
    };
    std::vector<MeasureItem> items;  // first match wins
    // RE2, partial match against the title core: a title the pattern above takes
    // through its free prefix but that names another table (支出决算表 is not
    // 一般公共预算财政拨款基本支出决算表).
    std::string not_title;
    std::vector<SumRule> sums;
    int order = 0;           // place in the contract's order of tables
    std::string template_file;  // where it is described (templates/budget.yaml)
};

// In the order titles are tried (specific before general).
const std::vector<TableSpec>& table_specs();

// A title family: titles that name a kind of table without the qualifier the
// title of one of the 13 requires (Jiangsu 2018's 一般公共预算基本支出预算表, where
// Jiangsu 2019 prints 一般公共预算基本支出预算表(经济科目)).  The title alone does not
// say which of the 13 the table is; its printed header and codes may.
//
// Rule (table_reader.cpp, second classification step): a table whose title matches
// none of the 13 titles but a family's title is read as candidate C when C is the
// only candidate of the family that fits, and C is not already in the document by
// its own title.  C fits when
//   - no column header matches `not_header` (contrary evidence: 功能 科目), and
//   - the table read as C maps an amount column, leaves no cell unmapped and no
//     amount unreadable, and has rows, and
//   - every code it reads (field `code`) full-matches `codes`, and
//   - there is positive evidence: every pattern of one of `headers` matches some
//     column's header, or at least two codes are printed (all matching `codes`).
// Otherwise the table stays in other_tables as before.  The family title is the
// contract's distinction, not the header: a 财政拨款基本支出预算表 (all funds) prints
// the same 人员经费/公用经费 or 经济科目 rows but is not the 一般公共预算 table, so its
// title matches no family and it stays an other table whatever its header.
struct TitleFamily {
    std::string name;   // for the diagnostic (一般公共预算基本支出表)
    std::string title;  // RE2, full match against the title core (any prefix, as for the 13)
    struct Candidate {
        std::string table;                               // id of one of the 13
        std::vector<std::vector<std::string>> headers;   // RE2 sets, partial match per column header
        std::string codes;                               // RE2, full match of every code read
        std::string not_header;                          // RE2, partial match: rules the candidate out
    };
    std::vector<Candidate> candidates;
};
const std::vector<TitleFamily>& title_families();

// A table printed horizontally: its items are the column headers (possibly in
// groups: 公务用车购置及运行费 over 小计 | 购置费 | 运行费) over one row of figures
// (Shanghai's “三公”经费和机关运行经费预算表, Jiangsu's “三公”经费、会议费、培训费
// 支出预算表).  Read into `table` as one row per item column (item = the printed
// header; a group's 小计 takes the group's name; extra key `part_of` names the row
// a part adds up to), see README.md (Output).
struct HorizontalSpec {
    std::string table;     // id receiving the item rows
    std::string title;     // RE2, partial match: a combined title read this way (none of the 13 titles)
    // RE2 patterns of item headers; at least `min_items` of them printed in the
    // header rows (and no row of labels below) says the table is horizontal.
    std::vector<std::string> items;
    size_t min_items = 2;
    std::string total;     // RE2, full match: a total column (合计, 小计)
    std::string main;      // RE2, partial: the group whose total is the table's 合计 (“三公”经费)
    std::string main_total_item;  // item name of that total (合计)
    // A column that is no part of the items' total (机关运行经费): with `table` set,
    // one row of that table, labelled by the printed 编制单位 (or the header),
    // figure in total; with `table` empty, a row of this table labelled as printed
    // (no part_of).
    struct Elsewhere {
        std::string header;  // RE2, partial
        std::string table;
        std::string label_field;
    };
    std::vector<Elsewhere> elsewhere;
    // Year blocks: the same items printed once per year side by side, each under a
    // heading full-matching `year_heading` (2025年预算数 | 2026年预算数).  The latest
    // year's block is the table; the year before it gives each row the extra key
    // `previous_year_field`.  Empty: not described.
    std::string year_heading;
    std::string previous_year_field;
};
const std::vector<HorizontalSpec>& horizontal_specs();

// Pattern of words printed in header rows of any table (group headers such as
// 本年收入, 2023年预算数, column numbers) — a header row consists of these only.
const std::string& header_vocabulary();

}  // namespace budgetdoc::recognize
