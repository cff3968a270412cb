#include "recognize/table_specs.hpp"

namespace budgetdoc::recognize {
namespace {

// Shared column header patterns.
// A code printed in one column (科目编码) or split over 类/款/项 columns.
const char* kCode = R"(编码|代码|科目编号|^类$|^款$|^项$)";
// 科目名称, 项目; a name column headed only 功能科目 / 科目 (长沙).
const char* kName = R"(名称|项目|^(?:功能|经济)?(?:分类)?科目$)";
const char* kTotal = R"(合计|总计|小计)";
const char* kBasic = R"(基本支出)";
const char* kProject = R"(项目支出)";
const char* kGeneral = R"(一般公共预算)";
const char* kGovFund = R"(政府性基金)";
const char* kStateCap = R"(国有资本经营)";
const char* kSpecial = R"(财政专户)";
const char* kUnitFunds = R"(单位资金)";
const char* kCarry = R"(上年结转)";
// Extra columns (no contract field; see README.md, Output): 单位资金 broken down
// (Shanghai prints 事业收入, 事业单位经营收入, 其他收入 instead of 单位资金), the
// financial grant printed as one column (财政拨款收入 = 一般公共预算 + 政府性基金 +
// 国有资本经营 when those are not split out), Jiangsu's 单位预留机动经费 and
// 结转下年资金 beside 基本支出/项目支出.
const char* kFiscalGrant = R"(财政拨款收入|^财政拨款(?:资金)?$)";
const char* kServiceIncome = R"(事业收入)";  // not 事业单位经营收入
const char* kOperatingIncome = R"(经营收入)";
const char* kOtherIncome = R"(其他收入)";
const char* kReserve = R"(预留机动经费|机动经费)";
const char* kCarryForward = R"(结转下年)";
// 人员经费 / 公用经费 as regions print them (人员类, 人员支出; 日常公用支出).
const char* kPersonnel = R"(人员经费|人员类|人员支出)";
const char* kPublic = R"(公用经费|公用类|公用支出)";
// The total of a table printing one amount column (Jiangsu: 科目编码 科目名称 金额).
const char* kTotalOrAmount = R"(合计|总计|小计|^金额$)";

ColumnSpec col(const char* field, FieldKind kind, const char* header, Side side = Side::only) {
    return ColumnSpec{field, kind, header, side};
}

// An extra column (emitted only where printed).
ColumnSpec xcol(const char* field, FieldKind kind, const char* header, Side side = Side::only) {
    return ColumnSpec{field, kind, header, side, true};
}

// 决算 (final accounts), the national template's tables (records.md Additions).
// Their titles name 决算, so no budget title takes them.  The 行次 column (line
// numbers of two-sided tables) is kept as the extra key `line`.
std::vector<TableSpec> final_account_specs() {
    using K = FieldKind;
    using S = Side;
    const char* kLine = R"(^行次$)";
    const char* kAmount = R"(金额|决算数|^合计$)";
    return {
        {"final_fiscal_grant_summary",
         R"((?:部门|单位)?财政拨款收入支出决算(?:总)?表)",
         {col("item", K::text, R"(项目|收入)", S::income), xcol("line", K::text, kLine, S::income),
          col("amount", K::amount, kAmount, S::income), col("item", K::text, R"(项目|支出)", S::expenditure),
          xcol("line", K::text, kLine, S::expenditure), col("total", K::amount, R"(合计|小计|金额)", S::expenditure),
          col("general_budget", K::amount, kGeneral, S::expenditure), col("gov_fund", K::amount, kGovFund, S::expenditure),
          col("state_capital", K::amount, kStateCap, S::expenditure)},
         true, R"(基金|国有资本)"},
        {"final_income_expenditure_summary",
         R"((?:部门|单位)?收入支出决算(?:总)?表)",
         {col("item", K::text, R"(项目|收入)", S::income), xcol("line", K::text, kLine, S::income),
          col("amount", K::amount, kAmount, S::income), col("item", K::text, R"(项目|支出)", S::expenditure),
          xcol("line", K::text, kLine, S::expenditure), col("amount", K::amount, kAmount, S::expenditure)},
         true, R"(财政拨款|基金|国有资本)"},
        {"final_income",
         R"((?:部门|单位)?收入决算表)",
         {col("code", K::code, kCode), col("name", K::text, kName), col("total", K::amount, kTotal),
          col("fiscal_grant", K::amount, R"(财政拨款)"), col("superior_subsidy", K::amount, R"(上级补助)"),
          col("service_income", K::amount, R"(事业收入)"), col("operating_income", K::amount, R"(经营收入)"),
          col("affiliated_income", K::amount, R"(附属单位)"), col("other_income", K::amount, R"(其他收入)")},
         false, R"(财政拨款|基金|国有资本)"},
        {"final_general_budget_expenditure",
         R"(一般公共预算财政拨款支出决算(?:明细)?表)",
         {col("code", K::code, kCode), col("name", K::text, kName), col("total", K::amount, kTotal),
          col("basic", K::amount, kBasic), col("project", K::amount, kProject)}},
        {"final_gov_fund",
         R"(政府性基金预算财政拨款(?:收入)?支出决算表)",
         {col("code", K::code, kCode), col("name", K::text, kName),
          col("opening_balance", K::amount, R"(年初结转)"), col("income", K::amount, R"(本年收入)"),
          col("total", K::amount, R"(小计|合计)"), col("basic", K::amount, kBasic), col("project", K::amount, kProject),
          col("closing_balance", K::amount, R"(年末结转)")}},
        {"final_state_capital",
         R"(国有资本经营预算财政拨款(?:收入)?支出决算表)",
         {col("code", K::code, kCode), col("name", K::text, kName),
          xcol("opening_balance", K::amount, R"(年初结转)"), xcol("income", K::amount, R"(本年收入)"),
          col("total", K::amount, R"(小计|合计)"), col("basic", K::amount, kBasic), col("project", K::amount, kProject),
          xcol("closing_balance", K::amount, R"(年末结转)")}},
        {"final_expenditure",
         R"((?:部门|单位)?支出决算表)",
         {col("code", K::code, kCode), col("name", K::text, kName), col("total", K::amount, kTotal),
          col("basic", K::amount, kBasic), col("project", K::amount, kProject),
          col("superior_payment", K::amount, R"(上缴上级)"), col("operating", K::amount, R"(经营支出)"),
          col("affiliated_subsidy", K::amount, R"(对附属单位)")},
         false, R"(财政拨款|基本支出|项目支出|三公|基金|国有资本)"},
    };
}

std::vector<TableSpec> make_specs() {
    using K = FieldKind;
    using S = Side;
    std::vector<TableSpec> budget = {
        {"fiscal_grant_summary",
         R"((?:部门|单位)?(?:综合预算)?财政拨款收支(?:预算)?(?:总表|总体情况表))",
         {col("item", K::text, R"(项目|收入)", S::income), col("amount", K::amount, R"(金额|预算数|\d{4}年?)", S::income),
          col("item", K::text, R"(项目|支出|名称)", S::expenditure),
          col("subtotal", K::amount, R"(小计|合计|总计|金额|预算数)", S::expenditure),
          col("general_budget", K::amount, kGeneral, S::expenditure), col("gov_fund", K::amount, kGovFund, S::expenditure),
          col("state_capital", K::amount, kStateCap, S::expenditure)},
         true},
        {"state_capital",
         R"(国有资本经营预算(?:财政拨款|拨款)?(?:收支|支出)(?:功能分类)?(?:预算)?(?:情况)?(?:预算)?表)",
         {col("code", K::code, kCode, S::income), col("name", K::text, R"(名称)", S::income),
          col("amount", K::amount, R"(收入预算|金额|预算数)", S::income), col("code", K::code, kCode, S::expenditure),
          col("name", K::text, R"(名称)", S::expenditure), col("total", K::amount, kTotal, S::expenditure),
          col("basic", K::amount, kBasic, S::expenditure), col("project", K::amount, kProject, S::expenditure)},
         true},
        {"income_expenditure_summary",
         R"((?:部门|单位)?(?:综合预算)?(?:财务)?(?:预算)?收支(?:预算)?(?:总表|总体情况表))",
         {col("item", K::text, R"(项目|收入)", S::income), col("amount", K::amount, R"(金额|预算数|\d{4}年?)", S::income),
          col("item", K::text, R"(项目|支出|名称)", S::expenditure),
          col("total", K::amount, R"(合计|小计|金额|预算数|\d{4}年?)", S::expenditure),
          col("current_year", K::amount, R"(当年|本年)", S::expenditure),
          col("carryover", K::amount, kCarry, S::expenditure),
          // Shanghai 财务收支预算总表: 合计 | 基本支出 (人员经费, 公用经费) | 项目支出.
          xcol("personnel", K::amount, R"(人员经费)", S::expenditure),
          xcol("public", K::amount, R"(公用经费)", S::expenditure),
          xcol("basic", K::amount, kBasic, S::expenditure), xcol("project", K::amount, kProject, S::expenditure),
          // Jiangsu 收支预算总表 in three parts: 收入 | 支出 功能分类 | 支出 支出用途
          // (项目名称 金额: 基本支出, 项目支出, 单位预留机动经费) — the third part's
          // item and amount on the line they are printed on.
          xcol("use_item", K::text, R"(用途)", S::expenditure), xcol("use_amount", K::amount, R"(金额|预算数)", S::expenditure)},
         true},
        {"income_summary",
         R"((?:部门|单位)?(?:综合预算)?(?:预算)?收入(?:预算)?(?:总表|总体情况表))",
         {col("code", K::code, kCode), col("name", K::text, kName), col("total", K::amount, kTotal),
          xcol("fiscal_grant", K::amount, kFiscalGrant), col("general_budget", K::amount, kGeneral),
          col("gov_fund", K::amount, kGovFund), col("state_capital", K::amount, kStateCap),
          col("special_account", K::amount, kSpecial), col("unit_funds", K::amount, kUnitFunds),
          xcol("service_income", K::amount, kServiceIncome), xcol("operating_income", K::amount, kOperatingIncome),
          xcol("other_income", K::amount, kOtherIncome), col("carryover", K::amount, kCarry)}},
        {"expenditure_summary",
         R"((?:部门|单位)?(?:综合预算)?(?:预算)?(?:本年)?支出(?:预算)?(?:总表|总体情况表))",
         {col("code", K::code, kCode), col("name", K::text, kName), col("total", K::amount, kTotal),
          col("basic", K::amount, kBasic), col("project", K::amount, kProject),
          xcol("reserve", K::amount, kReserve), xcol("carry_forward", K::amount, kCarryForward)}},
        {"three_public",
         R"((?:一般公共预算)?(?:财政拨款)?(?:预算)?[“"]?三公[”"]?经费(?:支出)?(?:预算)?(?:财政拨款)?(?:情况)?(?:统计)?表)",
         {col("item", K::text, R"(项目|名称)"), col("total", K::amount, kTotal), col("general_budget", K::amount, kGeneral),
          col("gov_fund", K::amount, kGovFund), col("state_capital", K::amount, kStateCap)}},
        {"basic_by_economic",
         R"(一般公共预算(?:财政拨款)?(?:安排的?)?基本支出(?:(?:分|按)?(?:部门预算|政府预算)?经济(?:分类)?(?:科目)?(?:预算|情况)?表|(?:预算|情况|明细)?表\(按?(?:支出)?经济(?:分类)?科目[^)]*\)))",
         {xcol("code", K::code, kCode),
          // 科目名称 may sit under a group header 经济分类科目 (joined: 经济分类科目科目名称).
          col("dept_item", K::text, R"(部门预算支出经济科目|部门.*科目|^(?:经济(?:分类)?科目)?(?:项目)?(?:经济(?:分类)?)?科目名称$)"),
          col("gov_item", K::text, R"(政府预算支出经济科目|政府.*科目)"), col("total", K::amount, kTotalOrAmount),
          col("personnel", K::amount, kPersonnel), col("public", K::amount, kPublic)}},
        {"general_budget_expenditure",
         R"(一般公共预算(?:财政拨款|当年拨款|拨款)?支出(?:功能分类)?(?:预算|情况|明细)?表(?:\(按?功能(?:分类)?(?:科目)?分?\))?)",
         {col("code", K::code, kCode), col("name", K::text, kName), col("total", K::amount, kTotalOrAmount),
          col("basic", K::amount, kBasic), col("project", K::amount, kProject)}},
        {"gov_fund_income",
         R"(政府性基金(?:预算)?收入(?:预算)?表)",
         {col("code", K::code, kCode), col("name", K::text, R"(名称)"),
          col("amount", K::amount, R"(收入预算|金额|预算数|合计)")}},
        {"gov_fund_expenditure",
         R"(政府性基金(?:预算)?(?:财政拨款|拨款)?支出(?:功能分类)?(?:预算|情况)?表(?:\(按?功能(?:分类)?(?:科目)?分?\))?)",
         {col("code", K::code, kCode), col("name", K::text, kName), col("total", K::amount, kTotalOrAmount),
          col("basic", K::amount, kBasic), col("project", K::amount, kProject)}},
        {"admin_operating",
         R"((?:一般公共预算)?机关运行经费(?:支出)?(?:预算)?(?:财政拨款)?(?:情况)?(?:统计)?表)",
         {col("unit", K::text, R"(单位|名称|项目)"), col("total", K::amount, kTotal),
          col("general_budget", K::amount, kGeneral), col("gov_fund", K::amount, kGovFund),
          col("state_capital", K::amount, kStateCap)}},
        {"project_carryover",
         R"(项目支出(?:预算)?表\(上年结转\))",
         {col("name", K::text, R"(项目名称|名称|项目)"), col("total", K::amount, kTotal),
          col("general_budget", K::amount, kGeneral), col("gov_fund", K::amount, kGovFund),
          col("state_capital", K::amount, kStateCap)}},
        {"project_current",
         R"(项目支出(?:预算)?(?:情况|总)?表(?:\(本年预算\))?)",
         {col("name", K::text, R"(项目名称|名称|项目)"), col("total", K::amount, kTotal),
          col("general_budget", K::amount, kGeneral), col("gov_fund", K::amount, kGovFund),
          col("state_capital", K::amount, kStateCap), col("special_account", K::amount, kSpecial),
          col("unit_funds", K::amount, kUnitFunds)}},
    };
    std::vector<TableSpec> all = final_account_specs();
    all.insert(all.end(), budget.begin(), budget.end());
    return all;
}

}  // namespace

const std::vector<TableSpec>& table_specs() {
    static const std::vector<TableSpec> specs = make_specs();
    return specs;
}

const std::vector<TitleFamily>& title_families() {
    static const std::vector<TitleFamily> families = {
        // 一般公共预算(财政拨款)(安排的)基本支出(预算)表 with no 经济/功能 qualifier: the
        // contract's basic_by_economic when the rows are economic 科目 — a header with
        // 人员经费 and 公用经费, or 经济(分类)科目, or economic codes only (部门预算支出
        // 经济分类 301…399 / 30101, 政府预算支出经济分类 501… ; 功能分类 codes begin
        // with 2).  A 功能科目 header or a function code rules it out.  Not
        // 财政拨款基本支出预算表: that is all funds, not the 一般公共预算 table.
        {"一般公共预算基本支出表",
         R"(一般公共预算(?:财政拨款|当年拨款)?(?:安排的?)?基本支出(?:预算)?(?:明细|情况)?表)",
         {{"basic_by_economic",
           {{kPersonnel, kPublic}, {R"(经济(?:分类)?科目)"}},
           R"([35]\d{2}(?:\d{2}){0,2})",
           R"(功能)"}}},
    };
    return families;
}

const std::vector<HorizontalSpec>& horizontal_specs() {
    static const std::vector<HorizontalSpec> specs = {
        {"three_public",
         // “三公”经费和机关运行经费预算表, “三公”经费、会议费、培训费支出预算表.
         R"([“"]?三公[”"]?经费(?:预算)?(?:和|及|与|、)[^。]*表$)",
         {R"(因公出国|出国\(境\))", R"(公务用车)", R"(公务接待)"},
         2,
         R"(合计|小计|总计)",
         R"(三公)",
         "合计",
         // The combined table is one table, three_public (as a reader of the page
         // sees it): its 机关运行经费 column is a row of it, not a part of 合计.
         {{R"(机关运行经费)", "", "item"}}},
    };
    return specs;
}

const std::string& header_vocabulary() {
    static const std::string words =
        R"((?:项目|收入|支出|本年收入|本年支出|本年|上年结转|上年结转安排|当年预算安排|预算数|\d{4}年?度?|年|金额|合计|小计|总计|)"
        R"(科目编码|科目名称|收入科目编码|支出科目编码|编码|名称|项目名称|单位名称|基本支出|项目支出|人员经费|公用经费|)"
        R"(一般公共预算|政府性基金预算|政府性基金|国有资本经营预算|国有资本经营收入预算|政府性基金收入预算|)"
        R"(财政专户管理资金|单位资金|财政拨款|经济科目名称|部门预算支出经济科目名称|政府预算支出经济科目名称|)"
        R"(国有资本经营预算收入|国有资本经营预算支出|功能分类科目|经济分类科目|功能分类科目编码|功能分类科目名称|)"
        R"(财政拨款收入|事业收入|事业单位经营收入|其他收入|收入预算|支出预算|预算|类|款|项|\(?万?元\)?|[ ])+)";
    return words;
}

}  // namespace budgetdoc::recognize
