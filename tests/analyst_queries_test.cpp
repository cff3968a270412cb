// The README's four analyst queries ("Four questions, one query each"), read from
// README.md itself, run over a batch database of the samples; their figures are
// checked against the samples' expected JSON (never against what the code
// printed).  Also: the long format's exact amounts and row kinds.
#define BOOST_TEST_MODULE analyst_queries
#include <boost/test/unit_test.hpp>

#include "cli_support.hpp"

using budgetdoc::test::fen;

#include <budgetdoc/figures.hpp>

#include <nlohmann/json.hpp>

#include <cmath>
#include <map>
#include <regex>
#include <set>

using namespace budgetdoc::test;
using nlohmann::json;

namespace {

const std::vector<std::string> kInputs = {
    "samples/shanxi-jgj-2023.pdf", "samples/xinzhou-jjzd-2023.pdf",
    "samples/variants/datong-jjzd-2025-scattered.pdf", "samples/variants/shanxi-jcgaj-2026-nodata.pdf",
    "samples/forms/guangzhou-zsj-2026-perf-p1.pdf", "samples/forms/yantai-tjj-2026-forms.pdf"};

json expected(const std::string& input) {
    const std::string p = input.substr(0, input.size() - 4) + ".expected.json";
    return json::parse(read_file(source_dir() / p));
}


long long fen_of_real(const std::string& yuan) { return std::llround(std::stod(yuan) * 100); }

std::string query(const std::string& name) {
    const std::string readme = read_file(source_dir() / "README.md");
    const std::string open = "<!-- query: " + name + " -->\n```sql\n";
    const auto a = readme.find(open);
    if (a == std::string::npos) throw std::runtime_error("README has no query " + name);
    const auto b = readme.find("```", a + open.size());
    return readme.substr(a + open.size(), b - a - open.size());
}

struct Fixture {
    TempDir tmp;
    fs::path db;
    std::map<std::string, json> out;  // input → the JSON batch wrote
    Fixture() {
        db = tmp.path / "a.sqlite";
        std::vector<std::string> args = {"batch", "-q", "--db", db.string(), "--out-dir", (tmp.path / "json").string()};
        args.insert(args.end(), kInputs.begin(), kInputs.end());
        std::string log;
        const int rc = run_cli(args, &log, source_dir());
        if (rc != 0) throw std::runtime_error("batch failed: " + log);
        for (const auto& in : kInputs) {
            const std::string base = fs::path(in).stem().string();
            out[in] = json::parse(read_file(tmp.path / "json" / (base + ".json")));
        }
    }
};

Fixture& fixture() {
    static Fixture f;
    return f;
}

}  // namespace

BOOST_AUTO_TEST_CASE(three_public_total_per_organisation_and_year) {
    Db db(fixture().db);
    auto rows = db.rows(query("three_public"));
    std::map<std::pair<std::string, std::string>, long long> want;
    for (const auto& in : kInputs) {
        const json e = expected(in);
        if (!e["tables"].contains("three_public")) continue;
        const auto& t = e["tables"]["three_public"];
        for (const auto& r : t["rows"])
            if (r["item"] == "合计") want[{e["unit"], std::to_string(e["year"].get<int>())}] = fen(r["total"], t["unit"]);
    }
    BOOST_TEST(rows.size() == want.size());
    for (const auto& r : rows) {
        auto it = want.find({r[0], r[1]});
        BOOST_TEST_REQUIRE((it != want.end()), r[0] << " " << r[1]);
        BOOST_TEST(fen_of_real(r[2]) == it->second, r[0] << " " << r[1] << ": " << r[2]);
    }
    // 山西省公安厅交通管理局 2023: 合计 337.50 万元 = 3 375 000 元
    BOOST_TEST(want.at({"山西省公安厅交通管理局", "2023"}) == 337500000LL);
}

BOOST_AUTO_TEST_CASE(projects_over_a_million_with_indicators) {
    Db db(fixture().db);
    auto rows = db.rows(query("big_projects"));
    // (organisation, project, 分) → number of result rows (one per indicator, at least one)
    std::map<std::tuple<std::string, std::string, long long>, std::size_t> got, want;
    for (const auto& r : rows) got[{r[0], r[2], fen_of_real(r[3])}]++;
    for (const auto& in : kInputs) {
        const json e = expected(in);
        const std::string org = e.value("unit", json()).is_string() ? e["unit"].get<std::string>() : "";
        std::vector<bool> matched(e["performance_forms"].size(), false);
        for (const char* id : {"project_current", "project_carryover"}) {
            if (!e["tables"].contains(id)) continue;
            const auto& t = e["tables"][id];
            for (const auto& r : t["rows"]) {
                if (!r["total"].is_string() || r["name"] == org) continue;  // the organisation's row
                const long long f = fen(r["total"], t["unit"]);
                std::size_t n = 0;
                for (std::size_t i = 0; i < e["performance_forms"].size(); ++i) {
                    const auto& form = e["performance_forms"][i];
                    const std::string unit = form.value("money_unit", std::string("元"));
                    if (!matched[i] && form["project"] == r["name"] &&
                        fen(form["funds"]["annual"]["total"], unit) == f) {
                        matched[i] = true;
                        n = form["indicators"].size();
                        break;
                    }
                }
                if (f > 100000000) want[{org, r["name"], f}] += std::max<std::size_t>(n, 1);
            }
        }
        for (std::size_t i = 0; i < e["performance_forms"].size(); ++i) {
            const auto& form = e["performance_forms"][i];
            if (matched[i] || !form["funds"]["annual"]["total"].is_string()) continue;
            const long long f = fen(form["funds"]["annual"]["total"], form.value("money_unit", std::string("元")));
            // forms-only samples: the organisation is the document's unit (null → "")
            const std::string o = fixture().out.at(in)["unit"].is_string() ? fixture().out.at(in)["unit"].get<std::string>() : "";
            if (f > 100000000) want[{o, form["project"], f}] += std::max<std::size_t>(form["indicators"].size(), 1);
        }
    }
    BOOST_TEST(got.size() == want.size());
    for (const auto& [k, n] : want) {
        auto it = got.find(k);
        BOOST_TEST((it != got.end()), std::get<0>(k) << " " << std::get<1>(k) << " " << std::get<2>(k));
        if (it != got.end()) BOOST_TEST(it->second == n, std::get<1>(k));
    }
    // 培训费 300.00 万元 = 3 000 000 元 (shanxi), with its form's 16 indicators
    const std::tuple<std::string, std::string, long long> training{"山西省公安厅交通管理局", "培训费", 300000000LL};
    BOOST_TEST(got[training] == 16u);
}

BOOST_AUTO_TEST_CASE(sum_mismatch_largest_difference_first) {
    Db db(fixture().db);
    auto rows = db.rows(query("sum_mismatch"));
    // Recompute each difference from the expected JSON: the printed figure at the
    // diagnostic's place minus the sum of its parts (fields of the row, or the rows
    // with those codes).
    std::map<std::pair<std::string, std::string>, std::pair<std::size_t, long long>> want;
    for (const auto& in : kInputs) {
        const json e = expected(in);
        for (const auto& d : fixture().out.at(in)["diagnostics"]) {
            const std::string code = d["code"];
            if (code != "sum_mismatch" && code != "rounding_difference") continue;
            const auto& t = e["tables"][d["table"].get<std::string>()];
            const auto& list = t[d.contains("side") ? d["side"].get<std::string>() : std::string("rows")];
            const auto& row = list[d["row"].get<int>()];
            const std::string unit = t["unit"];
            long long sum = 0;
            for (const auto& p : d["parts"]) {
                if (row.contains(p.get<std::string>())) {
                    if (row[p.get<std::string>()].is_string()) sum += fen(row[p.get<std::string>()], unit);
                    continue;
                }
                for (const auto& r : list)
                    if (r.contains("code") && r["code"] == p && r[d["field"].get<std::string>()].is_string())
                        sum += fen(r[d["field"].get<std::string>()], unit);
            }
            const long long diff = std::llabs(fen(row[d["field"].get<std::string>()], unit) - sum);
            auto& w = want[{in, code}];
            w.first++;
            w.second = std::max(w.second, diff);
        }
    }
    BOOST_TEST(rows.size() == want.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        auto it = want.find({rows[i][0], rows[i][1]});
        BOOST_TEST_REQUIRE((it != want.end()), rows[i][0]);
        BOOST_TEST(std::stoul(rows[i][2]) == it->second.first);
        BOOST_TEST(fen_of_real(rows[i][3]) == it->second.second, rows[i][0]);
        if (i > 0) BOOST_TEST(std::stod(rows[i - 1][3]) >= std::stod(rows[i][3]));
    }
    // shanxi: 21011 printed 91.03 万元, its 项 add up to 91.02: 100 元
    const std::pair<std::string, std::string> shanxi{"samples/shanxi-jgj-2023.pdf", "rounding_difference"};
    BOOST_TEST(want[shanxi].second == 10000);
}

BOOST_AUTO_TEST_CASE(general_budget_expenditure_by_function_class) {
    Db db(fixture().db);
    auto rows = db.rows(query("by_function"));
    std::map<std::string, std::pair<long long, int>> want;  // 类 code → (分, documents)
    for (const auto& in : kInputs) {
        const json e = expected(in);
        if (!e["tables"].contains("general_budget_expenditure")) continue;
        const auto& t = e["tables"]["general_budget_expenditure"];
        for (const auto& r : t["rows"])
            if (r["code"].is_string() && r["code"].get<std::string>().size() == 3 && r["total"].is_string()) {
                want[r["code"]].first += fen(r["total"], t["unit"]);
                want[r["code"]].second++;
            }
    }
    BOOST_TEST(rows.size() == want.size());
    for (const auto& r : rows) {
        BOOST_TEST_REQUIRE(want.count(r[0]), r[0]);
        BOOST_TEST(fen_of_real(r[3]) == want[r[0]].first, r[0] << " " << r[1]);
        BOOST_TEST(std::stoi(r[2]) == want[r[0]].second, r[0]);
    }
}

BOOST_AUTO_TEST_CASE(amounts_exact_and_unit_visible) {
    using budgetdoc::Amount;
    BOOST_TEST(Amount::parse("6,673.43", "万元")->fen().value() == 6673430000LL);
    BOOST_TEST(Amount::parse("6673.43", "万元")->yuan().value() == "66734300");
    BOOST_TEST(Amount::parse("5.23", "元")->yuan().value() == "5.23");
    BOOST_TEST(Amount::parse("0.005", "元")->fen().has_value() == false);  // not whole 分
    BOOST_TEST(Amount::parse("12.00", "")->fen().has_value() == false);    // unit unknown
    BOOST_TEST(!Amount::parse("10,528.33一、基本支出", "元"));
    BOOST_TEST(!Amount::parse("20.23%", "元"));
    BOOST_TEST(Amount::parse("(12.50)", "万元")->fen().value() == -12500000LL);
    // the long view: SUM of a table's detail rows gives the printed total exactly
    Db db(fixture().db);
    const auto sums = db.rows(
        "SELECT SUM(CASE WHEN row_kind = 'detail' THEN amount_fen END), "
        "SUM(CASE WHEN row_kind = 'total' THEN amount_fen END) FROM long_figures "
        "WHERE document LIKE '%shanxi-jgj-2023.pdf' AND table_id = 'project_current' AND field = 'total'");
    BOOST_TEST(sums.at(0).at(0) == "4479360000");  // 4479.36 万元 (44 793 600 元) = the organisation's row
    BOOST_TEST(db.scalar("SELECT COUNT(*) FROM long_figures WHERE unit IS NULL AND amount_fen IS NOT NULL") == 0);
    BOOST_TEST(db.scalar("SELECT COUNT(*) FROM forms WHERE project_row IS NOT NULL") > 20);
    // two projects named 警务辅助人员经费 (5820.00 and 354.00 万元) each get their own form
    const auto pair = db.rows(
        "SELECT f.annual_total, r.total FROM forms f JOIN documents d ON d.id = f.document_id "
        "JOIN table_rows r ON r.document_id = f.document_id AND r.table_id = f.project_table "
        "AND r.row_index = f.project_row WHERE d.path LIKE '%datong%' AND f.project = '警务辅助人员经费' "
        "ORDER BY r.row_index");
    BOOST_TEST_REQUIRE(pair.size() == 2u);
    BOOST_TEST(pair[0][0] == "58200000");
    BOOST_TEST(pair[0][1] == "5820.00");
    BOOST_TEST(pair[1][0] == "3540000");
    BOOST_TEST(pair[1][1] == "354.00");
}

BOOST_AUTO_TEST_CASE(typed_access) {
    namespace field = budgetdoc::field;
    // the field constants are fields of the templates
    std::set<std::string> all;
    for (const auto& id : budgetdoc::table_ids())
        for (const auto& f : budgetdoc::table_fields(id)) all.insert(f.name);
    for (const char* f : {field::code, field::name, field::item, field::unit, field::dept_item, field::gov_item,
                          field::amount, field::total, field::current_year, field::carryover, field::subtotal,
                          field::general_budget, field::gov_fund, field::state_capital, field::special_account,
                          field::unit_funds, field::basic, field::project, field::personnel, field::public_})
        BOOST_TEST(all.count(f), f);
    const auto tp = budgetdoc::table_fields("three_public");
    BOOST_TEST_REQUIRE(!tp.empty());
    BOOST_TEST(tp[0].name == "item");
    BOOST_TEST((tp[1].kind == budgetdoc::FieldKind::amount));
    BOOST_TEST(budgetdoc::table_fields("no_such_table").empty());
    budgetdoc::Diagnostic d;
    d.code = "sum_mismatch";
    BOOST_TEST((budgetdoc::diagnostic_code(d) == budgetdoc::DiagnosticCode::sum_mismatch));
    d.code = "whatever";
    BOOST_TEST((budgetdoc::diagnostic_code(d) == budgetdoc::DiagnosticCode::other));
    // row kinds and levels of a 科目 table
    std::vector<budgetdoc::Record> rows(4);
    rows[0].set("code", std::nullopt), rows[0].set("name", std::string("合计"));
    rows[1].set("code", std::string("204")), rows[1].set("name", std::string("公共安全支出"));
    rows[2].set("code", std::string("20402")), rows[2].set("name", std::string("公安"));
    rows[3].set("code", std::string("2040201")), rows[3].set("name", std::string("行政运行"));
    const auto c = budgetdoc::classify_rows("general_budget_expenditure", rows);
    BOOST_TEST((c[0].kind == budgetdoc::RowKind::total));
    BOOST_TEST(!c[0].level);
    BOOST_TEST((c[1].kind == budgetdoc::RowKind::subtotal));
    BOOST_TEST(c[1].level.value() == 1);
    BOOST_TEST((c[2].kind == budgetdoc::RowKind::subtotal));
    BOOST_TEST(c[2].level.value() == 2);
    BOOST_TEST((c[3].kind == budgetdoc::RowKind::detail));
    BOOST_TEST(c[3].level.value() == 3);
}

BOOST_AUTO_TEST_CASE(unknown_unit_is_visible_never_a_number) {
    const auto f = budgetdoc::figures_from_json(R"({"source":{"file":"x.pdf"},"unit":"某单位","year":2024,
        "tables":{"three_public":{"title":"T","unit":null,"rows":[{"item":"合计","total":"12.50"}]},
                  "expenditure_summary":{"title":"E","unit":"万元","rows":[{"code":"201","name":"一般公共服务支出","total":"1,000.05"}]}},
        "performance_forms":[{"project":"p","funds":{"annual":{"total":"450000"}},"indicators":[]}]})");
    BOOST_TEST_REQUIRE(f.ok());
    BOOST_TEST_REQUIRE(f.value().size() == 3u);
    const auto& a = f.value()[0];
    BOOST_TEST(a.printed == "12.50");
    BOOST_TEST(a.unit.empty());
    BOOST_TEST(!a.amount_fen);
    BOOST_TEST(a.amount_yuan.empty());
    BOOST_TEST(a.row_kind == "total");
    const auto& b = f.value()[1];
    BOOST_TEST(b.amount_fen.value() == 1000050000LL);
    BOOST_TEST(b.amount_yuan == "10000500");
    BOOST_TEST(b.level.value() == 1);
    const auto& c = f.value()[2];  // forms are in 元 without money_unit
    BOOST_TEST(c.table == "performance_forms");
    BOOST_TEST(c.field == "annual.total");
    BOOST_TEST(c.amount_fen.value() == 45000000LL);
    BOOST_TEST(!budgetdoc::figures_from_json("not json", "y.json").ok());
    BOOST_TEST(budgetdoc::figures_from_json("not json", "y.json").error().describe().find("y.json") != std::string::npos);
}
