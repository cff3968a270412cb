#include "batch_db.hpp"

#include "emit/figures_json.hpp"
#include "recognize/templates.hpp"

#include <budgetdoc/figures.hpp>

#include <sqlite3.h>

#include <algorithm>
#include <set>
#include <stdexcept>
#include <vector>

namespace budgetdoc::cli {
namespace {

using nlohmann::ordered_json;

// Every contract row field, one column each: the columns of schema v1–v3 in
// their order, then every other contract field the templates describe (the 决算
// tables' opening_balance, budget, actual …, a grouped table's group, a measures
// table's part_of) — so a table added to a template gets its columns without an
// edit here.  Amounts are TEXT holding the exact decimal as printed ("9784.70");
// empty cells are NULL.  Extra keys go to the `extra` JSON column.
// The row columns written out in kSchema (schema v1–v3).
const std::vector<std::string> kFixedRowFields = {
    "code",          "name",           "item",     "dept_item", "gov_item",       "unit",
    "amount",        "total",          "current_year", "carryover", "subtotal",   "general_budget",
    "gov_fund",      "state_capital",  "special_account", "unit_funds", "basic",  "project",
    "personnel",     "public"};

const std::vector<std::string>& row_fields() {
    static const std::vector<std::string> fields = [] {
        std::vector<std::string> f = kFixedRowFields;
        auto add = [&](const std::string& name) {
            if (std::find(f.begin(), f.end(), name) == f.end()) f.push_back(name);
        };
        std::vector<const recognize::TableSpec*> specs;
        for (const auto& t : recognize::builtin_templates().tables) specs.push_back(&t);
        std::stable_sort(specs.begin(), specs.end(), [](auto* a, auto* b) { return a->order < b->order; });
        for (const auto* t : specs) {
            for (const auto& c : t->columns)
                if (!c.extra) add(c.field);
            if (t->grouped) add("group");
            if (t->measures) add("part_of");
        }
        return f;
    }();
    return fields;
}

const char* const kSchema = R"sql(
-- budgetdoc batch database, schema version 5 (PRAGMA user_version).
-- Amounts in table_rows / forms are TEXT holding the exact decimal as printed minus
-- grouping ("9784.70") in the table's unit; NULL = empty cell.  For arithmetic use
-- `figures` / `long_figures`: every printed amount as exact INTEGER 分 (amount_fen,
-- converted from the table's unit), so SUM gives the printed totals exactly.
CREATE TABLE IF NOT EXISTS documents (
  id         INTEGER PRIMARY KEY,
  path       TEXT NOT NULL,          -- path given to the batch (first seen)
  sha256     TEXT UNIQUE,            -- content identity; NULL only when unreadable
  kind       TEXT,                   -- pdf | text
  pages      INTEGER,
  unit       TEXT,                   -- 单位/部门 name
  year       INTEGER,
  status     TEXT NOT NULL CHECK (status IN ('ok', 'failed', 'timeout', 'crashed')),
  error_code TEXT,                   -- corrupt_pdf, encrypted, … (failed only)
  error      TEXT,                   -- message naming the file, or the kill reason
  started    TEXT NOT NULL,          -- ISO 8601 UTC
  seconds    REAL,
  doc_kind   TEXT,                   -- budget | final_accounts (v5)
  scope      TEXT                    -- department | unit (v5)
);
CREATE INDEX IF NOT EXISTS documents_path ON documents(path);
-- Every path seen, with its content (several paths may share one document).
CREATE TABLE IF NOT EXISTS files (
  path   TEXT PRIMARY KEY,
  sha256 TEXT NOT NULL
);
-- The 13 standard tables present in a document (id as in records.md).
CREATE TABLE IF NOT EXISTS tables (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  table_id    TEXT NOT NULL,         -- income_summary, three_public, …
  title       TEXT,
  unit        TEXT,                  -- 万元 | 元
  no_data     INTEGER NOT NULL,      -- 1 when printed with 本表无数据
  pages       TEXT,                  -- JSON array of 1-based pages
  suspect     INTEGER NOT NULL DEFAULT 0,  -- 1 when the reader is not sure of the table
  suspect_reasons TEXT,              -- JSON array of sentences
  PRIMARY KEY (document_id, table_id)
);
-- Rows of the 13 tables; side is NULL for one-sided tables, income/expenditure
-- for the two-sided ones.  Only the fields of the table's grammar are filled.
CREATE TABLE IF NOT EXISTS table_rows (
  document_id     INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  table_id        TEXT NOT NULL,
  side            TEXT CHECK (side IS NULL OR side IN ('income', 'expenditure')),
  row_index       INTEGER NOT NULL,  -- printed order within (table, side), from 0
  code TEXT, name TEXT, item TEXT, dept_item TEXT, gov_item TEXT, unit TEXT,
  amount TEXT, total TEXT, current_year TEXT, carryover TEXT, subtotal TEXT,
  general_budget TEXT, gov_fund TEXT, state_capital TEXT, special_account TEXT,
  unit_funds TEXT, basic TEXT, project TEXT, personnel TEXT, public TEXT,
  -- … and one TEXT column per further contract field of the templates, added
  -- when the database is opened (budgetdoc batch --print-schema lists them)
  extra           TEXT,              -- JSON object of extra keys, or NULL
  pages           TEXT,
  row_kind        TEXT,              -- total | subtotal | detail (v5; README "Row kind and level")
  level           INTEGER,           -- 1 类, 2 款, 3 项; NULL on totals and uncoded rows (v5)
  PRIMARY KEY (document_id, table_id, side, row_index)
);
CREATE INDEX IF NOT EXISTS table_rows_table ON table_rows(table_id);
-- 绩效目标 forms, one per distinct project; amounts in 元 unless money_unit says 万元.
CREATE TABLE IF NOT EXISTS forms (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  form_index  INTEGER NOT NULL,
  title TEXT, year INTEGER, project TEXT, department TEXT, implementer TEXT,
  attribute TEXT, duration TEXT,
  period_total TEXT, period_central TEXT, period_provincial TEXT, period_local TEXT,
  period_self_raised TEXT, period_other TEXT,
  annual_total TEXT, annual_central TEXT, annual_provincial TEXT, annual_local TEXT,
  annual_self_raised TEXT, annual_other TEXT,
  overview TEXT, basis TEXT, necessity TEXT, safeguards TEXT, plan TEXT,
  goal_period TEXT, goal_annual TEXT,
  responsible TEXT, handler TEXT, phone TEXT, filed TEXT,
  pages TEXT,
  money_unit TEXT,                                -- 万元, or NULL for 元
  period_fiscal TEXT, annual_fiscal TEXT,         -- 财政拨款 where printed as one figure
  project_table TEXT, project_row INTEGER,        -- its 项目支出 row (name and amount), NULL when none (v5)
  PRIMARY KEY (document_id, form_index)
);
-- Performance indicators of a form (join on document_id, form_index).
CREATE TABLE IF NOT EXISTS indicators (
  document_id     INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  form_index      INTEGER NOT NULL,
  indicator_index INTEGER NOT NULL,
  scope  TEXT,                       -- period (实施期) | annual (年度)
  level1 TEXT, level2 TEXT, name TEXT, value TEXT,
  nature TEXT, unit TEXT, weight TEXT,  -- 指标性质, 计量单位, 权重 where printed
  PRIMARY KEY (document_id, form_index, indicator_index)
);
-- Ruled tables that are none of the 13, as normalized cell grids.
CREATE TABLE IF NOT EXISTS other_tables (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  table_index INTEGER NOT NULL,
  title TEXT, unit TEXT, pages TEXT,
  PRIMARY KEY (document_id, table_index)
);
CREATE TABLE IF NOT EXISTS other_table_cells (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  table_index INTEGER NOT NULL,
  part        TEXT NOT NULL CHECK (part IN ('header', 'body')),
  row_index   INTEGER NOT NULL,
  col_index   INTEGER NOT NULL,
  text        TEXT,
  PRIMARY KEY (document_id, table_index, part, row_index, col_index)
);
CREATE TABLE IF NOT EXISTS diagnostics (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  diag_index  INTEGER NOT NULL,
  severity TEXT, code TEXT, message TEXT, page INTEGER,
  -- where a diagnostic about a table applies (records.md Diagnostics)
  table_id TEXT, row_index INTEGER, side TEXT, field TEXT,
  printed TEXT, expected TEXT, parts TEXT,  -- sum_mismatch: figures, parts as a JSON array
  printed_fen INTEGER, expected_fen INTEGER, -- the same in exact 分 (table's unit; v5)
  PRIMARY KEY (document_id, diag_index)
);
-- The long format (v5): one row per printed figure — every non-empty amount of the
-- tables, every form fund figure (table_id 'performance_forms', row_index = form_index,
-- field period.total …) and every indicator (table_id 'indicators', field = scope,
-- printed = value, unit = 计量单位, code = level1/level2).  amount_fen is the exact
-- amount in 分; NULL when the unit is unknown (unit NULL) — never a guessed number.
CREATE TABLE IF NOT EXISTS figures (
  document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  figure_index INTEGER NOT NULL,
  table_id     TEXT NOT NULL,
  title        TEXT,
  side         TEXT,
  row_index    INTEGER NOT NULL,
  row_kind     TEXT,                 -- total | subtotal | detail (NULL for forms, indicators)
  level        INTEGER,              -- 1 类, 2 款, 3 项
  code         TEXT,
  label        TEXT,
  field        TEXT NOT NULL,
  printed      TEXT,                 -- as in the JSON ("9784.70")
  amount_yuan  TEXT,                 -- exact decimal in 元
  amount_fen   INTEGER,              -- exact integer in 分
  unit         TEXT,                 -- unit of printed: 万元 | 元 | NULL (unknown)
  page         INTEGER,
  PRIMARY KEY (document_id, figure_index)
);
CREATE INDEX IF NOT EXISTS figures_table ON figures(table_id, field);
-- The long format with its document (what `budgetdoc export --db` writes).
CREATE VIEW IF NOT EXISTS long_figures AS
  SELECT f.document_id, d.path AS document, d.doc_kind AS document_kind, d.scope, d.unit AS organisation,
         d.year, f.table_id, f.title, f.side, f.row_index, f.row_kind, f.level, f.code, f.label, f.field,
         f.printed, f.amount_yuan, f.amount_fen, f.unit, f.page, f.figure_index
  FROM figures f JOIN documents d ON d.id = f.document_id;
PRAGMA user_version = 5;
)sql";

// Minimal RAII statement; errors surface as std::runtime_error inside write().
class Stmt {
public:
    Stmt(sqlite3* db, const std::string& sql) : db_(db) {
        if (sqlite3_prepare_v2(db, sql.c_str(), -1, &s_, nullptr) != SQLITE_OK)
            throw std::runtime_error(sqlite3_errmsg(db));
    }
    ~Stmt() { sqlite3_finalize(s_); }
    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;

    Stmt& null(int i) { sqlite3_bind_null(s_, i); return *this; }
    Stmt& text(int i, const std::string& v) {
        sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
        return *this;
    }
    Stmt& integer(int i, long long v) { sqlite3_bind_int64(s_, i, v); return *this; }
    Stmt& real(int i, double v) { sqlite3_bind_double(s_, i, v); return *this; }
    // A JSON value: strings as text, numbers as text of their spelling, null/absent NULL.
    Stmt& json(int i, const ordered_json& v) {
        if (v.is_null()) return null(i);
        if (v.is_string()) return text(i, v.get<std::string>());
        if (v.is_number_integer()) return integer(i, v.get<long long>());
        return text(i, v.dump());
    }
    Stmt& opt(int i, const std::string& v) { return v.empty() ? null(i) : text(i, v); }
    // Run to completion and reset for the next use.
    void run() {
        const int rc = sqlite3_step(s_);
        sqlite3_reset(s_);
        sqlite3_clear_bindings(s_);
        if (rc != SQLITE_DONE && rc != SQLITE_ROW) throw std::runtime_error(sqlite3_errmsg(db_));
    }
    sqlite3_stmt* get() { return s_; }

private:
    sqlite3* db_;
    sqlite3_stmt* s_ = nullptr;
};

const ordered_json& get(const ordered_json& obj, const char* key) {
    static const ordered_json null_value;
    if (!obj.is_object()) return null_value;
    auto it = obj.find(key);
    return it == obj.end() ? null_value : *it;
}

ordered_json pages_of(const ordered_json& obj) {
    const auto& p = get(obj, "pages");
    return p.is_array() ? ordered_json(p.dump()) : ordered_json();
}

std::string placeholders(std::size_t n) {
    std::string s;
    for (std::size_t i = 0; i < n; ++i) s += i ? ",?" : "?";
    return s;
}

void write_document_body(sqlite3* db, long long id, const ordered_json& doc) {
    // tables + rows
    {
        Stmt t(db, "INSERT INTO tables(document_id,table_id,title,unit,no_data,pages,suspect,suspect_reasons) "
                   "VALUES(?,?,?,?,?,?,?,?)");
        std::string cols = "document_id,table_id,side,row_index";
        for (const auto& f : row_fields()) cols += ",\"" + f + "\"";
        cols += ",extra,pages,row_kind,level";
        Stmt r(db, "INSERT INTO table_rows(" + cols + ") VALUES(" + placeholders(row_fields().size() + 8) + ")");
        std::set<std::string> known(row_fields().begin(), row_fields().end());
        known.insert("row_kind");
        known.insert("level");
        const auto& tables = get(doc, "tables");
        if (tables.is_object())
            for (auto it = tables.begin(); it != tables.end(); ++it) {
                const auto& tab = it.value();
                t.integer(1, id).text(2, it.key()).json(3, get(tab, "title")).json(4, get(tab, "unit"));
                t.integer(5, get(tab, "no_data").is_boolean() && get(tab, "no_data").get<bool>() ? 1 : 0);
                const auto& reasons = get(tab, "suspect_reasons");
                t.json(6, pages_of(tab));
                t.integer(7, get(tab, "suspect").is_boolean() && get(tab, "suspect").get<bool>() ? 1 : 0);
                t.json(8, reasons.is_array() ? ordered_json(reasons.dump()) : ordered_json()).run();
                for (const char* side : {"rows", "income", "expenditure"}) {
                    const auto& rows = get(tab, side);
                    if (!rows.is_array()) continue;
                    long long index = 0;
                    for (const auto& row : rows) {
                        r.integer(1, id).text(2, it.key());
                        if (std::string(side) == "rows") r.null(3); else r.text(3, side);
                        r.integer(4, index++);
                        int col = 5;
                        for (const auto& f : row_fields()) r.json(col++, get(row, f.c_str()));
                        ordered_json extra = ordered_json::object();
                        if (row.is_object())
                            for (auto f = row.begin(); f != row.end(); ++f)
                                if (!known.count(f.key()) && f.key() != "pages") extra[f.key()] = f.value();
                        r.json(col++, extra.empty() ? ordered_json() : ordered_json(extra.dump()));
                        r.json(col++, pages_of(row));
                        r.json(col++, get(row, "row_kind"));
                        r.json(col++, get(row, "level"));
                        r.run();
                    }
                }
            }
    }
    // forms + indicators
    {
        static const char* kFormText[] = {"project", "department", "implementer", "attribute", "duration"};
        static const char* kFunds[] = {"total", "central", "provincial", "local", "self_raised", "other"};
        static const char* kNarr[] = {"overview", "basis", "necessity", "safeguards", "plan"};
        static const char* kSign[] = {"responsible", "handler", "phone", "filed"};
        const std::string cols =
            "document_id,form_index,title,year,project,department,implementer,attribute,duration,"
            "period_total,period_central,period_provincial,period_local,period_self_raised,period_other,"
            "annual_total,annual_central,annual_provincial,annual_local,annual_self_raised,annual_other,"
            "overview,basis,necessity,safeguards,plan,goal_period,goal_annual,responsible,handler,phone,filed,pages,"
            "money_unit,period_fiscal,annual_fiscal,project_table,project_row";
        Stmt f(db, "INSERT INTO forms(" + cols + ") VALUES(" + placeholders(38) + ")");
        Stmt ind(db,
                 "INSERT INTO indicators(document_id,form_index,indicator_index,scope,level1,level2,name,value,"
                 "nature,unit,weight) VALUES(?,?,?,?,?,?,?,?,?,?,?)");
        const auto& forms = get(doc, "performance_forms");
        long long fi = 0;
        if (forms.is_array())
            for (const auto& form : forms) {
                int c = 1;
                f.integer(1, id).integer(2, fi).json(3, get(form, "title")).json(4, get(form, "year"));
                c = 5;
                for (const char* k : kFormText) f.json(c++, get(form, k));
                for (const char* scope : {"period", "annual"})
                    for (const char* k : kFunds) f.json(c++, get(get(get(form, "funds"), scope), k));
                for (const char* k : kNarr) f.json(c++, get(form, k));
                f.json(c, get(get(form, "goals"), "period"));
                f.json(c + 1, get(get(form, "goals"), "annual"));
                c += 2;
                for (const char* k : kSign) f.json(c++, get(get(form, "signoff"), k));
                f.json(c++, pages_of(form));
                f.json(c++, get(form, "money_unit"));
                for (const char* scope : {"period", "annual"}) f.json(c++, get(get(get(form, "funds"), scope), "fiscal"));
                f.json(c++, get(get(form, "project_row"), "table"));
                f.json(c++, get(get(form, "project_row"), "row"));
                f.run();
                long long ii = 0;
                const auto& inds = get(form, "indicators");
                if (inds.is_array())
                    for (const auto& i : inds) {
                        ind.integer(1, id).integer(2, fi).integer(3, ii++);
                        int k = 4;
                        for (const char* name : {"scope", "level1", "level2", "name", "value", "nature", "unit", "weight"})
                            ind.json(k++, get(i, name));
                        ind.run();
                    }
                ++fi;
            }
    }
    // other tables
    {
        Stmt o(db, "INSERT INTO other_tables(document_id,table_index,title,unit,pages) VALUES(?,?,?,?,?)");
        Stmt c(db,
               "INSERT INTO other_table_cells(document_id,table_index,part,row_index,col_index,text) "
               "VALUES(?,?,?,?,?,?)");
        const auto& others = get(doc, "other_tables");
        long long ti = 0;
        if (others.is_array())
            for (const auto& ot : others) {
                o.integer(1, id).integer(2, ti).json(3, get(ot, "title")).json(4, get(ot, "unit"));
                o.json(5, pages_of(ot)).run();
                for (const char* part : {"header", "rows"}) {
                    const auto& grid = get(ot, part);
                    if (!grid.is_array()) continue;
                    long long ri = 0;
                    for (const auto& row : grid) {
                        long long ci = 0;
                        if (row.is_array())
                            for (const auto& cell : row) {
                                c.integer(1, id).integer(2, ti).text(3, std::string(part) == "rows" ? "body" : "header");
                                c.integer(4, ri).integer(5, ci++).json(6, cell).run();
                            }
                        ++ri;
                    }
                }
                ++ti;
            }
    }
    // diagnostics
    {
        Stmt d(db, "INSERT INTO diagnostics(document_id,diag_index,severity,code,message,page,"
                   "table_id,row_index,side,field,printed,expected,parts,printed_fen,expected_fen) "
                   "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
        const auto& diags = get(doc, "diagnostics");
        long long di = 0;
        if (diags.is_array())
            for (const auto& x : diags) {
                d.integer(1, id).integer(2, di++).json(3, get(x, "severity")).json(4, get(x, "code"));
                d.json(5, get(x, "message")).json(6, get(x, "page")).json(7, get(x, "table")).json(8, get(x, "row"));
                const auto& parts = get(x, "parts");
                d.json(9, get(x, "side")).json(10, get(x, "field")).json(11, get(x, "printed")).json(12, get(x, "expected"));
                d.json(13, parts.is_array() ? ordered_json(parts.dump()) : ordered_json());
                // exact 分 of printed / expected, in the unit of the table concerned
                std::string unit;
                if (get(x, "table").is_string()) {
                    const auto& u = get(get(get(doc, "tables"), get(x, "table").get<std::string>().c_str()), "unit");
                    if (u.is_string()) unit = u.get<std::string>();
                }
                int k = 14;
                for (const char* key : {"printed", "expected"}) {
                    std::optional<long long> fen;
                    if (get(x, key).is_string())
                        if (auto a = Amount::parse(get(x, key).get<std::string>(), unit)) fen = a->fen();
                    if (fen) d.integer(k, *fen); else d.null(k);
                    ++k;
                }
                d.run();
            }
    }
    // the long format
    {
        Stmt g(db, "INSERT INTO figures(document_id,figure_index,table_id,title,side,row_index,row_kind,level,code,"
                   "label,field,printed,amount_yuan,amount_fen,unit,page) VALUES(" + placeholders(16) + ")");
        long long gi = 0;
        for (const auto& x : emit::figures_of_json(doc)) {
            g.integer(1, id).integer(2, gi++).text(3, x.table).opt(4, x.title).opt(5, x.side).integer(6, x.row);
            g.opt(7, x.row_kind);
            if (x.level) g.integer(8, *x.level); else g.null(8);
            g.opt(9, x.code).opt(10, x.label).text(11, x.field).opt(12, x.printed);
            if (x.amount_fen) g.text(13, x.amount_yuan).integer(14, *x.amount_fen); else g.null(13).null(14);
            g.opt(15, x.unit);
            if (x.page) g.integer(16, *x.page); else g.null(16);
            g.run();
        }
    }
}

}  // namespace

std::string batch_schema_sql() {
    // The fixed schema, then the row columns the templates add (as opening a
    // database does).
    std::string sql = kSchema;
    const std::set<std::string> fixed(kFixedRowFields.begin(), kFixedRowFields.end());
    for (const auto& f : row_fields())
        if (!fixed.count(f)) sql += "ALTER TABLE table_rows ADD COLUMN \"" + f + "\" TEXT;\n";
    return sql;
}

BatchDb::~BatchDb() {
    if (db_) sqlite3_close(db_);
}

std::string BatchDb::last_error() const { return db_ ? sqlite3_errmsg(db_) : "database not open"; }

std::string BatchDb::exec(const char* sql) {
    char* msg = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &msg) != SQLITE_OK) {
        std::string e = msg ? msg : last_error();
        sqlite3_free(msg);
        return e;
    }
    return "";
}

std::string BatchDb::open(const std::string& path) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
        std::string e = last_error();
        sqlite3_close(db_);
        db_ = nullptr;
        return e;
    }
    sqlite3_busy_timeout(db_, 10000);
    // WAL + synchronous=NORMAL: a committed document survives the process being
    // killed at any point (only an OS crash may lose the last commits).
    for (const char* pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA foreign_keys=ON"})
        if (auto e = exec(pragma); !e.empty()) return e;
    // A database written by an older schema gains the newer columns (v2: table
    // suspicion and diagnostic places; v3: form money unit, 财政拨款, indicator
    // nature/unit/weight).
    int version = 0;
    {
        Stmt v(db_, "PRAGMA user_version");
        if (sqlite3_step(v.get()) == SQLITE_ROW) version = sqlite3_column_int(v.get(), 0);
    }
    if (version >= 1 && version < 3)
        for (const char* alter :
             {"ALTER TABLE forms ADD COLUMN money_unit TEXT", "ALTER TABLE forms ADD COLUMN period_fiscal TEXT",
              "ALTER TABLE forms ADD COLUMN annual_fiscal TEXT", "ALTER TABLE indicators ADD COLUMN nature TEXT",
              "ALTER TABLE indicators ADD COLUMN unit TEXT", "ALTER TABLE indicators ADD COLUMN weight TEXT"})
            if (auto e = exec(alter); !e.empty()) return e;
    if (version == 1)
        for (const char* alter :
             {"ALTER TABLE tables ADD COLUMN suspect INTEGER NOT NULL DEFAULT 0",
              "ALTER TABLE tables ADD COLUMN suspect_reasons TEXT", "ALTER TABLE diagnostics ADD COLUMN table_id TEXT",
              "ALTER TABLE diagnostics ADD COLUMN row_index INTEGER", "ALTER TABLE diagnostics ADD COLUMN side TEXT",
              "ALTER TABLE diagnostics ADD COLUMN field TEXT", "ALTER TABLE diagnostics ADD COLUMN printed TEXT",
              "ALTER TABLE diagnostics ADD COLUMN expected TEXT", "ALTER TABLE diagnostics ADD COLUMN parts TEXT"})
            if (auto e = exec(alter); !e.empty()) return e;
    if (version >= 1 && version < 5)
        for (const char* alter :
             {"ALTER TABLE documents ADD COLUMN doc_kind TEXT", "ALTER TABLE documents ADD COLUMN scope TEXT",
              "ALTER TABLE table_rows ADD COLUMN row_kind TEXT", "ALTER TABLE table_rows ADD COLUMN level INTEGER",
              "ALTER TABLE forms ADD COLUMN project_table TEXT", "ALTER TABLE forms ADD COLUMN project_row INTEGER",
              "ALTER TABLE diagnostics ADD COLUMN printed_fen INTEGER",
              "ALTER TABLE diagnostics ADD COLUMN expected_fen INTEGER"})
            if (auto e = exec(alter); !e.empty()) return e;
    if (auto e = exec(kSchema); !e.empty()) return e;
    // Columns of the templates' further row fields (v4), in a new or an old database.
    std::set<std::string> have;
    {
        Stmt cols(db_, "PRAGMA table_info(table_rows)");
        while (sqlite3_step(cols.get()) == SQLITE_ROW)
            have.insert(reinterpret_cast<const char*>(sqlite3_column_text(cols.get(), 1)));
    }
    for (const auto& f : row_fields())
        if (!have.count(f))
            if (auto e = exec(("ALTER TABLE table_rows ADD COLUMN \"" + f + "\" TEXT").c_str()); !e.empty()) return e;
    return "";
}

bool BatchDb::has_ok(const std::string& sha256) {
    Stmt s(db_, "SELECT 1 FROM documents WHERE sha256 = ? AND status = 'ok'");
    s.text(1, sha256);
    return sqlite3_step(s.get()) == SQLITE_ROW;
}

void BatchDb::note_path(const std::string& path, const std::string& sha256) {
    try {
        Stmt s(db_, "INSERT OR REPLACE INTO files(path, sha256) VALUES(?, ?)");
        s.text(1, path).text(2, sha256).run();
    } catch (const std::exception&) {
        // only a convenience table; the documents are what matters
    }
}

std::string BatchDb::write(const Outcome& o) {
    if (auto e = exec("BEGIN IMMEDIATE"); !e.empty()) return e;
    try {
        if (o.sha256) {
            Stmt del(db_, "DELETE FROM documents WHERE sha256 = ?");
            del.text(1, *o.sha256).run();
        } else {
            Stmt del(db_, "DELETE FROM documents WHERE sha256 IS NULL AND path = ?");
            del.text(1, o.path).run();
        }
        Stmt ins(db_,
                 "INSERT INTO documents(path,sha256,kind,pages,unit,year,status,error_code,error,started,seconds,"
                 "doc_kind,scope) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)");
        ins.text(1, o.path);
        if (o.sha256) ins.text(2, *o.sha256); else ins.null(2);
        ins.opt(3, o.kind);
        if (o.status == "ok" || o.pages > 0) ins.integer(4, o.pages); else ins.null(4);
        ins.json(5, get(o.document, "unit")).json(6, get(o.document, "year"));
        ins.text(7, o.status).opt(8, o.error_code).opt(9, o.error).text(10, o.started).real(11, o.seconds);
        ins.json(12, get(o.document, "kind")).json(13, get(o.document, "scope"));
        ins.run();
        const long long id = sqlite3_last_insert_rowid(db_);
        if (o.status == "ok") write_document_body(db_, id, o.document);
        if (o.sha256) {
            Stmt f(db_, "INSERT OR REPLACE INTO files(path, sha256) VALUES(?, ?)");
            f.text(1, o.path).text(2, *o.sha256).run();
        }
    } catch (const std::exception& e) {
        exec("ROLLBACK");
        return e.what();
    }
    if (auto e = exec("COMMIT"); !e.empty()) {
        exec("ROLLBACK");
        return e;
    }
    return "";
}

}  // namespace budgetdoc::cli
