// recognize/patterns — the RE2 patterns for the lines around tables and forms
// (titles, 单位 lines, notes, table labels, part headings), compiled once.
// All match normalized text (NFKC: full-width punctuation is ASCII here).
#pragma once

#include <re2/re2.h>

#include <memory>
#include <string>
#include <vector>

namespace budgetdoc::recognize {

// Title with year ("2023年", "2023年度"), a unit-name prefix, table labels and
// the "(不含上年结转)" qualifier removed: "2023年预算收支总表" → "预算收支总表".
std::string title_core(const std::string& title);

// The year printed in a title or heading ("2023年…" → 2023), 0 if none.
int year_in(const std::string& text);

bool is_toc_line(const std::string& text);  // dot leaders + page number

const RE2& form_title();          // …项目支出绩效目标申报表
const RE2& part_heading();        // 第三部分 …
const RE2& other_table_title();   // a short line ending in 表 / 目录 / 明细
const RE2& unit_line();           // 单位：万元  (captures 万元|元)
const RE2& unit_name_line();      // 单位名称：…  (captures the name)
const RE2& table_label_line();    // 预算公开表1, 部门公开表9, 表一
const RE2& no_data_note();        // 注：本表无数据 …
const RE2& note_line();           // 注：… / 说明：…
const RE2& narrative_line();      // a sentence (。) — not a grid row
const RE2& total_label();         // 合计, 总计

// Patterns tried in order against a whole text in one DFA pass (an RE2::Set):
// the index of the first that matches the whole text, -1 when none does.  For
// the vocabularies that run on every cell (form labels, list-table headings).
class FirstMatch {
public:
    // Throws std::logic_error naming `what` and the pattern that does not compile.
    FirstMatch(const std::vector<std::string>& patterns, const std::string& what);
    ~FirstMatch();
    int find(const std::string& text) const;

private:
    std::unique_ptr<RE2::Set> set_;
};

}  // namespace budgetdoc::recognize
