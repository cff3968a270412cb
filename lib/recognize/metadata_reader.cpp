// recognize/metadata_reader — the document's unit (单位名称) and year.
#include "recognize/patterns.hpp"
#include "recognize/recognize.hpp"

#include <map>

namespace budgetdoc::recognize {

void read_metadata(const std::vector<Page>& pages, Document& doc) {
    std::map<std::string, int> units;  // most frequent 单位名称 wins
    std::map<int, int> years;
    for (const auto& p : pages)
        for (const auto& l : p.lines)
            for (const auto& c : l.cells) {
                std::string name;
                if (RE2::FullMatch(c.text, unit_name_line(), &name) && !name.empty()) units[name]++;
                if (c.text.size() < 120 && !is_toc_line(c.text))
                    if (int y = year_in(c.text); y > 0 && (c.text.find("预算") != std::string::npos)) years[y]++;
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
