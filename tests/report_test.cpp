// report: `budgetdoc report` of each sample (samples/, variants/, forms/ and the two
// real files in samples/real/) opened in headless Chromium: a screenshot is taken
// and the DOM Chromium built holds every table and every diagnostic of the JSON
// (`data-table` blocks with the picture of their pages, one `data-diag` item per
// diagnostic naming its table); nothing is fetched from outside.  Then a batch
// database → summary page linking to one page per document.
//
// Needs Debian's `chromium` (scripts/install-deps installs it).  Without it the
// test fails, unless BUDGETDOC_NO_BROWSER is set (then the browser checks are
// skipped with a message and the HTML is checked as written).
#define BOOST_TEST_MODULE report
#include <boost/test/unit_test.hpp>

#include "cli_support.hpp"

#include <nlohmann/json.hpp>

#include <regex>
#include <set>

using namespace budgetdoc;
namespace fs = std::filesystem;

namespace {

bool no_browser() { return std::getenv("BUDGETDOC_NO_BROWSER") != nullptr; }

std::string chromium() {
    for (const char* p : {"/usr/bin/chromium", "/usr/bin/chromium-browser"})
        if (fs::exists(p)) return p;
    return "";
}

// Run a program (not the CLI) with stdout into `out`; exit status.
int run_program(std::vector<std::string> args, const fs::path& out) {
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid = -1;
    const int rc = posix_spawnp(&pid, argv[0], &fa, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&fa);
    if (rc != 0) return -1;
    return test::wait_cli(pid);
}

// The DOM of `html` as Chromium built it (or the file itself without a browser),
// and a screenshot into `png`.
std::string open_in_browser(const fs::path& html, const fs::path& png, const fs::path& work) {
    if (no_browser()) {
        BOOST_TEST_MESSAGE("BUDGETDOC_NO_BROWSER set: " << html.filename().string() << " checked as written, not in Chromium");
        return test::read_file(html);
    }
    const std::string chrome = chromium();
    BOOST_REQUIRE_MESSAGE(!chrome.empty(), "chromium not installed (scripts/install-deps installs it; "
                                           "set BUDGETDOC_NO_BROWSER=1 to skip the browser checks)");
    const std::vector<std::string> common = {"timeout", "180", chrome, "--headless", "--no-sandbox", "--disable-gpu",
                                             "--user-data-dir=" + (work / "chrome-profile").string(),
                                             "--window-size=1280,2000"};
    auto args = common;
    args.push_back("--screenshot=" + png.string());
    args.push_back("file://" + fs::absolute(html).string());
    BOOST_TEST(run_program(args, work / "shot.log") == 0);
    BOOST_TEST(fs::exists(png));
    if (fs::exists(png)) {
        const std::string shot = test::read_file(png);
        BOOST_TEST(shot.substr(0, 4) == "\x89PNG");
        // Not a blank page: a blank 1280×2000 screenshot is ~12 KB; a text-only batch
        // summary ~50 KB, a document page with its pictures several times that.
        BOOST_TEST(shot.size() > 25000u);
    }
    args = common;
    args.push_back("--dump-dom");
    args.push_back("file://" + fs::absolute(html).string());
    const fs::path dom = work / (html.stem().string() + ".dom.html");
    BOOST_TEST(run_program(args, dom) == 0);
    return test::read_file(dom);
}

std::string attr(const std::string& s) {
    std::string o;
    for (char c : s) o += c == '&' ? std::string("&amp;") : c == '"' ? std::string("&quot;") : c == '<' ? std::string("&lt;") : c == '>' ? std::string("&gt;") : std::string(1, c);
    return o;
}

void check_report(const fs::path& input, const fs::path& work) {
    BOOST_TEST_CONTEXT(input.filename().string()) {
        std::string out;
        const fs::path json_path = work / (input.stem().string() + ".json");
        BOOST_REQUIRE(test::run_cli({"extract", input.string(), "-o", json_path.string()}, &out) == 0);
        const auto j = nlohmann::json::parse(test::read_file(json_path));
        const fs::path html = work / (input.stem().string() + ".html");
        BOOST_REQUIRE_MESSAGE(test::run_cli({"report", input.string(), "-o", html.string()}, &out) == 0, out);
        const std::string written = test::read_file(html);
        // Self-contained: no script, no external reference.
        BOOST_TEST(written.find("<script") == std::string::npos);
        BOOST_TEST(!std::regex_search(written, std::regex(R"((src|href)\s*=\s*"(https?:)?//)")));
        BOOST_TEST(!std::regex_search(written, std::regex(R"(url\((https?:)?//)")));
        const std::string dom = open_in_browser(html, work / (input.stem().string() + ".png"), work);
        BOOST_TEST(dom.find("<h1>") != std::string::npos);
        // Every table of the JSON, with the picture of each of its pages.
        for (const auto& [id, t] : j["tables"].items()) {
            const std::string open = "id=\"table-" + id + "\" data-table=\"" + id + "\"";
            const auto at = dom.find(open);
            BOOST_TEST_CONTEXT(id) {
                BOOST_TEST(at != std::string::npos);
                if (at == std::string::npos) continue;
                const auto end = dom.find("class=\"block", at + open.size());
                const std::string block = dom.substr(at, end == std::string::npos ? std::string::npos : end - at);
                for (const auto& p : t["pages"]) {
                    const std::string cls = "pg" + std::to_string(p.get<int>());
                    BOOST_TEST(block.find("class=\"page " + cls + "\"") != std::string::npos);
                    BOOST_TEST(dom.find("." + cls + "{background-image:url(data:image/") != std::string::npos);
                }
                // as many HTML rows as records (+1 header row per side)
                size_t records = 0, sides = 0;
                for (const char* side : {"rows", "income", "expenditure"})
                    if (t.contains(side)) records += t[side].size(), ++sides;
                size_t trs = 0;
                const auto pics = block.find("class=\"pics\"");
                for (size_t k = block.find("<tr>"); k != std::string::npos && k < pics; k = block.find("<tr>", k + 1)) ++trs;
                BOOST_TEST(trs == records + sides);
            }
        }
        size_t others = 0;
        for (size_t k = dom.find("data-table=\"other\""); k != std::string::npos; k = dom.find("data-table=\"other\"", k + 1)) ++others;
        BOOST_TEST(others == j["other_tables"].size());
        // Every diagnostic, with its code and table, linked to its place.
        size_t i = 0;
        for (const auto& g : j["diagnostics"]) {
            const std::string item = "<li id=\"diag-" + std::to_string(i) + "\" data-diag=\"" + g["code"].get<std::string>() +
                                     "\" data-table=\"" + attr(g.value("table", std::string())) + "\"";
            BOOST_TEST_CONTEXT(item) {
                const auto at = dom.find(item);
                BOOST_TEST(at != std::string::npos);
                if (at != std::string::npos && g.contains("page")) {
                    // its link goes to an element of the page
                    std::smatch m;
                    const std::string li = dom.substr(at, dom.find("</li>", at) - at);
                    BOOST_TEST(std::regex_search(li, m, std::regex("href=\"#([a-z0-9-]+)\"")));
                    if (!m.empty()) BOOST_TEST(dom.find("id=\"" + m[1].str() + "\"") != std::string::npos);
                }
            }
            ++i;
        }
        size_t items = 0;
        for (size_t k = dom.find("<li id=\"diag-"); k != std::string::npos; k = dom.find("<li id=\"diag-", k + 1)) ++items;
        BOOST_TEST(items == j["diagnostics"].size());
        BOOST_TEST_MESSAGE(input.filename().string() << ": " << j["tables"].size() << " tables, "
                                                     << j["diagnostics"].size() << " diagnostics, report "
                                                     << written.size() / 1024 << " KiB");
    }
}


}  // namespace

BOOST_AUTO_TEST_CASE(report_of_each_sample_opens_in_chromium_with_every_table_and_diagnostic) {
    test::TempDir tmp;
    const auto files = test::sample_pdfs();
    BOOST_TEST(files.size() >= 10u);
    int real = 0;
    for (const auto& f : files) {
        check_report(f, tmp.path);
        real += f.parent_path().filename() == "real";
    }
    BOOST_TEST(real >= 2);
    if (const char* keep = std::getenv("BUDGETDOC_KEEP_REPORTS")) {
        fs::create_directories(keep);
        for (const auto& e : fs::directory_iterator(tmp.path))
            if (e.path().extension() == ".png" || e.path().extension() == ".html")
                fs::copy_file(e.path(), fs::path(keep) / e.path().filename(), fs::copy_options::overwrite_existing);
    }
}

BOOST_AUTO_TEST_CASE(report_of_a_batch_database_links_each_document) {
    test::TempDir tmp;
    const fs::path db = tmp.path / "batch.sqlite";
    std::string out;
    const fs::path bad = test::source_dir() / "samples/bad/not-a-pdf.pdf";
    std::vector<std::string> args = {"batch", "--db", db.string(), "--jobs", "2", "--quiet",
                                     (test::source_dir() / "samples/xinzhou-jjzd-2023.pdf").string(),
                                     (test::source_dir() / "samples/real/sh-pt-fly-2024-unit-budget.pdf").string()};
    if (fs::exists(bad)) args.push_back(bad.string());
    test::run_cli(args, &out);
    const fs::path html = tmp.path / "review.html";
    BOOST_REQUIRE_MESSAGE(test::run_cli({"report", db.string(), "-o", html.string()}, &out) == 0, out);
    const std::string dom = open_in_browser(html, tmp.path / "review.png", tmp.path);
    for (const char* name : {"xinzhou-jjzd-2023.pdf", "sh-pt-fly-2024-unit-budget.pdf"}) {
        BOOST_TEST_CONTEXT(name) {
            const auto at = dom.find("data-doc=\"" + std::string(name) + "\"");
            BOOST_TEST(at != std::string::npos);
            if (at == std::string::npos) continue;
            std::smatch m;
            const std::string row = dom.substr(at, dom.find("</tr>", at) - at);
            BOOST_TEST(std::regex_search(row, m, std::regex("href=\"([^\"]+)\"")));
            if (!m.empty()) {
                const fs::path page = tmp.path / m[1].str();
                BOOST_TEST(fs::exists(page));
                BOOST_TEST(test::read_file(page).find("data-doc=\"" + std::string(name) + "\"") != std::string::npos);
            }
        }
    }
    if (fs::exists(bad)) BOOST_TEST(dom.find("data-doc=\"not-a-pdf.pdf\"") != std::string::npos);
}
