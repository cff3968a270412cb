// `budgetdoc regress`: passes on an untouched sample, names the differing field
// of a changed expected file with exit 3, and --update rewrites only what is
// asked (a text input never overwrites the expectation a PDF beside it shares).
#define BOOST_TEST_MODULE regress
#include <boost/test/unit_test.hpp>

#include "cli_support.hpp"

#include <nlohmann/json.hpp>

using namespace budgetdoc::test;
using nlohmann::json;

namespace {

const std::string kName = "shanxi-jgj-2023";

void copy_sample(const fs::path& dir, bool with_text) {
    const fs::path s = source_dir() / "samples";
    fs::copy_file(s / (kName + ".pdf"), dir / (kName + ".pdf"));
    fs::copy_file(s / (kName + ".expected.json"), dir / (kName + ".expected.json"));
    if (with_text) fs::copy_file(s / (kName + ".txt"), dir / (kName + ".txt"));
}

}  // namespace

BOOST_AUTO_TEST_CASE(pdf_sample_passes_changed_expectation_fails_update_restores) {
    TempDir tmp;
    copy_sample(tmp.path, false);
    std::string out;
    BOOST_TEST(run_cli({"regress", tmp.path.string()}, &out) == 0, out);

    // Change one amount and one title in the expected file.
    const fs::path exp_path = tmp.path / (kName + ".expected.json");
    json exp = json::parse(read_file(exp_path));
    auto& row = exp["tables"]["income_summary"]["rows"][0];
    const std::string old_total = row["total"].get<std::string>();
    row["total"] = "123456.78";
    exp["tables"]["three_public"]["title"] = "另一个标题";
    write_file(exp_path, exp.dump(1));
    BOOST_TEST(run_cli({"regress", tmp.path.string()}, &out) == 3, out);
    BOOST_TEST(out.find("tables.income_summary.rows[0]") != std::string::npos, out);
    BOOST_TEST(out.find("total: expected \"123456.78\", got \"" + old_total + "\"") != std::string::npos, out);
    BOOST_TEST(out.find("tables.three_public: title") != std::string::npos, out);

    BOOST_TEST(run_cli({"regress", tmp.path.string(), "--update"}, &out) == 0, out);
    BOOST_TEST(out.find("updated") != std::string::npos, out);
    const json fresh = json::parse(read_file(exp_path));
    BOOST_TEST(fresh["tables"]["income_summary"]["rows"][0]["total"] == old_total);
    BOOST_TEST(!fresh.contains("diagnostics"));
    BOOST_TEST(run_cli({"regress", tmp.path.string()}, &out) == 0, out);
}

BOOST_AUTO_TEST_CASE(text_update_keeps_the_pdf_expectation) {
    TempDir tmp;
    copy_sample(tmp.path, true);
    const fs::path shared = tmp.path / (kName + ".expected.json");
    const std::string before = read_file(shared);
    std::string out;
    const int rc = run_cli({"regress", tmp.path.string(), "--kind", "text", "--update"}, &out);
    BOOST_TEST(rc == 0, out);
    BOOST_TEST(read_file(shared) == before, "the PDF's expectation is untouched");
    const fs::path own = tmp.path / (kName + ".txt.expected.json");
    if (out.find("difference") != std::string::npos) {
        // the text input differs today (lossy seed text): its own expectation was written
        BOOST_TEST(fs::exists(own), out);
    }
    BOOST_TEST(run_cli({"regress", tmp.path.string()}, &out) == 0, out);
}

BOOST_AUTO_TEST_CASE(usage_errors) {
    TempDir tmp;
    std::string out;
    BOOST_TEST(run_cli({"regress", (tmp.path / "nope").string()}, &out) == 10, out);
    BOOST_TEST(run_cli({"regress", tmp.path.string()}, &out) == 2, out);  // nothing to check
}
