// Golden test: the 13 tables of every sample (PDF and extracted-text input)
// against samples/<name>.expected.json, compared with validate/compare — the
// same code `budgetdoc regress` uses.  One BOOST_TEST per table, so a failure
// names the table and lists its differing rows/fields.  Forms are checked in
// golden_forms_test.
#define BOOST_TEST_MODULE golden
#include <boost/test/unit_test.hpp>

#include "golden_support.hpp"

#include <set>
#include <string>
#include <vector>

using budgetdoc::test::golden;

namespace {

void check_tables(const std::string& sample, const std::string& ext) {
    const auto g = golden(sample, ext);
    BOOST_TEST_REQUIRE(g.error.empty(), g.error);
    budgetdoc::validate::CompareOptions opt;
    opt.forms = false;
    const auto c = budgetdoc::validate::compare_documents(g.expected, g.actual, opt);
    for (const auto& d : c.document) BOOST_TEST(false, sample << ext << ": " << d.describe());
    BOOST_TEST(c.tables.size() == g.expected["tables"].size());
    for (const auto& t : c.tables) {
        std::string detail;
        for (const auto& d : t.differences) detail += "\n    " + d.describe();
        BOOST_TEST(t.ok(), sample << ext << ": table " << t.summary() << detail);
    }
}

}  // namespace

BOOST_AUTO_TEST_CASE(xinzhou_pdf_tables) { check_tables("xinzhou-jjzd-2023", ".pdf"); }
BOOST_AUTO_TEST_CASE(shanxi_pdf_tables) { check_tables("shanxi-jgj-2023", ".pdf"); }
BOOST_AUTO_TEST_CASE(xinzhou_txt_tables) { check_tables("xinzhou-jjzd-2023", ".txt"); }
BOOST_AUTO_TEST_CASE(shanxi_txt_tables) { check_tables("shanxi-jgj-2023", ".txt"); }
// Re-prints of the samples by other producers (samples/variants/README.md).
BOOST_AUTO_TEST_CASE(skia_type3_tables) { check_tables("variants/xinzhou-jjzd-2023-skia", ".pdf"); }
BOOST_AUTO_TEST_CASE(running_header_tables) { check_tables("variants/shanxi-jgj-2023-header", ".pdf"); }
BOOST_AUTO_TEST_CASE(scattered_fragments_tables) { check_tables("variants/datong-jjzd-2025-scattered", ".pdf"); }
BOOST_AUTO_TEST_CASE(no_data_full_width_tables) { check_tables("variants/shanxi-jcgaj-2026-nodata", ".pdf"); }
// A 决算 (samples/final/README.md): the nine tables of the national template.
BOOST_AUTO_TEST_CASE(final_accounts_tables) { check_tables("final/cn-gjxfj-2024-dept-final", ".pdf"); }

// Every place where that document's own arithmetic does not add up, as listed in
// samples/final/README.md from a reading of the PDF, is reported with both figures
// (all rounding: 0.01), and nothing else is.
BOOST_AUTO_TEST_CASE(final_accounts_identities) {
    const auto g = golden("final/cn-gjxfj-2024-dept-final", ".pdf");
    BOOST_TEST_REQUIRE(g.error.empty(), g.error);
    std::multiset<std::string> want = {
        "final_income_expenditure_summary 14572.53 14572.54",
        "final_expenditure 14572.53 14572.54", "final_expenditure 10685.56 10685.55",
        "final_expenditure 10685.56 10685.55", "final_expenditure 7366.16 7366.17",
        "final_expenditure 980.85 980.84", "final_expenditure 980.85 980.84",
        "final_fiscal_grant_summary 20727.53 20727.54", "final_fiscal_grant_summary 20727.53 20727.54",
        "final_general_budget_expenditure 13733.80 13733.79", "final_general_budget_expenditure 10234.37 10234.38",
        "final_general_budget_expenditure 980.85 980.84", "final_general_budget_expenditure 980.85 980.84",
        "final_general_budget_basic 984.97 984.98", "final_general_budget_basic 2239.41 2239.42",
        "final_general_budget_basic 27.24 27.25", "final_three_public 46.21 46.20"};
    std::multiset<std::string> got;
    for (const auto& d : g.actual["diagnostics"]) {
        const std::string code = d.value("code", "");
        if (code != "rounding_difference" && code != "sum_mismatch") continue;
        BOOST_TEST(code == "rounding_difference", d.dump());
        got.insert(d.value("table", "") + " " + d.value("printed", "") + " " + d.value("expected", ""));
    }
    BOOST_TEST(std::vector<std::string>(got.begin(), got.end()) == std::vector<std::string>(want.begin(), want.end()),
               boost::test_tools::per_element());
}

// The comparison itself: the contract's rules, independent of the extractor.
BOOST_AUTO_TEST_CASE(compare_rules) {
    using budgetdoc::validate::compare_documents;
    using budgetdoc::validate::same_value;
    using nlohmann::json;
    BOOST_TEST(same_value("7602.230", "7,602.23"));
    BOOST_TEST(same_value("0.00", "-0"));
    BOOST_TEST(!same_value("7602.23", "7602.24"));
    BOOST_TEST(same_value("市县(区)财政资 金", "市县（区）财政资金"));
    BOOST_TEST(same_value("", nullptr));
    BOOST_TEST(!same_value("1", "1公务用车购置费"));
    const json exp = json::parse(R"({"unit":"u","tables":{"t":{"title":"T","rows":[
        {"code":"201","name":"a","total":"1.00"},{"code":null,"name":"合计","total":"3"},
        {"code":"202","name":"b","total":"2"}]}},"source":{"file":"x"}})");
    json out = json::parse(R"({"unit":"u","extra":1,"source":{"file":"y"},"tables":{"t":{"title":"T","pages":[3],"rows":[
        {"code":"201","name":"a","total":"1","pages":[1]},{"code":"999","name":"x","total":"5"},
        {"code":null,"name":"合 计","total":"3.0"},{"code":"202","name":"b","total":"2"}]}}})");
    auto c = compare_documents(exp, out);
    BOOST_TEST(c.tables.size() == 1u);
    BOOST_TEST(c.tables[0].rows_matched == 3u);
    BOOST_TEST(c.tables[0].rows_extra == 1u);
    BOOST_TEST(c.difference_count() == 1u, c.report());
    out["tables"]["t"]["rows"][3]["total"] = "2.5";
    out["tables"]["t"]["rows"].erase(0);
    c = compare_documents(exp, out);
    BOOST_TEST(c.tables[0].rows_missing == 1u);
    BOOST_TEST(c.tables[0].cells_total == 10u);
    BOOST_TEST(c.difference_count() == 3u, c.report());
    c = compare_documents(json::parse(R"({"tables":{"t":{}, "u":{}}})"), json::parse(R"({"tables":{"t":{}}})"));
    BOOST_TEST(c.difference_count() == 1u);
    BOOST_TEST(c.tables[1].found == false);
    c = compare_documents(json::parse(R"({"error":"corrupt_pdf"})"), json());
    BOOST_TEST(c.ok());
    c = compare_documents(json::parse(R"({"error":"corrupt_pdf"})"), json::parse(R"({"tables":{}})"));
    BOOST_TEST(!c.ok());
}
