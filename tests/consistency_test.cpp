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
    // One wrong figure (204's total) breaks its row sum and 204 vs 20402, both off
    // by 1.00: one diagnostic, naming where, that lists the other.
    BOOST_TEST(count(d, "sum_mismatch") == 1);
    BOOST_REQUIRE(!d.diagnostics.empty());
    const Diagnostic& g = d.diagnostics[0];
    BOOST_TEST(g.page == 7);
    BOOST_TEST(g.table == "expenditure_summary");
    BOOST_TEST(g.row.value_or(-1) == 0);
    BOOST_TEST(g.field == "total");
    BOOST_TEST(g.printed.value_or("") == "31.00");
    BOOST_TEST(g.expected.value_or("") == "30.00");
    BOOST_TEST((g.parts == std::vector<std::string>{"basic", "project"}));
    BOOST_TEST(g.message.find("same difference shows in 1 other") != std::string::npos, g.message);
    BOOST_TEST(d.table("expenditure_summary")->suspect);
}

BOOST_AUTO_TEST_CASE(differences_of_other_amounts_stay_separate) {
    Document d = doc_with({row(std::string("204"), std::string("公共安全支出"), std::string("31.00"), std::string("10.00"), std::string("20.00")),
                           row(std::string("20402"), std::string("公安"), std::string("35.00"), std::string("10.00"), std::string("20.00"))});
    validate::check_consistency(d);
    // 204: off by 1 (row) and by 4 (vs 20402); 20402: off by 5 (row).
    BOOST_TEST(count(d, "sum_mismatch") == 3);
}

BOOST_AUTO_TEST_CASE(one_cent_per_part_is_rounding) {
    Document d = doc_with({row(std::string("210"), std::string("卫生健康支出"), std::string("91.03"), std::string("91.03"), std::nullopt),
                           row(std::string("21011"), std::string("医疗"), std::string("45.51"), std::string("45.51"), std::nullopt),
                           row(std::string("21012"), std::string("医疗2"), std::string("45.51"), std::string("45.51"), std::nullopt)});
    validate::check_consistency(d);
    BOOST_TEST(count(d, "rounding_difference") == 2);  // total and basic
    BOOST_TEST(count(d, "sum_mismatch") == 0);
}

namespace {

Record rec(std::vector<std::pair<std::string, Text>> fields) {
    Record r;
    for (auto& [k, v] : fields) r.fields.push_back({k, v});
    r.pages = {3};
    return r;
}

Document doc_of(const std::string& id, std::vector<Record> rows) {
    Document d;
    Table t;
    t.id = id;
    t.rows = std::move(rows);
    d.tables.push_back(t);
    return d;
}

const Text N = std::nullopt;
Text S(const char* s) { return std::string(s); }

}  // namespace

// Extra keys are parts of the total where printed: Jiangsu's 单位预留机动经费 (reserve)
// and 结转下年资金 (carry_forward) beside 基本支出/项目支出.
BOOST_AUTO_TEST_CASE(reserve_is_part_of_expenditure_total) {
    Document d = doc_of("expenditure_summary",
                        {rec({{"code", N}, {"name", N}, {"total", S("33172.15")}, {"basic", S("18570.82")},
                              {"project", S("11343.27")}, {"reserve", S("3258.06")}, {"carry_forward", N}})});
    validate::check_consistency(d);
    BOOST_TEST(count(d, "sum_mismatch") == 0);
    Document e = doc_of("expenditure_summary",
                        {rec({{"code", N}, {"name", N}, {"total", S("33172.15")}, {"basic", S("18570.82")},
                              {"project", S("11343.27")}, {"reserve", S("3000.00")}})});
    validate::check_consistency(e);
    BOOST_TEST(count(e, "sum_mismatch") == 1);
}

// Shanghai's 收入预算总表: 合计 = 财政拨款收入 + 事业收入 + 事业单位经营收入 + 其他收入;
// 财政拨款收入 is not added again where its breakdown (一般公共预算…) is printed, and is
// itself checked against that breakdown.
BOOST_AUTO_TEST_CASE(income_extra_keys_and_fiscal_grant_breakdown) {
    Document d = doc_of("income_summary",
                        {rec({{"code", S("208")}, {"name", S("社会保障和就业支出")}, {"total", S("100")},
                              {"fiscal_grant", S("60")}, {"general_budget", N}, {"service_income", S("30")},
                              {"operating_income", S("4")}, {"other_income", S("6")}}),
                         rec({{"code", S("210")}, {"name", S("卫生健康支出")}, {"total", S("100")},
                              {"fiscal_grant", S("60")}, {"general_budget", S("50")}, {"gov_fund", S("10")},
                              {"other_income", S("40")}})});
    auto report = validate::check_consistency(d);
    BOOST_TEST(report.mismatches == 0);
    Document e = doc_of("income_summary",
                        {rec({{"code", S("210")}, {"name", S("卫生健康支出")}, {"total", S("100")},
                              {"fiscal_grant", S("70")}, {"general_budget", S("50")}, {"gov_fund", S("10")},
                              {"other_income", S("40")}})});
    validate::check_consistency(e);
    BOOST_TEST(count(e, "sum_mismatch") == 1);  // fiscal_grant 70 ≠ 50 + 10
}

// 上年结转 is part of 合计 when 合计 is the grand total, not when it is the 本年收入
// subtotal printed beside 上年结转: the table's rows tell which.
BOOST_AUTO_TEST_CASE(income_carryover_in_total_follows_the_table_layout) {
    Document grand = doc_of("income_summary",
                            {rec({{"code", N}, {"name", S("合计")}, {"total", S("10656.80")},
                                  {"general_budget", S("6673.43")}, {"carryover", S("3983.37")}}),
                             rec({{"code", S("204")}, {"name", S("公共安全支出")}, {"total", S("10656.80")},
                                  {"general_budget", S("6673.43")}, {"carryover", S("3983.37")}})});
    validate::check_consistency(grand);
    BOOST_TEST(count(grand, "sum_mismatch") == 0);
    Document current = doc_of("income_summary",
                              {rec({{"code", N}, {"name", S("合计")}, {"total", S("6673.43")},
                                    {"general_budget", S("6673.43")}, {"carryover", S("3983.37")}}),
                               rec({{"code", S("204")}, {"name", S("公共安全支出")}, {"total", S("6673.43")},
                                    {"general_budget", S("6673.43")}, {"carryover", S("3983.37")}})});
    validate::check_consistency(current);
    BOOST_TEST(count(current, "sum_mismatch") == 0);
}

// Shanghai's 财务收支预算总表 expenditure side: 合计 = 人员经费 + 公用经费 + 项目支出;
// basic_by_economic with its economic 科目编码: a 类 = sum of its 款.
BOOST_AUTO_TEST_CASE(basic_breakdown_and_economic_code_hierarchy) {
    Document d;
    Table t;
    t.id = "income_expenditure_summary";
    t.two_sided = true;
    t.expenditure = {rec({{"item", S("支出总计")}, {"total", S("12121164")}, {"current_year", N}, {"carryover", N},
                          {"personnel", S("7380214")}, {"public", S("2120950")}, {"project", S("2620000")}}),
                     rec({{"item", S("二、社会保障和就业支出")}, {"total", S("100")}, {"personnel", S("50")},
                          {"public", S("20")}, {"project", S("40")}})};
    d.tables.push_back(t);
    validate::check_consistency(d);
    BOOST_TEST(count(d, "sum_mismatch") == 1);  // the second line: 50 + 20 + 40 ≠ 100
    Document e = doc_of("basic_by_economic",
                        {rec({{"code", S("301")}, {"dept_item", S("工资福利支出")}, {"total", S("30")}, {"personnel", S("30")}}),
                         rec({{"code", S("30101")}, {"dept_item", S("基本工资")}, {"total", S("10")}, {"personnel", S("10")}}),
                         rec({{"code", S("30102")}, {"dept_item", S("津贴补贴")}, {"total", S("10")}, {"personnel", S("10")}}),
                         rec({{"code", N}, {"dept_item", S("合计")}, {"total", S("30")}, {"personnel", S("30")}})});
    validate::check_consistency(e);
    // 301 total and personnel ≠ 10 + 10, both off by 10: one diagnostic naming both.
    BOOST_TEST(count(e, "sum_mismatch") == 1);
    BOOST_TEST(e.diagnostics.back().message.find("same difference shows in 1 other") != std::string::npos);
}

// Jiangsu three-part 收支预算总表: the 功能分类 items and the 支出用途 items (use_amount)
// each add up to the expenditure side's 当年支出小计.
BOOST_AUTO_TEST_CASE(three_part_summary_parts_add_up_to_subtotal) {
    const auto exp = [](Text item, Text total, Text use_item, Text use_amount) {
        Record r;
        r.fields = {{"item", item}, {"total", total}, {"current_year", std::nullopt}, {"carryover", std::nullopt},
                    {"use_item", use_item}, {"use_amount", use_amount}};
        r.pages = {1};
        return r;
    };
    const auto make = [&](const std::string& use2) {
        Document d;
        Table t;
        t.id = "income_expenditure_summary";
        t.two_sided = true;
        t.expenditure = {exp(std::string("一、一般公共服务支出"), std::string("70.00"), std::string("一、基本支出"), std::string("60.00")),
                         exp(std::string("二、外交支出"), std::nullopt, std::string("二、项目支出"), use2),
                         exp(std::string("三、社会保障和就业支出"), std::string("30.00"), std::nullopt, std::nullopt),
                         exp(std::string("当年支出小计"), std::string("100.00"), std::nullopt, std::nullopt),
                         exp(std::string("支出合计"), std::string("100.00"), std::nullopt, std::nullopt)};
        d.tables.push_back(t);
        return d;
    };
    Document ok = make("40.00");
    auto report = validate::check_consistency(ok);
    BOOST_TEST(report.checks >= 2);
    BOOST_TEST(report.mismatches == 0);
    Document bad = make("45.00");
    validate::check_consistency(bad);
    BOOST_TEST(count(bad, "sum_mismatch") == 1);
}

// A horizontally printed 三公 table: rows naming the row they add up to (part_of).
BOOST_AUTO_TEST_CASE(horizontal_three_public_items_add_up) {
    auto item = [](const char* name, Text total, Text of) {
        std::vector<std::pair<std::string, Text>> f = {{"item", S(name)}, {"total", total}, {"general_budget", N},
                                                      {"gov_fund", N}, {"state_capital", N}};
        if (of) f.push_back({"part_of", of});
        return rec(f);
    };
    auto rows = [&](const char* car) {
        return std::vector<Record>{item("合计(“三公”经费、会议费、培训费)", S("2224.43"), N),
                                   item("合计", S("660.10"), S("合计(“三公”经费、会议费、培训费)")),
                                   item("因公出国(境)费", S("106.00"), S("合计")),
                                   item("公务用车购置及运行维护费", S(car), S("合计")),
                                   item("公务用车购置费", N, S("公务用车购置及运行维护费")),
                                   item("公务用车运行维护费", S("156.60"), S("公务用车购置及运行维护费")),
                                   item("公务接待费", S("397.50"), S("合计")),
                                   item("会议费", S("1282.56"), S("合计(“三公”经费、会议费、培训费)")),
                                   item("培训费", S("281.77"), S("合计(“三公”经费、会议费、培训费)"))};
    };
    Document d = doc_of("three_public", rows("156.60"));
    validate::check_consistency(d);
    BOOST_TEST(count(d, "sum_mismatch") == 0);
    BOOST_TEST(count(d, "rounding_difference") == 0);
    // A wrong car figure breaks both its own breakdown and the 三公 合计, each off by
    // 10.00: one diagnostic, which names the other sum.
    Document e = doc_of("three_public", rows("166.60"));
    validate::check_consistency(e);
    BOOST_TEST(count(e, "sum_mismatch") == 1);
    BOOST_TEST(e.diagnostics.back().message.find("same difference shows in 1 other") != std::string::npos);
}
