// budgetdoc export (--db X.sqlite | JSON...) -o OUT.csv|OUT.xlsx [--excel]:
// the long format (budgetdoc::figures, one row per printed figure) as CSV or XLSX.
#include "commands.hpp"

#include <budgetdoc/figures.hpp>

#include <sqlite3.h>
#include <xlsxwriter.h>

#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <memory>
#include <set>

namespace budgetdoc::cli {
namespace {

using Rows = std::vector<std::vector<std::string>>;

// Columns written as numbers in XLSX (exact as text in CSV).
const std::set<std::string> kNumeric = {"year", "row_index", "level", "amount_yuan", "amount_fen", "page"};

std::string read_db(const std::string& path, Rows& rows) {
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        std::string e = db ? sqlite3_errmsg(db) : "cannot open";
        sqlite3_close(db);
        return path + ": " + e;
    }
    std::string sql = "SELECT ";
    for (std::size_t i = 0; i < figure_columns().size(); ++i) sql += (i ? "," : "") + figure_columns()[i];
    sql += " FROM long_figures ORDER BY document_id, figure_index";
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr) != SQLITE_OK) {
        std::string e = path + ": not a budgetdoc batch database of schema v5 or later (" + sqlite3_errmsg(db) +
                        "; run budgetdoc batch --db on it to migrate, --force to fill the figures)";
        sqlite3_close(db);
        return e;
    }
    while (sqlite3_step(s) == SQLITE_ROW) {
        std::vector<std::string> r;
        for (int c = 0; c < sqlite3_column_count(s); ++c) {
            const auto* t = sqlite3_column_text(s, c);
            r.push_back(t ? reinterpret_cast<const char*>(t) : "");
        }
        rows.push_back(std::move(r));
    }
    sqlite3_finalize(s);
    sqlite3_close(db);
    return "";
}

std::string read_json(const std::string& path, Rows& rows) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return path + ": cannot read";
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto f = figures_from_json(text, path);
    if (!f) return f.error().describe();
    for (const auto& x : f.value()) rows.push_back(figure_cells(x));
    return "";
}

std::string csv_cell(const std::string& s) {
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string q = "\"";
    for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
}

std::string write_csv(const std::string& path, const Rows& rows, bool excel) {
    std::ofstream out(path, std::ios::binary);
    if (!out) return path + ": cannot write";
    const char* eol = excel ? "\r\n" : "\n";
    if (excel) out << "\xEF\xBB\xBF";  // UTF-8 BOM: Excel reads the file as UTF-8
    const auto& cols = figure_columns();
    for (std::size_t i = 0; i < cols.size(); ++i) out << (i ? "," : "") << cols[i];
    out << eol;
    for (const auto& r : rows) {
        for (std::size_t i = 0; i < r.size(); ++i) out << (i ? "," : "") << csv_cell(r[i]);
        out << eol;
    }
    out.close();
    return out ? "" : path + ": cannot write";
}

// Sheet names: the table id, at most 31 characters, unique.
std::string sheet_name(const std::string& id, std::set<std::string>& used) {
    std::string base = id.substr(0, 31), name = base;
    for (int n = 2; used.count(name); ++n) {
        const std::string suffix = "~" + std::to_string(n);
        name = base.substr(0, 31 - suffix.size()) + suffix;
    }
    used.insert(name);
    return name;
}

std::string write_xlsx(const std::string& path, const Rows& rows) {
    lxw_workbook* wb = workbook_new(path.c_str());
    if (!wb) return path + ": cannot create";
    lxw_format* bold = workbook_add_format(wb);
    format_set_bold(bold);
    const auto& cols = figure_columns();
    std::size_t table_col = 0;
    for (std::size_t i = 0; i < cols.size(); ++i)
        if (cols[i] == "table_id") table_col = i;
    // one sheet per table id, in order of first appearance (forms and indicators included)
    std::vector<std::string> order;
    std::map<std::string, std::vector<const std::vector<std::string>*>> by_table;
    for (const auto& r : rows) {
        auto& v = by_table[r[table_col]];
        if (v.empty()) order.push_back(r[table_col]);
        v.push_back(&r);
    }
    if (order.empty()) order.push_back("figures");
    std::set<std::string> used;
    for (const auto& id : order) {
        lxw_worksheet* ws = workbook_add_worksheet(wb, sheet_name(id, used).c_str());
        if (!ws) {
            workbook_close(wb);
            return path + ": cannot add sheet " + id;
        }
        for (std::size_t c = 0; c < cols.size(); ++c)
            worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), cols[c].c_str(), bold);
        lxw_row_t row = 1;
        for (const auto* r : by_table[id]) {
            for (std::size_t c = 0; c < r->size(); ++c) {
                const std::string& v = (*r)[c];
                if (v.empty()) continue;
                if (kNumeric.count(cols[c])) {
                    // the exact decimal; a spreadsheet number shows it (≤ 15 digits) unchanged
                    worksheet_write_number(ws, row, static_cast<lxw_col_t>(c), std::stod(v), nullptr);
                } else {
                    worksheet_write_string(ws, row, static_cast<lxw_col_t>(c), v.c_str(), nullptr);
                }
            }
            ++row;
        }
        worksheet_freeze_panes(ws, 1, 0);
    }
    const lxw_error e = workbook_close(wb);
    return e == LXW_NO_ERROR ? "" : path + ": " + lxw_strerror(e);
}

bool ends_with(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

Runner add_export(CLI::App& app) {
    struct Opts {
        std::string db, out, format;
        std::vector<std::string> json;
        bool excel = false;
    };
    auto o = std::make_shared<Opts>();
    app.description(
        "Write the long format — one row per printed figure: document, document_kind, scope, organisation, year,\n"
        "table_id, title, side, row_index, row_kind, level, code, label, field, printed, amount_yuan (exact, 元),\n"
        "amount_fen, unit, page — from a batch database (--db) or from contract JSON files, as CSV (UTF-8) or\n"
        "XLSX (one sheet per table id, plus performance_forms and indicators).");
    auto* db = app.add_option("--db", o->db, "Batch database (budgetdoc batch --db), schema v5 or later")
                   ->check(CLI::ExistingFile);
    app.add_option("json", o->json, "Contract JSON files (budgetdoc extract / batch --out-dir)")
        ->check(CLI::ExistingFile)
        ->excludes(db);
    app.add_option("-o,--output", o->out, "OUT.csv or OUT.xlsx")->required();
    app.add_option("--format", o->format, "csv or xlsx (default: from the output's extension)")
        ->check(CLI::IsMember({"csv", "xlsx"}));
    app.add_flag("--excel", o->excel, "CSV for Excel: UTF-8 byte-order mark and CRLF line ends");
    return [o]() {
        if (o->db.empty() && o->json.empty()) {
            std::cerr << "budgetdoc export: give --db X.sqlite or JSON files (see --help)\n";
            return 2;
        }
        std::string format = o->format;
        if (format.empty()) {
            if (ends_with(o->out, ".xlsx")) format = "xlsx";
            else if (ends_with(o->out, ".csv")) format = "csv";
            else {
                std::cerr << "budgetdoc export: " << o->out << ": cannot tell the format (name it .csv or .xlsx, or --format)\n";
                return 2;
            }
        }
        if (o->excel && format != "csv") {
            std::cerr << "budgetdoc export: --excel applies to CSV only (XLSX needs no byte-order mark)\n";
            return 2;
        }
        Rows rows;
        std::string err;
        if (!o->db.empty()) err = read_db(o->db, rows);
        for (const auto& j : o->json)
            if (err.empty()) err = read_json(j, rows);
        if (!err.empty()) {
            std::cerr << "budgetdoc: " << err << (err.back() == ']' ? "" : " [io_error]") << "\n";
            return exit_code(ErrorCode::io_error);
        }
        err = format == "xlsx" ? write_xlsx(o->out, rows) : write_csv(o->out, rows, o->excel);
        if (!err.empty()) {
            std::cerr << "budgetdoc: " << err << " [io_error]\n";
            return exit_code(ErrorCode::io_error);
        }
        return 0;
    };
}

}  // namespace budgetdoc::cli
