// `budgetdoc batch` end to end: the CLI over copies of samples/ and
// samples/bad/ into a temporary database, checked with the SQLite C API
// against the expected JSON; resumption after SIGKILL; the test-only crash
// hook (BUDGETDOC_TEST_CRASH_MARKER).
#define BOOST_TEST_MODULE batch
#include <boost/test/unit_test.hpp>

#include "cli_support.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <csignal>
#include <map>
#include <set>
#include <thread>

using namespace budgetdoc::test;
using nlohmann::json;

namespace {

const char* const kSamples[] = {"xinzhou-jjzd-2023", "shanxi-jgj-2023"};

// Error code per broken input (samples/bad/README.md).
const std::map<std::string, std::string> kBad = {
    {"truncated.pdf", "corrupt_pdf"},     {"not-a-pdf.pdf", "not_pdf"},
    {"empty.pdf", "empty_file"},          {"encrypted.pdf", "encrypted"},
    {"scanned.pdf", "no_text_layer"},     {"unknown-layout.txt", "unknown_layout"},
};

// samples/*.pdf, *.txt, *.expected.json and samples/bad/* copied into `dir`.
void copy_samples(const fs::path& dir) {
    const fs::path s = source_dir() / "samples";
    for (const char* name : kSamples)
        for (const char* ext : {".pdf", ".txt", ".expected.json"})
            fs::copy_file(s / (std::string(name) + ext), dir / (std::string(name) + ext));
    fs::copy(s / "bad", dir / "bad", fs::copy_options::recursive);
}

json expected_of(const std::string& name) {
    return json::parse(read_file(source_dir() / "samples" / (name + ".expected.json")));
}

std::string path_where(const fs::path& dir, const std::string& rel) { return (dir / rel).string(); }

}  // namespace

BOOST_AUTO_TEST_CASE(samples_and_bad_inputs_into_sqlite) {
    TempDir tmp;
    const fs::path in = tmp.path / "in";
    fs::create_directories(in);
    copy_samples(in);
    const fs::path dbp = tmp.path / "out.sqlite";
    std::string log;
    const int rc = run_cli({"batch", in.string(), "--db", dbp.string(), "--jobs", "2"}, &log);
    BOOST_TEST(rc == 3, "exit code 3 when some documents failed\n" << log);

    Db db(dbp);
    // 4 good inputs + 6 broken ones; README.md, the script and *.expected.json are not inputs.
    BOOST_TEST(db.scalar("SELECT count(*) FROM documents") == 10);
    BOOST_TEST(db.scalar("SELECT count(*) FROM documents WHERE status = 'ok'") == 4);
    for (const auto& [file, code] : kBad) {
        const auto r = db.rows("SELECT status, error_code, error FROM documents WHERE path = ?1",
                               {path_where(in, "bad/" + file)});
        BOOST_TEST_REQUIRE(r.size() == 1u, file << ": one row per broken file");
        BOOST_TEST(r[0][0] == "failed", file);
        BOOST_TEST(r[0][1] == code, file << ": " << r[0][1]);
        BOOST_TEST(r[0][2].find(file) != std::string::npos, file << ": error names the file: " << r[0][2]);
    }

    for (const char* name : kSamples) {
        const json exp = expected_of(name);
        for (const char* ext : {".pdf", ".txt"}) {
            const std::string path = path_where(in, std::string(name) + ext);
            const auto doc = db.rows("SELECT id, unit, year, pages, sha256 FROM documents WHERE path = ?1", {path});
            BOOST_TEST_REQUIRE(doc.size() == 1u, path);
            const std::string id = doc[0][0];
            BOOST_TEST(doc[0][1] == exp["unit"].get<std::string>());
            BOOST_TEST(doc[0][2] == std::to_string(exp["year"].get<int>()));
            BOOST_TEST(doc[0][4].size() == 64u);
            if (std::string(ext) == ".pdf") BOOST_TEST(doc[0][3] == std::to_string(exp["source"]["pages"].get<int>()));
            BOOST_TEST(db.scalar("SELECT count(*) FROM tables WHERE document_id = ?1", {id}) ==
                       static_cast<long long>(exp["tables"].size()));
            for (auto it = exp["tables"].begin(); it != exp["tables"].end(); ++it) {
                const json& t = it.value();
                for (const char* side : {"rows", "income", "expenditure"}) {
                    if (!t.contains(side)) continue;
                    const std::string where = std::string(side) == "rows" ? "side IS NULL" : "side = ?3";
                    std::vector<std::string> params = {id, it.key()};
                    if (std::string(side) != "rows") params.push_back(side);
                    const long long n = db.scalar(
                        "SELECT count(*) FROM table_rows WHERE document_id = ?1 AND table_id = ?2 AND " + where, params);
                    BOOST_TEST(n == static_cast<long long>(t[side].size()), name << ext << " " << it.key() << "." << side);
                }
                BOOST_TEST(db.scalar("SELECT no_data FROM tables WHERE document_id = ?1 AND table_id = ?2", {id, it.key()}) ==
                           (t["no_data"].get<bool>() ? 1 : 0));
            }
            // Amounts are stored as the exact decimal text of the contract.
            const auto totals = db.rows(
                "SELECT total, general_budget FROM table_rows WHERE document_id = ?1 AND table_id = 'income_summary' "
                "ORDER BY row_index",
                {id});
            const json& rows = exp["tables"]["income_summary"]["rows"];
            BOOST_TEST_REQUIRE(totals.size() == rows.size());
            for (std::size_t i = 0; i < rows.size(); ++i) {
                BOOST_TEST(totals[i][0] == (rows[i]["total"].is_null() ? "<null>" : rows[i]["total"].get<std::string>()));
                BOOST_TEST(totals[i][1] == (rows[i]["general_budget"].is_null() ? "<null>"
                                                                                 : rows[i]["general_budget"].get<std::string>()));
            }
            if (std::string(ext) == ".pdf")
                BOOST_TEST(db.scalar("SELECT count(*) FROM forms WHERE document_id = ?1", {id}) > 0);
        }
    }
    // Second run: the good documents are skipped, the broken ones retried; still one row each.
    const int rc2 = run_cli({"batch", in.string(), "--db", dbp.string(), "--jobs", "2"}, &log);
    BOOST_TEST(rc2 == 3);
    BOOST_TEST(log.find("skipped 4") != std::string::npos, log);
    BOOST_TEST(db.scalar("SELECT count(*) FROM documents") == 10);
    BOOST_TEST(db.scalar("SELECT count(*) FROM table_rows WHERE document_id NOT IN (SELECT id FROM documents)") == 0);
}

BOOST_AUTO_TEST_CASE(other_sinks_and_list_input) {
    TempDir tmp;
    const fs::path s = source_dir() / "samples";
    const fs::path list = tmp.path / "list.txt";
    write_file(list, "# inputs\n" + (s / "shanxi-jgj-2023.txt").string() + "\n\n" + (s / "bad/empty.pdf").string() +
                         "\n" + (tmp.path / "missing.pdf").string() + "\n");
    const fs::path jsonl = tmp.path / "out.jsonl", out = tmp.path / "json";
    std::string log;
    const int rc = run_cli({"batch", "--from-list", list.string(), "--jsonl", jsonl.string(), "--out-dir",
                            out.string(), "--quiet"},
                           &log, tmp.path);
    BOOST_TEST(rc == 3, log);
    BOOST_TEST(!fs::exists(tmp.path / "budgetdoc.sqlite"));
    std::vector<json> lines;
    std::istringstream in(read_file(jsonl));
    for (std::string l; std::getline(in, l);) lines.push_back(json::parse(l));
    BOOST_TEST_REQUIRE(lines.size() == 3u);
    int errors = 0, docs = 0;
    for (const auto& l : lines) {
        if (l.contains("error")) ++errors;
        if (l.contains("tables")) ++docs;
    }
    BOOST_TEST(errors == 2);
    BOOST_TEST(docs == 1);
    BOOST_TEST(fs::exists(out / "shanxi-jgj-2023.json"));
    BOOST_TEST(json::parse(read_file(out / "empty.json"))["error"]["code"] == "empty_file");
    BOOST_TEST(json::parse(read_file(out / "missing.json"))["error"]["code"] == "not_found");
}

BOOST_AUTO_TEST_CASE(sigkill_mid_batch_then_rerun_loses_and_duplicates_nothing) {
    TempDir tmp;
    const fs::path in = tmp.path / "in";
    fs::create_directories(in);
    // 12 distinct documents (a trailing comment/blank line makes each copy's bytes unique).
    const fs::path s = source_dir() / "samples";
    const std::string pdf = read_file(s / "xinzhou-jjzd-2023.pdf"), txt = read_file(s / "shanxi-jgj-2023.txt");
    for (int i = 0; i < 6; ++i) {
        write_file(in / ("x" + std::to_string(i) + ".pdf"), pdf + "\n% copy " + std::to_string(i) + "\n");
        write_file(in / ("s" + std::to_string(i) + ".txt"), txt + std::string(static_cast<std::size_t>(i + 1), '\n'));
    }
    const fs::path dbp = tmp.path / "out.sqlite";
    const pid_t pid = spawn_cli({"batch", in.string(), "--db", dbp.string(), "--jobs", "1"}, tmp.path / "log1");
    // Wait until at least one document is committed, then kill the batch parent.
    bool committed = false;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (!committed && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        if (!fs::exists(dbp)) continue;
        try {
            Db db(dbp);
            committed = db.scalar("SELECT count(*) FROM documents") >= 1;
        } catch (const std::exception&) {
            // schema not created yet
        }
    }
    BOOST_TEST_REQUIRE(committed);
    kill(pid, SIGKILL);
    BOOST_TEST(wait_cli(pid) == 128 + SIGKILL);
    long long before = 0;
    {
        Db db(dbp);
        before = db.scalar("SELECT count(*) FROM documents");
    }
    BOOST_TEST_MESSAGE("documents committed before SIGKILL: " << before);
    BOOST_TEST(before < 12, "the batch was killed mid-way");

    std::string log;
    BOOST_TEST(run_cli({"batch", in.string(), "--db", dbp.string(), "--jobs", "2"}, &log) == 0, log);
    Db db(dbp);
    BOOST_TEST(db.scalar("SELECT count(*) FROM documents") == 12);
    BOOST_TEST(db.scalar("SELECT count(DISTINCT path) FROM documents") == 12);
    BOOST_TEST(db.scalar("SELECT count(DISTINCT sha256) FROM documents") == 12);
    BOOST_TEST(db.scalar("SELECT count(*) FROM documents WHERE status = 'ok'") == 12);
    // Every document has exactly the rows of its kind: none lost, none doubled.
    const auto per_doc = db.rows(
        "SELECT d.kind, count(r.row_index) FROM documents d LEFT JOIN table_rows r ON r.document_id = d.id "
        "GROUP BY d.id");
    std::map<std::string, std::set<std::string>> counts;
    for (const auto& r : per_doc) counts[r[0]].insert(r[1]);
    BOOST_TEST(counts.size() == 2u);
    for (const auto& [kind, n] : counts) BOOST_TEST(n.size() == 1u, kind << ": row counts differ between copies");
    BOOST_TEST(db.scalar("SELECT count(*) FROM table_rows WHERE document_id NOT IN (SELECT id FROM documents)") == 0);
    BOOST_TEST(log.find("skipped " + std::to_string(before)) != std::string::npos, log);
}

BOOST_AUTO_TEST_CASE(crashing_document_is_recorded_and_batch_goes_on) {
    TempDir tmp;
    const fs::path in = tmp.path / "in";
    fs::create_directories(in);
    const fs::path s = source_dir() / "samples";
    const std::string marker = "BUDGETDOC-TEST-CRASH-7f3a";
    write_file(in / "a-crash.txt", read_file(s / "shanxi-jgj-2023.txt") + "\n" + marker + "\n");
    fs::copy_file(s / "shanxi-jgj-2023.txt", in / "b-good.txt");
    const fs::path dbp = tmp.path / "out.sqlite";
    setenv("BUDGETDOC_TEST_CRASH_MARKER", marker.c_str(), 1);
    std::string log;
    const int rc = run_cli({"batch", in.string(), "--db", dbp.string(), "--jobs", "1"}, &log);
    unsetenv("BUDGETDOC_TEST_CRASH_MARKER");
    BOOST_TEST(rc == 3, log);
    Db db(dbp);
    const auto crashed = db.rows("SELECT status, error FROM documents WHERE path = ?1", {(in / "a-crash.txt").string()});
    BOOST_TEST_REQUIRE(crashed.size() == 1u);
    BOOST_TEST(crashed[0][0] == "crashed");
    BOOST_TEST(crashed[0][1].find("signal") != std::string::npos, crashed[0][1]);
    BOOST_TEST(db.scalar("SELECT count(*) FROM documents WHERE path = ?1 AND status = 'ok'",
                         {(in / "b-good.txt").string()}) == 1);
    BOOST_TEST(log.find("crashed 1") != std::string::npos, log);
}

BOOST_AUTO_TEST_CASE(other_provinces_forms_carry_their_fields_into_sqlite) {
    // samples/forms/: forms in 万元 with 财政拨款, one per project (烟台) and listed in
    // one table (广州); the schema v3 columns hold what their expected files say.
    TempDir tmp;
    const fs::path s = source_dir() / "samples" / "forms";
    const fs::path dbp = tmp.path / "forms.sqlite";
    std::string log;
    const int rc = run_cli({"batch", (s / "yantai-tjj-2026-forms.pdf").string(),
                            (s / "guangzhou-zsj-2026-perf-p1.pdf").string(), "--db", dbp.string(), "--quiet"},
                           &log);
    BOOST_TEST(rc == 0, log);
    Db db(dbp);
    // The templates' further row fields are columns of table_rows (schema v4).
    for (const char* column : {"budget", "actual", "group", "part_of", "opening_balance", "closing_balance"})
        BOOST_TEST(db.scalar("SELECT count(*) FROM pragma_table_info('table_rows') WHERE name = ?1", {column}) == 1,
                   column);
    BOOST_TEST(db.scalar("PRAGMA user_version") == 5);
    for (const char* name : {"yantai-tjj-2026-forms", "guangzhou-zsj-2026-perf-p1"}) {
        BOOST_TEST_CONTEXT(name) {
            const json e = json::parse(read_file(s / (std::string(name) + ".expected.json")));
            const auto id = db.rows("SELECT id FROM documents WHERE path = ?1", {(s / (std::string(name) + ".pdf")).string()});
            BOOST_TEST_REQUIRE(id.size() == 1u);
            const auto& forms = e["performance_forms"];
            BOOST_TEST(db.scalar("SELECT count(*) FROM forms WHERE document_id = ?1", {id[0][0]}) ==
                       static_cast<long long>(forms.size()));
            for (size_t i = 0; i < forms.size(); ++i) {
                const auto r = db.rows(
                    "SELECT project, money_unit, annual_total, annual_fiscal FROM forms WHERE document_id = ?1 AND "
                    "form_index = ?2",
                    {id[0][0], std::to_string(i)});
                BOOST_TEST_REQUIRE(r.size() == 1u);
                BOOST_TEST(r[0][0] == forms[i]["project"].get<std::string>());
                BOOST_TEST(r[0][1] == forms[i]["money_unit"].get<std::string>());
                BOOST_TEST(r[0][2] == forms[i]["funds"]["annual"]["total"].get<std::string>());
                BOOST_TEST(r[0][3] == forms[i]["funds"]["annual"]["fiscal"].get<std::string>());
                BOOST_TEST(db.scalar("SELECT count(*) FROM indicators WHERE document_id = ?1 AND form_index = ?2",
                                     {id[0][0], std::to_string(i)}) ==
                           static_cast<long long>(forms[i]["indicators"].size()));
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(schema_v4_database_migrates_to_v5_in_place) {
    // A v4 database (v5's additions taken out again) given to batch gains the v5
    // columns and the figures table; --force fills them.
    TempDir tmp;
    const fs::path dbp = tmp.path / "old.sqlite";
    const std::string sample = (source_dir() / "samples" / "shanxi-jgj-2023.txt").string();
    std::string log;
    BOOST_TEST_REQUIRE(run_cli({"batch", sample, "--db", dbp.string(), "--quiet"}, &log) == 0, log);
    {
        sqlite3* db = nullptr;
        BOOST_TEST_REQUIRE(sqlite3_open(dbp.c_str(), &db) == SQLITE_OK);
        const char* v4 =
            "DROP VIEW long_figures; DROP TABLE figures;"
            "ALTER TABLE documents DROP COLUMN doc_kind; ALTER TABLE documents DROP COLUMN scope;"
            "ALTER TABLE table_rows DROP COLUMN row_kind; ALTER TABLE table_rows DROP COLUMN level;"
            "ALTER TABLE forms DROP COLUMN project_table; ALTER TABLE forms DROP COLUMN project_row;"
            "ALTER TABLE diagnostics DROP COLUMN printed_fen; ALTER TABLE diagnostics DROP COLUMN expected_fen;"
            "PRAGMA user_version = 4;";
        char* err = nullptr;
        BOOST_TEST_REQUIRE(sqlite3_exec(db, v4, nullptr, nullptr, &err) == SQLITE_OK, (err ? err : ""));
        sqlite3_close(db);
    }
    BOOST_TEST_REQUIRE(run_cli({"batch", sample, "--db", dbp.string(), "--quiet", "--force"}, &log) == 0, log);
    Db db(dbp);
    BOOST_TEST(db.scalar("PRAGMA user_version") == 5);
    BOOST_TEST(db.scalar("SELECT count(*) FROM documents") == 1);
    BOOST_TEST(db.scalar("SELECT count(*) FROM long_figures WHERE table_id = 'three_public' AND row_kind = 'total' "
                         "AND field = 'total' AND amount_fen = 337500000") == 1);
    BOOST_TEST(db.scalar("SELECT count(*) FROM table_rows WHERE level = 1") > 0);
    BOOST_TEST(db.scalar("SELECT count(*) FROM forms WHERE project_table = 'project_current'") == 3);
}
