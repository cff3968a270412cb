// Table grammar on small constructed inputs (tab-separated text, the same page
// model the PDF reader produces): titles, 单位 lines, headers, wrapped names,
// blank amount columns, two-sided lines.
#define BOOST_TEST_MODULE table_grammar
#include <boost/test/unit_test.hpp>

#include "page_support.hpp"

#include "recognize/patterns.hpp"
#include "recognize/recognize.hpp"
#include "recognize/table_locator.hpp"
#include "source/blocks.hpp"
#include "source/line_builder.hpp"
#include "validate/consistency.hpp"

#include <budgetdoc/extract.hpp>

using namespace budgetdoc;

namespace {

Document extract_text(const std::string& text) {
    Options o;
    o.kind = InputKind::text;
    auto r = extract_memory(text, "constructed.txt", o);
    BOOST_REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().describe()));
    return r.value();
}

std::string id_of(const std::string& title) {
    const auto* cs = recognize::match_title(title);
    return cs ? cs->spec->id : "";
}

}  // namespace

BOOST_AUTO_TEST_CASE(titles_with_and_without_year_and_labels) {
    BOOST_TEST(id_of("2023年预算收支总表") == "income_expenditure_summary");
    BOOST_TEST(id_of("预算收支总表") == "income_expenditure_summary");
    BOOST_TEST(id_of("预算公开表1 2023年预算收入总表") == "income_summary");
    BOOST_TEST(id_of("2023年一般公共预算支出预算表（不含上年结转）") == "general_budget_expenditure");
    BOOST_TEST(id_of("2023年一般公共预算支出预算表(不含上年结转)") == "general_budget_expenditure");
    BOOST_TEST(id_of("2023年度财政拨款收支总表") == "fiscal_grant_summary");
    BOOST_TEST(id_of("2023年一般公共预算“三公”经费支出预算表") == "three_public");
    BOOST_TEST(id_of("2023年项目支出预算表（本年预算）") == "project_current");
    BOOST_TEST(id_of("2023年项目支出预算表（上年结转）") == "project_carryover");
    BOOST_TEST(id_of("2023年国有资本经营预算收支预算表（不含上年结转）") == "state_capital");
    BOOST_TEST(id_of("一、2018年度江苏省高级人民法院收支预算总表") == "income_expenditure_summary");
    BOOST_TEST(id_of("2023年政府采购预算表") == "");
    BOOST_TEST(id_of("2024年预算单位财务收支预算总表") == "income_expenditure_summary");
    BOOST_TEST(id_of("2025年部门一般公共预算支出功能分类预算表") == "general_budget_expenditure");
    BOOST_TEST(id_of("2025年部门一般公共预算基本支出部门预算经济分类预算表") == "basic_by_economic");
    // A combined table is none of the 13, even though it ends like one.
    BOOST_TEST(id_of("2025年部门“三公”经费和机关运行经费预算表") == "");
    BOOST_TEST(recognize::is_toc_line("2023年预算收支总表.....2"));
}

BOOST_AUTO_TEST_CASE(unit_lines_in_both_layouts) {
    std::string u;
    BOOST_TEST(RE2::PartialMatch("单位:万元", recognize::unit_line(), &u));
    BOOST_TEST(u == "万元");
    BOOST_TEST(RE2::PartialMatch("单位名称:某某局 单位:元", recognize::unit_line(), &u));
    BOOST_TEST(u == "元");
    BOOST_TEST(!RE2::PartialMatch("单位名称:某某局", recognize::unit_line(), &u));
    std::string name;
    BOOST_TEST(RE2::FullMatch("单位名称:某某局 单位:元", recognize::unit_name_line(), &name));
    BOOST_TEST(name == "某某局");
    // Both on one printed line: the table still gets its unit.
    Document d = extract_text(
        "2023年预算支出总表\n单位名称：某某局\t单位：元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
        "201\t一般公共服务支出\t10.00\t10.00\t\n");
    BOOST_REQUIRE(d.table("expenditure_summary"));
    BOOST_TEST(d.table("expenditure_summary")->unit == "元");
    BOOST_TEST(d.unit.value_or("") == "某某局");
}

BOOST_AUTO_TEST_CASE(header_split_over_two_lines_and_blank_columns) {
    Document d = extract_text(
        "2023年预算收入总表\n单位：万元\n"
        "项目\t\t本年收入\t\t\t\t\t\t上年结转\n"
        "科目编码\t科目名称\t合计\t一般公共预算\t政府性基金\t国有资本经营预算\t财政专户管理资金\t单位资金\t\n"
        "\t合计\t9,784.70\t9,000.00\t\t\t\t784.70\t\n"
        "204\t公共安全支出\t9,385.68\t\t\t\t\t\t9,385.68\n");
    const Table* t = d.table("income_summary");
    BOOST_REQUIRE(t);
    BOOST_REQUIRE_EQUAL(t->rows.size(), 2u);
    BOOST_TEST(!t->rows[0].get("code"));
    BOOST_TEST(t->rows[0].get("name").value_or("") == "合计");
    BOOST_TEST(t->rows[0].get("total").value_or("") == "9784.70");
    BOOST_TEST(!t->rows[0].get("gov_fund"));
    BOOST_TEST(t->rows[0].get("unit_funds").value_or("") == "784.70");
    BOOST_TEST(t->rows[1].get("code").value_or("") == "204");
    BOOST_TEST(!t->rows[1].get("general_budget"));
    BOOST_TEST(t->rows[1].get("carryover").value_or("") == "9385.68");
}

BOOST_AUTO_TEST_CASE(wrapped_name_joins_previous_row) {
    Document d = extract_text(
        "2023年预算支出总表\n单位：万元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
        "合计\t\t6.00\t\t6.00\n"
        "2130599\t其他巩固脱贫攻坚成果\t6.00\t\t6.00\n"
        "\t衔接乡村振兴支出\t\t\t\n");
    const Table* t = d.table("expenditure_summary");
    BOOST_REQUIRE(t);
    BOOST_REQUIRE_EQUAL(t->rows.size(), 2u);
    BOOST_TEST(t->rows[0].get("name").value_or("") == "合计");  // merged 合计 → name
    BOOST_TEST(t->rows[1].get("name").value_or("") == "其他巩固脱贫攻坚成果衔接乡村振兴支出");
    BOOST_TEST(!t->rows[1].get("basic"));
}

BOOST_AUTO_TEST_CASE(two_sided_line_with_an_empty_side) {
    Document d = extract_text(
        "2023年预算收支总表\n单位：万元\n收入\t\t支出\t\t\t\n"
        "项目\t2023年\t项目\t2023年合计\t当年预算安排\t上年结转安排\n"
        "一、一般公共预算\t100.00\t一、一般公共服务支出\t\t\t\n"
        "\t\t二、外交支出\t100.00\t100.00\t\n"
        "本年收入合计\t100.00\t本年支出合计\t100.00\t100.00\t\n");
    const Table* t = d.table("income_expenditure_summary");
    BOOST_REQUIRE(t);
    BOOST_TEST(t->two_sided);
    BOOST_REQUIRE_EQUAL(t->income.size(), 2u);  // the line with an empty income side adds nothing
    BOOST_REQUIRE_EQUAL(t->expenditure.size(), 3u);
    BOOST_TEST(t->income[1].get("item").value_or("") == "本年收入合计");
    BOOST_TEST(t->expenditure[0].get("item").value_or("") == "一、一般公共服务支出");
    BOOST_TEST(!t->expenditure[0].get("total"));
    BOOST_TEST(t->expenditure[1].get("current_year").value_or("") == "100.00");
}

BOOST_AUTO_TEST_CASE(no_data_table_and_column_numbers) {
    Document d = extract_text(
        "2023年项目支出预算表（上年结转）\n单位：万元\n项目名称\t合计\t一般公共预算\t政府性基金预算\t国有资本经营预算\n"
        "1\t2\t3\t4\t5\n注：本表无数据\n"
        "2023年项目支出预算表（本年预算）\n单位：万元\n项目名称\t合计\t一般公共预算\t政府性基金预算\t国有资本经营预算\t财政专户管理资金\t单位资金\n"
        "1\t2\t3\t4\t5\t6\t7\n某项目\t1.00\t1.00\t\t\t\t\n");
    const Table* carry = d.table("project_carryover");
    BOOST_REQUIRE(carry);
    BOOST_TEST(carry->no_data);
    BOOST_TEST(carry->rows.empty());
    const Table* cur = d.table("project_current");
    BOOST_REQUIRE(cur);
    BOOST_TEST(!cur->no_data);
    BOOST_REQUIRE_EQUAL(cur->rows.size(), 1u);
    BOOST_TEST(cur->rows[0].get("name").value_or("") == "某项目");
}

BOOST_AUTO_TEST_CASE(table_of_contents_is_not_a_table) {
    Document d = extract_text(
        "目录\n2023年预算收支总表.....2\n2023年预算支出总表.....3\n"
        "2023年预算支出总表\n单位：万元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n201\t支出\t1.00\t1.00\t\n");
    BOOST_TEST(!d.table("income_expenditure_summary"));
    BOOST_REQUIRE(d.table("expenditure_summary"));
    BOOST_TEST(d.table("expenditure_summary")->rows.size() == 1u);
}

BOOST_AUTO_TEST_CASE(contents_without_dot_leaders_is_a_mention) {
    // A list of titles (no dot leaders) before the tables must neither become
    // empty tables nor hide the real ones.
    Document d = extract_text(
        "一、2023年预算支出总表\n二、2023年预算收入总表\n"
        "2023年预算支出总表\n单位：万元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n201\t支出\t1.00\t1.00\t\n");
    BOOST_REQUIRE(d.table("expenditure_summary"));
    BOOST_TEST(d.table("expenditure_summary")->rows.size() == 1u);
    BOOST_TEST(!d.table("income_summary"));
    for (const auto& g : d.diagnostics) BOOST_TEST(g.code != "duplicate_table");
}

BOOST_AUTO_TEST_CASE(unknown_titled_table_goes_to_other_tables) {
    Document d = extract_text(
        "2023年预算支出总表\n单位：万元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n201\t支出\t1.00\t1.00\t\n"
        "某某局政府购买服务指导性目录\n代码\t一级目录\t二级目录\n036B\t社会管理性服务\t\n036B01\t\t公共公益性宣传\n"
        "代码\t一级目录\t二级目录\n036D\t技术性服务\t\n"
        "以上目录自公布之日起执行。\n");
    BOOST_REQUIRE_EQUAL(d.other_tables.size(), 1u);
    const OtherTable& o = d.other_tables[0];
    BOOST_TEST(o.title == "某某局政府购买服务指导性目录");
    BOOST_REQUIRE_EQUAL(o.header.size(), 1u);
    BOOST_TEST(o.header[0][1] == "一级目录");
    BOOST_TEST(o.rows.size() == 3u);  // the repeated header row is not a row; the sentence ends the table
}

namespace {

Cell cell_at(const std::string& text, double x0, double x1, double y0, double fs) {
    Cell c;
    c.raw = c.text = text;
    c.box = {x0, y0, x1, y0 + fs * 1.3};
    c.font_size = fs;
    return c;
}

Line line_of(std::vector<Cell> cells) {
    Line l;
    l.page = 1;
    l.cells = std::move(cells);
    l.box = l.cells.front().box;
    for (const auto& c : l.cells) {
        l.box.x0 = std::min(l.box.x0, c.box.x0);
        l.box.x1 = std::max(l.box.x1, c.box.x1);
        l.box.y1 = std::max(l.box.y1, c.box.y1);
    }
    return l;
}

}  // namespace

// An Excel sheet (Jiangsu 2019) prints its header words and the 合计 label larger
// than the figures and double-spaces its rows: the header rows, the 合计 row and
// every body row are still one block with one set of columns; the title (a size
// no row of figures uses) still breaks the block.
BOOST_AUTO_TEST_CASE(larger_header_font_and_double_spaced_rows_stay_one_block) {
    Page p;
    p.number = 1;
    p.lines.push_back(line_of({cell_at("财政拨款收支预算总表", 300, 560, 80, 20)}));
    p.lines.push_back(line_of({cell_at("收入", 226, 260, 160, 13), cell_at("支出", 591, 625, 160, 13)}));
    p.lines.push_back(line_of({cell_at("项目名称", 130, 199, 216, 13), cell_at("金额", 328, 362, 216, 13),
                               cell_at("项目名称", 495, 564, 216, 13), cell_at("金额", 697, 731, 216, 13)}));
    p.lines.push_back(line_of({cell_at("一、一般公共预算", 64, 145, 274, 7.8), cell_at("13,297.11", 376, 422, 274, 7.8),
                               cell_at("一、基本支出", 425, 486, 274, 7.8), cell_at("6,442.75", 750, 791, 274, 7.8)}));
    p.lines.push_back(line_of({cell_at("二、政府性基金预算", 64, 155, 311, 7.8), cell_at("二、项目支出", 425, 486, 311, 7.8),
                               cell_at("4,968.34", 750, 791, 311, 7.8)}));
    p.lines.push_back(line_of({cell_at("三、单位预留机动经费", 425, 526, 348, 7.8), cell_at("1,886.02", 750, 791, 348, 7.8)}));
    p.lines.push_back(line_of({cell_at("收入合计", 130, 199, 381, 13), cell_at("13,297.11", 376, 422, 384, 7.8),
                               cell_at("支出合计", 495, 564, 381, 13), cell_at("13,297.11", 745, 791, 384, 7.8)}));
    source::ContinuationState state;
    source::assign_page_columns(p, state);
    const auto col = [&](size_t line, size_t cell) { return p.lines[line].cells[cell].column; };
    // Body rows share the columns, whatever the gap between them.
    BOOST_TEST(col(3, 0) == col(4, 0));
    BOOST_TEST(col(3, 2) == col(4, 1));
    BOOST_TEST(col(3, 3) == col(4, 2));
    BOOST_TEST(col(4, 2) == col(5, 1));
    BOOST_TEST(col(3, 3) == col(6, 3));
    // The header rows (larger font) join the body's columns.
    BOOST_TEST(col(2, 3) == col(3, 3));
    BOOST_TEST(col(2, 1) == col(3, 1));
    // The title does not.
    BOOST_TEST(source::is_block_break(p.lines[0], 7.8));
    BOOST_TEST(!source::is_block_break(p.lines[6], 7.8));  // a row of figures never breaks
}

// 国家信访局 财政拨款收支总表: rows printed without figures (政府性基金预算拨款, 国有资本
// 经营预算拨款) and then a gap of several rows before 收入总计: the 总计 row lines up
// with the block's last row of figures, so it is a row of the same block and keeps its
// columns (read apart, its cells were numbered in a column space of their own).
BOOST_AUTO_TEST_CASE(total_row_after_a_gap_below_empty_rows_keeps_the_columns) {
    Page p;
    p.number = 1;
    p.lines.push_back(line_of({cell_at("收入", 211, 260, 145, 10), cell_at("支出", 586, 635, 145, 10)}));
    p.lines.push_back(line_of({cell_at("项目", 149, 169, 166, 10), cell_at("预算数", 339, 369, 166, 10),
                               cell_at("项目", 528, 548, 166, 10), cell_at("预算数", 703, 734, 166, 10)}));
    p.lines.push_back(line_of({cell_at("一、本年收入", 47, 108, 192, 10), cell_at("16,474.82", 380, 426, 192, 10),
                               cell_at("一、本年支出", 437, 497, 192, 10), cell_at("18,728.94", 741, 787, 192, 10)}));
    p.lines.push_back(line_of({cell_at("(一)一般公共预算拨款", 47, 160, 218, 10), cell_at("2,254.12", 384, 426, 218, 10),
                               cell_at("(三)社会保障和就业支出", 437, 558, 218, 10), cell_at("2,208.19", 745, 787, 218, 10)}));
    p.lines.push_back(line_of({cell_at("(二)政府性基金预算拨款", 47, 170, 240, 10)}));
    p.lines.push_back(line_of({cell_at("(三)国有资本经营预算拨款", 47, 180, 262, 10)}));
    p.lines.push_back(line_of({cell_at("收入总计", 109, 160, 456, 10), cell_at("18,728.94", 380, 426, 456, 10),
                               cell_at("支出总计", 539, 590, 456, 10), cell_at("18,728.94", 741, 787, 456, 10)}));
    source::ContinuationState state;
    source::assign_page_columns(p, state);
    const auto col = [&](size_t line, size_t cell) { return p.lines[line].cells[cell].column; };
    for (size_t k = 0; k < 4; ++k) BOOST_TEST(col(6, k) == col(2, k));
}

// A group header set over a column of its own (本年收入 between 项目 and 预算数,
// Shanghai WPS) must not take a field from the column of figures to its right,
// and the expenditure side's fields are reached only through its label column.
BOOST_AUTO_TEST_CASE(group_header_column_takes_no_field) {
    Document d = extract_text(
        "2025年部门财务收支预算总表\n单位：元\n"
        "\t本年收入\t\t\t本年支出\t\n"
        "项目\t\t预算数\t项目\t\t预算数\n"
        "一、财政拨款收入\t\t100.00\t一、一般公共服务支出\t\t60.00\n"
        "二、事业收入\t\t\t二、科学技术支出\t\t40.00\n"
        "收入总计\t\t100.00\t支出总计\t\t100.00\n");
    const Table* t = d.table("income_expenditure_summary");
    BOOST_REQUIRE(t);
    BOOST_REQUIRE_EQUAL(t->income.size(), 3u);
    BOOST_REQUIRE_EQUAL(t->expenditure.size(), 3u);
    BOOST_TEST(t->income[0].get("amount").value_or("") == "100.00");
    BOOST_TEST(t->expenditure[0].get("total").value_or("") == "60.00");
    BOOST_TEST(!t->expenditure[0].get("current_year"));
    BOOST_TEST(t->expenditure[2].get("item").value_or("") == "支出总计");
    BOOST_TEST(t->expenditure[2].get("total").value_or("") == "100.00");
    for (const auto& g : d.diagnostics) BOOST_TEST(g.code != "unmapped_cell");
}

// Jiangsu: the 财政拨款收支预算总表 title page ends after 收入 | 支出; the column
// headers (项目名称 金额, 支出用途 项目名称 金额) follow on the next page.  A single
// 金额 column under the expenditure items is the subtotal, and a total label
// printed across the name and amount columns is the row's label.
BOOST_AUTO_TEST_CASE(header_continued_on_next_page_and_single_amount_column) {
    Document d = extract_text(
        "四、2018年度某某局财政拨款收支预算总表\n单位：万元\n收入\t支出\n\f"
        "\t\t支出用途\t\n项目名称\t金额\t项目名称\t金额\n"
        "一、一般公共预算\t30.00\t一、基本支出\t20.00\n"
        "二、政府性基金预算\t\t二、项目支出\t10.00\n"
        "收入合计\t30.00\t\t支出合计\n");
    const Table* t = d.table("fiscal_grant_summary");
    BOOST_REQUIRE(t);
    BOOST_REQUIRE_EQUAL(t->income.size(), 3u);
    BOOST_REQUIRE_EQUAL(t->expenditure.size(), 3u);
    BOOST_TEST(t->income[0].get("amount").value_or("") == "30.00");
    BOOST_TEST(t->expenditure[0].get("item").value_or("") == "一、基本支出");
    BOOST_TEST(t->expenditure[0].get("subtotal").value_or("") == "20.00");
    BOOST_TEST(t->expenditure[2].get("item").value_or("") == "支出合计");
    for (const auto& g : d.diagnostics) BOOST_TEST((g.code != "unmapped_cell" && g.code != "bad_amount"));
}

// A title wrapped onto a second line (a list of contents without dot leaders,
// Jiangsu 2018) is one title: no other table named after its tail, and the
// wrapped mention of a standard table is no table.
BOOST_AUTO_TEST_CASE(title_wrapped_onto_second_line_is_whole) {
    Document d = extract_text(
        "目录\n九、2018年度某某局“三公”经费、会议费、培训费支\n出预算表\n"
        "十、2018\t年度某某局政府性基金预算财政拨款支出预\n算表\n"
        "十一、2018\t年度某某局一般公共预算机关运行经费支\n出预算表\n"
        "十二、2018年度某某局政府采购支出预算表\n第三部分\t情况说明\n"
        "2023年预算支出总表\n单位：万元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n201\t支出\t1.00\t1.00\t\n");
    for (const auto& o : d.other_tables) BOOST_TEST(o.title != "出预算表");
    BOOST_TEST(d.other_tables.empty());
    BOOST_TEST(!d.table("gov_fund_expenditure"));
    BOOST_TEST(!d.table("admin_operating"));
    BOOST_REQUIRE(d.table("expenditure_summary"));
    BOOST_TEST(d.table("expenditure_summary")->rows.size() == 1u);
}

// Jiangsu prints one amount column, headed 金额: it is the table's total; a
// plain 科目名称 in the basic-spending table is the 部门预算 economic item.
BOOST_AUTO_TEST_CASE(single_amount_column_headed_jine_is_the_total) {
    Document d = extract_text(
        "一般公共预算支出预算表（功能科目）\n单位：万元\n功能科目编码\t功能科目名称\t金额\n"
        "\t合计\t3.00\n201\t一般公共服务支出\t3.00\n"
        "一般公共预算基本支出预算表（经济科目）\n单位：万元\n科目编码\t科目名称\t金额\n"
        "\t合计\t2.00\n301\t工资福利支出\t2.00\n");
    const Table* g = d.table("general_budget_expenditure");
    BOOST_REQUIRE(g);
    BOOST_REQUIRE_EQUAL(g->rows.size(), 2u);
    BOOST_TEST(g->rows[1].get("code").value_or("") == "201");
    BOOST_TEST(g->rows[1].get("total").value_or("") == "3.00");
    const Table* b = d.table("basic_by_economic");
    BOOST_REQUIRE(b);
    BOOST_TEST(!b->no_data);
    BOOST_REQUIRE_EQUAL(b->rows.size(), 2u);
    BOOST_TEST(b->rows[1].get("dept_item").value_or("") == "工资福利支出");
    BOOST_TEST(b->rows[1].get("total").value_or("") == "2.00");
}

namespace {

int count_code(const Document& d, const std::string& code) {
    int n = 0;
    for (const auto& g : d.diagnostics) n += g.code == code;
    return n;
}

}  // namespace

// A table titled as one of the 13 but printed in another shape (Jiangsu's 收入预算总表:
// a vertical list of income sources under 项目名称 | 金额) maps no amount column:
// it is kept whole in other_tables, with a diagnostic saying why, instead of a
// standard table with names only and every amount an unmapped cell.
BOOST_AUTO_TEST_CASE(table_of_another_shape_goes_to_other_tables) {
    Document d = extract_text(
        "一、2018年度某某局支出预算总表\n单位：万元\n合计\t基本支出\t项目支出\n1.00\t1.00\t\n"
        "二、2018年度某某局收入预算总表\n单位：万元\n"
        "项目名称\t\t金额\n"
        "\t收入总计\t33,172.15\n"
        "一般公共预算资金\t公共财政拨款(补助)资金\t33,172.15\n"
        "\t专项收入\t\n"
        "其他资金\t事业收入\t\n"
        "三、2018年度某某局一般公共预算机关运行经费支出预算表\n单位：万元\n"
        "科目编码\t科目名称\t机关运行经费支出\n"
        "\t合计\t3,407.38\n"
        "302\t商品和服务支出\t3,407.38\n");
    BOOST_TEST(!d.table("income_summary"));
    // The 机关运行经费 table listed by 科目 is admin_operating (the real files'
    // outlines read it so): 科目名称 is its label, 机关运行经费支出 its total.
    const Table* ao = d.table("admin_operating");
    BOOST_REQUIRE(ao);
    BOOST_REQUIRE_EQUAL(ao->rows.size(), 2u);
    BOOST_TEST(ao->rows[0].get("unit").value_or("") == "合计");
    BOOST_TEST(ao->rows[0].get("total").value_or("") == "3407.38");
    BOOST_REQUIRE_EQUAL(d.other_tables.size(), 1u);
    const OtherTable& o = d.other_tables[0];
    BOOST_TEST(o.title == "二、2018年度某某局收入预算总表");
    BOOST_TEST(o.unit == "万元");
    BOOST_REQUIRE_EQUAL(o.header.size(), 1u);
    BOOST_TEST(o.header[0][2] == "金额");
    BOOST_REQUIRE_EQUAL(o.rows.size(), 4u);
    BOOST_TEST(o.rows[1][2] == "33,172.15");
    BOOST_TEST(count_code(d, "not_standard_table") == 1);
    BOOST_TEST(count_code(d, "unmapped_cell") == 0);
    // The standard shape with an empty body stays the standard table.
    Document e = extract_text(
        "2023年预算收入总表\n单位：万元\n科目编码\t科目名称\t合计\t一般公共预算\n\t合计\t\t\n");
    BOOST_TEST(e.table("income_summary"));
}

// Printed columns the contract has no field for become extra row keys (emitted only
// where printed): Shanghai's 收入预算总表 prints 财政拨款收入, 事业收入, 事业单位经营收入,
// 其他收入 — each its own key, none overwriting another; Jiangsu's 支出预算总表 prints
// 单位预留机动经费 and 结转下年资金.
BOOST_AUTO_TEST_CASE(printed_columns_without_contract_field_are_extra_keys) {
    Document d = extract_text(
        "2024年预算单位收入预算总表\n单位：元\n"
        "科目编码\t科目名称\t合计\t财政拨款收入\t事业收入\t事业单位经营收入\t其他收入\n"
        "208\t社会保障和就业支出\t100\t60\t30\t4\t6\n"
        "\t合计\t100\t60\t30\t4\t6\n"
        "2024年预算支出总表\n单位：万元\n"
        "合计\t基本支出\t项目支出\t单位预留机动经费\t结转下年资金\n"
        "33,172.15\t18,570.82\t11,343.27\t3,258.06\t\n");
    const Table* t = d.table("income_summary");
    BOOST_REQUIRE(t);
    BOOST_REQUIRE_EQUAL(t->rows.size(), 2u);
    const Record& r = t->rows[0];
    BOOST_TEST(r.get("fiscal_grant").value_or("") == "60");
    BOOST_TEST(r.get("service_income").value_or("") == "30");
    BOOST_TEST(r.get("operating_income").value_or("") == "4");
    BOOST_TEST(r.get("other_income").value_or("") == "6");
    BOOST_TEST(!r.get("unit_funds"));
    const Table* e = d.table("expenditure_summary");
    BOOST_REQUIRE(e);
    BOOST_REQUIRE_EQUAL(e->rows.size(), 1u);
    BOOST_TEST(e->rows[0].get("reserve").value_or("") == "3258.06");
    BOOST_TEST(e->rows[0].has("carry_forward"));
    BOOST_TEST(count_code(d, "unmapped_cell") == 0);
    BOOST_TEST(count_code(d, "sum_mismatch") == 0);
    // An extra key is not emitted where its column is not printed.
    Document s = extract_text(
        "2023年预算支出总表\n单位：万元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n201\t支出\t1.00\t1.00\t\n");
    BOOST_REQUIRE(s.table("expenditure_summary"));
    BOOST_TEST(!s.table("expenditure_summary")->rows[0].has("reserve"));
}

// Shanghai's 基本支出经济分类预算表 prints the economic 科目编码 (类/款) and only the
// 部门 科目名称: the code is an extra key, and the 合计 label stays the 部门 item when no
// 政府预算经济科目 column is printed.
BOOST_AUTO_TEST_CASE(economic_code_and_total_label_without_gov_item_column) {
    Document d = extract_text(
        "2025年部门一般公共预算基本支出部门预算经济分类预算表\n单位：元\n"
        "类\t款\t经济分类科目名称\t合计\t人员经费\t公用经费\n"
        "301\t\t工资福利支出\t10.00\t10.00\t\n"
        "301\t01\t基本工资\t10.00\t10.00\t\n"
        "\t合计\t\t10.00\t10.00\t\n");
    const Table* t = d.table("basic_by_economic");
    BOOST_REQUIRE(t);
    BOOST_REQUIRE_EQUAL(t->rows.size(), 3u);
    BOOST_TEST(t->rows[1].get("code").value_or("") == "30101");
    BOOST_TEST(t->rows[1].get("dept_item").value_or("") == "基本工资");
    BOOST_TEST(t->rows[2].get("dept_item").value_or("") == "合计");
    BOOST_TEST(!t->rows[2].get("gov_item"));
}

// Shanghai WPS 财务收支预算总表: a list number printed as its own text run ("1." then
// "一般公共预算资金", a gap wider than the cell gap) lands in the item column with its
// item: one cell, not two cells under one column index.
BOOST_AUTO_TEST_CASE(list_number_and_item_in_one_band_are_one_cell) {
    Page p;
    p.number = 1;
    p.lines.push_back(line_of({cell_at("项目", 100, 130, 100, 10), cell_at("预算数", 250, 280, 100, 10),
                               cell_at("项目", 380, 410, 100, 10), cell_at("预算数", 550, 580, 100, 10)}));
    p.lines.push_back(line_of({cell_at("一、财政拨款收入", 60, 140, 120, 10), cell_at("371,514,655.00", 220, 290, 120, 10),
                               cell_at("一、一般公共服务支出", 330, 430, 120, 10), cell_at("21,601,733.00", 520, 590, 120, 10)}));
    p.lines.push_back(line_of({cell_at("1.", 60, 68, 140, 10), cell_at("一般公共预算资金", 80, 160, 140, 10),
                               cell_at("371,514,655.00", 220, 290, 140, 10), cell_at("二、科学技术支出", 330, 410, 140, 10),
                               cell_at("17,200,000.00", 520, 590, 140, 10)}));
    p.lines.push_back(line_of({cell_at("2.", 60, 68, 160, 10), cell_at("政府性基金", 80, 130, 160, 10),
                               cell_at("三、社会保障和就业支出", 330, 440, 160, 10), cell_at("3,808,085.00", 520, 590, 160, 10)}));
    p.lines.push_back(line_of({cell_at("二、事业收入", 60, 120, 170, 10), cell_at("四、卫生健康支出", 330, 410, 170, 10),
                               cell_at("881,803.00", 540, 590, 170, 10)}));
    p.lines.push_back(line_of({cell_at("三、事业单位经营收入", 60, 160, 175, 10), cell_at("五、住房保障支出", 330, 410, 175, 10),
                               cell_at("2,849,034.00", 530, 590, 175, 10)}));
    p.lines.push_back(line_of({cell_at("四、其他收入", 60, 120, 178, 10), cell_at("六、其他支出", 330, 390, 178, 10),
                               cell_at("1.00", 570, 590, 178, 10)}));
    p.lines.push_back(line_of({cell_at("收入总计", 90, 130, 180, 10), cell_at("371,514,655.00", 220, 290, 180, 10),
                               cell_at("支出总计", 360, 400, 180, 10), cell_at("371,514,655.00", 520, 590, 180, 10)}));
    source::ContinuationState state;
    source::assign_page_columns(p, state);
    BOOST_REQUIRE_EQUAL(p.lines[2].cells.size(), 4u);
    BOOST_TEST(p.lines[2].cells[0].text == "1.一般公共预算资金");
    BOOST_TEST(p.lines[2].cells[0].column == p.lines[1].cells[0].column);
    BOOST_TEST(p.lines[2].cells[1].column == p.lines[1].cells[1].column);
    BOOST_REQUIRE_EQUAL(p.lines[3].cells.size(), 3u);
    BOOST_TEST(p.lines[3].cells[0].text == "2.政府性基金");
    // The 总计 line keeps the body's columns.
    for (size_t k = 0; k < 4; ++k) BOOST_TEST(p.lines[7].cells[k].column == p.lines[1].cells[k].column);
}

// Jiangsu code tables: the 科目编码 digits are printed flush left and their header
// is centred over a column much wider than the codes, clear of them.  The codes
// read as amounts, but their shared left edge marks a left-aligned column: the
// header joins the codes (not a band of its own leaving the codes unmapped), and
// 金额, centred over its flush-right figures, joins the figures.
BOOST_AUTO_TEST_CASE(code_header_centred_over_flush_left_codes_joins_them) {
    Page p;
    p.number = 1;
    p.lines.push_back(line_of({cell_at("功能科目编码", 139, 242.4, 100, 10), cell_at("功能科目名称", 365.4, 468.8, 100, 10),
                               cell_at("金额", 626.3, 660.7, 100, 10)}));
    p.lines.push_back(line_of({cell_at("合计", 400, 434.3, 115, 10), cell_at("13,297.11", 709.7, 755, 115, 10)}));
    p.lines.push_back(line_of({cell_at("201", 79.5, 94.6, 130, 10), cell_at("一般公共服务支出", 305.9, 386.5, 130, 10),
                               cell_at("10,191.56", 709.7, 755, 130, 10)}));
    p.lines.push_back(line_of({cell_at("20102", 79.5, 104.7, 145, 10), cell_at("政协事务", 305.9, 346.2, 145, 10),
                               cell_at("10,191.56", 709.7, 755, 145, 10)}));
    p.lines.push_back(line_of({cell_at("2010201", 79.5, 114.7, 160, 10), cell_at("行政运行", 305.9, 346.2, 160, 10),
                               cell_at("5,223.22", 714.7, 755, 160, 10)}));
    p.lines.push_back(line_of({cell_at("2080505", 79.5, 114.7, 175, 10),
                               cell_at("机关事业单位基本养老保险缴费", 305.9, 446.0, 175, 10),
                               cell_at("426.00", 724.8, 755, 175, 10)}));
    source::ContinuationState state;
    source::assign_page_columns(p, state);
    const auto col = [&](size_t line, size_t cell) { return p.lines[line].cells[cell].column; };
    BOOST_TEST(col(0, 0) == col(2, 0));  // 功能科目编码 over the codes
    BOOST_TEST(col(0, 1) == col(2, 1));  // 功能科目名称 over the names
    BOOST_TEST(col(0, 2) == col(2, 2));  // 金额 over the figures
    BOOST_TEST(col(1, 0) == col(2, 1));  // 合计 in the name column
    BOOST_TEST(col(2, 2) == 2);          // three columns, none of them a header's own
}

// A short table (Jiangsu 2018, five rows on the title page) prints 合计 centred
// under 功能科目名称, clear of the short flush-left names: the names and the label
// are two bands that never share a row, both under that one header.  They are one
// column; otherwise the header takes the label's band and the names are unmapped.
BOOST_AUTO_TEST_CASE(centred_total_label_and_flush_left_names_are_one_column) {
    Page p;
    p.number = 1;
    p.lines.push_back(line_of({cell_at("功能科目代码", 95.7, 155.9, 100, 10), cell_at("功能科目名称", 273.3, 333.5, 100, 10),
                               cell_at("金额", 467.0, 487.1, 100, 10)}));
    p.lines.push_back(line_of({cell_at("合计", 293.3, 313.4, 115, 10), cell_at("33,172.15", 486.9, 531.9, 115, 10)}));
    p.lines.push_back(line_of({cell_at("204", 67, 82, 130, 10), cell_at("公共安全支出", 195.4, 255.3, 130, 10),
                               cell_at("26,200.88", 486.9, 531.9, 130, 10)}));
    p.lines.push_back(line_of({cell_at("20405", 67, 92, 145, 10), cell_at("法院", 195.4, 215.3, 145, 10),
                               cell_at("26,200.88", 486.9, 531.9, 145, 10)}));
    p.lines.push_back(line_of({cell_at("2040501", 67, 102, 160, 10), cell_at("行政运行", 195.4, 235.3, 160, 10),
                               cell_at("14,857.61", 486.9, 531.9, 160, 10)}));
    p.lines.push_back(line_of({cell_at("2040502", 67, 102, 175, 10), cell_at("一般行政管理事务", 195.4, 275.3, 175, 10),
                               cell_at("6,049.97", 492.0, 531.9, 175, 10)}));
    source::ContinuationState state;
    source::assign_page_columns(p, state);
    const auto col = [&](size_t line, size_t cell) { return p.lines[line].cells[cell].column; };
    BOOST_TEST(col(0, 0) == col(2, 0));
    BOOST_TEST(col(0, 1) == col(2, 1));
    BOOST_TEST(col(1, 0) == col(2, 1));  // 合计 in the name column
    BOOST_TEST(col(0, 2) == col(2, 2));
    BOOST_TEST(col(2, 2) == 2);
}

// Jiangsu 收支预算总表 in three parts: 收入 | 支出 功能分类 | 支出 支出用途.  The 支出用途
// part's item and amount are extra keys (use_item, use_amount) of the expenditure
// line they are printed on, not unmapped cells; the total line's one figure,
// printed at the far right across both expenditure parts, is the side's total.
BOOST_AUTO_TEST_CASE(three_part_income_expenditure_summary_keeps_spending_use) {
    Document d = extract_text(
        "收支预算总表\n单位：万元\n"
        "收入\t\t支出\t\t\t\n"
        "\t\t功能分类\t\t支出用途\t\n"
        "项目名称\t金额\t功能科目名称\t金额\t项目名称\t金额\n"
        "一、财政拨款\t100.00\t一、一般公共服务支出\t70.00\t一、基本支出\t60.00\n"
        "\t\t二、外交支出\t\t二、项目支出\t40.00\n"
        "\t\t三、社会保障和就业支出\t30.00\t\t\n"
        "收入合计\t100.00\t支出合计\t\t\t100.00\n");
    const Table* t = d.table("income_expenditure_summary");
    BOOST_REQUIRE(t);
    BOOST_REQUIRE_EQUAL(t->income.size(), 2u);
    BOOST_REQUIRE_EQUAL(t->expenditure.size(), 4u);
    BOOST_TEST(t->expenditure[0].get("item").value_or("") == "一、一般公共服务支出");
    BOOST_TEST(t->expenditure[0].get("total").value_or("") == "70.00");
    BOOST_TEST(t->expenditure[0].get("use_item").value_or("") == "一、基本支出");
    BOOST_TEST(t->expenditure[0].get("use_amount").value_or("") == "60.00");
    BOOST_TEST(t->expenditure[1].get("use_amount").value_or("") == "40.00");
    BOOST_TEST(!t->expenditure[2].get("use_item"));
    BOOST_TEST(t->expenditure[3].get("item").value_or("") == "支出合计");
    BOOST_TEST(t->expenditure[3].get("total").value_or("") == "100.00");
    BOOST_TEST(!t->expenditure[3].get("use_amount"));
    for (const auto& g : d.diagnostics) BOOST_TEST(g.code != "unmapped_cell");
    // A two-part table prints no 支出用途: no use_item / use_amount keys.
    Document two = extract_text(
        "收支预算总表\n单位：万元\n项目\t金额\t项目\t金额\n"
        "一、财政拨款\t100.00\t一、一般公共服务支出\t100.00\n收入合计\t100.00\t支出合计\t100.00\n");
    BOOST_REQUIRE(two.table("income_expenditure_summary"));
    BOOST_TEST(!two.table("income_expenditure_summary")->expenditure[0].has("use_item"));
}

// Jiangsu 收支预算总表: "三、单位预留机动经费" wraps to a second line ("费") and the
// two lines are centred on their row, printed with the font's leading (wider than
// a tight wrap), the row's other cells between them.  One cell in that row, not
// two one-cell rows around it; stacked values of a form (0 over 0 beside their
// labels) stay apart.
BOOST_AUTO_TEST_CASE(two_line_cell_centred_on_its_row_is_one_cell) {
    const auto word = [](const std::string& t, double x0, double x1, double y0) {
        Word w;
        w.text = t;
        w.box = {x0, y0, x1, y0 + 9};
        w.font_size = 9;
        return w;
    };
    std::vector<Word> words = {
        word("1.一般公共预算", 80.5, 143.7, 390.2), word("33,172.15", 171.1, 211.7, 390.2),
        word("二、外交支出", 222.5, 276.5, 390.2), word("二、项目支出", 406.8, 460.8, 390.2),
        word("11,343.27", 498.5, 539.0, 390.2), word("三、单位预留机动经", 406.8, 487.6, 409.9),
        word("2.政府性基金预算", 80.5, 152.7, 417.7), word("三、国防支出", 222.5, 276.5, 417.7),
        word("3,258.06", 503.0, 539.0, 417.7), word("费", 406.8, 415.8, 425.5),
        word("二、财政专户管理资金", 67.0, 155.8, 445.2), word("四、公共安全支出", 222.5, 294.5, 445.2),
        // A form: two stacked labels, each with its value, beside a group label.
        word("项目资金", 60, 100, 600), word("其中:中央财政资金", 120, 200, 591), word("0", 300, 305, 591),
        word("省级财政资金", 120, 180, 606), word("0", 300, 305, 606)};
    std::vector<Line> lines = source::build_lines(words, 1);
    BOOST_REQUIRE_GE(lines.size(), 4u);
    BOOST_REQUIRE_EQUAL(lines[1].cells.size(), 4u);
    BOOST_TEST(lines[1].cells[0].text == "2.政府性基金预算");
    BOOST_TEST(lines[1].cells[2].text == "三、单位预留机动经费");
    BOOST_TEST(lines[1].cells[3].text == "3,258.06");
    BOOST_TEST(lines[2].cells[0].text == "二、财政专户管理资金");
    // 中央 and 省级 stay two cells, each with its own 0.
    size_t zeros = 0;
    for (const Line& l : lines)
        for (const Cell& c : l.cells) {
            zeros += c.text == "0";
            BOOST_TEST(c.text.find("中央财政资金省级") == std::string::npos);
        }
    BOOST_TEST(zeros == 2u);
}

namespace {

using test::page_of;
using test::PlacedCell;

std::string item_total(const Table& t) {
    std::string s;
    for (const auto& r : t.rows)
        s += r.get("item").value_or(r.get("unit").value_or("?")) + "=" + r.get("total").value_or("-") +
             (r.get("part_of") ? "<" + *r.get("part_of") : "") + ";";
    return s;
}

}  // namespace

// 三公 printed horizontally (Jiangsu): 合计 | “三公”经费 (小计 | 因公出国(境)费 |
// 公务用车购置及运行维护费 (小计 | 购置费 | 运行维护费) | 公务接待费) | 会议费 | 培训费,
// headers wrapped, figures right-aligned, an empty 购置费.  The 三公 小计 is the
// table's 合计; the all-columns total keeps its own row; the explanation after the
// table is not a row.
BOOST_AUTO_TEST_CASE(three_public_printed_horizontally_with_meeting_and_training) {
    // Column centres 100, 200, …, 900 (cells 100 wide).
    std::vector<Page> pages = {page_of({
        {40, {{"“三公”经费、会议费、培训费支出预算表", 300, 600}}},
        {60, {{"部门:某某厅", 50, 150}, {"单位:万元", 800, 850}}},
        {80, {{"“三公”经费", 420, 480}}},
        {100, {{"公务用车购置及运行维护费", 440, 560}}},
        {110, {{"合计", 90, 110}, {"小计", 190, 210}, {"因公出国", 280, 320}, {"公务接待", 680, 720},
               {"会议费", 785, 815}, {"培训费", 885, 915}}},
        {122, {{"(境)费", 285, 315}, {"费", 695, 705}}},
        {130, {{"小计", 390, 410}, {"公务用车", 480, 520}, {"公务用车", 580, 620}}},
        {142, {{"购置费", 485, 515}, {"运行维护费", 575, 625}}},
        {170, {{"2,224.43", 110, 148}, {"660.10", 218, 248}, {"106.00", 318, 348}, {"156.60", 418, 448},
               {"156.60", 618, 648}, {"397.50", 718, 748}, {"1,282.56", 810, 848}, {"281.77", 918, 948}}},
        {200, {{"其他相关情况说明", 300, 400}}},
        {220, {{"一、2019年“三公”经费预算情况说明", 50, 300}}},
    })};
    Document d;
    recognize::read_tables(pages, d, false);
    const Table* t = d.table("three_public");
    BOOST_REQUIRE(t);
    BOOST_TEST(t->unit == "万元");
    BOOST_TEST(item_total(*t) ==
               "合计(“三公”经费、会议费、培训费)=2224.43;合计=660.10<合计(“三公”经费、会议费、培训费);"
               "因公出国(境)费=106.00<合计;公务用车购置及运行维护费=156.60<合计;"
               "公务用车购置费=-<公务用车购置及运行维护费;公务用车运行维护费=156.60<公务用车购置及运行维护费;"
               "公务接待费=397.50<合计;会议费=1282.56<合计(“三公”经费、会议费、培训费);"
               "培训费=281.77<合计(“三公”经费、会议费、培训费);");
    BOOST_TEST(d.other_tables.empty());
    BOOST_TEST(!d.table("admin_operating"));
}

// Shanghai: “三公”经费预算数 over 合计 | 因公出国(境)费 | 公务接待费 | 公务用车购置及运行费
// (小计 | 购置费 | 运行费), then 机关运行经费预算数 — which feeds admin_operating, labelled
// with the printed 编制单位.
BOOST_AUTO_TEST_CASE(three_public_and_admin_operating_printed_horizontally) {
    std::vector<Page> pages = {page_of({
        {40, {{"2025年部门“三公”经费和机关运行经费预算表", 300, 600}}},
        {60, {{"编制部门:某某委员会", 50, 250}, {"单位:万元", 700, 750}}},
        {80, {{"“三公”经费预算数", 300, 400}}},
        {96, {{"公务用车购置及运行费", 440, 560}, {"机关运行经费预算", 652, 748}}},
        {104, {{"合计", 90, 110}, {"因公出国(境)费", 160, 240}, {"公务接待费", 270, 330}, {"数", 695, 705}}},
        {120, {{"小计", 390, 410}, {"购置费", 485, 515}, {"运行费", 585, 615}}},
        {150, {{"1.00", 130, 148}, {"1.00", 330, 348}, {"171.01", 720, 748}}},
        {180, {{"其他相关情况说明", 300, 400}}},
        {200, {{"一、2025年“三公”经费预算情况说明", 50, 300}}},
        {220, {{"2025年“三公”经费预算数为1.00万元,与2024年预算持平。", 50, 500}}},
    })};
    Document d;
    recognize::read_tables(pages, d, false);
    const Table* t = d.table("three_public");
    BOOST_REQUIRE(t);
    // The 机关运行经费 column is a row of the table, labelled as printed, and no
    // part of 合计; no admin_operating table is made of it.
    BOOST_TEST(item_total(*t) ==
               "合计=1.00;因公出国(境)费=-<合计;公务接待费=1.00<合计;公务用车购置及运行费=-<合计;"
               "购置费=-<公务用车购置及运行费;运行费=-<公务用车购置及运行费;机关运行经费预算数=171.01;");
    BOOST_TEST(!d.table("admin_operating"));
    BOOST_TEST(d.other_tables.empty());
    // Printed vertically under the standard title, three_public is read as before.
    Document v = extract_text(
        "2023年一般公共预算“三公”经费支出预算表\n单位：万元\n项目\t合计\t一般公共预算\n"
        "因公出国（境）费\t\t\n公务接待费\t6.00\t6.00\n合计\t6.00\t6.00\n");
    BOOST_REQUIRE(v.table("three_public"));
    BOOST_TEST(item_total(*v.table("three_public")) == "因公出国(境)费=-;公务接待费=6.00;合计=6.00;");
}

// Second classification step (TitleFamily): a title of the family 一般公共预算基本支出
// …表 without the 经济科目 qualifier is basic_by_economic when its header and codes fit
// it and nothing else; otherwise the table stays in other_tables.
BOOST_AUTO_TEST_CASE(family_title_classified_by_header) {
    BOOST_TEST(id_of("八、2018年度江苏省高级人民法院一般公共预算基本支出预算表") == "");
    BOOST_TEST(recognize::match_family("八、2018年度江苏省高级人民法院一般公共预算基本支出预算表"));
    BOOST_TEST(recognize::match_family("2023年一般公共预算财政拨款基本支出表"));
    BOOST_TEST(!recognize::match_family("六、2018年度江苏省高级人民法院财政拨款基本支出预算表"));
    BOOST_TEST(!recognize::match_family("2023年政府采购预算表"));

    // 人员经费 | 公用经费 columns: basic_by_economic.
    Document a = extract_text(
        "2023年某某局一般公共预算基本支出表\n单位：万元\n"
        "科目编码\t科目名称\t合计\t人员经费\t公用经费\n"
        "\t合计\t15.00\t10.00\t5.00\n"
        "301\t工资福利支出\t10.00\t10.00\t\n"
        "302\t商品和服务支出\t5.00\t\t5.00\n");
    const Table* t = a.table("basic_by_economic");
    BOOST_REQUIRE(t);
    BOOST_TEST(t->title == "2023年某某局一般公共预算基本支出表");
    BOOST_TEST(t->unit == "万元");
    BOOST_REQUIRE_EQUAL(t->rows.size(), 3u);
    BOOST_TEST(t->rows[0].get("dept_item").value_or("") == "合计");
    BOOST_TEST(t->rows[1].get("code").value_or("") == "301");
    BOOST_TEST(t->rows[1].get("personnel").value_or("") == "10.00");
    BOOST_TEST(t->rows[2].get("public").value_or("") == "5.00");
    BOOST_TEST(a.other_tables.empty());
    BOOST_TEST(count_code(a, "classified_by_header") == 1);
    BOOST_TEST(count_code(a, "unmapped_cell") == 0);

    // Jiangsu 2018: 科目编码 | 科目名称 | 金额 over economic codes only (the header alone
    // would also fit a 功能 table; the 301… codes say 经济科目).
    Document b = extract_text(
        "八、2018年度某某局一般公共预算基本支出预算表\n单位：万元\n"
        "科目编码\t科目名称\t金额\n"
        "\t合计\t18,570.82\n"
        "301\t工资福利支出\t13,747.87\n"
        "30101\t基本工资\t13,747.87\n"
        "302\t商品和服务支出\t4,822.95\n");
    t = b.table("basic_by_economic");
    BOOST_REQUIRE(t);
    BOOST_REQUIRE_EQUAL(t->rows.size(), 4u);
    BOOST_TEST(t->rows[0].get("total").value_or("") == "18570.82");
    BOOST_TEST(t->rows[2].get("code").value_or("") == "30101");
    BOOST_TEST(t->rows[2].get("dept_item").value_or("") == "基本工资");
    BOOST_TEST(b.other_tables.empty());
}

namespace {

// Text input must hold one of the 13 to be a disclosure: a standard table before
// the table under test.
const std::string kAnchor = "2023年预算支出总表\n单位：万元\n合计\t基本支出\t项目支出\n1.00\t1.00\t\n";

}  // namespace

// A family-titled table whose header does not clearly fit: not read as
// basic_by_economic, kept as printed in other_tables.
void expect_kept_as_other(const Document& d) {
    BOOST_TEST(!d.table("basic_by_economic"));
    BOOST_TEST(d.other_tables.size() == 1u);
}

BOOST_AUTO_TEST_CASE(family_title_kept_when_header_does_not_fit) {
    // 财政拨款基本支出预算表 (all funds): no family, whatever the header.
    Document a = extract_text(kAnchor +
        "六、2018年度某某局财政拨款基本支出预算表\n单位：万元\n"
        "科目编码\t科目名称\t合计\t人员经费\t公用经费\n"
        "\t合计\t15.00\t10.00\t5.00\n"
        "301\t工资福利支出\t10.00\t10.00\t\n"
        "302\t商品和服务支出\t5.00\t\t5.00\n");
    expect_kept_as_other(a);
    BOOST_TEST(count_code(a, "classified_by_header") == 0);

    // Function codes (2…) under 人员经费 | 公用经费: a 功能 table, not basic_by_economic.
    Document b = extract_text(kAnchor +
        "2023年某某局一般公共预算基本支出表\n单位：万元\n"
        "科目编码\t科目名称\t合计\t人员经费\t公用经费\n"
        "\t合计\t15.00\t10.00\t5.00\n"
        "201\t一般公共服务支出\t15.00\t10.00\t5.00\n"
        "20101\t人大事务\t15.00\t10.00\t5.00\n");
    expect_kept_as_other(b);

    // A 功能科目 header rules it out even without codes.
    Document c = extract_text(kAnchor +
        "2023年某某局一般公共预算基本支出表\n单位：万元\n"
        "功能科目名称\t合计\t人员经费\t公用经费\n"
        "合计\t15.00\t10.00\t5.00\n"
        "一般公共服务支出\t15.00\t10.00\t5.00\n");
    expect_kept_as_other(c);

    // No evidence: names and one amount column, no codes — kept.
    Document d = extract_text(kAnchor +
        "2023年某某局一般公共预算基本支出表\n单位：万元\n"
        "科目名称\t金额\n"
        "合计\t15.00\n"
        "工资福利支出\t10.00\n"
        "商品和服务支出\t5.00\n");
    expect_kept_as_other(d);

    // A column the grammar does not know (an unmapped cell) — kept as printed.
    Document e = extract_text(kAnchor +
        "2023年某某局一般公共预算基本支出表\n单位：万元\n"
        "科目编码\t科目名称\t合计\t人员经费\t公用经费\t备注说明\n"
        "301\t工资福利支出\t10.00\t10.00\t\t某某\n"
        "302\t商品和服务支出\t5.00\t\t5.00\t某某\n");
    expect_kept_as_other(e);
    BOOST_TEST(count_code(e, "unmapped_cell") == 0);

    // Already titled by the standard title: the family table is not taken twice.
    Document f = extract_text(
        "2023年一般公共预算基本支出预算表(经济科目)\n单位：万元\n"
        "科目编码\t科目名称\t合计\t人员经费\t公用经费\n"
        "301\t工资福利支出\t10.00\t10.00\t\n"
        "2023年某某局一般公共预算基本支出表\n单位：万元\n"
        "科目编码\t科目名称\t合计\t人员经费\t公用经费\n"
        "302\t商品和服务支出\t5.00\t\t5.00\n");
    BOOST_REQUIRE(f.table("basic_by_economic"));
    BOOST_TEST(f.table("basic_by_economic")->rows.size() == 1u);
    BOOST_TEST(f.other_tables.size() == 1u);
    BOOST_TEST(count_code(f, "duplicate_table") == 0);
}

// An amount field holds an amount or null (records.md Additions): a word run
// into a figure is split off (the tail 计 of a letter-spaced 合　计 joins the
// label), other text is dropped with a bad_amount diagnostic that names the
// table, row and field, and the table is marked suspect.
BOOST_AUTO_TEST_CASE(text_in_an_amount_column_never_stays_there) {
    Document d = extract_text(
        "2023年预算支出总表\n单位：万元\n"
        "科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
        "201\t一般公共服务支出\t100.00\t绩效目标\t100.00\n"
        "\t合\t计100.00\t\t100.00\n");
    const Table* t = d.table("expenditure_summary");
    BOOST_REQUIRE(t);
    BOOST_REQUIRE_EQUAL(t->rows.size(), 2u);
    BOOST_TEST(!t->rows[0].get("basic"));
    BOOST_TEST(t->rows[1].get("name").value_or("") == "合计");
    BOOST_TEST(t->rows[1].get("total").value_or("") == "100.00");
    BOOST_TEST(t->suspect);
    BOOST_REQUIRE_EQUAL(t->suspect_reasons.size(), 1u);
    const Diagnostic* bad = nullptr;
    for (const auto& g : d.diagnostics)
        if (g.code == "bad_amount") bad = &g;
    BOOST_REQUIRE(bad);
    BOOST_TEST(bad->table == "expenditure_summary");
    BOOST_TEST(bad->row.value_or(-1) == 0);
    BOOST_TEST(bad->field == "basic");
    BOOST_TEST(bad->message.find("绩效目标") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_table_read_cleanly_is_not_suspect) {
    Document d = extract_text(
        "2023年预算支出总表\n单位：万元\n"
        "科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
        "201\t一般公共服务支出\t100.00\t\t100.00\n"
        "\t合计\t100.00\t\t100.00\n");
    const Table* t = d.table("expenditure_summary");
    BOOST_REQUIRE(t);
    BOOST_TEST(!t->suspect);
    BOOST_TEST(t->suspect_reasons.empty());
}

// kind and scope from the first line naming the disclosure (records.md Additions).
BOOST_AUTO_TEST_CASE(kind_and_scope_from_the_naming_line) {
    Document budget = extract_text(
        "某某局2023年部门预算公开\n2023年预算支出总表\n单位：万元\n"
        "科目编码\t科目名称\t合计\t基本支出\t项目支出\n201\t一般公共服务支出\t100.00\t\t100.00\n");
    BOOST_TEST(budget.kind == "budget");
    BOOST_TEST(budget.scope.value_or("") == "department");
    Document final_accounts = extract_text(
        "某某院2023年度单位决算\n2023年预算支出总表\n单位：万元\n"
        "科目编码\t科目名称\t合计\t基本支出\t项目支出\n201\t一般公共服务支出\t100.00\t\t100.00\n");
    BOOST_TEST(final_accounts.kind == "final_accounts");
    BOOST_TEST(final_accounts.scope.value_or("") == "unit");
}

// The national template's 一般公共预算基本支出情况表: 科目名称 under a group header
// 经济分类科目, economic codes to seven digits, 人员经费/公用经费 spelled 人员类 or
// 日常公用支出 elsewhere.
BOOST_AUTO_TEST_CASE(national_basic_expenditure_table_by_its_header) {
    Document d = extract_text(
        "2026年一般公共预算基本支出情况表\n单位：万元\n"
        "\t经济分类科目\t\t基本支出\t\n"
        "科目编码\t科目名称\t总计\t人员类\t日常公用支出\n"
        "\t合计\t30.00\t20.00\t10.00\n"
        "301\t工资福利支出\t20.00\t20.00\t\n"
        "3010201\t津贴\t20.00\t20.00\t\n"
        "302\t商品和服务支出\t10.00\t\t10.00\n");
    const Table* t = d.table("basic_by_economic");
    BOOST_REQUIRE(t);
    BOOST_REQUIRE_EQUAL(t->rows.size(), 4u);
    BOOST_TEST(t->rows[2].get("code").value_or("") == "3010201");
    BOOST_TEST(t->rows[2].get("dept_item").value_or("") == "津贴");
    BOOST_TEST(t->rows[3].get("public").value_or("") == "10.00");
}

// 决算 tables: their titles, the 栏次 row of column numbers, the 行次 column kept
// as `line`, and titles that name another table through the free prefix.
BOOST_AUTO_TEST_CASE(final_account_tables) {
    BOOST_TEST(id_of("收入支出决算总表") == "final_income_expenditure_summary");
    BOOST_TEST(id_of("财政拨款收入支出决算总表") == "final_fiscal_grant_summary");
    BOOST_TEST(id_of("政府性基金预算财政拨款收入支出决算表") == "final_gov_fund");
    BOOST_TEST(id_of("国有资本经营预算财政拨款支出决算表") == "final_state_capital");
    BOOST_TEST(id_of("一般公共预算财政拨款支出决算表") == "final_general_budget_expenditure");
    BOOST_TEST(id_of("支出决算表") == "final_expenditure");
    BOOST_TEST(id_of("一般公共预算财政拨款基本支出决算表") != "final_expenditure");
    BOOST_TEST(id_of("一般公共预算财政拨款“三公”经费支出决算表") != "final_expenditure");
    Document d = extract_text(
        "2024年度部门决算\n收入决算表\n公开02表\n金额单位：万元\n"
        "科目代码\t科目名称\t本年收入合计\t财政拨款收入\t其他收入\n"
        "\t栏次\t1\t2\t3\n"
        "\t合计\t30.00\t20.00\t10.00\n"
        "201\t一般公共服务支出\t30.00\t20.00\t10.00\n");
    BOOST_TEST(d.kind == "final_accounts");
    const Table* t = d.table("final_income");
    BOOST_REQUIRE(t);
    BOOST_TEST(t->unit == "万元");
    BOOST_REQUIRE_EQUAL(t->rows.size(), 2u);
    BOOST_TEST(t->rows[0].get("name").value_or("") == "合计");
    BOOST_TEST(t->rows[0].get("other_income").value_or("") == "10.00");
    BOOST_TEST(!t->suspect);
    Document s = extract_text(
        "收入支出决算总表\n金额单位：万元\n收入\t\t\t支出\t\t\n"
        "项目\t行次\t金额\t项目\t行次\t金额\n"
        "一、一般公共预算财政拨款收入\t1\t100.00\t一、一般公共服务支出\t32\t100.00\n");
    const Table* summary = s.table("final_income_expenditure_summary");
    BOOST_REQUIRE(summary);
    BOOST_REQUIRE_EQUAL(summary->income.size(), 1u);
    BOOST_TEST(summary->income[0].get("line").value_or("") == "1");
    BOOST_TEST(summary->expenditure[0].get("amount").value_or("") == "100.00");
}

// A horizontal 三公 table under a heading that spans every column (2026年预算数,
// 中央 部门公开表9): the heading names no item group, its first column is 合计.
BOOST_AUTO_TEST_CASE(three_public_under_a_heading_over_every_column) {
    std::vector<Page> pages = {page_of({
        {40, {{"财政拨款预算“三公”经费支出表", 300, 600}}},
        {60, {{"单位:万元", 700, 750}}},
        {80, {{"2026年预算数", 380, 460}}},
        {96, {{"公务用车购置及运行费", 440, 560}}},
        {104, {{"合计", 90, 110}, {"因公出国(境)费", 160, 240}, {"公务接待费", 650, 710}}},
        {120, {{"小计", 390, 410}, {"购置费", 485, 515}, {"运行费", 585, 615}}},
        {150, {{"112.61", 90, 120}, {"68.50", 180, 210}, {"38.60", 390, 420}, {"38.60", 585, 615}, {"5.51", 665, 690}}},
    })};
    Document d;
    recognize::read_tables(pages, d, false);
    const Table* t = d.table("three_public");
    BOOST_REQUIRE(t);
    BOOST_TEST(item_total(*t) ==
               "合计=112.61;因公出国(境)费=68.50<合计;公务用车购置及运行费=38.60<合计;"
               "购置费=-<公务用车购置及运行费;运行费=38.60<公务用车购置及运行费;公务接待费=5.51<合计;");
}

// Regional headers that are template changes only (templates/budget.yaml):
// 福州 prints a single 预算数 column, 无锡 the 机关运行经费 table by 科目, 广州 the
// 收支总体情况表 with bare 预算 columns.
BOOST_AUTO_TEST_CASE(regional_headers_from_the_templates) {
    Document fz = extract_text(
        "十、2026年度一般公共预算“三公”经费支出预算表\n单位：万元\n项目\t预算数\n"
        "合计\t84.10\n1、因公出国(境)费用\t70.00\n2、公务接待费\t14.10\n");
    const Table* tp = fz.table("three_public");
    BOOST_REQUIRE(tp);
    BOOST_TEST(item_total(*tp) == "合计=84.10;1、因公出国(境)费用=70.00;2、公务接待费=14.10;");
    BOOST_TEST(!tp->suspect);
    Document wx = extract_text(
        "一般公共预算机关运行经费支出预算表\n单位：万元\n科目编码\t科目名称\t机关运行经费支出\n"
        "\t合计\t98.53\n302\t商品和服务支出\t98.53\n");
    const Table* ao = wx.table("admin_operating");
    BOOST_REQUIRE(ao);
    BOOST_REQUIRE_EQUAL(ao->rows.size(), 2u);
    BOOST_TEST(ao->rows[0].get("unit").value_or("") == "合计");
    BOOST_TEST(ao->rows[1].get("code").value_or("") == "302");
    BOOST_TEST(ao->rows[1].get("total").value_or("") == "98.53");
    BOOST_TEST(!ao->suspect);
    Document gz = extract_text(
        "表1 收支总体情况表\n单位：万元\n收入\t\t支出\t\n项目\t预算\t项目\t预算\n"
        "一、预算拨款\t100.00\t一、一般公共服务支出\t100.00\n收入总计\t100.00\t支出总计\t100.00\n");
    const Table* ie = gz.table("income_expenditure_summary");
    BOOST_REQUIRE(ie);
    BOOST_REQUIRE_EQUAL(ie->income.size(), 2u);
    BOOST_TEST(ie->income[1].get("amount").value_or("") == "100.00");
    BOOST_TEST(ie->expenditure[1].get("total").value_or("") == "100.00");
}

// Beijing 支出总表: each 功能科目 printed as one "code-name" cell under 支出功能分类科目 and
// broken down by the 政府 and 部门 经济科目; 其中 columns after 项目支出 are extra keys, not
// parts of 合计 (the 合计 row is 30 = 20 + 10, the 其中 figures are within it).
BOOST_AUTO_TEST_CASE(function_code_and_name_in_one_cell_with_economic_breakdown) {
    Document d = extract_text(
        "预算03表 支出总表\n金额单位：万元\n"
        "\t\t\t\t\t\t其中\n"
        "支出功能分类科目\t政府支出经济分类科目\t部门支出经济分类科目\t合计\t基本支出\t项目支出\t事业单位经营支出\t上缴上级支出\t对附属单位补助支出\n"
        "2010601-行政运行\t50101-工资奖金津补贴\t30101-基本工资\t20.000000\t20.000000\t\t\t\t\n"
        "2010602-一般行政管理事务\t50201-办公经费\t30201-办公费\t10.000000\t\t10.000000\t\t2.000000\t\n"
        "合计\t\t\t30.000000\t20.000000\t10.000000\t\t2.000000\t\n");
    const Table* t = d.table("expenditure_summary");
    BOOST_REQUIRE(t);
    BOOST_REQUIRE_EQUAL(t->rows.size(), 3u);
    const Record& r = t->rows[0];
    BOOST_TEST(r.get("code").value_or("") == "2010601");
    BOOST_TEST(r.get("name").value_or("") == "行政运行");
    BOOST_TEST(r.get("gov_item").value_or("") == "50101-工资奖金津补贴");
    BOOST_TEST(r.get("dept_item").value_or("") == "30101-基本工资");
    BOOST_TEST(t->rows[1].get("superior_payment").value_or("") == "2.000000");
    BOOST_TEST(t->rows[2].get("name").value_or("") == "合计");
    BOOST_TEST(!t->rows[2].get("code"));
    BOOST_TEST(t->rows[2].get("total").value_or("") == "30.000000");
    BOOST_TEST(!t->suspect);
    BOOST_TEST(count_code(d, "unmapped_cell") == 0);
    BOOST_TEST(count_code(d, "sum_mismatch") == 0);
}

// Beijing 基本支出表 prints the 政府 经济科目 before the 部门 one, and its 合计 under the
// 部门 column: the label stays where it is printed, it is not moved into the other column.
BOOST_AUTO_TEST_CASE(total_label_stays_in_its_column_when_label_columns_are_swapped) {
    Document d = extract_text(
        "预算06表 一般公共预算基本支出表\n金额单位：万元\n"
        "政府支出经济分类科目\t部门支出经济分类科目\t合计\t人员经费\t公用经费\n"
        "50101-工资奖金津补贴\t30101-基本工资\t5.000000\t5.000000\t\n"
        "\t合计\t5.000000\t5.000000\t\n");
    const Table* t = d.table("basic_by_economic");
    BOOST_REQUIRE(t);
    BOOST_REQUIRE_EQUAL(t->rows.size(), 2u);
    BOOST_TEST(t->rows[0].get("gov_item").value_or("") == "50101-工资奖金津补贴");
    BOOST_TEST(t->rows[0].get("dept_item").value_or("") == "30101-基本工资");
    BOOST_TEST(t->rows[1].get("dept_item").value_or("") == "合计");
    BOOST_TEST(!t->rows[1].get("gov_item"));
}

// 浙江 支出预算总表: headings wrapped over lines no grammar knows (日常公用支 / 出, 事业单位 /
// 经营支出) end at the row numbering the columns; 基本支出 printed as its two parts.  (The
// PDF centres 基本支出 over 人员支出 | 日常公用支出; tab-separated text cannot span two
// columns, so the heading is left out here.)
BOOST_AUTO_TEST_CASE(column_number_row_closes_a_wrapped_header) {
    Document d = extract_text(
        "表3:2026年市级部门支出预算总表\n单位:万元\n"
        "\t\t\t\t\t\t\t对附属单\n"
        "\t\t\t\t\t事业单位\t上缴上\t\n"
        "功能分类科目名称\t总计\t\t日常公用支\t项目支出\t\t\t位补助支\n"
        "\t\t人员支出\t\t\t经营支出\t级支出\t\n"
        "\t\t\t出\t\t\t\t出\n"
        "**\t1\t2\t3\t4\t5\t6\t7\n"
        "合计\t40.00\t20.00\t5.00\t15.00\t\t\t\n"
        "科学技术支出\t40.00\t20.00\t5.00\t15.00\t\t\t\n");
    const Table* t = d.table("expenditure_summary");
    BOOST_REQUIRE(t);
    BOOST_REQUIRE_EQUAL(t->rows.size(), 2u);
    BOOST_TEST(t->rows[0].get("name").value_or("") == "合计");
    BOOST_TEST(t->rows[0].get("personnel").value_or("") == "20.00");
    BOOST_TEST(t->rows[0].get("public").value_or("") == "5.00");
    BOOST_TEST(t->rows[0].get("project").value_or("") == "15.00");
    BOOST_TEST(count_code(d, "sum_mismatch") == 0);
}

// 烟台, 西安, 北京 print the 合计 of the 基本支出 经济分类 table inside the 部门 科目名称
// column with the 政府 column beside it left empty: on a PDF page the label stays in the
// column it is printed in (dept_item, the table's label field).  Text input cannot show a
// merged cell, so there 合计 before an empty 政府 column is taken as merged across both
// (see economic_code_and_total_label_without_gov_item_column and the shanxi golden file).
BOOST_AUTO_TEST_CASE(total_label_printed_in_the_dept_column_stays_there) {
    std::vector<Page> pages = {page_of({
        {40, {{"一般公共预算基本支出情况表", 300, 500}}},
        {60, {{"单位:万元", 700, 750}}},
        {80, {{"部门预算支出经济分类科目名称", 60, 200, 0}, {"政府预算支出经济分类科目名称", 260, 400, 1},
              {"合计", 480, 500, 2}, {"人员经费", 570, 610, 3}, {"公用经费", 670, 710, 4}}},
        {100, {{"合计", 120, 140, 0}, {"10.00", 470, 500, 2}, {"8.00", 585, 610, 3}, {"2.00", 685, 710, 4}}},
        {115, {{"工资福利支出", 60, 120, 0}, {"机关工资福利支出", 260, 340, 1}, {"8.00", 475, 500, 2},
               {"8.00", 585, 610, 3}}},
        {130, {{"办公费", 60, 90, 0}, {"办公经费", 260, 300, 1}, {"2.00", 475, 500, 2}, {"2.00", 685, 710, 4}}},
    })};
    Document d;
    recognize::read_tables(pages, d, false);
    const Table* t = d.table("basic_by_economic");
    BOOST_REQUIRE(t);
    BOOST_REQUIRE_EQUAL(t->rows.size(), 3u);
    BOOST_TEST(t->rows[0].get("dept_item").value_or("") == "合计");
    BOOST_TEST(!t->rows[0].get("gov_item"));
    BOOST_TEST(t->rows[1].get("gov_item").value_or("") == "机关工资福利支出");
}

namespace {

// 山东 三公 table: 2025年预算数 | 2026年预算数, each over 合计 | 因公出国(境)经费 |
// 公务用车购置及运行维护费 (小计 | 公务用车购置经费 | 公务用车运行维护费) | 公务接待费.
// Column centres 70, 130, …, 370 for 2025 and 450, …, 750 for 2026.
std::vector<Page> two_year_three_public(const std::string& total_2025) {
    std::vector<std::pair<double, std::vector<test::PlacedCell>>> rows = {
        {40, {{"一般公共预算“三公”经费支出情况表", 300, 500}}},
        {60, {{"单位:万元", 700, 750}}},
        {80, {{"2025年预算数", 170, 270}, {"2026年预算数", 550, 650}}},
        {96, {{"公务用车购置及运行维护费", 185, 315}, {"公务用车购置及运行维护费", 565, 695}}},
        {110, {{"合计", 60, 80}, {"因公出国(境)经费", 105, 155}, {"公务接待费", 350, 390},
               {"合计", 440, 460}, {"因公出国(境)经费", 485, 535}, {"公务接待费", 730, 770}}},
        {125, {{"小计", 180, 200}, {"公务用车购置经费", 228, 272}, {"公务用车运行维护费", 288, 332},
               {"小计", 560, 580}, {"公务用车购置经费", 608, 652}, {"公务用车运行维护费", 668, 712}}},
        {150, {{total_2025, 60, 80}, {"11.20", 180, 200}, {"11.20", 300, 320}, {"1.80", 360, 380},
               {"14.30", 440, 460}, {"12.50", 560, 580}, {"12.50", 680, 700}, {"1.80", 740, 760}}},
    };
    return {test::page_of(rows)};
}

}  // namespace

// Two years side by side: the latest year's block is the table (its 合计 labelled 合计,
// the items part of it); the year before is each row's previous_year, and its figures
// are checked the same way.
BOOST_AUTO_TEST_CASE(three_public_printed_for_two_years_side_by_side) {
    Document d;
    recognize::read_tables(two_year_three_public("13.00"), d, false);
    const Table* t = d.table("three_public");
    BOOST_REQUIRE(t);
    BOOST_TEST(item_total(*t) ==
               "合计=14.30;因公出国(境)经费=-<合计;公务用车购置及运行维护费=12.50<合计;"
               "公务用车购置经费=-<公务用车购置及运行维护费;公务用车运行维护费=12.50<公务用车购置及运行维护费;"
               "公务接待费=1.80<合计;");
    BOOST_TEST(t->rows[0].get("previous_year").value_or("") == "13.00");
    BOOST_TEST(t->rows[2].get("previous_year").value_or("") == "11.20");
    BOOST_TEST(t->rows[5].get("previous_year").value_or("") == "1.80");
    validate::check_consistency(d);
    BOOST_TEST(count_code(d, "sum_mismatch") == 0);

    // The year before printed a 合计 its items do not add up to: said, on previous_year.
    Document bad;
    recognize::read_tables(two_year_three_public("13.50"), bad, false);
    validate::check_consistency(bad);
    BOOST_REQUIRE_EQUAL(count_code(bad, "sum_mismatch"), 1);
    for (const auto& x : bad.diagnostics)
        if (x.code == "sum_mismatch") BOOST_TEST(x.field == "previous_year");
}

// 浙江, 福建 print the grand total's 合计 centred across 科目编码 | 科目名称, over
// codes printed flush left: the label stands in a band of its own that no heading
// names.  It is the row's label (not an unmapped cell and a row without one).
BOOST_AUTO_TEST_CASE(total_label_in_a_band_no_heading_names_labels_the_row) {
    std::vector<Page> pages = {page_of({
        {40, {{"一般公共预算支出表", 300, 420}}},
        {60, {{"单位:万元", 700, 750}}},
        {80, {{"科目编码", 40, 80, 0}, {"科目名称", 160, 200, 2}, {"合计", 420, 440, 3}, {"基本支出", 520, 560, 4},
              {"项目支出", 640, 680, 5}}},
        {100, {{"合计", 100, 120, 1}, {"30.00", 410, 440, 3}, {"20.00", 530, 560, 4}, {"10.00", 650, 680, 5}}},
        {115, {{"201", 40, 55, 0}, {"一般公共服务支出", 160, 240, 2}, {"30.00", 410, 440, 3}, {"20.00", 530, 560, 4},
               {"10.00", 650, 680, 5}}},
    })};
    Document d;
    recognize::read_tables(pages, d, false);
    const Table* t = d.table("general_budget_expenditure");
    BOOST_REQUIRE(t);
    BOOST_REQUIRE_EQUAL(t->rows.size(), 2u);
    BOOST_TEST(t->rows[0].get("name").value_or("") == "合计");
    BOOST_TEST(t->rows[0].get("total").value_or("") == "30.00");
    BOOST_TEST(t->rows[1].get("code").value_or("") == "201");
    BOOST_TEST(count_code(d, "unmapped_cell") == 0);
}

// A 科目名称 wrapped in its cell and centred on its row prints one line above and
// one below the line of the code and figures (国家信访局, 广州): both halves join that
// coded row, the upper one first.
BOOST_AUTO_TEST_CASE(name_wrapped_above_and_below_a_coded_row_joins_it) {
    std::vector<Page> pages = {page_of({
        {40, {{"一般公共预算支出表", 300, 420}}},
        {60, {{"单位:万元", 700, 750}}},
        {80, {{"科目编码", 40, 80, 0}, {"科目名称", 160, 200, 1}, {"合计", 420, 440, 2}, {"基本支出", 520, 560, 3},
              {"项目支出", 640, 680, 4}}},
        {100, {{"合计", 160, 180, 1}, {"30.00", 410, 440, 2}, {"20.00", 530, 560, 3}, {"10.00", 650, 680, 4}}},
        {114, {{"一般公共服务", 160, 220, 1}}},
        {120, {{"201", 40, 55, 0}, {"30.00", 410, 440, 2}, {"20.00", 530, 560, 3}, {"10.00", 650, 680, 4}}},
        {126, {{"支出", 160, 180, 1}}},
    })};
    Document d;
    recognize::read_tables(pages, d, false);
    const Table* t = d.table("general_budget_expenditure");
    BOOST_REQUIRE(t);
    BOOST_REQUIRE_EQUAL(t->rows.size(), 2u);
    BOOST_TEST(t->rows[1].get("code").value_or("") == "201");
    BOOST_TEST(t->rows[1].get("name").value_or("") == "一般公共服务支出");
    BOOST_TEST(t->rows[1].get("project").value_or("") == "10.00");
}
