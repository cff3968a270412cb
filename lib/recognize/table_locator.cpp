#include "recognize/table_locator.hpp"

#include "normalize/text.hpp"
#include "recognize/patterns.hpp"

#include <algorithm>

namespace budgetdoc::recognize {
namespace {

const RE2& header_row_cell() {
    static const RE2 re(header_vocabulary());
    return re;
}

}  // namespace

const std::vector<CompiledSpec>& compiled_specs() {
    static const std::vector<CompiledSpec> compiled = [] {
        std::vector<CompiledSpec> out;
        for (const auto& s : table_specs()) {
            CompiledSpec c;
            c.spec = &s;
            // Any prefix may stand before the table name: the unit's name
            // (江苏省高级人民法院收支预算总表), 部门/单位/预算单位, a list number.
            // A prefix joined by 和/及/、 names a combined table (“三公”经费和机关运行
            // 经费预算表), which is none of the 13.
            c.title = std::make_unique<RE2>("(?:[^和及、]*?)(?:" + s.title + ")");
            if (!s.not_title.empty()) c.not_title = std::make_unique<RE2>(s.not_title);
            for (const auto& col : s.columns) c.headers.push_back(std::make_unique<RE2>(col.header));
            out.push_back(std::move(c));
        }
        return out;
    }();
    return compiled;
}

const CompiledSpec* compiled_spec(const TableSpec& spec) {
    for (const auto& c : compiled_specs())
        if (c.spec == &spec) return &c;
    return nullptr;
}

const CompiledSpec* match_title(const std::string& title) {
    const std::string core = title_core(title);
    for (const auto& c : compiled_specs())
        if (RE2::FullMatch(core, *c.title) && !(c.not_title && RE2::PartialMatch(core, *c.not_title))) return &c;
    return nullptr;
}

const TitleFamily* match_family(const std::string& title) {
    static const std::vector<std::pair<const TitleFamily*, std::unique_ptr<RE2>>> compiled = [] {
        std::vector<std::pair<const TitleFamily*, std::unique_ptr<RE2>>> out;
        // The same prefix rule as the 13 titles (compiled_specs).
        for (const auto& f : title_families())
            out.emplace_back(&f, std::make_unique<RE2>("(?:[^和及、]*?)(?:" + f.title + ")"));
        return out;
    }();
    const std::string core = title_core(title);
    for (const auto& [f, re] : compiled)
        if (RE2::FullMatch(core, *re)) return f;
    return nullptr;
}

void add_page(std::vector<int>& pages, int p) {
    if (std::find(pages.begin(), pages.end(), p) == pages.end()) pages.push_back(p);
}

std::string line_text(const Line& l) {
    std::string s;
    for (const auto& c : l.cells) s = s.empty() ? c.text : normalize::join_fragments(s, c.text);
    return s;
}

// Column numbers (1 2 3 …), possibly headed 栏次 (决算 tables: "栏次 | 1 | 2") or
// starred in the label columns ("** | ** | 1 | 2").
bool is_column_number_row(const Line& l) {
    if (l.cells.size() < 2) return false;
    int numbers = 0, labels = 0, previous = 0;
    bool consecutive = true;  // column numbers count 1, 2, 3 …; 行次 of an empty row (30 | 61) do not
    for (const auto& c : l.cells) {
        int n = 0;
        if (RE2::FullMatch(c.text, R"((\d{1,2}))", &n)) {
            consecutive = consecutive && (numbers == 0 || n == previous + 1);
            previous = n;
            ++numbers;
        } else if (c.text == "栏次" || c.text == "行次" || RE2::FullMatch(c.text, R"(\*+)")) {
            ++labels;
        } else {
            return false;
        }
    }
    return (numbers >= 2 && (consecutive || labels >= 1)) || (numbers >= 1 && labels >= 1);
}

bool is_header_row(const Line& l) {
    if (is_column_number_row(l)) return true;
    for (const auto& c : l.cells)
        if (!RE2::FullMatch(c.text, header_row_cell())) return false;
    return true;
}

bool is_heading_after_table(const Line& l, bool numbered_too) {
    if (l.cells.size() != 1) return false;
    static const RE2 explanation(R"((?:情况)?说明$)");
    static const RE2 numbered(R"(^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\))(?:[^\d.,]*\d{4}\s*年)?[^\d.,]+$)");
    const std::string t = line_text(l);
    return RE2::PartialMatch(t, explanation) || (numbered_too && RE2::PartialMatch(t, numbered));
}

const HorizontalSpec* match_horizontal_title(const std::string& title) {
    const std::string core = title_core(title);
    for (const auto& h : horizontal_specs())
        if (RE2::PartialMatch(core, h.title)) return &h;
    return nullptr;
}

// A title after its label and a colon ("表6:2026年市级部门一般公共预算基本支出预算表"): the
// colon keeps the whole line from reading as a title.
bool labelled_with_colon(const std::string& t) {
    static const RE2 re(R"(^\s*(表\s*[一二三四五六七八九十\d]+|(?:预算|部门|单位)?公开\s*\d+\s*表|附表\s*\d+)\s*[:：]\s*(.+)$)");
    std::string label, rest;
    return RE2::FullMatch(t, re, &label, &rest) && RE2::FullMatch(rest, other_table_title());
}

// A title printed beside its label in a cell of its own ("预算06表 | 一般公共预算基本支出表").
bool labelled_title(const Line& l) {
    return l.cells.size() == 2 && RE2::FullMatch(normalize::strip_spaces(l.cells[0].text), table_label_line());
}

std::vector<TableRegion> locate_tables(const std::vector<Page>& pages) {
    struct At {
        size_t page, line;
    };
    struct Mark {
        At at;
        enum Kind { table, other_table, stop } kind;
        const TableSpec* spec;
        std::string title;
        const HorizontalSpec* horizontal = nullptr;
        size_t lines = 1;  // printed lines the title takes
        const TitleFamily* family = nullptr;
    };
    // 1. Titles and the other boundaries, in reading order.
    std::vector<Mark> marks;
    for (size_t p = 0; p < pages.size(); ++p)
        for (size_t i = 0; i < pages[p].lines.size(); ++i) {
            const Line& l = pages[p].lines[i];
            if (l.cells.size() > 3) continue;
            std::string t = line_text(l);
            if (is_toc_line(t)) continue;
            // A title wrapped onto a second line (…“三公”经费、会议费、培训费支 /
            // 出预算表): a short line of one cell that completes it into a title.
            size_t n = 1;
            if (i + 1 < pages[p].lines.size() && pages[p].lines[i + 1].cells.size() == 1 &&
                !RE2::FullMatch(t, other_table_title()) && !match_title(t)) {
                const std::string rest = line_text(pages[p].lines[i + 1]);
                const std::string joined = normalize::join_fragments(t, rest);
                if (rest.size() <= 8 * 3 && RE2::FullMatch(rest, R"([^\d\s]+)") &&
                    (match_title(joined) || RE2::FullMatch(joined, other_table_title()))) {
                    t = joined;
                    n = 2;
                }
            }
            if (const CompiledSpec* cs = match_title(t)) {
                marks.push_back({{p, i}, Mark::table, cs->spec, t, nullptr, n});
            } else if (RE2::PartialMatch(t, form_title()) || RE2::PartialMatch(t, part_heading())) {
                marks.push_back({{p, i}, Mark::stop, nullptr, t, nullptr, n});
            } else if ((l.cells.size() == 1 || n == 2 || labelled_title(l)) &&
                       (RE2::FullMatch(t, other_table_title()) || labelled_with_colon(t)) &&
                       !title_core(t).empty()) {  // a label alone (公开01表, 表1) titles nothing
                marks.push_back({{p, i}, Mark::other_table, nullptr, t, match_horizontal_title(t), n, match_family(t)});
            }
            i += n - 1;
        }
    // 2. Each region's lines up to the next mark.
    std::vector<TableRegion> regions;
    for (size_t m = 0; m < marks.size(); ++m) {
        if (marks[m].kind == Mark::stop) continue;
        const At end = m + 1 < marks.size() ? marks[m + 1].at : At{pages.size(), 0};
        TableRegion r;
        r.spec = marks[m].spec;
        r.title = marks[m].title;
        r.horizontal = marks[m].horizontal;
        r.family = marks[m].family;
        r.title_page = pages[marks[m].at.page].number;
        for (size_t p = marks[m].at.page; p < pages.size() && p <= end.page; ++p) {
            const auto& lines = pages[p].lines;
            const size_t from = p == marks[m].at.page ? marks[m].at.line + marks[m].lines : 0;
            const size_t to = p == end.page ? end.line : lines.size();
            std::vector<const Line*> part;
            bool ended = false;
            for (size_t i = from; i < to && i < lines.size(); ++i) {
                const Line& l = lines[i];
                const std::string t = line_text(l);
                std::string u;
                std::string name;
                if (RE2::PartialMatch(t, unit_line(), &u)) {
                    if (r.unit.empty()) r.unit = u;
                    if (r.unit_name.empty() && !l.cells.empty() &&
                        RE2::PartialMatch(l.cells.front().text, unit_name_line(), &name))
                        r.unit_name = name;
                    continue;
                }
                if (RE2::PartialMatch(t, unit_name_line(), &name)) {
                    if (r.unit_name.empty()) r.unit_name = name;
                    continue;
                }
                if (RE2::FullMatch(t, table_label_line())) continue;
                if (RE2::PartialMatch(t, no_data_note())) {
                    r.no_data_note = true;
                    continue;
                }
                if (RE2::PartialMatch(t, note_line())) continue;
                if (r.no_data_note) continue;  // after the note only stray text follows
                // The heading of the explanation below a grid ends the table.
                if ((!part.empty() || !r.parts.empty()) && is_heading_after_table(l, !r.spec)) {
                    ended = true;
                    break;
                }
                // A sentence on its own line is narrative, not a grid row; for a
                // table we know only by its title, narrative also ends it.
                if (l.cells.size() == 1 && RE2::PartialMatch(t, narrative_line())) {
                    if (!r.spec) {
                        ended = true;
                        break;
                    }
                    continue;
                }
                part.push_back(&l);
            }
            if (!part.empty()) r.parts.push_back(std::move(part));
            // An unknown table's grid starts on its title's page.
            if (!r.spec && r.parts.empty()) ended = true;
            if (ended) break;
        }
        regions.push_back(std::move(r));
    }
    return regions;
}

}  // namespace budgetdoc::recognize
