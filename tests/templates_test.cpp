// The table templates (templates/*.yaml): every built-in one loads, and a bad
// template is refused with an error naming the file, line and key.
#define BOOST_TEST_MODULE templates
#include <boost/test/unit_test.hpp>

#include "recognize/templates.hpp"

#include <budgetdoc/records.hpp>

#include <set>

using namespace budgetdoc;
using namespace budgetdoc::recognize;

namespace {

std::string error_of(const std::string& yaml) {
    try {
        load_templates({{"bad.yaml", yaml}});
    } catch (const TemplateError& e) {
        return e.what();
    }
    return "";
}

const char* kGood = R"(tables:
  - id: t
    order: 1
    title: '收入总表'
    columns:
      - {field: name, kind: text, header: '名称'}
      - {field: total, kind: amount, header: '合计'}
    sums:
      - row: {total: total, parts: [total]}
)";

}  // namespace

BOOST_AUTO_TEST_CASE(every_builtin_template_loads) {
    BOOST_TEST(builtin_template_sources().size() >= 2u);
    const Templates& t = builtin_templates();
    std::set<std::string> ids;
    std::set<int> orders;
    for (const auto& s : t.tables) {
        BOOST_TEST_CONTEXT(s.id) {
            BOOST_TEST(s.columns.size() >= 2u);
            BOOST_TEST(ids.insert(s.id).second);
            BOOST_TEST(orders.insert(s.order).second);
            BOOST_TEST(!s.template_file.empty());
        }
    }
    // The 13 budget tables and the 决算 tables read so far, in contract order.
    for (const char* id : {"income_expenditure_summary", "three_public", "project_carryover", "final_income",
                           "final_state_capital"})
        BOOST_TEST(ids.count(id), id);
    BOOST_TEST(table_ids().size() == t.tables.size());
    BOOST_TEST(table_ids().front() == "income_expenditure_summary");
    BOOST_TEST(table_ids()[12] == "project_carryover");
    BOOST_TEST(!t.families.empty());
    BOOST_TEST(!t.horizontal.empty());
}

BOOST_AUTO_TEST_CASE(a_good_template_loads) {
    const Templates t = load_templates({{"good.yaml", kGood}});
    BOOST_REQUIRE_EQUAL(t.tables.size(), 1u);
    BOOST_TEST(t.tables[0].sums.size() == 1u);
    BOOST_TEST(t.tables[0].template_file == "good.yaml");
}

BOOST_AUTO_TEST_CASE(a_bad_pattern_names_file_line_and_key) {
    std::string yaml = kGood;
    yaml.replace(yaml.find("'收入总表'"), std::string("'收入总表'").size(), "'收入(总表'");
    const std::string e = error_of(yaml);
    BOOST_TEST(e.find("bad.yaml:4: tables[0].title: bad pattern") == 0u, e);
}

BOOST_AUTO_TEST_CASE(unknown_keys_kinds_and_fields_are_refused) {
    std::string key = kGood;
    key.replace(key.find("header: '名称'"), std::string("header: '名称'").size(), "heading: '名称'");
    BOOST_TEST(error_of(key).find("tables[0].columns[0].heading: unknown key") != std::string::npos, error_of(key));
    std::string kind = kGood;
    kind.replace(kind.find("kind: amount"), std::string("kind: amount").size(), "kind: number");
    BOOST_TEST(error_of(kind).find("tables[0].columns[1].kind: expected text, code or amount") != std::string::npos);
    std::string field = kGood;
    field.replace(field.find("parts: [total]"), std::string("parts: [total]").size(), "parts: [basic]");
    BOOST_TEST(error_of(field).find("no column of t has the field basic") != std::string::npos, error_of(field));
    std::string order = kGood;
    order.replace(order.find("    order: 1\n"), std::string("    order: 1\n").size(), "");
    BOOST_TEST(error_of(order).find("tables[0].order: missing") != std::string::npos, error_of(order));
    BOOST_TEST(error_of("tables: [ {id: x").find("bad.yaml:") == 0u);
    const std::string twice = std::string(kGood) + std::string(kGood).substr(std::string("tables:\n").size());
    BOOST_TEST(error_of(twice).find("t is described twice") != std::string::npos, error_of(twice));
}

BOOST_AUTO_TEST_CASE(forms_template_loads_and_is_checked) {
    const FormTemplate& f = builtin_templates().forms;
    BOOST_TEST(f.template_file == "templates/forms.yaml");
    BOOST_TEST(f.labels.size() >= 30u);
    BOOST_TEST(f.list_columns.size() >= 10u);
    const char* good = R"(forms:
  title: '绩效目标表'
  labels:
    - {field: project, label: '项目名称'}
  list_columns:
    - {column: project, header: '项目名称'}
)";
    BOOST_TEST(load_templates({{"f.yaml", good}}).forms.labels.size() == 1u);
    const std::string unknown_field = error_of(R"(forms:
  title: '绩效目标表'
  labels:
    - {field: projekt, label: '项目名称'}
  list_columns: []
)");
    BOOST_TEST(unknown_field.find("bad.yaml:4: forms.labels[0].field: unknown form field projekt") != std::string::npos,
               unknown_field);
    const std::string bad_pattern = error_of(R"(forms:
  title: '绩效目标表'
  labels: []
  list_columns:
    - {column: value, header: '指标值('}
)");
    BOOST_TEST(bad_pattern.find("forms.list_columns[0].header: bad pattern") != std::string::npos, bad_pattern);
    const std::string unknown_column = error_of(R"(forms:
  title: '绩效目标表'
  labels: []
  list_columns:
    - {column: total_amount, header: '合计'}
)");
    BOOST_TEST(unknown_column.find("unknown list column total_amount") != std::string::npos, unknown_column);
}
