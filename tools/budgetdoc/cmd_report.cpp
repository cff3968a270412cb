// budgetdoc report FILE|DB -o report.html: an HTML review page per document —
// metadata, diagnostics linked to their place, each table (suspect first) as an
// HTML table beside the picture of its pages with the reading drawn on it.  From a
// batch database: a summary page (documents × tables / suspect / checks failing)
// linking to one page per document, re-read from the source PDFs.  Self-contained:
// pictures are data: URIs, no script, nothing fetched.
#include "commands.hpp"

#include <budgetdoc/extract.hpp>

#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <sstream>

namespace budgetdoc::cli {
namespace {

namespace fs = std::filesystem;

std::string esc(const std::string& s) {
    std::string o;
    o.reserve(s.size());
    for (char c : s) switch (c) {
            case '&': o += "&amp;"; break;
            case '<': o += "&lt;"; break;
            case '>': o += "&gt;"; break;
            case '"': o += "&quot;"; break;
            default: o += c;
        }
    return o;
}

std::string base64(const std::string& in) {
    static const char* t = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string o;
    o.reserve((in.size() + 2) / 3 * 4);
    size_t i = 0;
    for (; i + 2 < in.size(); i += 3) {
        const unsigned v = (static_cast<unsigned char>(in[i]) << 16) | (static_cast<unsigned char>(in[i + 1]) << 8) |
                           static_cast<unsigned char>(in[i + 2]);
        o += t[(v >> 18) & 63], o += t[(v >> 12) & 63], o += t[(v >> 6) & 63], o += t[v & 63];
    }
    if (i + 1 == in.size()) {
        const unsigned v = static_cast<unsigned char>(in[i]) << 16;
        o += t[(v >> 18) & 63], o += t[(v >> 12) & 63], o += "==";
    } else if (i + 2 == in.size()) {
        const unsigned v = (static_cast<unsigned char>(in[i]) << 16) | (static_cast<unsigned char>(in[i + 1]) << 8);
        o += t[(v >> 18) & 63], o += t[(v >> 12) & 63], o += t[(v >> 6) & 63], o += '=';
    }
    return o;
}

std::string pct(double v) {
    std::ostringstream s;
    s.precision(4);
    s << std::fixed << v << "%";
    return s.str();
}

const char* kStyle = R"css(
body{font-family:"Noto Sans CJK SC","WenQuanYi Micro Hei","Source Han Sans SC",sans-serif;margin:16px;color:#222}
h1{font-size:20px}h2{font-size:18px;border-bottom:2px solid #888}h3{font-size:16px}
table.data,table.summary{border-collapse:collapse;font-size:12px}
table.data td,table.data th,table.summary td,table.summary th{border:1px solid #bbb;padding:2px 4px;vertical-align:top;white-space:nowrap}
table.data th,table.summary th{background:#eee}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.suspect{background:#fff3f0}.suspect h3{color:#b00000}
.block{margin:12px 0 28px 0;padding:8px;border:1px solid #ddd}
.pair{display:flex;gap:12px;align-items:flex-start}
.pair>.data-side{flex:1 1 45%;overflow-x:auto}.pair>.pics{flex:1 1 55%;min-width:420px}
.page{position:relative;width:100%;background-size:100% 100%;border:1px solid #999;margin-bottom:8px}
.page .mark{position:absolute;box-sizing:border-box}
.page .m-table,.page .m-other{border:0}
.page .lbl{position:absolute;font-size:11px;line-height:12px;padding:0 2px;color:#fff;white-space:nowrap}
.page .m-table .lbl{background:#1a9e3a;top:-14px;left:0}
.page .m-other .lbl{background:#d08a00;top:-14px;left:0}
.page .m-diagnostic .lbl{background:#e00000;top:-13px;right:0}
.page .m-diagnostic:target{outline:4px solid #ffcc00}
.page .m-header .lbl{background:rgba(31,111,208,.85);font-size:9px;line-height:10px;bottom:-10px;left:0}
.page .m-header:hover{outline:2px solid #1f6fd0;z-index:2}
.page .m-field:hover,.page .m-furniture:hover{outline:2px solid #000}
.pageno{font-size:12px;color:#555}
.diag li{margin:2px 0;font-size:13px}.sev-warning{color:#a00}.sev-error{color:#f00;font-weight:bold}.sev-info{color:#555}
.legend span{display:inline-block;padding:0 6px;margin-right:6px;color:#fff;font-size:12px}
dl.meta{display:grid;grid-template-columns:max-content auto;gap:2px 12px;font-size:13px}dl.meta dt{font-weight:bold}
)css";

struct PageImage {
    std::string css_class;  // background image defined once in <style>
    double width_pt = 0, height_pt = 0;
    std::vector<PictureMark> marks;
};

struct DocStats {
    int tables = 0, suspect = 0, failing = 0, diagnostics = 0, other = 0, forms = 0;
};

DocStats stats_of(const Document& d) {
    DocStats s;
    s.tables = static_cast<int>(d.tables.size());
    for (const auto& t : d.tables) s.suspect += t.suspect;
    for (const auto& g : d.diagnostics) s.failing += g.code == "sum_mismatch";
    s.diagnostics = static_cast<int>(d.diagnostics.size());
    s.other = static_cast<int>(d.other_tables.size());
    s.forms = static_cast<int>(d.performance_forms.size());
    return s;
}

class DocumentReport {
public:
    DocumentReport(const std::string& path, const Document& doc, double dpi) : path_(path), doc_(doc), dpi_(dpi) {}

    std::string html() {
        // The pages to show: those of the tables, other tables and diagnostics.
        std::set<int> pages;
        for (const auto& t : doc_.tables) pages.insert(t.pages.begin(), t.pages.end());
        for (const auto& o : doc_.other_tables) pages.insert(o.pages.begin(), o.pages.end());
        for (const auto& g : doc_.diagnostics)
            if (g.page > 0) pages.insert(g.page);
        const bool pdf = doc_.source.kind == "pdf";
        std::string style;
        if (pdf) {
            Options kept;
            kept.threads = 1;
            Options all = kept;
            all.dedupe = false;
            auto read = read_pages(path_, kept);
            auto printed = read_pages(path_, all);
            if (read && printed)
                for (int p : pages) render(p, read.value(), printed.value(), style);
        }

        std::ostringstream h;
        h << "<!DOCTYPE html>\n<html lang=\"zh\"><head><meta charset=\"utf-8\"><title>budgetdoc: "
          << esc(doc_.source.file) << "</title>\n<style>" << kStyle << style << "</style></head>\n<body>\n";
        h << body();
        h << "</body></html>\n";
        return h.str();
    }

    std::string body() {
        std::ostringstream h;
        h << "<section class=\"document\" data-doc=\"" << esc(doc_.source.file) << "\">\n";
        h << "<h1>" << esc(doc_.source.file) << "</h1>\n<dl class=\"meta\">";
        auto meta = [&](const std::string& k, const std::string& v) {
            h << "<dt>" << esc(k) << "</dt><dd>" << esc(v) << "</dd>";
        };
        meta("source", path_);
        meta("kind", doc_.source.kind + (doc_.kind.empty() ? "" : " / " + doc_.kind) +
                         (doc_.scope ? " / " + *doc_.scope : ""));
        meta("unit", doc_.unit.value_or("(not printed)"));
        meta("year", doc_.year ? std::to_string(*doc_.year) : "(not printed)");
        meta("pages", std::to_string(doc_.source.pages));
        meta("sha256", doc_.source.sha256);
        const DocStats s = stats_of(doc_);
        meta("read", std::to_string(s.tables) + " tables (" + std::to_string(s.suspect) + " suspect), " +
                         std::to_string(s.other) + " other tables, " + std::to_string(s.forms) + " forms, " +
                         std::to_string(s.failing) + " sums failing, " + std::to_string(s.diagnostics) +
                         " diagnostics");
        h << "</dl>\n<p class=\"legend\">Drawn on the pages: <span style=\"background:#1f6fd0\">cell</span>"
             "<span style=\"background:#9aa0a6\">column band</span><span style=\"background:#1a9e3a\">table</span>"
             "<span style=\"background:#d08a00\">other table</span><span style=\"background:#8e24aa\">removed "
             "furniture (struck through)</span><span style=\"background:#e00000\">diagnostic</span> "
             "(hover a cell for the field it was read into)</p>\n";
        diagnostics(h);
        // Suspect tables first, then in printed order.
        std::vector<const Table*> order;
        for (const auto& t : doc_.tables) order.push_back(&t);
        std::stable_sort(order.begin(), order.end(), [](const Table* a, const Table* b) { return a->suspect > b->suspect; });
        h << "<h2>Tables</h2>\n";
        for (const Table* t : order) table(h, *t);
        forms(h);
        if (!doc_.other_tables.empty()) h << "<h2>Other tables</h2>\n";
        for (size_t i = 0; i < doc_.other_tables.size(); ++i) other(h, doc_.other_tables[i], i);
        // Pages with a diagnostic and no table shown.
        std::set<int> shown;
        for (const auto& t : doc_.tables) shown.insert(t.pages.begin(), t.pages.end());
        for (const auto& o : doc_.other_tables) shown.insert(o.pages.begin(), o.pages.end());
        bool header = false;
        for (const auto& [p, img] : images_)
            if (!shown.count(p)) {
                if (!header) h << "<h2>Other pages with diagnostics</h2>\n";
                header = true;
                h << "<div class=\"block\">";
                picture(h, p);
                h << "</div>\n";
            }
        h << "</section>\n";
        return h.str();
    }

private:
    void render(int p, const std::vector<Page>& read, const std::vector<Page>& printed, std::string& style) {
        std::vector<PictureMark> marks;
        auto pic = render_page(path_, p, doc_, read, printed, dpi_, true, &marks);
        if (!pic) return;
        // JPEG keeps the background small; PNG where this Poppler has no JPEG writer.
        std::string mime = "image/jpeg";
        auto bytes = encode_picture(pic.value(), "jpeg");
        if (!bytes) {
            mime = "image/png";
            bytes = encode_picture(pic.value(), "png");
        }
        if (!bytes) return;
        PageImage img;
        img.css_class = "pg" + std::to_string(p);
        img.width_pt = pic->width / pic->scale;
        img.height_pt = pic->height / pic->scale;
        img.marks = std::move(marks);
        style += "." + img.css_class + "{background-image:url(data:" + mime + ";base64," + base64(bytes.value()) +
                 ");aspect-ratio:" + std::to_string(pic->width) + "/" + std::to_string(pic->height) + "}\n";
        images_[p] = std::move(img);
    }

    // The picture of page p with its labels; the first showing of a page holds the
    // diagnostics' anchors.
    void picture(std::ostringstream& h, int p) {
        auto it = images_.find(p);
        if (it == images_.end()) {
            h << "<p class=\"pageno\" id=\"" << page_anchor(p) << "\">page " << p << " (no picture)</p>";
            return;
        }
        const PageImage& img = it->second;
        const bool first = !anchored_.count(p);
        anchored_.insert(p);
        h << "<div class=\"pageno\"" << (first ? " id=\"" + page_anchor(p) + "\"" : "") << ">page " << p
          << "</div>\n<div class=\"page " << img.css_class << "\" data-page=\"" << p << "\">";
        for (const auto& m : img.marks) {
            if (m.kind == "cell" || m.kind == "band") continue;  // drawn in the pixels
            const double l = m.box.x0 / img.width_pt * 100, t = m.box.y0 / img.height_pt * 100;
            const double w = m.box.width() / img.width_pt * 100, hh = m.box.height() / img.height_pt * 100;
            h << "<div class=\"mark m-" << m.kind << "\"";
            if (m.kind == "diagnostic" && first) h << " id=\"" << diag_anchor(m.index) << "\"";
            h << " style=\"left:" << pct(l) << ";top:" << pct(t) << ";width:" << pct(w) << ";height:" << pct(hh)
              << "\" title=\"" << esc(m.label) << "\">";
            if (m.kind == "table" || m.kind == "other" || m.kind == "diagnostic")
                h << "<span class=\"lbl\">" << esc(m.label) << "</span>";
            if (m.kind == "header")  // the field(s), after the arrow
                h << "<span class=\"lbl\">" << esc(m.label.substr(m.label.rfind("→ ") + 4)) << "</span>";
            h << "</div>";
        }
        h << "</div>\n";
    }

    std::string page_anchor(int p) const { return "page-" + std::to_string(p); }
    std::string diag_anchor(int i) const { return "diag-at-" + std::to_string(i); }

    bool has_box(int i, int page) const {
        auto it = images_.find(page);
        if (it == images_.end()) return false;
        for (const auto& m : it->second.marks)
            if (m.kind == "diagnostic" && m.index == i) return true;
        return false;
    }

    void diagnostics(std::ostringstream& h) {
        h << "<h2>Diagnostics (" << doc_.diagnostics.size() << ")</h2>\n<ul class=\"diag\">\n";
        for (size_t i = 0; i < doc_.diagnostics.size(); ++i) {
            const auto& g = doc_.diagnostics[i];
            const int idx = static_cast<int>(i);
            h << "<li id=\"diag-" << i << "\" data-diag=\"" << esc(g.code) << "\" data-table=\"" << esc(g.table)
              << "\" class=\"sev-" << esc(g.severity) << "\">";
            if (g.page > 0) {
                const std::string target = has_box(idx, g.page) ? diag_anchor(idx) : page_anchor(g.page);
                h << "<a href=\"#" << target << "\">page " << g.page << "</a> ";
            }
            h << "<b>" << esc(g.code) << "</b> ";
            if (!g.table.empty()) h << "[" << esc(g.table) << (g.row ? " row " + std::to_string(*g.row) : "") << "] ";
            h << esc(g.message);
            if (g.printed || g.expected)
                h << " (printed " << esc(g.printed.value_or("-")) << ", expected " << esc(g.expected.value_or("-")) << ")";
            h << "</li>\n";
        }
        h << "</ul>\n";
    }

    static bool numeric(const std::string& s) {
        return !s.empty() && s.find_first_not_of("0123456789.-") == std::string::npos;
    }

    void records(std::ostringstream& h, const std::vector<Record>& rows, const std::string& caption) {
        std::vector<std::string> fields;
        for (const auto& r : rows)
            for (const auto& f : r.fields)
                if (std::find(fields.begin(), fields.end(), f.name) == fields.end()) fields.push_back(f.name);
        h << "<table class=\"data\">";
        if (!caption.empty()) h << "<caption>" << esc(caption) << "</caption>";
        h << "<tr><th>#</th>";
        for (const auto& f : fields) h << "<th>" << esc(f) << "</th>";
        h << "<th>page</th></tr>\n";
        for (size_t i = 0; i < rows.size(); ++i) {
            h << "<tr><td>" << i << "</td>";
            for (const auto& f : fields) {
                const Text v = rows[i].get(f);
                h << "<td" << (v && numeric(*v) ? " class=\"num\"" : "") << ">" << esc(v.value_or("")) << "</td>";
            }
            h << "<td>" << (rows[i].pages.empty() ? "" : std::to_string(rows[i].pages.front())) << "</td></tr>\n";
        }
        h << "</table>\n";
    }

    void table(std::ostringstream& h, const Table& t) {
        h << "<div class=\"block table" << (t.suspect ? " suspect" : "") << "\" id=\"table-" << esc(t.id)
          << "\" data-table=\"" << esc(t.id) << "\"><h3>" << esc(t.id) << ": " << esc(t.title)
          << (t.suspect ? " — suspect" : "") << "</h3>\n<p>unit " << esc(t.unit.empty() ? "-" : t.unit)
          << (t.no_data ? ", no data" : "") << ", pages";
        for (int p : t.pages) h << " <a href=\"#" << page_anchor(p) << "\">" << p << "</a>";
        h << "</p>";
        if (t.suspect) {
            h << "<ul>";
            for (const auto& r : t.suspect_reasons) h << "<li>" << esc(r) << "</li>";
            h << "</ul>";
        }
        h << "<div class=\"pair\"><div class=\"data-side\">";
        if (t.two_sided) {
            records(h, t.income, "income");
            records(h, t.expenditure, "expenditure");
        } else {
            records(h, t.rows, "");
        }
        h << "</div><div class=\"pics\">";
        for (int p : t.pages) picture(h, p);
        h << "</div></div></div>\n";
    }

    // Performance forms: one line per project, linked to its pages.
    void forms(std::ostringstream& h) {
        if (doc_.performance_forms.empty()) return;
        h << "<h2>Performance forms (" << doc_.performance_forms.size() << ")</h2>\n<table class=\"data forms\"><tr><th>#</th>"
             "<th>project</th><th>department</th><th>implementer</th><th>annual total</th><th>money unit</th>"
             "<th>indicators</th><th>pages</th></tr>\n";
        for (size_t i = 0; i < doc_.performance_forms.size(); ++i) {
            const Form& f = doc_.performance_forms[i];
            h << "<tr data-form=\"" << i << "\"><td>" << i << "</td><td>" << esc(f.project.value_or("")) << "</td><td>"
              << esc(f.department.value_or("")) << "</td><td>" << esc(f.implementer.value_or("")) << "</td><td class=\"num\">"
              << esc(f.annual_funds.total.value_or("")) << "</td><td>" << esc(f.money_unit.empty() ? "元" : f.money_unit)
              << "</td><td class=\"num\">" << f.indicators.size() << "</td><td>";
            for (int p : f.pages)
                if (images_.count(p))
                    h << "<a href=\"#" << page_anchor(p) << "\">" << p << "</a> ";
                else
                    h << p << " ";
            h << "</td></tr>\n";
        }
        h << "</table>\n";
    }

    void other(std::ostringstream& h, const OtherTable& o, size_t i) {
        h << "<div class=\"block other\" id=\"other-" << i << "\" data-table=\"other\" data-title=\"" << esc(o.title)
          << "\"><h3>other: " << esc(o.title.empty() ? "(untitled)" : o.title) << "</h3>\n<div class=\"pair\"><div "
                                                                                   "class=\"data-side\"><table "
                                                                                   "class=\"data\">";
        for (const auto* part : {&o.header, &o.rows})
            for (const auto& row : *part) {
                h << "<tr>";
                for (const auto& c : row) h << (part == &o.header ? "<th>" : "<td>") << esc(c) << (part == &o.header ? "</th>" : "</td>");
                h << "</tr>\n";
            }
        h << "</table></div><div class=\"pics\">";
        for (int p : o.pages) picture(h, p);
        h << "</div></div></div>\n";
    }

    std::string path_;
    const Document& doc_;
    double dpi_;
    std::map<int, PageImage> images_;
    std::set<int> anchored_;
};

bool write(const fs::path& p, const std::string& s) {
    std::ofstream out(p, std::ios::binary);
    out << s;
    return static_cast<bool>(out);
}

bool is_sqlite(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    char head[16] = {};
    in.read(head, 16);
    return in.gcount() == 16 && std::string(head, 15) == "SQLite format 3";
}

struct DbDocument {
    std::string path, status, error;
};

std::vector<DbDocument> db_documents(const std::string& path, std::string* err) {
    std::vector<DbDocument> out;
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        *err = sqlite3_errmsg(db);
        sqlite3_close(db);
        return out;
    }
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT path, status, COALESCE(error, '') FROM documents ORDER BY id", -1, &s,
                           nullptr) != SQLITE_OK) {
        *err = sqlite3_errmsg(db);
        sqlite3_close(db);
        return out;
    }
    while (sqlite3_step(s) == SQLITE_ROW) {
        auto col = [&](int c) {
            const auto* t = sqlite3_column_text(s, c);
            return t ? std::string(reinterpret_cast<const char*>(t)) : std::string();
        };
        out.push_back({col(0), col(1), col(2)});
    }
    sqlite3_finalize(s);
    sqlite3_close(db);
    return out;
}

}  // namespace

Runner add_report(CLI::App& app) {
    struct Opts {
        std::string input, out = "report.html";
        double dpi = 110;
    };
    auto o = std::make_shared<Opts>();
    app.add_option("input", o->input, "A PDF / text disclosure, or a batch database (budgetdoc batch --db)")->required();
    app.add_option("-o,--output", o->out, "The HTML file (a batch also writes OUTPUT's stem + \".d/\" per document)")
        ->capture_default_str();
    app.add_option("--dpi", o->dpi, "Resolution of the page pictures")->check(CLI::Range(72.0, 300.0))->capture_default_str();
    app.footer(
        "One self-contained HTML page (pictures embedded, no script, nothing fetched).  From a batch database:\n"
        "a summary of every document linking to one page per document, re-read from the source path stored in\n"
        "the database (the PDFs must still be there).");
    return [o]() {
        Options opts;
        opts.threads = 1;
        if (!is_sqlite(o->input)) {
            auto doc = extract_file(o->input, opts);
            if (!doc) {
                std::cerr << "budgetdoc: " << doc.error().describe() << "\n";
                return exit_code(doc.error().code);
            }
            DocumentReport r(o->input, doc.value(), o->dpi);
            if (!write(o->out, r.html())) {
                std::cerr << "budgetdoc: " << o->out << ": cannot write [io_error]\n";
                return exit_code(ErrorCode::io_error);
            }
            std::cerr << o->out << ": " << doc->tables.size() << " tables, " << doc->diagnostics.size()
                      << " diagnostics\n";
            return 0;
        }
        std::string err;
        const auto docs = db_documents(o->input, &err);
        if (!err.empty()) {
            std::cerr << "budgetdoc: " << o->input << ": " << err << " [io_error]\n";
            return exit_code(ErrorCode::io_error);
        }
        const fs::path out(o->out);
        const fs::path dir = out.parent_path() / (out.stem().string() + ".d");
        std::error_code ec;
        fs::create_directories(dir, ec);
        std::ostringstream h;
        h << "<!DOCTYPE html>\n<html lang=\"zh\"><head><meta charset=\"utf-8\"><title>budgetdoc batch: "
          << esc(o->input) << "</title>\n<style>" << kStyle << "</style></head>\n<body>\n<h1>budgetdoc batch report: "
          << esc(fs::path(o->input).filename().string()) << " (" << docs.size()
          << " documents)</h1>\n<p>Documents with suspect tables or failing sums first.</p>\n"
             "<table class=\"summary\"><tr><th>document</th><th>status</th><th>unit</th><th>year</th><th>tables "
             "found</th><th>suspect</th><th>checks failing</th><th>diagnostics</th><th>forms</th></tr>\n";
        struct Row {
            std::string html;
            int rank = 0;
        };
        std::vector<Row> rows;
        int failed = 0, n = 0;
        for (const auto& d : docs) {
            ++n;
            std::ostringstream r;
            const std::string name = fs::path(d.path).filename().string();
            if (d.status != "ok") {
                r << "<tr data-doc=\"" << esc(name) << "\"><td>" << esc(d.path) << "</td><td>" << esc(d.status)
                  << "</td><td colspan=\"7\">" << esc(d.error) << "</td></tr>\n";
                rows.push_back({r.str(), 3});
                continue;
            }
            auto doc = extract_file(d.path, opts);
            if (!doc) {
                ++failed;
                r << "<tr data-doc=\"" << esc(name) << "\"><td>" << esc(d.path) << "</td><td>cannot re-read</td><td "
                                                                                  "colspan=\"7\">"
                  << esc(doc.error().describe()) << "</td></tr>\n";
                rows.push_back({r.str(), 2});
                continue;
            }
            const std::string file = std::to_string(n) + "-" + fs::path(d.path).stem().string() + ".html";
            DocumentReport dr(d.path, doc.value(), o->dpi);
            if (!write(dir / file, dr.html())) {
                std::cerr << "budgetdoc: " << (dir / file).string() << ": cannot write [io_error]\n";
                return exit_code(ErrorCode::io_error);
            }
            const DocStats s = stats_of(doc.value());
            r << "<tr data-doc=\"" << esc(name) << "\"><td><a href=\"" << esc(dir.filename().string() + "/" + file)
              << "\">" << esc(d.path) << "</a></td><td>ok</td><td>" << esc(doc->unit.value_or("")) << "</td><td>"
              << (doc->year ? std::to_string(*doc->year) : "") << "</td><td class=\"num\">" << s.tables
              << "</td><td class=\"num\">" << s.suspect << "</td><td class=\"num\">" << s.failing
              << "</td><td class=\"num\">" << s.diagnostics << "</td><td class=\"num\">" << s.forms << "</td></tr>\n";
            rows.push_back({r.str(), s.suspect > 0 || s.failing > 0 ? 1 : 0});
            std::cerr << "report: " << d.path << "\n";
        }
        std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
            const int ra = a.rank == 1 ? 0 : a.rank == 0 ? 1 : a.rank, rb = b.rank == 1 ? 0 : b.rank == 0 ? 1 : b.rank;
            return ra < rb;
        });
        for (const auto& r : rows) h << r.html;
        h << "</table>\n</body></html>\n";
        if (!write(out, h.str())) {
            std::cerr << "budgetdoc: " << o->out << ": cannot write [io_error]\n";
            return exit_code(ErrorCode::io_error);
        }
        std::cerr << o->out << ": " << docs.size() << " documents, pages in " << dir.string() << "/\n";
        return failed ? 3 : 0;
    };
}

}  // namespace budgetdoc::cli
