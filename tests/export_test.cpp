// budgetdoc export: the samples' long format as XLSX and as --excel CSV, opened
// by LibreOffice Calc headless (converted back to CSV with soffice
// --convert-to csv), checked against the samples' expected JSON: CJK labels
// intact, amounts exact in 分.  Also the CSV bytes (BOM, CRLF) and the errors.
#define BOOST_TEST_MODULE export
#include <boost/test/unit_test.hpp>

#include "cli_support.hpp"

using budgetdoc::test::fen;

#include <nlohmann/json.hpp>

#include <map>

using namespace budgetdoc::test;
using nlohmann::json;

namespace {

const std::vector<std::string> kInputs = {"samples/shanxi-jgj-2023.pdf", "samples/xinzhou-jjzd-2023.pdf",
                                          "samples/forms/yantai-tjj-2026-forms.pdf"};


using Csv = std::vector<std::vector<std::string>>;

Csv parse_csv(std::string text) {
    if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);
    Csv rows(1);
    std::string cell;
    bool quoted = false, any = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') { cell += '"'; ++i; }
            else if (c == '"') quoted = false;
            else cell += c;
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            rows.back().push_back(cell);
            cell.clear();
        } else if (c == '\r') {
        } else if (c == '\n') {
            rows.back().push_back(cell);
            cell.clear();
            rows.emplace_back();
        } else {
            cell += c;
        }
        any = true;
    }
    if (!cell.empty() || (any && !rows.back().empty())) rows.back().push_back(cell);
    if (rows.back().empty()) rows.pop_back();
    return rows;
}

bool have_soffice() { return std::system("command -v soffice >/dev/null 2>&1") == 0; }

// soffice --headless --convert-to csv (UTF-8; every sheet of an XLSX to OUT/<stem>-<sheet>.csv)
void to_csv(const fs::path& file, const fs::path& outdir, const fs::path& profile, bool csv_input) {
    std::string cmd = "soffice --headless -env:UserInstallation=file://" + profile.string() +
                      (csv_input ? " --infilter=CSV:44,34,76,1" : "") +
                      " --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false" +
                      (csv_input ? "" : ",-1") + "' --outdir " + outdir.string() + " " + file.string() +
                      " >/dev/null 2>&1";
    BOOST_TEST_REQUIRE(std::system(cmd.c_str()) == 0, cmd);
}

// (document, table_id, row_index, field) → (label, amount_fen) of every converted row
using Index = std::map<std::tuple<std::string, std::string, std::string, std::string>, std::pair<std::string, std::string>>;

void add_rows(const Csv& csv, Index& index) {
    BOOST_TEST_REQUIRE(!csv.empty());
    std::map<std::string, std::size_t> col;
    for (std::size_t i = 0; i < csv[0].size(); ++i) col[csv[0][i]] = i;
    for (const char* c : {"document", "table_id", "row_index", "field", "label", "amount_fen", "organisation"})
        BOOST_TEST_REQUIRE(col.count(c), c);
    for (std::size_t r = 1; r < csv.size(); ++r) {
        const auto& row = csv[r];
        if (row.size() < csv[0].size()) continue;
        index[{row[col["document"]], row[col["table_id"]], row[col["row_index"]], row[col["field"]]}] = {
            row[col["label"]], row[col["amount_fen"]]};
    }
}

// Every figure of three_public, project_current, general_budget_expenditure and
// the forms' annual totals in the expected JSON is in the converted export, with
// its label as printed and its amount exact.
void check_against_expected(const Index& index, const std::string& what) {
    std::size_t checked = 0;
    for (const auto& in : kInputs) {
        const json e = json::parse(read_file(source_dir() / (in.substr(0, in.size() - 4) + ".expected.json")));
        for (const char* id : {"three_public", "project_current", "general_budget_expenditure"}) {
            if (!e["tables"].contains(id)) continue;
            const auto& t = e["tables"][id];
            for (std::size_t i = 0; i < t["rows"].size(); ++i) {
                const auto& row = t["rows"][i];
                const std::string label = row.contains("name") ? row["name"] : row["item"];
                for (const char* f : {"total", "general_budget", "basic", "project"}) {
                    if (!row.contains(f) || !row[f].is_string()) continue;
                    auto it = index.find({in, id, std::to_string(i), f});
                    BOOST_TEST_REQUIRE((it != index.end()), what << ": " << in << " " << id << "[" << i << "]." << f);
                    BOOST_TEST(it->second.first == label, what << ": " << id << "[" << i << "]");
                    BOOST_TEST(it->second.second == std::to_string(fen(row[f], t["unit"])), what << ": " << label);
                    ++checked;
                }
            }
        }
        for (std::size_t i = 0; i < e["performance_forms"].size(); ++i) {
            const auto& form = e["performance_forms"][i];
            if (!form["funds"]["annual"]["total"].is_string()) continue;
            auto it = index.find({in, "performance_forms", std::to_string(i), "annual.total"});
            BOOST_TEST_REQUIRE((it != index.end()), what << ": " << in << " form " << i);
            BOOST_TEST(it->second.first == form["project"].get<std::string>(), what);
            BOOST_TEST(it->second.second ==
                           std::to_string(fen(form["funds"]["annual"]["total"], form.value("money_unit", std::string("元")))),
                       what << ": " << form["project"]);
            ++checked;
        }
    }
    BOOST_TEST(checked > 150u, what << ": " << checked << " figures checked");
}

struct Fixture {
    TempDir tmp;
    fs::path db;
    Fixture() {
        db = tmp.path / "a.sqlite";
        std::vector<std::string> args = {"batch", "-q", "--db", db.string()};
        args.insert(args.end(), kInputs.begin(), kInputs.end());
        std::string log;
        if (run_cli(args, &log, source_dir()) != 0) throw std::runtime_error("batch failed: " + log);
    }
};

Fixture& fixture() {
    static Fixture f;
    return f;
}

}  // namespace

BOOST_AUTO_TEST_CASE(csv_bytes) {
    const auto& f = fixture();
    BOOST_TEST(run_cli({"export", "--db", f.db.string(), "-o", (f.tmp.path / "plain.csv").string()}) == 0);
    BOOST_TEST(run_cli({"export", "--db", f.db.string(), "-o", (f.tmp.path / "excel.csv").string(), "--excel"}) == 0);
    const std::string plain = read_file(f.tmp.path / "plain.csv"), excel = read_file(f.tmp.path / "excel.csv");
    BOOST_TEST(plain.compare(0, 9, "document,") == 0);  // no BOM
    BOOST_TEST(excel.compare(0, 3, "\xEF\xBB\xBF") == 0);
    BOOST_TEST(excel.find("\r\n") != std::string::npos);
    BOOST_TEST(parse_csv(plain) == parse_csv(excel));
    // from JSON files: the same figures (document = source.file)
    std::string out;
    BOOST_TEST(run_cli({"extract", "samples/shanxi-jgj-2023.pdf", "-o", (f.tmp.path / "s.json").string()}, &out,
                       source_dir()) == 0);
    BOOST_TEST(run_cli({"export", (f.tmp.path / "s.json").string(), "-o", (f.tmp.path / "s.csv").string()}) == 0);
    const auto from_json = parse_csv(read_file(f.tmp.path / "s.csv"));
    std::size_t shanxi = 0;
    for (const auto& r : parse_csv(plain))
        if (r[0] == "samples/shanxi-jgj-2023.pdf") ++shanxi;
    BOOST_TEST(from_json.size() == shanxi + 1);
}

BOOST_AUTO_TEST_CASE(errors_name_the_file) {
    const auto& f = fixture();
    std::string out;
    write_file(f.tmp.path / "bad.json", "{\"x\": 1}");
    BOOST_TEST(run_cli({"export", (f.tmp.path / "bad.json").string(), "-o", (f.tmp.path / "o.csv").string()}, &out) == 18);
    BOOST_TEST(out.find("bad.json") != std::string::npos, out);
    BOOST_TEST(run_cli({"export", "--db", f.db.string(), "-o", (f.tmp.path / "o.txt").string()}, &out) == 2);
    BOOST_TEST(out.find("o.txt") != std::string::npos, out);
    BOOST_TEST(run_cli({"export", "--db", f.db.string(), "-o", (f.tmp.path / "o.xlsx").string(), "--excel"}, &out) == 2);
}

BOOST_AUTO_TEST_CASE(libreoffice_reads_xlsx_and_excel_csv) {
    BOOST_TEST_REQUIRE(have_soffice(), "soffice not found: scripts/install-deps installs libreoffice-calc-nogui");
    const auto& f = fixture();
    const fs::path profile = f.tmp.path / "lo-profile";
    BOOST_TEST_REQUIRE(run_cli({"export", "--db", f.db.string(), "-o", (f.tmp.path / "long.xlsx").string()}) == 0);
    BOOST_TEST_REQUIRE(
        run_cli({"export", "--db", f.db.string(), "-o", (f.tmp.path / "long.csv").string(), "--excel"}) == 0);
    // XLSX: one CSV per sheet
    to_csv(f.tmp.path / "long.xlsx", f.tmp.path / "xlsx", profile, false);
    Index from_xlsx;
    std::size_t sheets = 0;
    for (const auto& e : fs::directory_iterator(f.tmp.path / "xlsx")) {
        add_rows(parse_csv(read_file(e.path())), from_xlsx);
        ++sheets;
    }
    BOOST_TEST(fs::exists(f.tmp.path / "xlsx" / "long-three_public.csv"));
    BOOST_TEST(fs::exists(f.tmp.path / "xlsx" / "long-performance_forms.csv"));
    BOOST_TEST(fs::exists(f.tmp.path / "xlsx" / "long-indicators.csv"));
    BOOST_TEST(sheets >= 10u);
    check_against_expected(from_xlsx, "xlsx");
    // --excel CSV
    to_csv(f.tmp.path / "long.csv", f.tmp.path / "csv", profile, true);
    Index from_csv;
    add_rows(parse_csv(read_file(f.tmp.path / "csv" / "long.csv")), from_csv);
    check_against_expected(from_csv, "excel csv");
    BOOST_TEST(from_csv.size() == from_xlsx.size());
}

BOOST_AUTO_TEST_CASE(xlsx_sheet_names_at_most_31_characters) {
    BOOST_TEST_REQUIRE(have_soffice());
    TempDir tmp;
    write_file(tmp.path / "f.json", R"({"source":{"file":"f.pdf"},"unit":"某单位","year":2024,"kind":"final_accounts",
        "tables":{"final_income_expenditure_summary":{"title":"收入支出决算总表","unit":"万元",
          "income":[{"item":"一般公共预算财政拨款收入","amount":"1.00"}],"expenditure":[]}},"performance_forms":[]})");
    BOOST_TEST_REQUIRE(run_cli({"export", (tmp.path / "f.json").string(), "-o", (tmp.path / "f.xlsx").string()}) == 0);
    to_csv(tmp.path / "f.xlsx", tmp.path / "out", tmp.path / "profile", false);
    const fs::path sheet = tmp.path / "out" / "f-final_income_expenditure_summar.csv";  // 31 characters
    BOOST_TEST_REQUIRE(fs::exists(sheet));
    const auto csv = parse_csv(read_file(sheet));
    BOOST_TEST_REQUIRE(csv.size() == 2u);
    BOOST_TEST(csv[1][12] == "一般公共预算财政拨款收入");
    BOOST_TEST(csv[1][16] == "1000000");  // 1.00 万元 = 10 000 元 = 1 000 000 分
}
