// recognize/table_locator — where the tables are: each table title opens a
// region that runs to the next title, form, part heading or the document's end
// (crossing pages).  The region's 单位 line, table label and 注：本表无数据 note are
// read here; what remains are the grid rows (header + body), one part per page.
#pragma once

#include "recognize/table_specs.hpp"

#include <budgetdoc/layout.hpp>

#include <re2/re2.h>

#include <memory>
#include <string>
#include <vector>

namespace budgetdoc::recognize {

struct CompiledSpec {
    const TableSpec* spec;
    std::unique_ptr<RE2> title;
    std::unique_ptr<RE2> not_title;              // null when the spec has none
    std::vector<std::unique_ptr<RE2>> headers;  // one per column
};

const std::vector<CompiledSpec>& compiled_specs();
const CompiledSpec* compiled_spec(const TableSpec& spec);

// The spec a title line names, or nullptr.
const CompiledSpec* match_title(const std::string& title);

// The family a title line names (see TitleFamily), or nullptr; only meaningful for
// a title that names none of the 13 (match_title first).
const TitleFamily* match_family(const std::string& title);

struct TableRegion {
    const TableSpec* spec = nullptr;  // nullptr: a titled table that is none of the 13
    std::string title;
    int title_page = 0;
    std::string unit;  // 万元 / 元, empty when not printed
    std::string unit_name;  // 编制单位：… / 单位名称：… printed above the grid, empty when not
    // A title naming a combined table that may be printed horizontally (spec is nullptr).
    const HorizontalSpec* horizontal = nullptr;
    // A title naming a family of tables (spec is nullptr): the header may say which of the 13.
    const TitleFamily* family = nullptr;
    bool no_data_note = false;
    std::vector<std::vector<const Line*>> parts;  // grid rows, one vector per page
};

std::vector<TableRegion> locate_tables(const std::vector<Page>& pages);

// Adds page p to a record's `pages` list unless it is there already.
void add_page(std::vector<int>& pages, int p);

// Cells joined in reading order (normalized).
std::string line_text(const Line& line);

bool is_column_number_row(const Line& line);  // "1 2 3 4 …"
bool is_header_row(const Line& line);         // only header words (see header_vocabulary)

// A line that ends the table above it: a heading of the explanation that follows
// (其他相关情况说明, 一、2024年“三公”经费预算情况说明) printed alone on its line;
// with `numbered_too` also any numbered heading (一、…, （一）…) — for a table known
// only by its title, whose rows are never such sub-headings (the 13 tables print
// 一、一般公共预算 as a row).
bool is_heading_after_table(const Line& line, bool numbered_too);

}  // namespace budgetdoc::recognize
