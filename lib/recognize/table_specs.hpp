// recognize/table_specs — the 13 standard tables described as data.
//
// Each TableSpec says how the table's title reads (an RE2 pattern over the title
// with year, 单位 prefix and "(不含上年结转)" removed), which columns it has in
// printed order, and for each column the contract field and an RE2 pattern its
// printed header must contain.  Column meaning comes from the printed header;
// adding a province's variant means adding an alternative to a pattern or a new
// spec, not editing control flow (table_reader.cpp).
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

struct TableSpec {
    std::string id;
    std::string title;  // RE2, full match against the title core
    std::vector<ColumnSpec> columns;
    bool two_sided = false;
};

// In the order titles are tried (specific before general).
const std::vector<TableSpec>& table_specs();

// Pattern of words printed in header rows of any table (group headers such as
// 本年收入, 2023年预算数, column numbers) — a header row consists of these only.
const std::string& header_vocabulary();

}  // namespace budgetdoc::recognize
