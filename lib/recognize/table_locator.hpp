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
    std::vector<std::unique_ptr<RE2>> headers;  // one per column
};

const std::vector<CompiledSpec>& compiled_specs();
const CompiledSpec* compiled_spec(const TableSpec& spec);

// The spec a title line names, or nullptr.
const CompiledSpec* match_title(const std::string& title);

struct TableRegion {
    const TableSpec* spec = nullptr;  // nullptr: a titled table that is none of the 13
    std::string title;
    int title_page = 0;
    std::string unit;  // 万元 / 元, empty when not printed
    bool no_data_note = false;
    std::vector<std::vector<const Line*>> parts;  // grid rows, one vector per page
};

std::vector<TableRegion> locate_tables(const std::vector<Page>& pages);

// Cells joined in reading order (normalized).
std::string line_text(const Line& line);

bool is_column_number_row(const Line& line);  // "1 2 3 4 …"
bool is_header_row(const Line& line);         // only header words (see header_vocabulary)

}  // namespace budgetdoc::recognize
