// recognize — RE2 grammars over the page model: which of the 13 standard tables
// a region is (table_specs.cpp, one declarative description per table id),
// header matching and row parsing (table_reader.cpp), the 绩效目标申报表 forms
// (form_reader.cpp), other ruled tables, and document metadata (unit, year).
#pragma once

#include <budgetdoc/layout.hpp>
#include <budgetdoc/records.hpp>

#include <vector>

namespace budgetdoc::recognize {

// Fill doc.tables and doc.other_tables.  `from_text` tells whether cells came
// from a tab-separated text (columns given) or from PDF geometry.
void read_tables(const std::vector<Page>& pages, Document& doc, bool from_text);

// Fill doc.performance_forms with every form fragment found, in printed order
// (dedupe/form_merge joins repeated fragments afterwards).
void read_forms(const std::vector<Page>& pages, Document& doc, bool from_text);

// Fill doc.unit and doc.year from 单位名称 lines, titles and the cover.
void read_metadata(const std::vector<Page>& pages, Document& doc);

}  // namespace budgetdoc::recognize
