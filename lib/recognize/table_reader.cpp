// recognize/table_reader — find the 13 tables (and other ruled tables) in the
// page model and parse their rows into contract records, driven by table_specs.
//
// A table runs from its title line to the next title, form, part heading or the
// end of the document; it may cross pages.  Inside it: 单位名称/单位 lines, an
// optional table label (预算公开表1), the grid (header rows, then body rows) and
// an optional note (注：本表无数据).  Each page's part of the grid maps its
// columns to fields through its own header rows, or, on a continuation page
// without header, through the previous part's column positions.
#include "recognize/recognize.hpp"

#include "normalize/amount.hpp"
#include "normalize/text.hpp"
#include "recognize/grouped_table.hpp"
#include "recognize/horizontal_table.hpp"
#include "recognize/measure_table.hpp"
#include "recognize/patterns.hpp"
#include "recognize/table_locator.hpp"
#include "recognize/table_specs.hpp"
#include "source/column_bands.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <deque>
#include <map>
#include <memory>
#include <set>

namespace budgetdoc::recognize {
namespace {

// A row with at least one cell that is wholly header words (项目, 合计, 基本支出…):
// with no amount or code in it and above the data, it is a header row even when
// its other cells are words this grammar does not know (单位预留机动经费).
bool has_header_word(const Line& l) {
    static const RE2 word(header_vocabulary());
    for (const auto& c : l.cells)
        if (RE2::FullMatch(c.text, word)) return true;
    return false;
}

// A cell with a digit that is not a year or a column number: data, not header
// (codes such as 036B01 in a 目录).
bool has_data_cell(const Line& l) {
    static const RE2 year_or_number(R"(.*\d{4}\s*年.*|\d{1,2})");
    for (const auto& c : l.cells)
        if (c.text.find_first_of("0123456789") != std::string::npos && !RE2::FullMatch(c.text, year_or_number))
            return true;
    return false;
}

struct BandField {
    double x0, x1;
    int field;  // index into spec columns, -1 unmapped
};

// Map this part's columns to spec fields from its header rows.
std::vector<BandField> map_from_header(const std::vector<const Line*>& header, const std::vector<const Line*>& all,
                                       const CompiledSpec& cs) {
    std::map<int, std::string> header_text;
    std::map<int, std::pair<double, double>> extent;
    for (const Line* l : all)
        for (const auto& c : l->cells) {
            if (c.column < 0 || c.span > 1) continue;
            auto it = extent.find(c.column);
            if (it == extent.end()) {
                extent[c.column] = {c.box.x0, c.box.x1};
            } else {
                it->second.first = std::min(it->second.first, c.box.x0);
                it->second.second = std::max(it->second.second, c.box.x1);
            }
        }
    // A group heading (基本支出) centred over a run of columns headed below it:
    // when one of them is headed 小计, that subtotal is the group's own figure, so
    // its column takes the heading (not the column the heading happens to
    // overlap); with none, the heading names no column of its own.
    static const RE2 subtotal_word("小计|合计");
    std::vector<const Cell*> heads;
    for (const Line* l : header)
        if (!is_column_number_row(*l))
            for (const auto& c : l->cells)
                if (c.column >= 0 && c.span == 1) heads.push_back(&c);
    std::vector<int> columns_in_order;
    for (const auto& [column, ext] : extent) columns_in_order.push_back(column);
    std::map<int, std::pair<double, double>> body_extent;
    for (const Line* l : all) {
        if (std::find(header.begin(), header.end(), l) != header.end()) continue;
        for (const auto& c : l->cells) {
            if (c.column < 0 || c.span > 1) continue;
            auto it = body_extent.emplace(c.column, std::make_pair(c.box.x0, c.box.x1)).first;
            it->second.first = std::min(it->second.first, c.box.x0);
            it->second.second = std::max(it->second.second, c.box.x1);
        }
    }
    std::map<const Cell*, int> heading_column;
    for (const Cell* g : heads) {
        // Only a heading that names a figure of the table (基本支出), not a side
        // (收入 | 支出) or a title.
        bool names_figure = false;
        for (size_t k = 0; k < cs.spec->columns.size() && !names_figure; ++k)
            names_figure = cs.spec->columns[k].kind == FieldKind::amount && RE2::PartialMatch(g->text, *cs.headers[k]) &&
                           !RE2::FullMatch(g->text, subtotal_word);
        if (!names_figure) continue;
        const double fs = std::max(1.0, g->font_size);
        // A heading centred over the figures of the column it stands in is that
        // column's own.
        auto own = body_extent.find(g->column);
        if (own == body_extent.end() || std::fabs((own->second.first + own->second.second) / 2 - g->box.center_x()) <= fs)
            continue;
        for (size_t a = 0; a < columns_in_order.size(); ++a)
            for (size_t b = a + 1; b < columns_in_order.size(); ++b) {
                const double centre = (extent[columns_in_order[a]].first + extent[columns_in_order[b]].second) / 2;
                if (std::fabs(centre - g->box.center_x()) > fs) continue;
                // Every other column of the run is headed below the group heading.
                bool headed_below = true;
                for (size_t k = a; k <= b && headed_below; ++k) {
                    if (columns_in_order[k] == g->column) continue;
                    bool below = false;
                    for (const Cell* h : heads)
                        below = below || (h->column == columns_in_order[k] && h->box.center_y() >= g->box.center_y() + 0.3 * fs);
                    headed_below = below;
                }
                if (!headed_below || g->column < columns_in_order[a] || g->column > columns_in_order[b]) continue;
                bool own_heading_below = false;
                for (const Cell* sub : heads) {
                    const int col = sub->column;
                    if (sub->box.center_y() < g->box.center_y() + 0.3 * fs) continue;
                    if (col == g->column) own_heading_below = true;
                    if (col == g->column || col < columns_in_order[a] || col > columns_in_order[b]) continue;
                    if (RE2::FullMatch(sub->text, subtotal_word)) heading_column[g] = col;
                }
                // With no subtotal the group prints only its parts (人员经费 |
                // 公用经费 under 基本支出): each column is named by its own heading.
                if (!heading_column.count(g) && own_heading_below) heading_column[g] = -1;
            }
    }
    for (const Line* l : header)
        for (const auto& c : l->cells) {
            if (c.column < 0 || c.span > 1 || is_column_number_row(*l)) continue;
            auto moved = heading_column.find(&c);
            if (moved != heading_column.end()) {
                if (moved->second >= 0) header_text[moved->second] = c.text + header_text[moved->second];
            }
            else
                header_text[c.column] += c.text;
        }
    // Which columns hold anything below the header: a column printed with a
    // header only (a group header such as 本年支出 set over its own band, or an
    // all-empty column) must not take a field that a column of figures further
    // right answers to.
    std::map<int, bool> has_body;
    for (const Line* l : all) {
        if (std::find(header.begin(), header.end(), l) != header.end() || is_column_number_row(*l)) continue;
        for (const auto& c : l->cells)
            if (c.column >= 0 && c.span == 1) has_body[c.column] = true;
    }
    // A heading centred over its column while the column's text is printed to
    // one side of it (codes left-aligned under 经济科目编码) makes two bands: one
    // with the heading and nothing below, one beside it with text and no
    // heading.  They are one column; the text's band takes the heading.
    {
        std::vector<int> order;
        for (const auto& [column, ext] : extent) order.push_back(column);
        for (size_t i = 0; i + 1 < order.size(); ++i) {
            const int a = order[i], b = order[i + 1];
            const bool a_head_only = header_text.count(a) && !has_body[a], b_head_only = header_text.count(b) && !has_body[b];
            const bool a_body_only = !header_text.count(a) && has_body[a], b_body_only = !header_text.count(b) && has_body[b];
            if (a_head_only && b_body_only) {
                header_text[b] = header_text[a];
                header_text.erase(a);
            } else if (b_head_only && a_body_only) {
                header_text[a] = header_text[b];
                header_text.erase(b);
            }
        }
    }
    const auto& cols = cs.spec->columns;
    // The field of column `text` among cols[from, to): fields may be skipped
    // (a column the table does not print), but not into the other side of a
    // two-sided table: a side is entered through its label column.
    auto match = [&](const std::string& text, size_t from, size_t to) -> int {
        for (size_t k = from; k < to && k < cols.size(); ++k) {
            if (RE2::PartialMatch(text, *cs.headers[k])) return static_cast<int>(k);
            if (k + 1 < cols.size() && cols[k + 1].side != cols[k].side) return -1;  // the side's last field
        }
        return -1;
    };
    std::vector<BandField> out;
    std::vector<int> column_of;
    for (const auto& [column, ext] : extent) {
        out.push_back({ext.first, ext.second, -1});
        column_of.push_back(column);
    }
    // Pass 1: columns with figures or labels below the header, in printed order.
    auto pass1 = [&](size_t start) {
        size_t next = start;
        for (size_t i = 0; i < out.size(); ++i) {
            out[i].field = -1;
            auto ht = header_text.find(column_of[i]);
            if (ht == header_text.end() || !has_body[column_of[i]]) continue;
            // A field may span several printed columns (类/款/项 of a code):
            // the previous field is tried again before the next ones.
            const size_t from = next > start && cols[next - 1].kind == FieldKind::code ? next - 1 : next;
            const int f = match(ht->second, from, cols.size());
            if (f >= 0) {
                out[i].field = f;
                next = static_cast<size_t>(f) + 1;
            }
        }
    };
    pass1(0);
    // A two-sided table printed with its expenditure side only (国有资本经营预算
    // 支出表: 科目编码 | 科目名称 | 小计 | 基本支出 | 项目支出): the income side maps no
    // figure, so the columns are read from the expenditure side on.
    if (!cols.empty() && cols.front().side == Side::income) {
        bool income_figure = false, any_expenditure = false;
        for (const auto& b : out)
            if (b.field >= 0) {
                const auto& c = cols[static_cast<size_t>(b.field)];
                income_figure = income_figure || (c.side == Side::income && c.kind == FieldKind::amount);
                any_expenditure = any_expenditure || c.side == Side::expenditure;
            }
        size_t first_expenditure = 0;
        while (first_expenditure < cols.size() && cols[first_expenditure].side != Side::expenditure) ++first_expenditure;
        if (!income_figure && !any_expenditure && first_expenditure < cols.size()) pass1(first_expenditure);
    }
    // Pass 1b: a column printed out of the template's order (政府支出经济分类科目
    // before 部门支出经济分类科目) takes the one field no other column has that its
    // header names — never one of another side.
    {
        std::set<int> used;
        for (const auto& b : out)
            if (b.field >= 0) used.insert(b.field);
        for (size_t i = 0; i < out.size(); ++i) {
            auto ht = header_text.find(column_of[i]);
            if (out[i].field >= 0 || ht == header_text.end() || !has_body[column_of[i]]) continue;
            int only = -1, n = 0;
            for (size_t k = 0; k < cols.size(); ++k)
                if (!used.count(static_cast<int>(k)) && RE2::PartialMatch(ht->second, *cs.headers[k]))
                    only = static_cast<int>(k), ++n;
            if (n != 1) continue;
            // The side of its neighbours: a two-sided table's columns stay on their side.
            const Side side = cols[static_cast<size_t>(only)].side;
            bool same_side = true;
            for (size_t j = i; j-- > 0;)
                if (out[j].field >= 0) {
                    same_side = cols[static_cast<size_t>(out[j].field)].side == side;
                    break;
                }
            if (!same_side) continue;
            out[i].field = only;
            used.insert(only);
        }
    }
    // Pass 2: header-only columns take a field between their mapped neighbours.
    for (size_t i = 0; i < out.size(); ++i) {
        auto ht = header_text.find(column_of[i]);
        if (ht == header_text.end() || has_body[column_of[i]]) continue;
        size_t lo = 0, hi = cols.size();
        for (size_t j = i; j-- > 0;)
            if (out[j].field >= 0) {
                lo = static_cast<size_t>(out[j].field) + 1;
                break;
            }
        for (size_t j = i + 1; j < out.size(); ++j)
            if (out[j].field >= 0) {
                hi = static_cast<size_t>(out[j].field);
                break;
            }
        out[i].field = match(ht->second, lo, hi);
    }
    // Fallback: as many columns as the spec and nothing mapped by header → by position.
    int mapped = 0;
    for (const auto& b : out) mapped += b.field >= 0;
    if (header.empty() && out.size() == cols.size() && mapped == 0)
        for (size_t k = 0; k < out.size(); ++k) out[k].field = static_cast<int>(k);
    return out;
}

int field_of(const Cell& c, const std::vector<BandField>& bands) {
    int best = -1;
    double best_ov = 0, best_d = 1e18;
    for (const auto& b : bands) {
        const double ov = std::min(b.x1, c.box.x1) - std::max(b.x0, c.box.x0);
        const double d = std::abs((b.x0 + b.x1) / 2 - c.box.center_x());
        if (ov > best_ov || (best_ov <= 0 && ov <= 0 && d < best_d)) {
            if (ov > best_ov) best_ov = ov;
            best_d = d;
            best = b.field;
        }
    }
    return best;
}

struct TableBuilder {
    const CompiledSpec* cs;
    Table table;
    std::vector<BandField> bands;  // of the last grid part read
    std::set<std::string> header_lines;  // text of the first part's header rows
    bool note_no_data = false;
    std::vector<std::string> problems;
    // Set when the printed shape is not the spec's (see shape_mismatch()): the
    // region is kept as an other table instead.
    std::string mismatch;
    // Text input: cells stand at tab positions, so a merged cell sits in its first
    // column; a PDF cell stands where it is printed.
    bool from_text = false;
};

// Whether a printed column maps to field k (tables read by position map all).
bool printed(const TableBuilder& tb, size_t k) {
    for (const auto& b : tb.bands)
        if (b.field == static_cast<int>(k)) return true;
    return false;
}

// Whether field k is emitted: every contract field; an extra field only when a
// printed column maps to it.
bool emitted(const TableBuilder& tb, size_t k) {
    return !tb.cs->spec->columns[k].extra || printed(tb, k);
}

// The field holding a row's label (合计 on the grand-total row): the template's
// hierarchy `label` (basic_by_economic: dept_item), else name.
const std::string& label_field(const TableSpec& spec) {
    for (const auto& rule : spec.sums)
        if (rule.kind == SumRule::Kind::hierarchy) return rule.label;
    static const std::string name = "name";
    return name;
}

// Whether field k's printed column stands left of field m's.  Columns are
// listed in the template's order, but a region may print two label columns the
// other way round (北京: 政府 before 部门 经济科目); a field not printed by a
// band counts as in template order.
bool printed_left_of(const TableBuilder& tb, size_t k, size_t m) {
    std::optional<double> xk, xm;
    for (const auto& b : tb.bands) {
        if (b.field == static_cast<int>(k) && !xk) xk = b.x0;
        if (b.field == static_cast<int>(m) && !xm) xm = b.x0;
    }
    return !xk || !xm || *xk < *xm;
}

// A table titled as one of the 13 whose printed header maps none of the spec's
// amount columns while its body prints amounts (Jiangsu's 收入预算总表 listing
// income sources under 项目名称 | 金额; a 机关运行经费 table broken down by economic
// 科目) is another shape under the same title: reading it as the standard table
// would give rows with names only and every amount unmapped.  Returns the reason,
// or "" when the shape fits.
std::string shape_mismatch(const std::vector<BandField>& bands, const std::vector<const Line*>& body,
                           const CompiledSpec& cs) {
    const auto& cols = cs.spec->columns;
    for (const auto& b : bands)
        if (b.field >= 0 && cols[static_cast<size_t>(b.field)].kind == FieldKind::amount) return "";
    for (const Line* l : body) {
        if (is_column_number_row(*l)) continue;
        for (const auto& c : l->cells) {
            const int f = field_of(c, bands);
            if (f >= 0 && cols[static_cast<size_t>(f)].kind != FieldKind::amount) continue;
            if (normalize::parse_amount(c.text).kind == normalize::AmountParse::amount)
                return "its header maps none of the amount columns of " + cs.spec->id + " while its body prints amounts";
        }
    }
    return "";
}

const char* side_name(Side side) {
    return side == Side::income ? "income" : side == Side::expenditure ? "expenditure" : "";
}

// Index the row being parsed will have in its list (rows, income, expenditure).
int next_row_index(const TableBuilder& tb, Side side) {
    const Table& t = tb.table;
    const size_t n = side == Side::income ? t.income.size() : side == Side::expenditure ? t.expenditure.size() : t.rows.size();
    return static_cast<int>(n);
}

// A diagnostic about the row being parsed; it also makes the table suspect.
void row_problem(TableBuilder& tb, Document& doc, const std::string& code, const std::string& what, int page,
                 Side side, const std::string& field, const std::optional<Box>& box = std::nullopt) {
    Diagnostic d{"warning", code, "table " + tb.cs->spec->id + ": " + what, page, {}};
    d.bbox = box;
    d.table = tb.cs->spec->id;
    d.row = next_row_index(tb, side);
    d.side = side_name(side);
    d.field = field;
    doc.diagnostics.push_back(std::move(d));
    const std::string reason = code == "unmapped_cell"  ? "cells under no known column"
                               : code == "figure_as_label" ? "a figure where a label is printed"
                                                           : "text in an amount column";
    if (std::find(tb.table.suspect_reasons.begin(), tb.table.suspect_reasons.end(), reason) == tb.table.suspect_reasons.end())
        tb.table.suspect_reasons.push_back(reason);
    tb.table.suspect = true;
}

// A figure and a word run together in one amount cell ("计18,728.94": the end
// of a letter-spaced 合 计 label; "10,528.33一、基本支出": the next cell's
// label): the figure, and the text before or after it.
struct FigureAndText {
    std::string figure, text;
    bool text_first = false;
};
std::optional<FigureAndText> split_figure(const std::string& cell) {
    // The text is words (an ideograph or a letter first), never more figures:
    // "4,661.75 12.50" is two figures run together, not a figure and a word.
    static const RE2 before(R"(^([\p{Han}A-Za-z][^\d]*?)\s*(-?\d[\d,]*(?:\.\d+)?)$)");
    static const RE2 after(R"(^(-?\d[\d,]*(?:\.\d+)?)\s*([\p{Han}A-Za-z（(][^\d]*(?:\d[^\d]*)*)$)");
    FigureAndText f;
    if (RE2::FullMatch(cell, before, &f.text, &f.figure)) {
        f.text_first = true;
    } else if (!RE2::FullMatch(cell, after, &f.figure, &f.text)) {
        return std::nullopt;
    }
    if (normalize::parse_amount(f.figure).kind == normalize::AmountParse::amount) return f;
    return std::nullopt;
}

// Parse one body row into the table.
void parse_body_row(TableBuilder& tb, const Line& l, Document& doc) {
    const auto& cols = tb.cs->spec->columns;
    std::vector<Text> values(cols.size());
    // The printed box of each column's cell (the union of its pieces).
    std::vector<std::optional<Box>> boxes(cols.size());
    // The row's label field, for a 合计 printed in a band of its own.
    size_t label_column = cols.size();
    if (!tb.cs->spec->two_sided)
        for (size_t k = 0; k < cols.size(); ++k)
            if (cols[k].kind == FieldKind::text && cols[k].field == label_field(*tb.cs->spec)) label_column = k;
    for (const auto& c : l.cells) {
        const int f = field_of(c, tb.bands);
        if (f < 0) {
            // 合计 centred across 科目编码 | 科目名称 over codes printed flush left
            // stands in a band no heading names: it is the row's label.
            if (label_column < cols.size() && !values[label_column] && RE2::FullMatch(c.text, total_label())) {
                values[label_column] = c.text;
                boxes[label_column] = c.box;
                continue;
            }
            row_problem(tb, doc, "unmapped_cell", "cell \"" + c.text + "\" under no known column", l.page,
                        Side::only, "", c.box);
            continue;
        }
        auto& b = boxes[static_cast<size_t>(f)];
        b = b ? box_union(*b, c.box) : c.box;
        auto& v = values[static_cast<size_t>(f)];
        // Pieces of a split code (类 201, 款 01, 项 01) join without a space.
        if (cols[static_cast<size_t>(f)].kind == FieldKind::code)
            v = v ? *v + c.text : c.text;
        else
            v = v ? normalize::join_fragments(*v, c.text) : c.text;
    }
    // A label printed as a merged cell reaching into an amount column (当年支出小计
    // centred over 科目名称 and 金额) is the row's label when its side has none.
    for (size_t k = 0; k < cols.size(); ++k) {
        if (cols[k].kind != FieldKind::amount || !values[k]) continue;
        if (normalize::parse_amount(*values[k]).kind != normalize::AmountParse::not_amount) continue;
        for (size_t j = 0; j < cols.size(); ++j)
            if (cols[j].side == cols[k].side && cols[j].kind == FieldKind::text) {
                if (!values[j]) std::swap(values[j], values[k]);
                break;
            }
    }
    // A 科目 printed as one cell "2010601-行政运行" under a heading that names no
    // code column (北京 支出总表: 支出功能分类科目): its code is the code column's when
    // the table has one and it is not printed.
    for (size_t k = 0; k < cols.size(); ++k) {
        if (cols[k].kind != FieldKind::code || cols[k].extra || values[k] || printed(tb, k)) continue;
        for (size_t j = k + 1; j < cols.size(); ++j) {
            if (cols[j].side != cols[k].side || cols[j].kind != FieldKind::text) continue;
            static const RE2 code_dash_name(R"((\d{3,})\s*[-－—]\s*(\S.*))");
            std::string code, name;
            if (values[j] && RE2::FullMatch(*values[j], code_dash_name, &code, &name)) {
                values[k] = code;
                values[j] = name;
            }
            break;
        }
    }
    // Typed values: amounts canonical, codes digits only.
    for (size_t k = 0; k < cols.size(); ++k) {
        auto& v = values[k];
        if (!v) continue;
        if (cols[k].kind == FieldKind::amount) {
            auto p = normalize::parse_amount(*v);
            if (p.kind == normalize::AmountParse::amount) {
                v = p.value.canonical();
            } else if (p.kind == normalize::AmountParse::empty) {
                v.reset();
            } else if (auto split = split_figure(*v)) {
                // The figure stays; its text joins the side's label when the
                // label is printed just before it (合 + 计), else it is reported.
                v = normalize::parse_amount(split->figure).value.canonical();
                size_t label = cols.size();
                for (size_t j = 0; j < k; ++j)
                    if (cols[j].side == cols[k].side && cols[j].kind == FieldKind::text) label = j;
                const bool joins = label < cols.size() && values[label] &&
                                   split->text_first && RE2::FullMatch(split->text, R"(\p{Han}{1,2})");
                if (joins) {
                    values[label] = *values[label] + split->text;
                } else {
                    row_problem(tb, doc, "bad_amount",
                                "\"" + split->text + "\" printed with the figure " + split->figure + " in column " +
                                    cols[k].field + " is not an amount; dropped from the row",
                                l.page, cols[k].side, cols[k].field);
                }
            } else {
                row_problem(tb, doc, "bad_amount",
                            "\"" + *v + "\" in column " + cols[k].field + " is not an amount; dropped from the row",
                            l.page, cols[k].side, cols[k].field, boxes[k]);
                v.reset();
            }
        }
    }
    // A label printed across the code (or first label) column and the name
    // column (合计 as one merged cell) belongs to the name column.
    for (size_t k = 0; k + 1 < cols.size(); ++k) {
        // The next label column, past empty code columns between (政府预算经济分类
        // 类 | 款 printed between the two names).
        size_t m = k + 1;
        while (m + 1 < cols.size() && cols[m].kind == FieldKind::code && cols[m].side == cols[k].side && !values[m]) ++m;
        if (cols[k].side != cols[m].side) continue;
        const bool label_pair = (cols[k].kind == FieldKind::code || cols[k].kind == FieldKind::text) &&
                                cols[m].kind == FieldKind::text;
        if (!label_pair || !values[k] || values[m]) continue;
        // ... when that column is printed: with no 政府预算经济科目 column, 合计 stays
        // the 部门预算经济科目's.
        // A label printed within the table's own label column (合计 under 部门预算支出
        // 经济分类科目名称, the 政府 column beside it left empty) stays there; in text
        // input a cell merged across both stands in the first, so it moves.
        if (!printed(tb, m) || !printed_left_of(tb, k, m)) continue;
        if (!tb.from_text && cols[k].kind == FieldKind::text && cols[k].field == label_field(*tb.cs->spec)) continue;
        if (RE2::FullMatch(*values[k], total_label()) || (cols[k].kind == FieldKind::code && !RE2::FullMatch(*values[k], R"(\d+)")))
        {
            std::swap(values[k], values[m]);
            std::swap(boxes[k], boxes[m]);
        }
    }
    // A name or item holding nothing but a figure ("0.00" under 科目名称): the
    // figures slid one column left of their headings; said, not delivered as fine.
    {
        static const RE2 figure(R"([-+]?[\d,]+\.\d+)");
        for (size_t k = 0; k < cols.size(); ++k)
            if (cols[k].kind == FieldKind::text && values[k] && RE2::FullMatch(normalize::strip_spaces(*values[k]), figure))
                row_problem(tb, doc, "figure_as_label", "figure \"" + *values[k] + "\" read as the " + cols[k].field,
                            l.page, cols[k].side, cols[k].field, boxes[k]);
    }
    // Three-part 收支预算总表 (收入 | 支出功能分类 | 支出用途): a total line of the
    // expenditure side (当年支出小计, 支出合计) is printed once across both
    // expenditure parts with its one figure at the far right, under the 支出用途
    // 金额: the figure is the side's total, not an item of 支出用途.
    {
        int total = -1, use_item = -1, use_amount = -1, item = -1;
        for (size_t k = 0; k < cols.size(); ++k) {
            if (cols[k].side != Side::expenditure) continue;
            if (cols[k].field == "total") total = static_cast<int>(k);
            if (cols[k].field == "use_item") use_item = static_cast<int>(k);
            if (cols[k].field == "use_amount") use_amount = static_cast<int>(k);
            if (cols[k].field == "item" && item < 0) item = static_cast<int>(k);
        }
        static const RE2 side_total(R"(合计|小计|总计)");
        if (total >= 0 && use_item >= 0 && use_amount >= 0 && item >= 0) {
            auto& t = values[static_cast<size_t>(total)];
            auto& ua = values[static_cast<size_t>(use_amount)];
            const auto& it = values[static_cast<size_t>(item)];
            if (!t && ua && !values[static_cast<size_t>(use_item)] && it && RE2::PartialMatch(*it, side_total)) {
                std::swap(t, ua);
                std::swap(boxes[static_cast<size_t>(total)], boxes[static_cast<size_t>(use_amount)]);
            }
        }
    }
    auto side_record = [&](Side side, bool& any) {
        Record r;
        any = false;
        for (size_t k = 0; k < cols.size(); ++k)
            if (cols[k].side == side && emitted(tb, k)) {
                r.fields.push_back({cols[k].field, values[k]});
                any = any || values[k].has_value();
                if (values[k] && boxes[k]) {
                    r.cell_boxes.push_back({cols[k].field, *boxes[k]});
                    r.bbox = r.bbox ? box_union(*r.bbox, *boxes[k]) : *boxes[k];
                }
            }
        if (side == Side::only && !l.cells.empty()) r.bbox = l.box;
        r.pages = {l.page};
        return r;
    };
    bool any = false;
    if (!tb.cs->spec->two_sided) {
        Record r = side_record(Side::only, any);
        if (!any) return;
        // A text-input row holding only a name fragment right after a coded row is
        // the wrapped rest of that row's 科目名称.
        if (!tb.table.rows.empty() && r.has("code") && !r.get("code") && r.get("name") &&
            !RE2::FullMatch(*r.get("name"), total_label())) {
            bool only_name = true;
            for (const auto& f : r.fields)
                if (f.name != "name" && f.value) only_name = false;
            Record& prev = tb.table.rows.back();
            if (only_name && prev.get("code") && prev.get("name")) {
                prev.set("name", normalize::join_fragments(*prev.get("name"), *r.get("name")));
                if (prev.bbox && r.bbox) prev.bbox = box_union(*prev.bbox, *r.bbox);
                return;
            }
        }
        tb.table.rows.push_back(std::move(r));
    } else {
        Record in = side_record(Side::income, any);
        if (any) tb.table.income.push_back(std::move(in));
        Record out = side_record(Side::expenditure, any);
        if (any) tb.table.expenditure.push_back(std::move(out));
    }
}

// The split-code headings (类 | 款 | 项) printed at the top of their tall
// header cells, on the line of the first body row centred beside them (合计 with
// its figures): cells of that line that are wholly a code column's heading are
// a header line of their own.  Returns the grid with that line split in two.
std::vector<const Line*> split_code_headings(const std::vector<const Line*>& grid, const CompiledSpec& cs,
                                             std::deque<Line>& storage) {
    size_t first_body = 0;
    while (first_body < grid.size() && !source::is_body_like(*grid[first_body])) ++first_body;
    if (first_body == grid.size()) return grid;
    Line heads = *grid[first_body], rest = *grid[first_body];
    heads.cells.clear();
    rest.cells.clear();
    for (const auto& c : grid[first_body]->cells) {
        bool heading = false;
        for (size_t k = 0; k < cs.spec->columns.size() && !heading; ++k)
            heading = cs.spec->columns[k].kind == FieldKind::code && RE2::FullMatch(c.text, *cs.headers[k]);
        (heading ? heads : rest).cells.push_back(c);
    }
    if (heads.cells.empty() || rest.cells.empty()) return grid;
    std::vector<const Line*> out(grid.begin(), grid.begin() + static_cast<long>(first_body));
    storage.push_back(std::move(heads));
    out.push_back(&storage.back());
    storage.push_back(std::move(rest));
    out.push_back(&storage.back());
    out.insert(out.end(), grid.begin() + static_cast<long>(first_body) + 1, grid.end());
    return out;
}

// Read one page's part of a table's grid.
void read_grid_part(TableBuilder& tb, const std::vector<const Line*>& printed_grid, Document& doc) {
    if (printed_grid.empty()) return;
    std::deque<Line> split_lines;
    const std::vector<const Line*> grid =
        tb.bands.empty() ? split_code_headings(printed_grid, *tb.cs, split_lines) : printed_grid;
    // Header rows: up to the last row of header words before the first row
    // with an amount or a code (a row between two header rows is header too,
    // e.g. 功能分类科目编码 alone on its line).
    size_t h = 0;
    // A row numbering the columns (栏次 1 2 3 …) closes the header: every line
    // above it is header, also the wrapped ends of headings no grammar knows
    // (人员支出 / 日常公用支 / 出 under 基本支出).
    for (size_t i = 0; i < grid.size(); ++i) {
        if (is_column_number_row(*grid[i])) {
            h = i + 1;
            break;
        }
        if (source::is_body_like(*grid[i])) break;
        if (is_header_row(*grid[i]) || has_header_word(*grid[i])) h = i + 1;
    }
    // A first part holding header rows only (the title page ends after 收入 | 支出,
    // the column headers follow on the next page) maps nothing: the next part's
    // own header rows give the columns.
    if (h == grid.size() && tb.bands.empty()) return;
    if (tb.bands.empty()) {
        for (size_t i = 0; i < h; ++i) tb.header_lines.insert(line_text(*grid[i]));
    } else {
        // A continuation page repeats the first part's header; a leading row
        // that is not that header, nor wholly header words, is the body carried
        // over (上年结转 | 年终结转 at the top of the next page).
        size_t repeated = 0;
        for (size_t i = 0; i < h; ++i)
            if (tb.header_lines.count(line_text(*grid[i])) || is_column_number_row(*grid[i]) || is_header_row(*grid[i]))
                repeated = i + 1;
        h = repeated;
    }
    std::vector<const Line*> header(grid.begin(), grid.begin() + static_cast<long>(h));
    // The first part maps columns from its header; a continuation page keeps the
    // first part's column positions (its repeated header, if any, is skipped).
    if (tb.bands.empty()) {
        tb.bands = map_from_header(header, grid, *tb.cs);
        tb.mismatch = shape_mismatch(tb.bands, std::vector<const Line*>(grid.begin() + static_cast<long>(h), grid.end()), *tb.cs);
        if (!tb.mismatch.empty()) return;
    }
    // A label wrapped in its cell and centred on the row's figures prints its lines
    // above and below the figures' line, each half a line away: such a line of
    // labels only goes to the figures' line it is nearer than a line's height to,
    // when that line prints no label of its own (广州, 深圳: 广州市政务服务和数据管理 /
    // 1,391.47 … / 局).
    const auto& cols = tb.cs->spec->columns;
    auto label_only = [&](const Line& l) {
        if (l.cells.empty() || source::is_body_like(l)) return false;
        for (const auto& c : l.cells) {
            const int f = field_of(c, tb.bands);
            if (f < 0 || cols[static_cast<size_t>(f)].kind != FieldKind::text) return false;
        }
        return true;
    };
    auto unlabelled_figures = [&](const Line& l) {
        if (!source::is_body_like(l) || is_column_number_row(l)) return false;
        // (a code may be printed: 21208 with its 科目名称 above and below it)
        for (const auto& c : l.cells) {
            const int f = field_of(c, tb.bands);
            if (f >= 0 && cols[static_cast<size_t>(f)].kind == FieldKind::text) return false;
        }
        return true;
    };
    std::vector<Line> merged(grid.size());
    std::vector<bool> gone(grid.size(), false);
    for (size_t i = h; i < grid.size(); ++i) merged[i] = *grid[i];
    for (size_t i = h; i < grid.size(); ++i) {
        if (!label_only(*grid[i])) continue;
        const double cy = grid[i]->box.center_y(), lh = std::max(1.0, grid[i]->box.height());
        int best = -1;
        double bd = 1e18;
        for (size_t j : {i - 1, i + 1}) {
            if (j < h || j >= grid.size() || !unlabelled_figures(*grid[j]) || grid[j]->page != grid[i]->page) continue;
            const double d = std::fabs(grid[j]->box.center_y() - cy);
            if (d < 0.8 * std::max(lh, grid[j]->box.height()) && d < bd) bd = d, best = static_cast<int>(j);
        }
        if (best < 0) continue;
        // The label's pieces join the figures' line, the upper one first.
        Line& target = merged[static_cast<size_t>(best)];
        for (const auto& c : grid[i]->cells) {
            bool joined = false;
            for (auto& t : target.cells)
                if (field_of(t, tb.bands) == field_of(c, tb.bands) && cols[static_cast<size_t>(field_of(c, tb.bands))].kind == FieldKind::text) {
                    const bool above = c.box.center_y() < t.box.center_y();
                    t.text = above ? normalize::join_fragments(c.text, t.text) : normalize::join_fragments(t.text, c.text);
                    joined = true;
                    break;
                }
            if (!joined) target.cells.push_back(c);
        }
        gone[i] = true;
    }
    for (size_t i = h; i < grid.size(); ++i) {
        if (gone[i] || is_column_number_row(merged[i])) continue;
        std::stable_sort(merged[i].cells.begin(), merged[i].cells.end(),
                         [](const Cell& a, const Cell& b) { return a.box.x0 < b.box.x0; });
        parse_body_row(tb, merged[i], doc);
    }
}

using GridByPage = std::map<size_t, std::vector<const Line*>>;

size_t multi_cell_rows(const GridByPage& grid_by_page) {
    size_t multi = 0;
    for (const auto& [p, rows] : grid_by_page)
        for (const Line* l : rows) multi += l->cells.size() >= 2;
    return multi;
}

// A region as a printed grid.  Header rows are the leading rows before the first
// row with an amount or a code; the same header repeated on a continuation page
// is dropped.
OtherTable other_table(const TableRegion& region, const GridByPage& grid_by_page) {
    OtherTable ot;
    ot.title = region.title;
    ot.unit = region.unit;
    bool in_header = true;
    for (const auto& [p, rows] : grid_by_page)
        for (const Line* l : rows) {
            int ncols = 0;
            for (const auto& c : l->cells) ncols = std::max(ncols, c.column + 1);
            std::vector<std::string> row(static_cast<size_t>(std::max(ncols, 1)));
            for (const auto& c : l->cells)
                if (c.column >= 0) row[static_cast<size_t>(c.column)] = normalize::join_fragments(row[static_cast<size_t>(c.column)], c.text);
            if (in_header && (source::is_body_like(*l) || has_data_cell(*l))) in_header = false;
            if (in_header) {
                ot.header.push_back(std::move(row));
            } else if (std::find(ot.header.begin(), ot.header.end(), row) == ot.header.end()) {
                ot.rows.push_back(std::move(row));
            }
            add_page(ot.pages, l->page);
            if (!ot.regions.empty() && ot.regions.back().first == l->page)
                ot.regions.back().second = box_union(ot.regions.back().second, l->box);
            else
                ot.regions.push_back({l->page, l->box});
        }
    return ot;
}


// A title printed twice (a table of contents without dot leaders, a repeated
// page): keep the printing that holds the most rows.
void store_table(Document& doc, Table table, int title_page) {
    auto size_of = [](const Table& t) { return t.rows.size() + t.income.size() + t.expenditure.size(); };
    auto same = std::find_if(doc.tables.begin(), doc.tables.end(), [&](const Table& t) { return t.id == table.id; });
    // A long table printed with its title again on every page: the page after
    // the one read so far continues it.
    const bool continues = same != doc.tables.end() && !same->pages.empty() && !table.pages.empty() &&
                           table.pages.front() == same->pages.back() + 1 && table.title == same->title &&
                           !table.no_data && !same->no_data;
    if (same == doc.tables.end()) {
        doc.tables.push_back(std::move(table));
    } else if (continues) {
        for (auto part : {&Table::rows, &Table::income, &Table::expenditure})
            for (auto& r : table.*part) (*same.*part).push_back(std::move(r));
        for (int p : table.pages) add_page(same->pages, p);
        same->suspect = same->suspect || table.suspect;
        for (auto& reason : table.suspect_reasons)
            if (std::find(same->suspect_reasons.begin(), same->suspect_reasons.end(), reason) == same->suspect_reasons.end())
                same->suspect_reasons.push_back(std::move(reason));
    } else {
        doc.diagnostics.push_back({"warning", "duplicate_table",
                                   "table " + table.id + " is titled twice (pages " +
                                       std::to_string(same->pages.empty() ? 0 : same->pages.front()) + " and " +
                                       std::to_string(title_page) + "); the one with more rows is kept",
                                   title_page, {}});
        if (size_of(table) > size_of(*same) || (same->no_data && !table.no_data)) *same = std::move(table);
    }
}

// A region printed as a horizontal table (see HorizontalSpec): read and stored.
bool try_horizontal(const TableRegion& region, const HorizontalSpec& hs, Document& doc) {
    if (region.parts.size() != 1) return false;
    std::vector<Table> tables;
    if (!read_horizontal(region, region.parts.front(), hs, doc, tables)) return false;
    for (auto& t : tables) store_table(doc, std::move(t), region.title_page);
    return true;
}

// A region read as the standard table `cs` (diagnostics of the reading into
// `sink`).  `mismatch` is set when the printed shape is not the spec's.
struct StandardRead {
    Table table;
    std::string mismatch;
};

StandardRead read_standard(const TableRegion& region, const CompiledSpec& cs, const GridByPage& grid_by_page,
                           Document& sink, bool from_text) {
    TableBuilder tb;
    tb.from_text = from_text;
    tb.cs = &cs;
    tb.table.id = cs.spec->id;
    tb.table.title = region.title;
    tb.table.unit = region.unit;
    tb.table.two_sided = cs.spec->two_sided;
    add_page(tb.table.pages, region.title_page);
    for (const auto& [p, rows] : grid_by_page) {
        add_page(tb.table.pages, static_cast<int>(p));
        read_grid_part(tb, rows, sink);
        if (!tb.mismatch.empty()) break;
    }
    const bool empty = tb.table.two_sided ? tb.table.income.empty() && tb.table.expenditure.empty()
                                          : tb.table.rows.empty();
    if (tb.mismatch.empty() && (region.no_data_note || empty)) {
        tb.table.no_data = true;
        tb.table.rows.clear();
        tb.table.income.clear();
        tb.table.expenditure.clear();
    }
    return {std::move(tb.table), std::move(tb.mismatch)};
}

// The second classification step (rule: TitleFamily in table_specs.hpp).  A region
// whose title names none of the 13 but a family of them is read as the one
// candidate its printed header and codes fit; `titled` holds the ids some title
// names already (those are not taken twice).  Returns whether it was stored.
bool try_family(const TableRegion& region, const GridByPage& grid_by_page, const OtherTable& printed_grid,
                const std::vector<std::string>& titled, Document& doc, bool from_text) {
    if (!region.family || region.no_data_note || grid_by_page.empty()) return false;
    // Each column's header text (header rows joined top to bottom).
    std::map<size_t, std::string> header_of;
    for (const auto& row : printed_grid.header)
        for (size_t c = 0; c < row.size(); ++c)
            if (!row[c].empty()) header_of[c] += row[c];
    auto header_matches = [&](const std::string& pattern) {
        const RE2 re(pattern);
        for (const auto& [c, text] : header_of)
            if (RE2::PartialMatch(text, re)) return true;
        return false;
    };
    struct Fit {
        const TitleFamily::Candidate* candidate;
        StandardRead read;
        Document sink;
    };
    std::vector<Fit> fits;
    for (const auto& cand : region.family->candidates) {
        if (std::find(titled.begin(), titled.end(), cand.table) != titled.end()) continue;
        if (!cand.not_header.empty() && header_matches(cand.not_header)) continue;
        const CompiledSpec* cs = nullptr;
        for (const auto& c : compiled_specs())
            if (c.spec->id == cand.table) cs = &c;
        if (!cs || cs->spec->two_sided) continue;
        Fit fit{&cand, {}, {}};
        fit.read = read_standard(region, *cs, grid_by_page, fit.sink, from_text);
        if (!fit.read.mismatch.empty() || fit.read.table.no_data) continue;
        bool clean = true;
        for (const auto& g : fit.sink.diagnostics)
            if (g.code == "unmapped_cell" || g.code == "bad_amount") clean = false;
        if (!clean) continue;
        // Figures read into the table's amount fields, and its codes.
        bool amounts = false, codes_fit = true;
        size_t codes = 0;
        const RE2 code_re(cand.codes.empty() ? ".*" : cand.codes);
        for (const Record& r : fit.read.table.rows)
            for (const auto& f : r.fields) {
                if (!f.value) continue;
                for (const auto& col : cs->spec->columns)
                    if (col.field == f.name && col.kind == FieldKind::amount) amounts = true;
                if (f.name == "code") {
                    ++codes;
                    codes_fit = codes_fit && RE2::FullMatch(*f.value, code_re);
                }
            }
        if (!amounts || !codes_fit) continue;
        bool evidence = !cand.codes.empty() && codes >= 2;
        for (const auto& set : cand.headers) {
            bool all = !set.empty();
            for (const auto& h : set) all = all && header_matches(h);
            evidence = evidence || all;
        }
        if (evidence) fits.push_back(std::move(fit));
    }
    if (fits.size() != 1) return false;
    Fit& fit = fits.front();
    for (auto& g : fit.sink.diagnostics) doc.diagnostics.push_back(std::move(g));
    doc.diagnostics.push_back({"info", "classified_by_header",
                               "\"" + region.title + "\" names the family " + region.family->name +
                                   " without the qualifier of a standard title; its printed header and codes fit " +
                                   fit.candidate->table + " only, read as " + fit.candidate->table,
                               region.title_page, {}});
    store_table(doc, std::move(fit.read.table), region.title_page);
    return true;
}

}  // namespace

void read_tables(const std::vector<Page>& pages, Document& doc, bool from_text) {
    const std::vector<TableRegion> regions = locate_tables(pages);
    std::vector<std::string> titled;  // ids named by a title of the 13
    for (const TableRegion& region : regions)
        if (region.spec) titled.push_back(region.spec->id);
    for (const TableRegion& region : regions) {
        std::map<size_t, std::vector<const Line*>> grid_by_page;
        for (const auto& part : region.parts)
            if (!part.empty()) grid_by_page[static_cast<size_t>(part.front()->page)] = part;
        const std::string& unit = region.unit;
        const bool note = region.no_data_note;
        if (!region.spec && region.horizontal && try_horizontal(region, *region.horizontal, doc)) continue;
        if (region.spec) {
            bool done = false;
            for (const auto& hs : horizontal_specs())
                if (hs.table == region.spec->id && try_horizontal(region, hs, doc)) {
                    done = true;
                    break;
                }
            if (done) continue;
        }
        if (!region.spec) {
            // Keep only if it really is a grid: several multi-cell rows.
            OtherTable ot = other_table(region, grid_by_page);
            if (multi_cell_rows(grid_by_page) < 2) continue;
            if (try_family(region, grid_by_page, ot, titled, doc, from_text)) continue;
            doc.other_tables.push_back(std::move(ot));
            continue;
        }
        // A title with nothing under it before the next title (a table of
        // contents without dot leaders) is a mention, not a table.
        if (region.parts.empty() && !note && unit.empty()) continue;
        const CompiledSpec* cs = compiled_spec(*region.spec);
        if (region.spec->grouped || region.spec->measures) {
            Table grouped;
            if (region.spec->grouped ? read_grouped(region, *cs, doc, &grouped) : read_measures(region, *cs, doc, &grouped)) {
                if (grouped.suspect) grouped.suspect_reasons.push_back("cells under no known column");
                store_table(doc, std::move(grouped), region.title_page);
            } else {
                Diagnostic d{"warning", "not_standard_table",
                             "\"" + region.title + "\" is not read as " + cs->spec->id +
                                 (region.spec->grouped ? ": its header shows no runs of the table's columns"
                                                       : ": its header crosses no item with a measure") +
                                 "; kept in other_tables as printed",
                             region.title_page, {}};
                d.table = cs->spec->id;
                doc.diagnostics.push_back(std::move(d));
                doc.other_tables.push_back(other_table(region, grid_by_page));
            }
            continue;
        }
        StandardRead read = read_standard(region, *cs, grid_by_page, doc, from_text);
        if (!read.mismatch.empty()) {
            OtherTable ot = other_table(region, grid_by_page);
            Diagnostic d{"warning", "not_standard_table",
                         "\"" + region.title + "\" is not read as " + cs->spec->id + ": " + read.mismatch +
                             "; kept in other_tables as printed",
                         region.title_page, {}};
            d.table = cs->spec->id;
            doc.diagnostics.push_back(std::move(d));
            doc.other_tables.push_back(std::move(ot));
            continue;
        }
        // A table printed as one row of figures under its headings, with no label
        // column (北京 收入总表, 江苏 支出预算总表: 合计 | 基本支出 | 项目支出 over
        // one line): that row is the table's total, named as its heading says.
        if (!read.table.two_sided && read.table.rows.size() == 1 && read.table.rows[0].get("total")) {
            Record& only = read.table.rows[0];
            const auto& cols = cs->spec->columns;
            bool labelled = false;
            for (const auto& c : cols)
                if (c.kind != FieldKind::amount && only.get(c.field)) labelled = true;
            for (const auto& c : cols)
                if (!labelled && c.kind == FieldKind::text) {
                    only.set(c.field, std::string("合计"));
                    break;
                }
        }
        store_table(doc, std::move(read.table), region.title_page);
    }
    // A title of the 13 seen with no table read under it (the grid could not be
    // found, or only a table of contents names it) is reported, never dropped.
    for (const TableRegion& region : regions) {
        if (!region.spec || doc.table(region.spec->id)) continue;
        bool reported = false;  // once per id: a contents line and the table's own title name it twice
        for (const auto& g : doc.diagnostics)
            reported = reported || ((g.code == "not_standard_table" || g.code == "table_not_read") &&
                                    g.table == region.spec->id);
        if (reported) continue;
        Diagnostic d{"warning", "table_not_read",
                     "\"" + region.title + "\" (page " + std::to_string(region.title_page) +
                         ") names " + region.spec->id + " but no table could be read under it",
                     region.title_page, {}};
        d.table = region.spec->id;
        doc.diagnostics.push_back(std::move(d));
    }
    for (const Table& t : doc.tables)
        if (t.unit.empty())
            doc.diagnostics.push_back({"warning", "no_unit", "table " + t.id + " prints no 单位 line",
                                       t.pages.empty() ? 0 : t.pages.front(), {}});
    // Contract order of ids.
    std::stable_sort(doc.tables.begin(), doc.tables.end(), [](const Table& a, const Table& b) {
        const auto& ids = table_ids();
        return std::find(ids.begin(), ids.end(), a.id) < std::find(ids.begin(), ids.end(), b.id);
    });
}

}  // namespace budgetdoc::recognize
