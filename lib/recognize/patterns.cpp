#include "recognize/patterns.hpp"
#include <stdexcept>
#include <algorithm>
#include <re2/set.h>

#include "normalize/text.hpp"

namespace budgetdoc::recognize {

std::string title_core(const std::string& title) {
    // Labels printed before a title: 附表3, 表1, 表一, 部门公开表1, 预算01表, 公开01表,
    // 公开表2, and list numbers (一、, 3.).
    static const RE2 label(
        R"(^(?:(?:预算公开表|部门公开表|单位公开表|公开表|附表|表)\s*(?:\d+|[一二三四五六七八九十]+)|)"
        R"((?:预算|公开|部门公开|单位公开)\s*\d+\s*表|[一二三四五六七八九十]+、|\d{1,2}[.、]|)"
        R"((?:预算公开表|部门公开表|单位公开表|公开表|附表))\s*)");
    static const RE2 up_to_year(R"(^.*?\d{4}\s*年度?\s*)");
    static const RE2 qualifier(R"(\s*\((?:不含上年结转|含上年结转)\)\s*$)");
    static const RE2 unit_word(R"(\s*\((?:单位:)?万?元\)\s*$)");
    std::string s = normalize::strip_spaces(normalize::nfkc(title));  // callers may pass raw text
    RE2::Replace(&s, label, "");
    RE2::Replace(&s, up_to_year, "");
    RE2::Replace(&s, unit_word, "");
    RE2::Replace(&s, qualifier, "");
    // Keep the (本年预算)/(上年结转) of project tables: they tell the table apart.
    return s;
}

int year_in(const std::string& text) {
    static const RE2 re(R"((20\d{2}|19\d{2})\s*年)");
    int y = 0;
    return RE2::PartialMatch(text, re, &y) ? y : 0;
}

bool is_toc_line(const std::string& text) {
    static const RE2 re(R"((?:\.{4,}|…{2,}|·{4,}).*\d*\s*$)");
    return RE2::PartialMatch(text, re);
}

const RE2& form_title() {
    static const RE2 re(R"(项目支出绩效目标(?:申报|自评)?表)");
    return re;
}
const RE2& part_heading() {
    static const RE2 re(R"(^第[一二三四五六七八九十]+部分)");
    return re;
}
const RE2& other_table_title() {
    static const RE2 re(R"([^。,;:]{2,40}(?:表|目录|明细)(?:\([^)]*\))?)");
    return re;
}
const RE2& unit_line() {
    static const RE2 re(R"((?:^|[^名])单位\s*[:]\s*(万元|元))");
    return re;
}
const RE2& unit_name_line() {
    static const RE2 re(R"(^(?:单位名称|部门名称|编制单位|编制部门|预算单位|预算主管部门|主管部门|部门)\s*[:]\s*(.*?)\s*(?:单位\s*[:].*)?$)");
    return re;
}
const RE2& table_label_line() {
    static const RE2 re(R"((?:预算公开表|部门公开表|单位公开表|公开表|附表)\s*\d*|(?:预算|部门|单位)?公开\s*\d+\s*表|预算\s*\d+\s*表|表\s*[一二三四五六七八九十\d]+)");
    return re;
}
const RE2& no_data_note() {
    static const RE2 re(R"(本表无数据|无数据|本表为空表|空表|本(?:单位|部门)(?:无|没有).*(?:数据|收支|支出|收入|经费))");
    return re;
}
const RE2& note_line() {
    static const RE2 re(R"(^(?:注|说明|备注)\s*\d*\s*[:])");
    return re;
}
const RE2& narrative_line() {
    static const RE2 re(R"(。|;$)");
    return re;
}
const RE2& total_label() {
    static const RE2 re(R"((?:合计|总计|部门合计))");
    return re;
}

FirstMatch::FirstMatch(const std::vector<std::string>& patterns, const std::string& what) {
    RE2::Options opt;
    opt.set_log_errors(false);
    set_ = std::make_unique<RE2::Set>(opt, RE2::ANCHOR_BOTH);
    for (const auto& p : patterns) {
        std::string err;
        if (set_->Add(p, &err) < 0) throw std::logic_error(what + " pattern " + p + ": " + err);
    }
    if (!set_->Compile()) throw std::logic_error(what + " patterns do not compile");
}

FirstMatch::~FirstMatch() = default;

int FirstMatch::find(const std::string& text) const {
    std::vector<int> hits;
    if (!set_->Match(text, &hits) || hits.empty()) return -1;
    return *std::min_element(hits.begin(), hits.end());
}

}  // namespace budgetdoc::recognize
