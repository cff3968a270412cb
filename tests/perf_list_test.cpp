// Performance-target tables listing many projects (recognize/perf_list_reader) on
// constructed pages: projects' merged cells centred on their rows, a project cut
// by a page break and printed on both pages, the numbered indicator text, and
// the rows that are no project (合计, an organisation's subtotal).
#define BOOST_TEST_MODULE perf_list
#include <boost/test/unit_test.hpp>

#include "recognize/form_grammar.hpp"

#include <string>
#include <vector>

using namespace budgetdoc;
using recognize::form::read_list_tables;

namespace {

constexpr double kSize = 8;  // font size; a line's text is kSize tall

Cell cell(const std::string& text, double x, double y) {
    Cell c;
    c.raw = c.text = text;
    c.box = {x, y, x + kSize * static_cast<double>(text.size()) / 3, y + kSize};
    c.font_size = kSize;
    return c;
}

Line line(std::vector<Cell> cells) {
    Line l;
    l.cells = std::move(cells);
    l.box = l.cells.front().box;
    for (const auto& c : l.cells) {
        l.box.x0 = std::min(l.box.x0, c.box.x0), l.box.x1 = std::max(l.box.x1, c.box.x1);
        l.box.y0 = std::min(l.box.y0, c.box.y0), l.box.y1 = std::max(l.box.y1, c.box.y1);
    }
    return l;
}

// Column x positions of the grid table below.
constexpr double kName = 40, kTotal = 140, kGoal = 220, kL1 = 330, kL2 = 400, kL3 = 470, kValue = 560;

Line header() {
    return line({cell("项目名称", kName, 60), cell("资金总额", kTotal, 60), cell("绩效目标", kGoal, 60),
                 cell("一级指标", kL1, 60), cell("二级指标", kL2, 60), cell("三级指标", kL3, 60),
                 cell("指标值", kValue, 60)});
}

// One indicator row at y; `extra` cells (a project's merged cells) share the line.
Line row(double y, const std::string& name, const std::string& value, std::vector<Cell> extra = {}) {
    std::vector<Cell> cs = {cell("产出指标", kL1, y), cell("数量指标", kL2, y), cell(name, kL3, y),
                            cell(value, kValue, y)};
    cs.insert(cs.begin(), extra.begin(), extra.end());
    return line(cs);
}

Page page(int number, std::vector<Line> lines) {
    Page p;
    p.number = number;
    p.width = 842, p.height = 595;
    for (auto& l : lines) l.page = number;
    p.lines = std::move(lines);
    return p;
}

size_t annual(const Form& f) {
    size_t n = 0;
    for (const auto& i : f.indicators) n += i.scope == "annual";
    return n;
}

}  // namespace

BOOST_AUTO_TEST_CASE(merged_cells_centred_on_their_rows) {
    // 合计 row, then project 甲 (5 rows, 100..188: centre 144) and project 乙 (1
    // row at 200), each project's name, amount and goal centred on its rows.  甲's
    // last row is nearer 乙's name than 甲's: only the centring places it.
    const std::vector<Line> ls = {
        line({cell("项目支出绩效目标表", 200, 20)}), line({cell("单位:万元", 500, 40)}), header(),
        line({cell("合计", kName, 84), cell("30.00", kTotal, 84)}),
        row(100, "甲一", "≥1个"), row(120, "甲二", "≥2个"),
        row(140, "甲三", "≥3个", {cell("项目甲", kName, 140), cell("10.00", kTotal, 140), cell("完成甲", kGoal, 140)}),
        row(160, "甲四", "≥4个"), row(180, "甲五", "≥5个"),
        row(200, "乙一", "1", {cell("项目乙", kName, 200), cell("20.00", kTotal, 200), cell("完成乙", kGoal, 200)})};
    const auto fr = read_list_tables({page(1, ls)});
    BOOST_TEST_REQUIRE(fr.size() == 2u);
    const Form& a = fr[0].form;
    const Form& b = fr[1].form;
    BOOST_TEST(*a.project == "项目甲");
    BOOST_TEST(*a.annual_funds.total == "10.00");
    BOOST_TEST(*a.goal_annual == "完成甲");
    BOOST_TEST(a.money_unit == "万元");
    BOOST_TEST(a.title == "项目支出绩效目标表");
    BOOST_TEST_REQUIRE(annual(a) == 5u);
    BOOST_TEST(*a.indicators[4].name == "甲五");
    BOOST_TEST(*a.indicators[4].level1 == "产出指标");
    BOOST_TEST(*b.project == "项目乙");
    BOOST_TEST(*b.annual_funds.total == "20.00");
    BOOST_TEST_REQUIRE(annual(b) == 1u);
    BOOST_TEST(*b.indicators[0].value == "1");
}

BOOST_AUTO_TEST_CASE(project_cut_by_a_page_break_is_one_form) {
    // Project 乙 has two rows at the foot of page 1 and two at the head of page 2
    // (no header printed again); its name and amount are printed on both pages.
    const Page p1 = page(1, {header(), row(100, "甲一", "1", {cell("项目甲", kName, 110), cell("5.00", kTotal, 110),
                                                               cell("完成甲", kGoal, 110)}),
                             row(120, "甲二", "2"), row(140, "乙一", "3"),
                             row(160, "乙二", "4", {cell("项目乙", kName, 160), cell("7.00", kTotal, 160),
                                                    cell("完成乙", kGoal, 160)})});
    const Page p2 = page(2, {row(60, "乙三", "5", {cell("项目乙", kName, 60), cell("7.00", kTotal, 60),
                                                   cell("完成乙", kGoal, 60)}),
                             row(80, "乙四", "6")});
    const auto fr = read_list_tables({p1, p2});
    BOOST_TEST_REQUIRE(fr.size() == 2u);
    BOOST_TEST(annual(fr[0].form) == 2u);
    BOOST_TEST(*fr[1].form.project == "项目乙");
    BOOST_TEST(annual(fr[1].form) == 4u);
    BOOST_TEST((fr[1].form.pages == std::vector<int>{1, 2}));
    BOOST_TEST(*fr[1].form.goal_annual == "完成乙");  // printed twice, read once
}

BOOST_AUTO_TEST_CASE(numbered_indicator_text_and_subtotal_rows) {
    // Columns 项目名称 | 总计 | 绩效目标 | 绩效指标 (one text per project); an
    // organisation's subtotal row (amount, no goal) heads its projects.
    const double name = 40, total = 140, goal = 220, text = 420;
    const Page p = page(1, {
        line({cell("部门名称:某某局", 40, 30), cell("单位:万元", 500, 30)}),
        line({cell("项目名称", name, 60), cell("总计", total, 60), cell("绩效目标", goal, 60), cell("绩效指标", text, 60)}),
        line({cell("合计", name, 80), cell("9.00", total, 80)}),
        line({cell("某某中心", name, 100), cell("9.00", total, 100)}),
        line({cell("项目丙", name, 130), cell("9.00", total, 130), cell("完成丙", goal, 130),
              cell("1、1-产出指标;11-数量指标;培训人数;实施周期指标值:≥100人;年度指标值:≥50人。2、3-满意度指标;31-服务对象满意度;"
                   "满意率;实施周期指标值:≥90%;年度指标值:≥95%。",
                   text, 130)}),
    });
    const auto fr = read_list_tables({p});
    BOOST_TEST_REQUIRE(fr.size() == 1u);
    const Form& f = fr[0].form;
    BOOST_TEST(*f.project == "项目丙");
    BOOST_TEST(*f.implementer == "某某中心");
    BOOST_TEST(*f.department == "某某局");
    BOOST_TEST_REQUIRE(f.indicators.size() == 4u);
    BOOST_TEST(f.indicators[0].scope == "period");
    BOOST_TEST(*f.indicators[0].level1 == "产出指标");
    BOOST_TEST(*f.indicators[0].level2 == "数量指标");
    BOOST_TEST(*f.indicators[0].name == "培训人数");
    BOOST_TEST(*f.indicators[0].value == "≥100人");
    BOOST_TEST(f.indicators[1].scope == "annual");
    BOOST_TEST(*f.indicators[1].value == "≥50人");
    BOOST_TEST(*f.indicators[3].name == "满意率");
    BOOST_TEST(*f.indicators[3].value == "≥95%");
}

BOOST_AUTO_TEST_CASE(a_table_without_project_column_is_no_form) {
    // 部门整体支出绩效目标表: indicators but no 项目名称 column.
    const Page p = page(1, {line({cell("部门整体支出绩效目标表", 200, 20)}),
                            line({cell("一级指标", kL1, 60), cell("二级指标", kL2, 60), cell("三级指标", kL3, 60),
                                  cell("指标值", kValue, 60)}),
                            row(100, "甲一", "1")});
    BOOST_TEST(read_list_tables({p}).empty());
}
