// recognize/metadata_reader — the document's unit (单位名称), year, kind (预算 or
// 决算) and scope (部门 or 单位).
#include "recognize/patterns.hpp"
#include "recognize/recognize.hpp"

#include <map>

namespace budgetdoc::recognize {
namespace {

// Kind and scope from the first lines that name the disclosure (cover, title
// page): "2024年度部门决算", "XX单位2026年单位预算公开".  Narrative further on
// mentions both 预算 and 决算 (决算 compares with the 年初预算), so the first
// naming line decides.
void read_kind(const std::vector<Page>& pages, Document& doc) {
    static const RE2 naming(R"((部门|单位)?(?:综合)?(预算|决算)(?:公开|信息公开|报告|情况|说明)?)");
    static const RE2 final_word(R"(决算)");
    int looked = 0;
    for (size_t p = 0; p < pages.size() && p < 3; ++p)
        for (const auto& l : pages[p].lines)
            for (const auto& c : l.cells) {
                if (c.text.size() > 150 || is_toc_line(c.text)) continue;
                std::string scope, kind;
                if (!RE2::PartialMatch(c.text, naming, &scope, &kind)) continue;
                if (doc.kind.empty()) doc.kind = kind == "决算" ? "final_accounts" : "budget";
                if (!doc.scope && !scope.empty()) doc.scope = scope == "部门" ? "department" : "unit";
                if (!doc.kind.empty() && doc.scope) return;
                if (++looked > 12) return;
            }
    // No naming line in the first pages: any table title says which.
    if (doc.kind.empty())
        for (const auto& p : pages)
            for (const auto& l : p.lines)
                for (const auto& c : l.cells)
                    if (c.text.size() < 150 && RE2::PartialMatch(c.text, R"(预算|决算)")) {
                        doc.kind = RE2::PartialMatch(c.text, final_word) ? "final_accounts" : "budget";
                        return;
                    }
}

}  // namespace

void read_metadata(const std::vector<Page>& pages, Document& doc) {
    std::map<std::string, int> units;  // most frequent 单位名称 wins
    std::map<int, int> years;
    for (const auto& p : pages)
        for (const auto& l : p.lines)
            for (const auto& c : l.cells) {
                std::string name;
                if (RE2::FullMatch(c.text, unit_name_line(), &name) && !name.empty()) units[name]++;
                if (c.text.size() < 120 && !is_toc_line(c.text))
                    if (int y = year_in(c.text); y > 0 && (c.text.find("预算") != std::string::npos ||
                                                          c.text.find("决算") != std::string::npos))
                        years[y]++;
            }
    // Without a 单位名称 line, the cover names the unit: "江苏省高级人民法院2018年度
    // 预算公开", "上海市普陀区社会福利院2024年单位预算".
    if (units.empty()) {
        static const RE2 cover(R"(^(?:\d{4}年度?)?(.{4,40}?)(?:\d{4}年度?)?(?:部门|单位)?(?:预算|预算公开|预算信息公开)$)");
        for (size_t p = 0; p < pages.size() && p < 2; ++p)
            for (const auto& l : pages[p].lines)
                for (const auto& c : l.cells) {
                    std::string name;
                    if (RE2::FullMatch(c.text, cover, &name) && name.find("预算") == std::string::npos) units[name]++;
                }
    }
    read_kind(pages, doc);
    int best = 0;
    for (const auto& [u, n] : units)
        if (n > best) {
            best = n;
            doc.unit = u;
        }
    best = 0;
    for (const auto& [y, n] : years)
        if (n > best) {
            best = n;
            doc.year = y;
        }
}

}  // namespace budgetdoc::recognize
