// Table shapes on constructed pages: a label wrapped around its figures' line, and the 决算 shapes `grouped` (一般公共预算财政拨款基本支出
// 决算表: runs of 科目代码 | 科目名称 | 决算数 side by side under 人员经费 / 公用经费) and
// `measures` (“三公”经费支出决算表: items crossed with 预算数 / 决算数, the measures
// printed over the items or under them).
#define BOOST_TEST_MODULE table_shapes
#include <boost/test/unit_test.hpp>

#include "page_support.hpp"
#include "recognize/recognize.hpp"

#include <string>
#include <vector>

using namespace budgetdoc;

namespace {

using Placed = test::PlacedCell;
using test::page_of;

std::string rows_of(const Table& t) {
    std::string s;
    for (const auto& r : t.rows)
        s += r.get("code").value_or("-") + " " + r.get("name").value_or("-") + " " + r.get("amount").value_or("-") +
             " " + r.get("group").value_or("-") + ";";
    return s;
}

std::string items_of(const Table& t) {
    std::string s;
    for (const auto& r : t.rows)
        s += r.get("item").value_or("-") + " " + r.get("budget").value_or("-") + "/" + r.get("actual").value_or("-") +
             (r.get("part_of") ? "<" + *r.get("part_of") : "") + ";";
    return s;
}

}  // namespace

BOOST_AUTO_TEST_CASE(grouped_runs_read_run_by_run_with_their_group) {
    // Three runs of 科目代码 | 科目名称 | 决算数 (bands 0-2, 3-5, 6-8): 人员经费 over the
    // first, 公用经费 centred over the other two; the totals on the last line, the
    // 公用经费合计 label under the second run and its figure under the third.
    const double w = 80;  // band width; band b spans [40 + b·w, 40 + b·w + w − 10]
    auto at = [&](const std::string& t, int band, int span = 1) {
        return Placed{t, 40 + band * w, 40 + (band + span) * w - 10, band, span};
    };
    const std::vector<Page> pages = {page_of({
        {40, {{"一般公共预算财政拨款基本支出决算表", 250, 550, 0}}},
        {55, {{"单位:万元", 700, 760, 0}}},
        {70, {at("人员经费", 0, 3), at("公用经费", 3, 6)}},
        {85, {at("科目代码", 0), at("科目名称", 1), at("决算数", 2), at("科目代码", 3), at("科目名称", 4),
              at("决算数", 5), at("科目代码", 6), at("科目名称", 7), at("决算数", 8)}},
        {100, {at("301", 0), at("工资福利支出", 1), at("100.00", 2), at("302", 3), at("商品和服务支出", 4),
               at("50.00", 5), at("310", 6), at("资本性支出", 7), at("5.00", 8)}},
        {115, {at("30101", 0), at("基本工资", 1), at("100.00", 2), at("30201", 3), at("办公费", 4), at("50.00", 5),
               at("31002", 6), at("办公设备购置", 7), at("5.00", 8)}},
        {130, {at("人员经费合计", 1), at("100.00", 2), at("公用经费合计", 4), at("55.00", 8)}},
    })};
    Document d;
    recognize::read_tables(pages, d, false);
    const Table* t = d.table("final_general_budget_basic");
    BOOST_REQUIRE(t);
    BOOST_TEST(t->unit == "万元");
    BOOST_TEST(!t->suspect);
    BOOST_TEST(rows_of(*t) ==
               "301 工资福利支出 100.00 personnel;30101 基本工资 100.00 personnel;- 人员经费合计 100.00 personnel;"
               "302 商品和服务支出 50.00 public;30201 办公费 50.00 public;"
               "310 资本性支出 5.00 public;31002 办公设备购置 5.00 public;- 公用经费合计 55.00 public;");
}

BOOST_AUTO_TEST_CASE(measures_over_the_items) {
    // 预算数 centred over the first six columns (30–340), 决算数 over the next six
    // (390–700); items
    // (wrapped headings joined) with the car group heading over its 小计 | 购置 | 运行.
    const std::vector<Page> pages = {page_of({
        {40, {{"一般公共预算财政拨款“三公”经费支出决算表", 250, 550}}},
        {55, {{"单位:万元", 700, 760}}},
        {70, {{"预算数", 170, 200}, {"决算数", 530, 560}}},
        {84, {{"公务用车购置及运行维护费", 180, 300}, {"公务用车购置及运行维护费", 540, 660}}},
        {96, {{"合计", 30, 50}, {"因公出国", 70, 110}, {"小计", 130, 150}, {"公务用车购", 170, 220},
              {"公务用车运", 230, 280}, {"公务接待", 300, 340}, {"合计", 390, 410}, {"因公出国", 430, 470},
              {"小计", 490, 510}, {"公务用车购", 530, 580}, {"公务用车运", 590, 640}, {"公务接待", 660, 700}}},
        {108, {{"(境)费", 70, 110}, {"置费", 185, 205}, {"行维护费", 235, 275}, {"费", 315, 325},
               {"(境)费", 430, 470}, {"置费", 545, 565}, {"行维护费", 595, 635}, {"费", 675, 685}}},
        {130, {{"76.43", 25, 55}, {"30.00", 75, 105}, {"40.63", 125, 155}, {"40.63", 240, 270}, {"5.80", 305, 335},
               {"46.21", 385, 415}, {"4.69", 435, 465}, {"40.61", 485, 515}, {"40.61", 600, 630},
               {"0.90", 665, 695}}},
    })};
    Document d;
    recognize::read_tables(pages, d, false);
    const Table* t = d.table("final_three_public");
    BOOST_REQUIRE(t);
    BOOST_TEST(items_of(*t) ==
               "合计 76.43/46.21;因公出国(境)费 30.00/4.69<合计;公务用车购置及运行维护费 40.63/40.61<合计;"
               "公务用车购置费 -/-<公务用车购置及运行维护费;公务用车运行维护费 40.63/40.61<公务用车购置及运行维护费;"
               "公务接待费 5.80/0.90<合计;");
}

BOOST_AUTO_TEST_CASE(measures_under_the_items) {
    // Each item over its 预算数 | 决算数 pair; only two figures printed.
    const std::vector<Page> pages = {page_of({
        {40, {{"财政拨款“三公”经费支出决算表", 250, 550}}},
        {55, {{"单位:万元", 700, 760}}},
        {70, {{"合计", 70, 100}, {"因公出国(境)费", 160, 250}, {"公务接待费", 700, 760}}},
        {80, {{"公务用车购置及运行费", 420, 540}}},
        {92, {{"小计", 330, 360}, {"公务用车购置费", 440, 520}, {"公务用车运行费", 570, 650}}},
        {110, {{"预算数", 30, 65}, {"决算数", 95, 130}, {"预算数", 160, 195}, {"决算数", 225, 260},
               {"预算数", 295, 330}, {"决算数", 360, 395}, {"预算数", 425, 460}, {"决算数", 490, 525},
               {"预算数", 555, 590}, {"决算数", 620, 655}, {"预算数", 690, 725}, {"决算数", 755, 790}}},
        {130, {{"0.95", 45, 65}, {"0.95", 705, 725}}},
    })};
    Document d;
    recognize::read_tables(pages, d, false);
    const Table* t = d.table("final_three_public");
    BOOST_REQUIRE(t);
    BOOST_TEST(items_of(*t) ==
               "合计 0.95/-;因公出国(境)费 -/-<合计;公务用车购置及运行费 -/-<合计;"
               "公务用车购置费 -/-<公务用车购置及运行费;公务用车运行费 -/-<公务用车购置及运行费;公务接待费 0.95/-<合计;");
    // 合计's 预算数 = its parts' (0.95 = 公务接待费's): no sum diagnostic is the
    // validate stage's to give; here the reading is what is checked.
}

BOOST_AUTO_TEST_CASE(label_wrapped_around_its_figures_line) {
    // 项目支出预算表 with a narrow 项目名称 column: a long name printed on two lines
    // centred on its figures (one half a line above, one half a line below); a
    // short name on its figures' line; a category line of its own a full row away.
    auto at = [](const std::string& t, double x0, double x1, int band) { return Placed{t, x0, x1, band}; };
    const std::vector<Page> pages = {page_of({
        {40, {{"项目支出预算表", 300, 400, 0}}},
        {55, {{"单位:万元", 700, 760, 0}}},
        {70, {at("项目名称", 40, 120, 0), at("合计", 200, 240, 1), at("一般公共预算", 300, 380, 2)}},
        {90, {at("合计", 40, 70, 0), at("30.00", 200, 240, 1), at("30.00", 300, 340, 2)}},
        {110, {at("信息系统运行维", 40, 120, 0)}},
        {116, {at("20.00", 200, 240, 1), at("20.00", 300, 340, 2)}},
        {122, {at("护项目", 40, 80, 0)}},
        {140, {at("会议费", 40, 80, 0), at("10.00", 200, 240, 1), at("10.00", 300, 340, 2)}},
    })};
    Document d;
    recognize::read_tables(pages, d, false);
    const Table* t = d.table("project_current");
    BOOST_REQUIRE(t);
    std::string s;
    for (const auto& r : t->rows) s += r.get("name").value_or("-") + "=" + r.get("total").value_or("-") + ";";
    BOOST_TEST(s == "合计=30.00;信息系统运行维护项目=20.00;会议费=10.00;");
    BOOST_TEST(!t->suspect);
}
