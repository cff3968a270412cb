#define BOOST_TEST_MODULE form_dedupe
#include <boost/test/unit_test.hpp>

#include "dedupe/form_merge.hpp"

using namespace budgetdoc;

namespace {

Indicator ind(const std::string& scope, const std::string& l2, const std::string& name, const std::string& value) {
    return {scope, std::string("产出指标"), l2, name, value, {}, {}, {}};
}

Form full(const std::string& project, const std::string& amount, int page) {
    Form f;
    f.title = "X市项目支出绩效目标申报表";
    f.year = 2023;
    f.project = project;
    f.department = "118-X市公安局";
    f.implementer = "X市交警支队";
    f.attribute = "一次性项目(1年结束)";
    f.duration = "1年";
    f.period_funds = {amount, "0", "0", amount, "0", std::nullopt, std::nullopt};
    f.annual_funds = f.period_funds;
    f.overview = "概况";
    f.goal_period = f.goal_annual = "目标";
    f.indicators = {ind("period", "数量指标", "a", "1"), ind("annual", "数量指标", "a", "1"),
                    ind("period", "质量指标", "b", "2"), ind("annual", "质量指标", "b", "2"),
                    ind("period", "时效指标", "c", "3"), ind("annual", "时效指标", "c", "3")};
    f.handler = "张三";
    f.pages = {page};
    return f;
}

int count_code(const Document& d, const std::string& code) {
    int n = 0;
    for (const auto& x : d.diagnostics) n += x.code == code;
    return n;
}

}  // namespace

BOOST_AUTO_TEST_CASE(identical_repeat_is_one_form) {
    Document d;
    d.performance_forms = {full("采暖费", "450000", 3), full("采暖费", "450000", 4)};
    dedupe::merge_forms(d);
    BOOST_TEST_REQUIRE(d.performance_forms.size() == 1u);
    BOOST_TEST(d.performance_forms[0].indicators.size() == 6u);
    BOOST_TEST((d.performance_forms[0].pages == std::vector<int>{3, 4}));
    BOOST_TEST(count_code(d, "duplicate_fragment") == 1);
    BOOST_TEST(d.diagnostics[0].severity == "info");
    BOOST_TEST(d.diagnostics[0].message.find("采暖费") != std::string::npos);
    BOOST_TEST(d.diagnostics[0].page == 4);
}

BOOST_AUTO_TEST_CASE(prefix_fragment_joins_the_full_form) {
    Form head = full("采暖费", "450000", 5);
    head.overview.reset();
    head.goal_period.reset(), head.goal_annual.reset(), head.handler.reset();
    head.indicators.clear();
    head.period_funds.central.reset();  // cut off after the totals
    Document d;
    d.performance_forms = {full("采暖费", "450000", 4), head};
    dedupe::merge_forms(d);
    BOOST_TEST_REQUIRE(d.performance_forms.size() == 1u);
    BOOST_TEST(*d.performance_forms[0].overview == "概况");
    BOOST_TEST(d.performance_forms[0].indicators.size() == 6u);
    BOOST_TEST(*d.performance_forms[0].handler == "张三");
}

BOOST_AUTO_TEST_CASE(fragment_first_then_full_keeps_full_content_and_first_position) {
    Form head = full("采暖费", "450000", 2);
    head.indicators.resize(2);
    head.handler.reset();
    Document d;
    d.performance_forms = {head, full("其他", "1", 3), full("采暖费", "450000", 4)};
    dedupe::merge_forms(d);
    BOOST_TEST_REQUIRE(d.performance_forms.size() == 2u);
    BOOST_TEST(*d.performance_forms[0].project == "采暖费");  // order of first appearance
    BOOST_TEST(d.performance_forms[0].indicators.size() == 6u);
    BOOST_TEST(*d.performance_forms[0].handler == "张三");
}

BOOST_AUTO_TEST_CASE(interleaved_fragments_assemble_the_grid_in_order) {
    // Head + first rows, then head + last rows: neither alone is complete.
    Form a = full("卡口费", "6630000", 7), b = full("卡口费", "6630000", 8);
    const auto all = a.indicators;
    a.indicators = {all[0], all[1], all[2], all[3]};
    b.indicators = {all[2], all[3], all[4], all[5]};
    b.handler.reset();
    Document d;
    d.performance_forms = {a, b};
    dedupe::merge_forms(d);
    BOOST_TEST_REQUIRE(d.performance_forms.size() == 1u);
    const auto& got = d.performance_forms[0].indicators;
    BOOST_TEST_REQUIRE(got.size() == 6u);
    for (size_t i = 0; i < 6; ++i) BOOST_TEST(*got[i].name == *all[i].name);
    for (size_t i = 0; i < 6; ++i) BOOST_TEST(got[i].scope == all[i].scope);

    // The other order: the later rows come first in print.
    Document e;
    e.performance_forms = {b, a};
    dedupe::merge_forms(e);
    BOOST_TEST_REQUIRE(e.performance_forms.size() == 1u);
    const auto& got2 = e.performance_forms[0].indicators;
    BOOST_TEST_REQUIRE(got2.size() == 6u);
    BOOST_TEST(*got2.front().name == "a");
    BOOST_TEST(*got2.back().name == "c");
}

BOOST_AUTO_TEST_CASE(same_name_different_funds_stay_apart) {
    Form small = full("警务辅助人员经费", "1180000", 39), big = full("警务辅助人员经费", "19400000", 40);
    Form big_head = big;
    big_head.indicators.resize(2);
    big_head.pages = {41};
    Document d;
    d.performance_forms = {small, big, big_head};
    dedupe::merge_forms(d);
    BOOST_TEST_REQUIRE(d.performance_forms.size() == 2u);
    BOOST_TEST(*d.performance_forms[0].annual_funds.total == "1180000");
    BOOST_TEST(*d.performance_forms[1].annual_funds.total == "19400000");
    BOOST_TEST((d.performance_forms[1].pages == std::vector<int>{40, 41}));
    BOOST_TEST(count_code(d, "duplicate_fragment") == 1);
}

BOOST_AUTO_TEST_CASE(conflicting_fragment_is_not_merged) {
    // Same name and funds but another implementer: not the same form.
    Form other = full("办案费", "3680000", 9);
    other.implementer = "Y县交警大队";
    other.indicators.resize(2);
    Document d;
    d.performance_forms = {full("办案费", "3680000", 8), other};
    dedupe::merge_forms(d);
    BOOST_TEST(d.performance_forms.size() == 2u);
    BOOST_TEST(count_code(d, "duplicate_fragment") == 0);

    // A single conflicting amount (provincial share) also keeps them apart.
    Form shifted = full("办案费", "3680000", 10);
    shifted.annual_funds.provincial = "100";
    BOOST_TEST(!dedupe::same_project(full("办案费", "3680000", 8), shifted));
    // Amounts compare as numbers, not strings.
    Form same = full("办案费", "3680000", 11);
    same.annual_funds.central = "0.00";
    BOOST_TEST(dedupe::same_project(full("办案费", "3680000", 8), same));
}

BOOST_AUTO_TEST_CASE(most_complete_copy_wins_text_differences) {
    Form a = full("平台建设费", "2010000", 49), b = full("平台建设费", "2010000", 50);
    a.overview = "短文本";
    a.indicators.resize(4);
    b.overview = "完整的概况";
    Document d;
    d.performance_forms = {a, b};
    dedupe::merge_forms(d);
    BOOST_TEST_REQUIRE(d.performance_forms.size() == 1u);
    BOOST_TEST(*d.performance_forms[0].overview == "完整的概况");
    BOOST_TEST(d.diagnostics.at(0).page == 49);  // the dropped copy is the less complete one
}

// ---- cross-check against 项目支出预算表（本年预算） ----
#include "validate/form_crosscheck.hpp"

#include <budgetdoc/extract.hpp>

namespace {

Record project_row(const std::string& name, const std::string& total) {
    Record r;
    r.set("name", name);
    r.set("total", total);
    return r;
}

}  // namespace

BOOST_AUTO_TEST_CASE(crosscheck_warns_both_ways_in_wan_yuan) {
    Document d;
    d.unit = "X市交警支队";
    Table t;
    t.id = "project_current";
    t.title = "项目支出预算表(本年预算)";
    t.unit = "万元";
    t.rows = {project_row("合计", "2000.00"), project_row("X市交警支队", "2000.00"),
              project_row("警务辅助人员经费", "1940.00"), project_row("警务辅助人员经费", "118.00"),
              project_row("遗属补助和采暖费", "5.23"),  // 52296 元 printed rounded
              project_row("车管所网格专线及网络维护费", "35.00"), project_row("无表项目", "1.00")};
    d.tables.push_back(t);
    d.performance_forms = {full("警务辅助人员经费", "1180000", 1), full("警务辅助人员经费", "19400000", 2),
                           full("遗属补助和采暖费", "52296", 3), full("车管所网络专线及网络维护费", "350000", 4),
                           full("无行表单", "10000", 5)};
    validate::crosscheck_forms(d);
    std::vector<std::string> warnings;
    for (const auto& x : d.diagnostics) {
        BOOST_TEST(x.severity != "error");
        if (x.severity == "warning") warnings.push_back(x.code + ":" + x.message);
    }
    BOOST_TEST_REQUIRE(warnings.size() == 2u);
    BOOST_TEST(count_code(d, "form_without_project") == 1);
    BOOST_TEST(count_code(d, "project_without_form") == 1);
    BOOST_TEST(warnings[0].find("无行表单") != std::string::npos);
    BOOST_TEST(warnings[1].find("无表项目") != std::string::npos);
    BOOST_TEST(count_code(d, "form_name_mismatch") == 1);
}

BOOST_AUTO_TEST_CASE(crosscheck_sample_document_forms_all_have_rows) {
    auto doc = extract_file(std::string(BUDGETDOC_SOURCE_DIR) + "/samples/xinzhou-jjzd-2023.pdf");
    BOOST_TEST_REQUIRE(doc.ok());
    BOOST_TEST(doc->performance_forms.size() == 22u);
    validate::crosscheck_forms(doc.value());
    BOOST_TEST(count_code(doc.value(), "form_without_project") == 0);
    BOOST_TEST(count_code(doc.value(), "project_without_form") == 0);
    BOOST_TEST(count_code(doc.value(), "duplicate_fragment") == 18);
}
