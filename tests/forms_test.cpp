#define BOOST_TEST_MODULE forms
#include <boost/test/unit_test.hpp>

#include "normalize/text.hpp"
#include "recognize/form_grammar.hpp"
#include "recognize/recognize.hpp"

using namespace budgetdoc;
using namespace budgetdoc::recognize;

namespace {

// A PDF-like line: cells with boxes at the given x (width 30) and y.
struct LineBuilder {
    int page = 1;
    Line line;
    LineBuilder& cell(const std::string& raw, double x, double y, double h = 10, double w = 30) {
        Cell c;
        c.raw = raw;
        c.text = normalize::normalize_text(raw);
        c.box = {x, y, x + w, y + h};
        line.cells.push_back(c);
        line.page = page;
        return *this;
    }
};

Line L(std::initializer_list<std::tuple<std::string, double>> cells, double y, double h = 10) {
    LineBuilder b;
    for (const auto& [t, x] : cells) b.cell(t, x, y, h);
    return b.line;
}

Page form_page(int number, const std::string& project, const std::string& period_total,
               const std::string& annual_total) {
    Page p;
    p.number = number;
    double y = 10;
    auto add = [&](Line l) {
        l.page = number;
        p.lines.push_back(l);
    };
    add(L({{"某市市级预算部门（单位）项目支出绩效目标申报表", 100}}, y += 15));
    add(L({{"（2023年度）", 200}}, y += 15));
    add(L({{"项目名称", 50}, {project, 130}}, y += 15));
    add(L({{"主管部门及代码", 50}, {"118-某市公安局", 130}, {"实施单位", 300}, {"某市交警支队", 390}}, y += 15));
    add(L({{"项目属性", 50}, {"一次性项目（1年结束）", 130}, {"项目期", 300}, {"1年", 390}}, y += 15));
    // The line builder glues the period amount to the annual label.
    add(L({{"实施期资金总额：", 90}, {period_total + "年度资金总额：", 300}, {annual_total, 500}}, y += 15));
    add(L({{"其中：中央财政资金", 90}, {"0其中：中央财政资金", 300}, {"0", 500}}, y += 15));
    add(L({{"项目资金 （元）", 50}, {"省级财政资金", 90}, {"0省级财政资金", 300}, {"0", 500}}, y += 15));
    add(L({{"市县(区)财政资 金", 90}, {period_total, 300}, {"市县（区）财政资金", 340}, {annual_total, 500}}, y += 15));
    add(L({{"单位自筹", 90}, {"0单位自筹", 300}, {"0", 500}}, y += 15));
    add(L({{"其他资金", 90}, {"其他资金", 340}}, y += 15));
    add(L({{"项目概况", 50}, {"概况文字。", 130}}, y += 15));
    add(L({{"立项依据", 50}, {"请示报告", 130}}, y += 15));
    add(L({{"项目设立必要性", 50}, {"必要。", 130}}, y += 15));
    add(L({{"保证项目实施的制度、措施", 50}, {"专款专用。", 130}}, y += 15));
    add(L({{"项目实施计划", 50}, {"2023年完成。", 130}}, y += 15));
    add(L({{"实施期目标", 190}, {"年度目标", 420}}, y += 15));
    add(L({{"总体目标", 50}, {"实施期目标文字", 150}, {"年度目标文字", 400}}, y += 15));
    // Grid: columns 一级 100, 二级 150, 三级 220, 值 300, 二级 360, 三级 420, 值 500.
    add(L({{"一级指标", 100}, {"二级指标", 150}, {"三级指标", 220}, {"指标值", 300},
           {"二级指标", 360}, {"三级指标", 420}, {"指标值", 500}},
          y += 15));
    // 数量指标 block of two rows, label centred between them.
    add(L({{"甲", 220}, {"1处", 300}, {"甲", 420}, {"1处", 500}}, y += 15));
    add(L({{"数量指标", 150}, {"数量指标", 360}}, y += 7.5));
    add(L({{"乙乙乙乙", 220}, {"2套", 300}, {"乙乙", 420}, {"2套", 500}}, y += 7.5));
    // 产出指标 centred on 数量指标 + 质量指标.
    add(L({{"产出指标", 100}}, y += 7.5));
    add(L({{"质量指标", 150}, {"丙", 220}, {"合格", 300}, {"质量指标", 360}, {"丙", 420}, {"合格", 500}},
          y += 7.5));
    // 效益指标 over a placeholder row and one row.
    add(L({{"经济效益指标", 150}, {"经济效益指标", 360}}, y += 15));
    add(L({{"效益指标", 100}}, y += 7.5));
    add(L({{"社会效益指标", 150}, {"丁", 220}, {"提高", 300}, {"社会效益指标", 360}, {"丁", 420}, {"提高", 500}},
          y += 7.5));
    add(L({{"负责人：", 50}, {"经办人：", 150}, {"张三", 190}, {"联系电话：", 240}, {"13300000000", 290},
           {"填报日期：", 370}, {"20230131102608", 420}},
          y += 15));
    return p;
}

}  // namespace

BOOST_AUTO_TEST_CASE(labels_match_after_normalization) {
    using form::Field;
    BOOST_TEST((form::match_label("项目资金 (元)") == Field::ignore));
    BOOST_TEST((form::match_label("项目资金（元）") == Field::ignore));
    BOOST_TEST((form::match_label("市县(区)财政资 金") == Field::local));
    BOOST_TEST((form::match_label("市县（区）财政资金") == Field::local));
    BOOST_TEST((form::match_label("其中：中央财政资金") == Field::central));
    BOOST_TEST((form::match_label("实施期资金总额：") == Field::total_period));
    BOOST_TEST((form::match_label("保证项目实施的制度、措施") == Field::safeguards));
    BOOST_TEST((form::match_label("填报日期:") == Field::filed));
    BOOST_TEST((form::match_label("车管所采暖费") == Field::none));
    BOOST_TEST((form::match_label("数量指标") == Field::none));
    // The length short-cut: the longest labels, spaced out, still match; a long
    // value that merely starts with a label's words does not.
    BOOST_TEST((form::match_label("其中：市 县 （ 区 ） 财 政 资 金 ：") == Field::local));
    BOOST_TEST((form::match_label("保　证　项　目　实　施　的　制　度　、　措　施　：") == Field::safeguards));
    BOOST_TEST((form::match_label("项目概况：本项目用于支付车管所冬季采暖费用，保障办公场所正常运转和群众办事环境") ==
                Field::none));
    BOOST_TEST(form::is_form_title("忻州市市级预算部门（单位）项目支出绩效目标申报表"));
    BOOST_TEST(!form::is_form_title("2、绩效目标情况(附表说明)"));
}

BOOST_AUTO_TEST_CASE(glued_amount_and_label_are_split) {
    const Line l = L({{"6,630,000年度资金总额：", 300}}, 10);
    const auto toks = form::tokenize(l);
    BOOST_TEST_REQUIRE(toks.size() == 2u);
    BOOST_TEST(toks[0].text == "6,630,000");
    BOOST_TEST((toks[0].label == form::Field::none));
    BOOST_TEST((toks[1].label == form::Field::total_annual));
    BOOST_TEST(toks[0].box.x1 <= toks[1].box.x0 + 1e-9);
}

BOOST_AUTO_TEST_CASE(form_head_and_funds) {
    Document d;
    read_forms({form_page(22, "车管所采暖费", "450,000", "300,000")}, d, false);
    BOOST_TEST_REQUIRE(d.performance_forms.size() == 1u);
    const Form& f = d.performance_forms[0];
    BOOST_TEST(f.title == "某市市级预算部门(单位)项目支出绩效目标申报表");
    BOOST_TEST(*f.year == 2023);
    BOOST_TEST(*f.project == "车管所采暖费");
    BOOST_TEST(*f.department == "118-某市公安局");
    BOOST_TEST(*f.implementer == "某市交警支队");
    BOOST_TEST(*f.attribute == "一次性项目(1年结束)");
    BOOST_TEST(*f.duration == "1年");
    BOOST_TEST(*f.period_funds.total == "450000");
    BOOST_TEST(*f.annual_funds.total == "300000");
    BOOST_TEST(*f.period_funds.central == "0");
    BOOST_TEST(*f.annual_funds.provincial == "0");
    BOOST_TEST(*f.period_funds.local == "450000");  // label split by a space
    BOOST_TEST(*f.annual_funds.local == "300000");
    BOOST_TEST(*f.annual_funds.self_raised == "0");
    BOOST_TEST(!f.period_funds.other.has_value());
    BOOST_TEST(!f.annual_funds.other.has_value());
    BOOST_TEST(*f.overview == "概况文字。");
    BOOST_TEST(*f.basis == "请示报告");
    BOOST_TEST(*f.necessity == "必要。");
    BOOST_TEST(*f.safeguards == "专款专用。");
    BOOST_TEST(*f.plan == "2023年完成。");
    BOOST_TEST(*f.goal_period == "实施期目标文字");
    BOOST_TEST(*f.goal_annual == "年度目标文字");
    BOOST_TEST(!f.responsible.has_value());
    BOOST_TEST(*f.handler == "张三");
    BOOST_TEST(*f.phone == "13300000000");
    BOOST_TEST(*f.filed == "20230131102608");
    BOOST_TEST((f.pages == std::vector<int>{22}));
}

BOOST_AUTO_TEST_CASE(indicator_grid_with_centred_merged_labels) {
    Document d;
    read_forms({form_page(5, "P", "1", "1")}, d, false);
    BOOST_TEST_REQUIRE(d.performance_forms.size() == 1u);
    const auto& ind = d.performance_forms[0].indicators;
    // 4 rows × 2 sides; the 经济效益指标 placeholder emits nothing.
    BOOST_TEST_REQUIRE(ind.size() == 8u);
    BOOST_TEST(ind[0].scope == "period");
    BOOST_TEST(ind[1].scope == "annual");
    BOOST_TEST(*ind[0].name == "甲");
    BOOST_TEST(*ind[0].level2 == "数量指标");
    BOOST_TEST(*ind[0].level1 == "产出指标");
    BOOST_TEST(*ind[2].name == "乙乙乙乙");
    BOOST_TEST(*ind[3].name == "乙乙");
    BOOST_TEST(*ind[2].level2 == "数量指标");  // below its centred label
    BOOST_TEST(*ind[4].level2 == "质量指标");
    BOOST_TEST(*ind[4].level1 == "产出指标");
    BOOST_TEST(*ind[6].name == "丁");
    BOOST_TEST(*ind[6].level2 == "社会效益指标");
    BOOST_TEST(*ind[6].level1 == "效益指标");
    BOOST_TEST(*ind[7].value == "提高");
}

BOOST_AUTO_TEST_CASE(text_grid_labels_apply_downward_and_mirror_repairs_shift) {
    using form::GridCol;
    std::vector<form::GridCell> cells;
    auto add = [&](int line, int col, GridCol c, const std::string& t) {
        form::GridCell g;
        g.col = c;
        g.text = t;
        g.box = {double(col), double(line), double(col) + 1, double(line) + 1};
        g.line = line;
        cells.push_back(g);
    };
    add(0, 1, GridCol::level1, "产出指标");
    add(0, 2, GridCol::p_level2, "成本指标");
    add(0, 3, GridCol::p_name, "单位成本(每名");
    add(0, 4, GridCol::p_value, "300元");
    add(0, 5, GridCol::a_level2, "成本指标");
    add(0, 6, GridCol::a_name, "单位成本(");
    add(0, 7, GridCol::a_value, "300元");
    // Slid two columns to the left by the extraction.
    add(1, 1, GridCol::level1, "单位成本(每案");
    add(1, 3, GridCol::p_name, "100元");
    add(1, 4, GridCol::p_value, "单位成本(");
    add(1, 6, GridCol::a_name, "100元");
    bool lossy = false;
    std::string why;
    const auto ind = form::read_grid(cells, false, &lossy, &why);
    BOOST_TEST_REQUIRE(ind.size() == 4u);
    BOOST_TEST(*ind[2].name == "单位成本(每案");
    BOOST_TEST(*ind[2].value == "100元");
    BOOST_TEST(*ind[2].level1 == "产出指标");
    BOOST_TEST(*ind[2].level2 == "成本指标");
    BOOST_TEST(*ind[3].name == "单位成本(");
    BOOST_TEST(*ind[3].level2 == "成本指标");
    BOOST_TEST(lossy);
    BOOST_TEST(!why.empty());
}

BOOST_AUTO_TEST_CASE(repeated_and_cut_fragments_are_read_separately) {
    Page a = form_page(1, "A项目", "10", "10");
    Page b = form_page(2, "A项目", "10", "10");
    b.lines.resize(8);  // cut off inside the funds block
    Document d;
    read_forms({a, b}, d, false);
    BOOST_TEST_REQUIRE(d.performance_forms.size() == 2u);
    BOOST_TEST(d.performance_forms[1].indicators.empty());
    BOOST_TEST(*d.performance_forms[1].annual_funds.total == "10");
    BOOST_TEST((d.performance_forms[1].pages == std::vector<int>{2}));
}
