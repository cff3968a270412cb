#define BOOST_TEST_MODULE consistency
#include <boost/test/unit_test.hpp>

#include "validate/consistency.hpp"

using namespace budgetdoc;

namespace {

Record row(Text code, Text name, Text total, Text basic, Text project) {
    Record r;
    r.fields = {{"code", code}, {"name", name}, {"total", total}, {"basic", basic}, {"project", project}};
    r.pages = {7};
    return r;
}

Document doc_with(std::vector<Record> rows) {
    Document d;
    Table t;
    t.id = "expenditure_summary";
    t.rows = std::move(rows);
    d.tables.push_back(t);
    return d;
}

int count(const Document& d, const std::string& code) {
    int n = 0;
    for (const auto& g : d.diagnostics) n += g.code == code;
    return n;
}

}  // namespace

BOOST_AUTO_TEST_CASE(consistent_table_has_no_findings) {
    Document d = doc_with({row(std::nullopt, std::string("合计"), std::string("30.00"), std::string("10.00"), std::string("20.00")),
                           row(std::string("204"), std::string("公共安全支出"), std::string("30.00"), std::string("10.00"), std::string("20.00")),
                           row(std::string("20402"), std::string("公安"), std::string("30.00"), std::string("10.00"), std::string("20.00")),
                           row(std::string("2040201"), std::string("行政运行"), std::string("10.00"), std::string("10.00"), std::nullopt),
                           row(std::string("2040299"), std::string("其他"), std::string("20.00"), std::nullopt, std::string("20.00"))});
    auto report = validate::check_consistency(d);
    BOOST_TEST(report.checks > 10);
    BOOST_TEST(report.mismatches == 0);
    BOOST_TEST(d.diagnostics.empty());
}

BOOST_AUTO_TEST_CASE(wrong_parent_and_row_sum_are_reported_with_page) {
    Document d = doc_with({row(std::string("204"), std::string("公共安全支出"), std::string("31.00"), std::string("10.00"), std::string("20.00")),
                           row(std::string("20402"), std::string("公安"), std::string("30.00"), std::string("10.00"), std::string("20.00"))});
    validate::check_consistency(d);
    BOOST_TEST(count(d, "sum_mismatch") == 2);  // 204 row sum, and 204 vs 20402
    BOOST_REQUIRE(!d.diagnostics.empty());
    BOOST_TEST(d.diagnostics[0].page == 7);
}

BOOST_AUTO_TEST_CASE(one_cent_per_part_is_rounding) {
    Document d = doc_with({row(std::string("210"), std::string("卫生健康支出"), std::string("91.03"), std::string("91.03"), std::nullopt),
                           row(std::string("21011"), std::string("医疗"), std::string("45.51"), std::string("45.51"), std::nullopt),
                           row(std::string("21012"), std::string("医疗2"), std::string("45.51"), std::string("45.51"), std::nullopt)});
    validate::check_consistency(d);
    BOOST_TEST(count(d, "rounding_difference") == 2);  // total and basic
    BOOST_TEST(count(d, "sum_mismatch") == 0);
}
