// The 项目支出绩效目标申报表 grammar: fragments of forms as printed, in order.
// dedupe/form_merge joins repeated fragments afterwards.
#include "recognize/form_grammar.hpp"
#include "recognize/patterns.hpp"
#include "recognize/recognize.hpp"
#include "recognize/templates.hpp"

#include "normalize/amount.hpp"
#include "normalize/text.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <set>
#include <stdexcept>
#include <utility>

namespace budgetdoc::recognize {
namespace form {
namespace {

const std::pair<const char*, Field> kFieldNames[] = {
    {"ignore", Field::ignore},
    {"project", Field::project},
    {"department", Field::department},
    {"implementer", Field::implementer},
    {"attribute", Field::attribute},
    {"duration", Field::duration},
    {"total_period", Field::total_period},
    {"total_annual", Field::total_annual},
    {"central", Field::central},
    {"provincial", Field::provincial},
    {"local", Field::local},
    {"self_raised", Field::self_raised},
    {"other", Field::other},
    {"fiscal", Field::fiscal},
    {"overview", Field::overview},
    {"basis", Field::basis},
    {"necessity", Field::necessity},
    {"safeguards", Field::safeguards},
    {"plan", Field::plan},
    {"goal_head_period", Field::goal_head_period},
    {"goal_head_annual", Field::goal_head_annual},
    {"goals", Field::goals},
    {"goal_annual_text", Field::goal_annual_text},
    {"grid_level1", Field::grid_level1},
    {"grid_level2", Field::grid_level2},
    {"grid_level3", Field::grid_level3},
    {"grid_value", Field::grid_value},
    {"grid_nature", Field::grid_nature},
    {"grid_unit", Field::grid_unit},
    {"grid_weight", Field::grid_weight},
    {"grid_ignored", Field::grid_ignored},
    {"money_unit", Field::money_unit},
    {"responsible", Field::responsible},
    {"handler", Field::handler},
    {"phone", Field::phone},
    {"filed", Field::filed},
};

// The labels of templates/forms.yaml, matched in one pass per cell (this runs
// on every cell of every form page); the first listed entry wins.
struct LabelSet {
    std::vector<Field> fields;
    FirstMatch match;
};
const LabelSet& label_set() {
    static const LabelSet labels = [] {
        std::vector<Field> fields;
        std::vector<std::string> patterns;
        for (const auto& fl : builtin_templates().forms.labels) {
            patterns.push_back("(?:" + fl.pattern + "):?");
            fields.push_back(*field_named(fl.field));
        }
        return LabelSet{std::move(fields), FirstMatch(patterns, "form label")};
    }();
    return labels;
}

bool is_text_field(Field f) {
    switch (f) {
        case Field::project: case Field::department: case Field::implementer: case Field::attribute:
        case Field::duration: case Field::overview: case Field::basis: case Field::necessity:
        case Field::safeguards: case Field::plan: case Field::goals:
            return true;
        default:
            return false;
    }
}
bool is_fund_field(Field f) {
    return f == Field::central || f == Field::provincial || f == Field::local || f == Field::self_raised ||
           f == Field::other || f == Field::fiscal;
}
bool is_signoff(Field f) {
    return f == Field::responsible || f == Field::handler || f == Field::phone || f == Field::filed;
}
bool is_grid_header(Field f) {
    return f == Field::grid_level1 || f == Field::grid_level2 || f == Field::grid_level3 || f == Field::grid_value ||
           f == Field::grid_nature || f == Field::grid_unit || f == Field::grid_weight || f == Field::grid_ignored;
}

Text* fund_slot(FormFunds& f, Field field) {
    switch (field) {
        case Field::total_period: case Field::total_annual: return &f.total;
        case Field::central: return &f.central;
        case Field::provincial: return &f.provincial;
        case Field::local: return &f.local;
        case Field::self_raised: return &f.self_raised;
        case Field::other: return &f.other;
        case Field::fiscal: return &f.fiscal;
        default: return nullptr;
    }
}

Text* text_slot(Form& f, Field field) {
    switch (field) {
        case Field::project: return &f.project;
        case Field::department: return &f.department;
        case Field::implementer: return &f.implementer;
        case Field::attribute: return &f.attribute;
        case Field::duration: return &f.duration;
        case Field::overview: return &f.overview;
        case Field::basis: return &f.basis;
        case Field::necessity: return &f.necessity;
        case Field::safeguards: return &f.safeguards;
        case Field::plan: return &f.plan;
        case Field::responsible: return &f.responsible;
        case Field::handler: return &f.handler;
        case Field::phone: return &f.phone;
        case Field::filed: return &f.filed;
        default: return nullptr;
    }
}

void append(Text& slot, const std::string& piece) {
    if (piece.empty()) return;
    if (!slot || slot->empty())
        slot = piece;
    else
        slot = normalize::join_fragments(*slot, piece);
}

// Box of the first `part` of `total` characters of a cell (for split cells).
Box part_box(const Box& b, size_t from, size_t len, size_t total) {
    Box out = b;
    if (total == 0) return out;
    const double w = b.width();
    out.x0 = b.x0 + w * static_cast<double>(from) / static_cast<double>(total);
    out.x1 = b.x0 + w * static_cast<double>(from + len) / static_cast<double>(total);
    return out;
}

}  // namespace

Field match_label(const std::string& text) {
    // Every label is at most 14 characters ("(其中:)市县(区)财政资金:"), and NFKC
    // never makes a text shorter in characters, so a cell of more than 32
    // printed characters (white space aside) is a value: skip the NFKC and the
    // regexes for the long texts that make up most of a form.
    constexpr size_t kLongestLabel = 32;
    size_t chars = 0;
    for (unsigned char c : text)
        if ((c & 0xC0) != 0x80 && c != ' ' && c != '\t' && c != '\n' && c != '\r') ++chars;
    if (chars > kLongestLabel) return Field::none;
    const std::string s = normalize::strip_spaces(normalize::normalize_text(text));
    if (s.empty()) return Field::none;
    const LabelSet& labels = label_set();
    const int hit = labels.match.find(s);
    return hit < 0 ? Field::none : labels.fields[static_cast<size_t>(hit)];
}

std::optional<Field> field_named(const std::string& name) {
    for (const auto& [n, f] : kFieldNames)
        if (name == n) return f;
    return std::nullopt;
}

bool is_form_title(const std::string& text) {
    // templates/forms.yaml: title, and not_title for the department's own.
    const FormTemplate& t = builtin_templates().forms;
    static const RE2 title(t.title);
    static const RE2 not_title(t.not_title.empty() ? "$^" : t.not_title);
    const std::string s = normalize::strip_spaces(normalize::normalize_text(text));
    return RE2::FullMatch(s, title) && !RE2::PartialMatch(s, not_title);
}

std::vector<Token> tokenize(const Line& line) {
    // "450,000年度资金总额:" → "450,000" + "年度资金总额:";  "总额:450,000" → two tokens.
    static const RE2 amount_then_rest(R"(^([-+]?\d[\d,]*(?:\.\d+)?)(\D.*)$)");
    static const RE2 rest_then_amount(R"(^(.*\D)([-+]?\d[\d,]*(?:\.\d+)?)$)");
    std::vector<Token> out;
    for (const auto& c : line.cells) {
        const std::string text = c.text;
        if (text.empty()) continue;
        Field f = match_label(text);
        if (f != Field::none) {
            out.push_back({text, c.box, f});
            continue;
        }
        const std::string s = normalize::strip_spaces(text);
        std::string a, rest;
        if (RE2::FullMatch(s, amount_then_rest, &a, &rest)) {
            Field g = match_label(rest);
            if (g != Field::none) {
                const size_t total = normalize::char_count(s), la = normalize::char_count(a);
                out.push_back({a, part_box(c.box, 0, la, total), Field::none});
                out.push_back({rest, part_box(c.box, la, total - la, total), g});
                continue;
            }
        }
        if (RE2::FullMatch(s, rest_then_amount, &rest, &a)) {
            Field g = match_label(rest);
            if (g != Field::none && g != Field::ignore) {
                const size_t total = normalize::char_count(s), lr = normalize::char_count(rest);
                out.push_back({rest, part_box(c.box, 0, lr, total), g});
                out.push_back({a, part_box(c.box, lr, total - lr, total), Field::none});
                continue;
            }
        }
        out.push_back({text, c.box, Field::none});
    }
    return out;
}

namespace {

struct GridHeader {
    std::vector<std::pair<double, GridCol>> columns;  // centre x → column
    double left = 0;  // left edge of the first heading: cells ending before it are outside the grid
};

// The grid header line (一级指标 二级指标 三级指标 指标值 二级指标 三级指标 指标值).
bool grid_header(const std::vector<Token>& toks, GridHeader* h) {
    int n = 0;
    for (const auto& t : toks)
        if (is_grid_header(t.label)) ++n;
    if (n < 3) return false;
    // Two sets of 二级/三级指标 and 指标值: the 实施期 side, then the 年度 side;
    // one set: annual targets only.
    int names = 0, values = 0;
    for (const auto& t : toks) names += t.label == Field::grid_level3, values += t.label == Field::grid_value;
    const bool two_sides = names >= 2 || values >= 2;
    int l2 = two_sides ? 0 : 1, l3 = l2, v = l2;
    h->columns.clear();
    h->left = 1e18;
    for (const auto& t : toks)
        if (is_grid_header(t.label)) h->left = std::min(h->left, t.box.x0);
    for (const auto& t : toks) {
        GridCol c = GridCol::none;
        bool keep = true;
        switch (t.label) {
            case Field::grid_level1: c = GridCol::level1; break;
            case Field::grid_level2: c = (l2++ == 0) ? GridCol::p_level2 : GridCol::a_level2; break;
            case Field::grid_level3: c = (l3++ == 0) ? GridCol::p_name : GridCol::a_name; break;
            case Field::grid_value: c = (v++ == 0) ? GridCol::p_value : GridCol::a_value; break;
            case Field::grid_nature: c = GridCol::a_nature; break;
            case Field::grid_unit: c = GridCol::a_unit; break;
            case Field::grid_weight: c = GridCol::a_weight; break;
            case Field::grid_ignored: break;  // a column of its own, read as nothing
            default: keep = false; break;
        }
        if (keep) h->columns.push_back({t.box.center_x(), c});
    }
    return true;
}

GridCol classify(const GridHeader& h, const Box& b) {
    GridCol best = GridCol::none;
    double bd = 1e18;
    for (const auto& [x, c] : h.columns) {
        const double d = std::fabs(b.center_x() - x);
        if (d < bd) bd = d, best = c;
    }
    return best;
}

struct Reader {
    bool from_text = false;
    std::vector<Fragment> out;
    Fragment cur;
    bool open = false;
    bool in_grid = false;
    bool expect_year = false;
    GridHeader header;
    std::vector<GridCell> grid;
    int grid_line = 0;
    Field last_text_field = Field::none;
    double goal_split = -1;  // x between 实施期目标 and 年度目标
    bool period_total_seen = false;  // 实施期资金总额 printed: the form has a period side
    // Grid rows of later pages are placed below those of earlier ones.
    static constexpr double kGridPageStep = 100000;
    int grid_page = 0;
    double grid_offset = 0;
    double last_value_x0 = 0, last_value_x1 = 0;  // where the last text field's value is printed
    std::vector<std::vector<Token>> recent_grid_heads;  // grid headings alone on the last two lines
    double last_value_y1 = -1;   // bottom of the last text value read (PDF)
    std::string carry_to_next;   // a line printed nearer the next label's value than the last one's
    std::set<int> pages;

    void close() {
        if (!open) return;
        if (!grid.empty()) {
            bool lossy = false;
            std::string reason;
            cur.form.indicators = read_grid(grid, !from_text, &lossy, &reason);
            if (lossy) {
                cur.lossy = true;
                if (!cur.lossy_reason.empty()) cur.lossy_reason += "; ";
                cur.lossy_reason += reason;
            }
        }
        // A form of annual targets only (no 实施期 funds or goal heading): its one
        // 总体目标 is the annual goal.
        if (!period_total_seen && goal_split < 0 && cur.form.goal_period && !cur.form.goal_annual &&
            !cur.form.period_funds.total)
            std::swap(cur.form.goal_period, cur.form.goal_annual);
        cur.form.pages.assign(pages.begin(), pages.end());
        out.push_back(std::move(cur));
        cur = Fragment{};
        open = false;
        in_grid = false;
        grid.clear();
        grid_line = 0;
        last_text_field = Field::none;
        goal_split = -1;
        period_total_seen = false;
        last_value_y1 = -1;
        carry_to_next.clear();
        grid_page = 0;
        grid_offset = 0;
        pages.clear();
    }

    // The title started a table listing many projects (perf_list_reader), not a form.
    void abandon() {
        if (!open) return;
        close();
        out.pop_back();
    }

    void mark_lossy(const std::string& why) {
        cur.lossy = true;
        if (!cur.lossy_reason.empty()) cur.lossy_reason += "; ";
        cur.lossy_reason += why;
    }

    void start(const std::string& title, int page) {
        close();
        open = true;
        cur.form.title = title;
        expect_year = true;
        // "…绩效目标表(2026年度)": the year printed with the title, not part of it.
        static const RE2 year_suffix(R"(^(.*?)\s*\((\d{4})\s*年度?\)$)");
        std::string bare;
        int year = 0;
        if (RE2::FullMatch(title, year_suffix, &bare, &year)) {
            cur.form.title = bare;
            cur.form.year = year;
            expect_year = false;
        }
        pages.insert(page);
    }

    void head_line(const std::vector<Token>& toks) {
        // Goal column headings give the x that separates period from annual goals.
        double xp = -1, xa = -1;
        for (const auto& t : toks) {
            if (t.label == Field::goal_head_period) xp = t.box.center_x();
            if (t.label == Field::goal_head_annual) xa = t.box.center_x();
        }
        if (xp >= 0 && xa >= 0) goal_split = (xp + xa) / 2;

        bool any_label = false;
        int fund_seen[64] = {0};
        for (size_t i = 0; i < toks.size(); ++i) {
            const Field f = toks[i].label;
            if (f == Field::none) continue;
            any_label = true;
            std::vector<const Token*> vals;
            for (size_t j = i + 1; j < toks.size() && toks[j].label == Field::none; ++j) vals.push_back(&toks[j]);
            std::string joined;
            for (auto* v : vals) joined = joined.empty() ? v->text : normalize::join_fragments(joined, v->text);

            // "(万元)" under a funds label, or inside it ("项目资金(万元)").
            if (f == Field::money_unit || (f == Field::ignore && toks[i].text.find("万元") != std::string::npos)) {
                cur.form.money_unit = "万元";
                if (f == Field::money_unit) continue;
            }
            if (f == Field::goal_annual_text || (f == Field::goal_head_annual && xp < 0 && !vals.empty())) {
                // 当年绩效目标 / 年度目标 as a row label: its text is the annual goal.
                append(cur.form.goal_annual, joined);
                last_text_field = Field::goal_annual_text;
                continue;
            }
            if (f == Field::total_period || f == Field::total_annual || is_fund_field(f)) {
                if (f == Field::total_period) period_total_seen = true;
                bool annual = f == Field::total_annual;
                // Sources after 实施期资金总额 come in pairs, period then annual;
                // a form printing annual funds only lists them once.
                if (is_fund_field(f)) annual = period_total_seen ? fund_seen[static_cast<int>(f)]++ > 0 : true;
                FormFunds& funds = annual ? cur.form.annual_funds : cur.form.period_funds;
                Text* slot = fund_slot(funds, f);
                if (slot && !slot->has_value() && !joined.empty()) {
                    auto amt = normalize::canonical_amount(joined);
                    if (amt) *slot = *amt;
                }
                last_text_field = Field::none;
            } else if (f == Field::goals) {
                // Two texts: period then annual.  One text: the side its
                // position is under (the column headings), else period.
                for (auto* v : vals) {
                    bool annual;
                    if (vals.size() >= 2)
                        annual = v != vals.front();
                    else
                        annual = !from_text && goal_split >= 0 && v->box.center_x() >= goal_split;
                    append(annual ? cur.form.goal_annual : cur.form.goal_period, v->text);
                }
                last_text_field = Field::goals;
            } else if (Text* slot = text_slot(cur.form, f)) {
                if (!carry_to_next.empty() && is_text_field(f)) {
                    joined = joined.empty() ? carry_to_next : normalize::join_fragments(carry_to_next, joined);
                    carry_to_next.clear();
                }
                if (!joined.empty()) {
                    if (!slot->has_value())
                        *slot = joined;
                    else if (is_text_field(f) && last_text_field == f)
                        append(*slot, joined);
                }
                last_text_field = is_text_field(f) ? f : Field::none;
                if (!vals.empty()) {
                    for (auto* v : vals) last_value_y1 = std::max(last_value_y1, v->box.y1);
                    last_value_x0 = vals.front()->box.x0, last_value_x1 = vals.front()->box.x1;
                    for (auto* v : vals)
                        last_value_x0 = std::min(last_value_x0, v->box.x0), last_value_x1 = std::max(last_value_x1, v->box.x1);
                }
                if (is_signoff(f)) cur.has_signoff = true;
            }
        }
        if (!any_label && last_text_field != Field::none && !toks.empty()) {
            // A continuation line of a long text cell (text input).
            if (last_text_field == Field::goal_annual_text) {
                for (const auto& v : toks) append(cur.form.goal_annual, v.text);
            } else if (last_text_field == Field::goals) {
                // Text input: the annual goal slid onto a line of its own.
                if (toks.size() == 1 && cur.form.goal_period && !cur.form.goal_annual) {
                    cur.form.goal_annual = toks.front().text;
                    mark_lossy("总体目标 split over two lines");
                } else {
                    for (const auto& v : toks) {
                        bool annual = goal_split >= 0 ? v.box.center_x() >= goal_split : &v != &toks.front();
                        append(annual ? cur.form.goal_annual : cur.form.goal_period, v.text);
                    }
                }
            } else if (Text* slot = text_slot(cur.form, last_text_field)) {
                // PDF: only what is printed under the value continues it (a
                // neighbouring cell's second line may share the printed line).
                for (const auto& v : toks)
                    if (from_text || (v.box.x1 > last_value_x0 && v.box.x0 < last_value_x1)) {
                        append(*slot, v.text);
                        last_value_y1 = std::max(last_value_y1, v.box.y1);
                    }
            }
        }
    }

    void grid_row(const Line& line, int page) {
        // A grid continued on the next page: its rows follow those of the
        // previous page, never share their height.
        if (grid_page && page != grid_page) grid_offset += kGridPageStep;
        grid_page = page;
        for (const auto& c : line.cells) {
            if (c.text.empty()) continue;
            if (match_label(c.text) != Field::none) continue;  // 绩效指标
            // 绩/效/指/标 printed down the row-label column, left of the grid (PDF:
            // a text input's columns are tab positions, not places).
            if (!from_text && c.box.x1 < header.left) continue;
            // Furniture left over ("— —" of a page number), a column's subtotal "(90)".
            static const RE2 no_content(R"(^—[\s—]*—$|^\(\d+\)$)");
            if (RE2::FullMatch(c.text, no_content)) continue;
            Box b = c.box;
            b.y0 += grid_offset, b.y1 += grid_offset;
            grid.push_back({classify(header, c.box), c.text, b, grid_line});
        }
        ++grid_line;
    }

    void line(const Line& ln, int page, bool first_on_page, const Line* next = nullptr) {
        std::string whole;
        for (const auto& c : ln.cells) whole += c.text;
        if (ln.cells.size() == 1 && is_form_title(whole)) {
            start(normalize::normalize_text(whole), page);
            return;
        }
        if (!open) return;
        // Another table's title or label (部门整体支出绩效目标表, 表15) ends the form.
        const std::string bare = normalize::strip_spaces(normalize::normalize_text(whole));
        if (RE2::PartialMatch(whole, part_heading()) ||
            (ln.cells.size() == 1 && (RE2::FullMatch(bare, table_label_line()) ||
                                      (RE2::FullMatch(bare, other_table_title()) && match_label(bare) == Field::none)))) {
            close();
            return;
        }
        if (in_grid && !from_text && std::all_of(ln.cells.begin(), ln.cells.end(),
                                   [&](const Cell& c) { return c.text.empty() || c.box.x1 < header.left; })) {
            pages.insert(page);
            return;  // 绩/效/指/标 printed down the row-label column beside the grid
        }
        std::string money;
        if (!in_grid && RE2::PartialMatch(whole, unit_line(), &money)) {
            cur.form.money_unit = money == "元" ? "" : money;  // 单位:万元 under the title
            pages.insert(page);
            return;
        }
        auto toks = tokenize(ln);
        bool has_label = false, has_signoff_label = false;
        for (const auto& t : toks) {
            if (t.label != Field::none) has_label = true;
            if (is_signoff(t.label)) has_signoff_label = true;
        }
        // Grid headings printed a line or two above the others (分值 over the
        // weight column, 一级/指标 wrapped around the header line).
        std::vector<Token> heads_above;
        for (const auto& held : recent_grid_heads) heads_above.insert(heads_above.end(), held.begin(), held.end());
        const bool only_heads = !toks.empty() && std::all_of(toks.begin(), toks.end(), [](const Token& t) {
            return is_grid_header(t.label);
        });
        recent_grid_heads.push_back(only_heads ? toks : std::vector<Token>{});
        if (recent_grid_heads.size() > 2) recent_grid_heads.erase(recent_grid_heads.begin());
        if (first_on_page && !has_label && !(in_grid && ln.cells.size() >= 2)) {
            close();  // the next page does not continue the form
            return;
        }
        pages.insert(page);
        if (expect_year) {
            expect_year = false;
            if (!has_label) {
                int y = year_in(whole);
                if (y) cur.form.year = y;
                return;
            }
        }
        if (has_signoff_label) {
            in_grid = false;
            head_line(toks);
            close();
            return;
        }
        std::vector<Token> with_above = toks;
        for (const auto& t : heads_above)
            if (std::none_of(toks.begin(), toks.end(), [&](const Token& o) { return o.label == t.label; }))
                with_above.push_back(t);
        std::stable_sort(with_above.begin(), with_above.end(),
                         [](const Token& a, const Token& b) { return a.box.x0 < b.box.x0; });
        if (!in_grid && grid_header(toks, &header)) {
            grid_header(with_above, &header);
            in_grid = true;
            recent_grid_heads.clear();
            last_text_field = Field::none;
            return;
        }
        if (in_grid) {
            bool head_label = false;
            for (const auto& t : toks)
                if (t.label != Field::none && t.label != Field::ignore && !is_grid_header(t.label)) head_label = true;
            if (!head_label) {
                grid_row(ln, page);
                return;
            }
            in_grid = false;  // a head row printed after a grid header (text input)
            mark_lossy("form head rows after the indicator header");
        }
        // A line of no label between two text rows, printed nearer the next row's
        // value than the last one's (a long text overflowing its cell, Chromium):
        // it begins the next label's text.
        if (!from_text && !has_label && next && is_text_field(last_text_field) && last_value_y1 >= 0) {
            const auto next_toks = tokenize(*next);
            Field next_label = Field::none;
            for (const auto& t : next_toks)
                if (t.label != Field::none) {
                    next_label = t.label;
                    break;
                }
            double next_top = 1e18;
            for (const auto& t : next_toks)
                if (t.label == Field::none) next_top = std::min(next_top, t.box.y0);
            const double gap_prev = ln.box.y0 - last_value_y1, gap_next = next_top - ln.box.y1;
            if (is_text_field(next_label) && next_top < 1e17 && gap_next < gap_prev) {
                std::string text;
                for (const auto& t : toks) text = normalize::join_fragments(text, t.text);
                carry_to_next = carry_to_next.empty() ? text : normalize::join_fragments(carry_to_next, text);
                pages.insert(page);
                return;
            }
        }
        head_line(toks);
    }
};

}  // namespace

namespace {

// A label printed over two lines ("市县(区)财政资" / "金") is one label: the
// piece on the next line in the same column is joined to it.
std::vector<Line> join_split_labels(const std::vector<Line>& in) {
    std::vector<Line> lines = in;
    // The rest may also sit two lines down, a value line of the next column
    // between ("主管部门及代" / "[292]国家信访局 实施单位 …" / "码").
    for (size_t i = 0; i + 1 < lines.size(); ++i) {
        for (auto& c : lines[i].cells) {
            bool joined_one = false;
            for (size_t down = 1; down <= 2 && !joined_one && i + down < lines.size(); ++down) {
                if (c.text.empty() || match_label(c.text) != Field::none) break;
                auto& next = lines[i + down].cells;
                for (size_t k = 0; k < next.size(); ++k) {
                    const Cell& d = next[k];
                    // Left-aligned under it, or centred under it.
                    const bool same_column = std::fabs(d.box.x0 - c.box.x0) < 1.0 + 0.25 * c.box.width() ||
                                             std::fabs(d.box.center_x() - c.box.center_x()) < 0.25 * c.box.width();
                    if (!same_column || d.text.empty() || match_label(d.text) != Field::none) continue;
                    const std::string joined = normalize::join_fragments(c.text, d.text);
                    if (match_label(joined) == Field::none) continue;
                    c.text = joined;
                    c.raw += "\n" + d.raw;
                    next.erase(next.begin() + static_cast<long>(k));
                    joined_one = true;
                    break;
                }
            }
        }
    }
    return lines;
}

}  // namespace

std::vector<Fragment> read_fragments(const std::vector<Page>& pages, bool from_text) {
    Reader r;
    r.from_text = from_text;
    for (const auto& p : pages) {
        bool first = true;
        const auto lines = join_split_labels(p.lines);
        for (size_t i = 0; i < lines.size(); ++i) {
            const Line& ln = lines[i];
            if (ln.cells.empty()) continue;
            if (r.open && !from_text && is_list_header_line(lines, i)) {
                r.abandon();
                continue;
            }
            r.line(ln, ln.page ? ln.page : p.number, first, i + 1 < lines.size() ? &lines[i + 1] : nullptr);
            first = false;
        }
    }
    r.close();
    return std::move(r.out);
}

}  // namespace form

void read_forms(const std::vector<Page>& pages, Document& doc, bool from_text) {
    auto fragments = form::read_fragments(pages, from_text);
    if (!from_text) {
        auto listed = form::read_list_tables(pages);
        for (auto& f : listed) fragments.push_back(std::move(f));
        std::stable_sort(fragments.begin(), fragments.end(), [](const form::Fragment& a, const form::Fragment& b) {
            const int pa = a.form.pages.empty() ? 0 : a.form.pages.front();
            const int pb = b.form.pages.empty() ? 0 : b.form.pages.front();
            return pa < pb;
        });
    }
    for (auto& fr : fragments) {
        if (!fr.form.project && fr.form.indicators.empty() && !fr.form.period_funds.total) continue;
        // 项目属性 reads like one of a few kinds; anything else means a character
        // slid into the neighbouring cell in the extracted text (…局一 | 次性项目).
        static const RE2 attribute_kind(R"((?:一次性|经常性|延续性|持续性|新增|新设|跨年度|其他).*)");
        if (from_text && fr.form.attribute && !RE2::FullMatch(*fr.form.attribute, attribute_kind)) {
            fr.lossy = true;
            if (!fr.lossy_reason.empty()) fr.lossy_reason += "; ";
            fr.lossy_reason += "项目属性 \"" + *fr.form.attribute + "\" is not a project kind";
        }
        if (fr.lossy) {
            const int page = fr.form.pages.empty() ? 0 : fr.form.pages.front();
            doc.diagnostics.push_back({"warning", "lossy_source",
                                       "form " + fr.form.project.value_or("?") +
                                           ": cells out of place in the source, best reading given (" +
                                           fr.lossy_reason + ")",
                                       page, fr.form.pages});
        }
        doc.performance_forms.push_back(std::move(fr.form));
    }
}

}  // namespace budgetdoc::recognize
