#include "recognize/table_specs.hpp"

#include "recognize/templates.hpp"

namespace budgetdoc::recognize {

// The descriptions themselves are templates/*.yaml (recognize/templates).
const std::vector<TableSpec>& table_specs() { return builtin_templates().tables; }

const std::vector<TitleFamily>& title_families() { return builtin_templates().families; }

const std::vector<HorizontalSpec>& horizontal_specs() { return builtin_templates().horizontal; }

const std::string& header_vocabulary() {
    static const std::string words =
        R"((?:项目|收入|支出|本年收入|本年支出|本年|上年结转|上年结转安排|当年预算安排|预算数|\d{4}年?度?|年|金额|合计|小计|总计|)"
        R"(科目编码|科目名称|收入科目编码|支出科目编码|编码|名称|项目名称|单位名称|基本支出|项目支出|人员经费|公用经费|)"
        R"(一般公共预算|政府性基金预算|政府性基金|国有资本经营预算|国有资本经营收入预算|政府性基金收入预算|)"
        R"(财政专户管理资金|单位资金|财政拨款|经济科目名称|部门预算支出经济科目名称|政府预算支出经济科目名称|)"
        R"(国有资本经营预算收入|国有资本经营预算支出|功能分类科目|经济分类科目|功能分类科目编码|功能分类科目名称|)"
        R"(财政拨款收入|事业收入|事业单位经营收入|其他收入|收入预算|支出预算|预算|类|款|项|\(?万?元\)?|[ ]|)"
        R"(事业单位经营支出|上缴上级支出|对附属单位补助支出)+)";
    return words;
}

}  // namespace budgetdoc::recognize
