// recognize/templates — loading the table descriptions (templates/*.yaml).
//
// The built-in templates are compiled into the library (the YAML text of every
// templates/*.yaml, embedded by lib/CMakeLists.txt), so nothing has to be
// installed beside it.  Loading validates everything: unknown or missing keys,
// kinds and sides, and every RE2 pattern is compiled once with ok() checked; an
// error names the file, line and key.
#pragma once

#include "recognize/table_specs.hpp"

#include <stdexcept>
#include <string>
#include <vector>

namespace budgetdoc::recognize {

// The 绩效目标 forms (templates/forms.yaml): names are checked on load against
// the readers' fields (form_grammar.hpp).
struct FormLabel {
    std::string field;    // a form::Field name
    std::string pattern;  // RE2, full match on the cell without white space
};
struct ListColumnWord {
    std::string column;   // a form::ListCol name
    std::string pattern;  // RE2, full match on the header cell without white space
};
struct FormTemplate {
    std::string title;      // RE2, full match: a project form's title
    std::string not_title;  // RE2, partial: titles that are none (部门整体…)
    std::vector<FormLabel> labels;            // first match wins
    std::vector<ListColumnWord> list_columns;  // first match wins
    std::string template_file;
};

struct Templates {
    std::vector<TableSpec> tables;  // in the order titles are tried
    std::vector<TitleFamily> families;
    std::vector<HorizontalSpec> horizontal;
    FormTemplate forms;
};

// A template that cannot be used: "templates/budget.yaml:42: tables[3].columns[1].header: …".
struct TemplateError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct TemplateSource {
    std::string name;  // shown in errors (templates/budget.yaml)
    std::string text;  // YAML
};

// Parses and validates the sources, in order (tables of an earlier source are
// tried first).  Throws TemplateError.
Templates load_templates(const std::vector<TemplateSource>& sources);

// The templates compiled into the library (loaded once, on first use).
const std::vector<TemplateSource>& builtin_template_sources();
const Templates& builtin_templates();

}  // namespace budgetdoc::recognize
