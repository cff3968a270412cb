// emit/json_writer — Document → the contract JSON ("budget-disclosure/1").
// Field order follows records.md so that a person diffing two outputs sees the
// contract's layout.
#include <budgetdoc/extract.hpp>
#include <budgetdoc/figures.hpp>

#include <nlohmann/json.hpp>

#include <cmath>

namespace budgetdoc {
namespace {

using nlohmann::ordered_json;

ordered_json text(const Text& t) { return t ? ordered_json(*t) : ordered_json(nullptr); }

ordered_json box_json(const Box& b) {
    // Rounded to 0.01 pt: enough for any drawing, stable across runs.
    auto r = [](double v) { return std::round(v * 100) / 100; };
    return ordered_json::array({r(b.x0), r(b.y0), r(b.x1), r(b.y1)});
}

// Rows gain `level` (1 类 / 2 款 / 3 项, records.md Additions) and `row_kind`
// (total / subtotal / detail, README "Row kind and level") after their fields.
ordered_json record_json(const Record& r, const RowClass& c, bool boxes) {
    ordered_json j = ordered_json::object();
    for (const auto& f : r.fields) j[f.name] = text(f.value);
    if (c.level) j["level"] = *c.level;
    j["row_kind"] = row_kind_name(c.kind);
    if (!r.pages.empty()) j["pages"] = r.pages;
    if (boxes && r.bbox) {
        j["bbox"] = box_json(*r.bbox);
        if (!r.cell_boxes.empty()) {
            ordered_json cells = ordered_json::object();
            for (const auto& [f, b] : r.cell_boxes) cells[f] = box_json(b);
            j["cell_bbox"] = cells;
        }
    }
    return j;
}

ordered_json records_json(const std::string& id, const std::vector<Record>& rs, const std::string& organisation,
                          bool boxes) {
    ordered_json a = ordered_json::array();
    const auto classes = classify_rows(id, rs, organisation);
    for (std::size_t i = 0; i < rs.size(); ++i) a.push_back(record_json(rs[i], classes[i], boxes));
    return a;
}

ordered_json funds_json(const FormFunds& f) {
    ordered_json j{{"total", text(f.total)},       {"central", text(f.central)},
                   {"provincial", text(f.provincial)}, {"local", text(f.local)},
                   {"self_raised", text(f.self_raised)}, {"other", text(f.other)}};
    if (f.fiscal) j["fiscal"] = *f.fiscal;
    return j;
}

ordered_json form_json(const Form& f, const std::optional<RowRef>& project_row) {
    ordered_json j;
    j["title"] = f.title;
    j["year"] = f.year ? ordered_json(*f.year) : ordered_json(nullptr);
    if (!f.money_unit.empty()) j["money_unit"] = f.money_unit;
    j["project"] = text(f.project);
    j["department"] = text(f.department);
    j["implementer"] = text(f.implementer);
    j["attribute"] = text(f.attribute);
    j["duration"] = text(f.duration);
    j["funds"] = {{"period", funds_json(f.period_funds)}, {"annual", funds_json(f.annual_funds)}};
    j["overview"] = text(f.overview);
    j["basis"] = text(f.basis);
    j["necessity"] = text(f.necessity);
    j["safeguards"] = text(f.safeguards);
    j["plan"] = text(f.plan);
    j["goals"] = {{"period", text(f.goal_period)}, {"annual", text(f.goal_annual)}};
    ordered_json inds = ordered_json::array();
    for (const auto& i : f.indicators) {
        ordered_json ij{{"scope", i.scope},
                        {"level1", text(i.level1)},
                        {"level2", text(i.level2)},
                        {"name", text(i.name)},
                        {"value", text(i.value)}};
        if (i.nature) ij["nature"] = *i.nature;
        if (i.unit) ij["unit"] = *i.unit;
        if (i.weight) ij["weight"] = *i.weight;
        inds.push_back(ij);
    }
    j["indicators"] = inds;
    j["signoff"] = {{"responsible", text(f.responsible)},
                    {"handler", text(f.handler)},
                    {"phone", text(f.phone)},
                    {"filed", text(f.filed)}};
    // The 项目支出 row of the form (by name and amount), null when none matches.
    j["project_row"] = project_row ? ordered_json{{"table", project_row->table}, {"row", project_row->row}}
                                   : ordered_json(nullptr);
    if (!f.pages.empty()) j["pages"] = f.pages;
    return j;
}

}  // namespace

std::string to_json(const Document& d, bool pretty) { return to_json(d, pretty, false); }

std::string to_json(const Document& d, bool pretty, bool with_boxes) {
    // Text input has no geometry (its boxes are tab and line indexes).
    const bool boxes = with_boxes && d.source.kind == "pdf";
    ordered_json j;
    j["schema"] = d.schema;
    j["source"] = {{"file", d.source.file}, {"pages", d.source.pages}, {"sha256", d.source.sha256},
                   {"kind", d.source.kind}};
    j["unit"] = text(d.unit);
    j["year"] = d.year ? ordered_json(*d.year) : ordered_json(nullptr);
    if (!d.kind.empty()) j["kind"] = d.kind;
    j["scope"] = text(d.scope);
    ordered_json tables = ordered_json::object();
    for (const auto& t : d.tables) {
        ordered_json tj;
        tj["title"] = t.title;
        tj["unit"] = t.unit.empty() ? ordered_json(nullptr) : ordered_json(t.unit);
        tj["no_data"] = t.no_data;
        if (t.suspect) {
            tj["suspect"] = true;
            tj["suspect_reasons"] = t.suspect_reasons;
        }
        if (t.two_sided) {
            tj["income"] = records_json(t.id, t.income, d.unit.value_or(""), boxes);
            tj["expenditure"] = records_json(t.id, t.expenditure, d.unit.value_or(""), boxes);
        } else {
            tj["rows"] = records_json(t.id, t.rows, d.unit.value_or(""), boxes);
        }
        if (!t.pages.empty()) tj["pages"] = t.pages;
        tables[t.id] = tj;
    }
    j["tables"] = tables;
    ordered_json forms = ordered_json::array();
    const auto links = form_project_rows(d);
    for (std::size_t i = 0; i < d.performance_forms.size(); ++i)
        forms.push_back(form_json(d.performance_forms[i], links[i]));
    j["performance_forms"] = forms;
    ordered_json others = ordered_json::array();
    for (const auto& o : d.other_tables) {
        ordered_json oj;
        oj["title"] = o.title;
        oj["unit"] = o.unit.empty() ? ordered_json(nullptr) : ordered_json(o.unit);
        oj["header"] = o.header;
        oj["rows"] = o.rows;
        if (!o.pages.empty()) oj["pages"] = o.pages;
        others.push_back(oj);
    }
    j["other_tables"] = others;
    ordered_json diags = ordered_json::array();
    for (const auto& g : d.diagnostics) {
        ordered_json gj{{"severity", g.severity}, {"code", g.code}, {"message", g.message}};
        if (g.page > 0) gj["page"] = g.page;
        if (!g.pages.empty()) gj["pages"] = g.pages;
        if (!g.table.empty()) gj["table"] = g.table;
        if (g.row) gj["row"] = *g.row;
        if (!g.side.empty()) gj["side"] = g.side;
        if (!g.field.empty()) gj["field"] = g.field;
        if (g.printed) gj["printed"] = *g.printed;
        if (g.expected) gj["expected"] = *g.expected;
        if (!g.parts.empty()) gj["parts"] = g.parts;
        if (boxes && g.bbox) gj["bbox"] = box_json(*g.bbox);
        diags.push_back(gj);
    }
    j["diagnostics"] = diags;
    // Replace invalid UTF-8 rather than throw: a broken PDF string never aborts output.
    return j.dump(pretty ? 2 : -1, ' ', false, ordered_json::error_handler_t::replace) + (pretty ? "\n" : "");
}

std::string pages_to_json(const std::vector<Page>& pages) {
    ordered_json a = ordered_json::array();
    for (const auto& p : pages) {
        ordered_json pj;
        pj["page"] = p.number;
        pj["width"] = p.width;
        pj["height"] = p.height;
        ordered_json lines = ordered_json::array();
        for (const auto& l : p.lines) {
            ordered_json cells = ordered_json::array();
            for (const auto& c : l.cells) {
                ordered_json cj{{"text", c.text}, {"raw", c.raw}, {"column", c.column},
                                {"box", {c.box.x0, c.box.y0, c.box.x1, c.box.y1}}};
                if (c.span > 1) cj["span"] = c.span;
                cells.push_back(cj);
            }
            lines.push_back({{"box", {l.box.x0, l.box.y0, l.box.x1, l.box.y1}}, {"cells", cells}});
        }
        pj["lines"] = lines;
        a.push_back(pj);
    }
    return a.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace budgetdoc
