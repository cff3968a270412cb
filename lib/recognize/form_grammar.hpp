// recognize/form_grammar — the 项目支出绩效目标申报表 grammar (internal).
//
// A form is read as label/value tokens: every printed cell is split into tokens
// (a cell "450,000年度资金总额:" that the line builder glued across a ruling is
// two tokens), labels are recognized by a data table of RE2 patterns over the
// text with white space removed, and a label's value is the run of non-label
// tokens to its right on the same printed line.  The indicator grid is read by
// geometry (PDF: merged 一级/二级指标 cells are printed vertically centred on
// their block) or by tab columns (text: the label sits on the block's first line).
#pragma once

#include <budgetdoc/layout.hpp>
#include <budgetdoc/records.hpp>

#include <optional>
#include <string>
#include <vector>

namespace budgetdoc::recognize::form {

enum class Field {
    none,     // not a label: a value
    ignore,   // a label that carries no value of its own (项目资金(元), 绩效指标)
    project,
    department,
    implementer,
    attribute,
    duration,
    total_period,
    total_annual,
    central,
    provincial,
    local,
    self_raised,
    other,
    fiscal,      // 财政拨款 (forms that print public funds as one figure)
    overview,
    basis,
    necessity,
    safeguards,
    plan,
    goal_head_period,  // 实施期目标 (column heading of 总体目标)
    goal_head_annual,  // 年度目标
    goals,             // 总体目标
    goal_annual_text,  // 当年绩效目标: a row whose text is the annual goal
    grid_level1,       // 一级指标 (grid header)
    grid_level2,       // 二级指标
    grid_level3,       // 三级指标
    grid_value,        // 指标值
    grid_nature,       // 指标性质
    grid_unit,         // 计量单位
    grid_weight,       // 指标权重, 分值
    grid_ignored,      // 是否核心, 备注: grid columns without a field
    money_unit,        // (万元) printed under a funds label: the form's amounts are in 万元
    responsible,
    handler,
    phone,
    filed,
};

// The field a label names in templates/forms.yaml ("project", "grid_level1" …).
std::optional<Field> field_named(const std::string& name);

// The label a normalized cell text is (white space ignored), Field::none if none.
Field match_label(const std::string& text);

// What a column of a table listing many projects holds (templates/forms.yaml
// list_columns).
enum class ListCol {
    none,
    project,     // 项目名称, 单位(项目)名称
    code,        // 项目编码, 单位编码
    total,       // 项目总额, 资金总额, 总计 …
    fiscal,      // 财政资金, 财政拨款
    other,       // 其他资金
    goal,        // 绩效目标, 年度目标
    level1,      // 一级指标
    level2,      // 二级指标
    name,        // 三级指标, 指标名称
    nature,      // 指标性质, 符号, 指标值类型
    value,       // 指标值, 本年绩效指标值
    unit,        // 度量单位, 计量单位
    weight,      // 权重, 分值
    indicators,  // 绩效指标 as one numbered text per project (no grid columns)
    ignored,     // printed columns without a field (评分标准, 备注 …)
};
std::optional<ListCol> list_column_named(const std::string& name);

// True for a form title line (…项目支出绩效目标申报表).
bool is_form_title(const std::string& text);

// One token of a printed line: a cell or a piece of a cell.
struct Token {
    std::string text;  // normalized
    Box box;
    Field label = Field::none;
};

// Split a line's cells into tokens (a leading amount glued to a label is cut off).
std::vector<Token> tokenize(const Line& line);

// One form fragment as printed (before dedupe).
struct Fragment {
    Form form;
    bool lossy = false;              // cells visibly out of place (text input)
    std::string lossy_reason;
    bool has_signoff = false;
};

// Read every form fragment, in printed order.
std::vector<Fragment> read_fragments(const std::vector<Page>& pages, bool from_text);

// Form fragments of the tables that list many projects, one per project, in
// printed order (perf_list_reader.cpp).
std::vector<Fragment> read_list_tables(const std::vector<Page>& pages);

// True when lines[i] starts the header of such a table.
bool is_list_header_line(const std::vector<Line>& lines, size_t i);

// A cell of the indicator grid, classified by the grid header's columns.
// A grid with one set of name/value columns states annual targets (a_*).
enum class GridCol { none, level1, p_level2, p_name, p_value, a_level2, a_name, a_value, a_nature, a_unit, a_weight };
struct GridCell {
    GridCol col = GridCol::none;
    std::string text;
    Box box;
    int line = 0;  // index of the printed line inside the grid
};

// A vertical extent (top, bottom) on the page.
struct Span {
    double y0, y1;
};

// Assign units (in vertical order) to labels (centre y, in vertical order) as
// contiguous blocks so that each label sits at the middle of its block, as the
// text of a merged cell is printed vertically centred.  A label may get no
// unit, unless `none_empty` (every label heads at least one).  Returns the
// label index per unit (-1: none); *cost, when given, is the sum of the labels'
// distances from their blocks' middles (infinite when no reading fits and the
// nearest label is taken instead).
std::vector<int> centre_blocks(const std::vector<double>& label_y, const std::vector<Span>& units,
                               bool none_empty = false, double* cost = nullptr);

// Indicators of a grid.  `geometric`: merged level cells are vertically centred
// (PDF); otherwise a level label applies from its own line downward (text).
// Sets *lossy (with a reason) when cells are visibly shifted.
std::vector<Indicator> read_grid(const std::vector<GridCell>& cells, bool geometric, bool* lossy,
                                 std::string* reason);

}  // namespace budgetdoc::recognize::form
