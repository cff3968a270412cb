// Bad input: every broken file gives one clear error naming the file, with its
// own code — never a crash, never an empty result.
#define BOOST_TEST_MODULE bad_input
#include <boost/test/unit_test.hpp>

#include <budgetdoc/extract.hpp>

#include <fstream>
#include <random>
#include <sstream>

using namespace budgetdoc;

namespace {

const std::string kBad = std::string(BUDGETDOC_SOURCE_DIR) + "/samples/bad/";

void expect_error(const std::string& file, ErrorCode code) {
    auto r = extract_file(kBad + file);
    BOOST_TEST_CONTEXT(file) {
        BOOST_REQUIRE(!r.ok());
        BOOST_TEST(static_cast<int>(r.error().code) == static_cast<int>(code));
        BOOST_TEST(r.error().describe().find(file) != std::string::npos);  // names the file
        BOOST_TEST(r.error().describe().find(error_code_name(code)) != std::string::npos);
    }
}

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace

BOOST_AUTO_TEST_CASE(each_bad_file_has_its_error) {
    expect_error("truncated.pdf", ErrorCode::corrupt_pdf);
    expect_error("not-a-pdf.pdf", ErrorCode::not_pdf);
    expect_error("empty.pdf", ErrorCode::empty_file);
    expect_error("encrypted.pdf", ErrorCode::encrypted);
    expect_error("scanned.pdf", ErrorCode::no_text_layer);
    expect_error("unknown-layout.txt", ErrorCode::unknown_layout);
    expect_error("does-not-exist.pdf", ErrorCode::not_found);
}

BOOST_AUTO_TEST_CASE(inspect_reports_errors_too) {
    auto r = read_pages(kBad + "encrypted.pdf");
    BOOST_REQUIRE(!r.ok());
    BOOST_TEST(static_cast<int>(r.error().code) == static_cast<int>(ErrorCode::encrypted));
}

// Damaged copies of a good PDF (bytes overwritten at random places) must come
// back as a document or as an error — the process must survive every one.
BOOST_AUTO_TEST_CASE(mutated_pdfs_never_crash) {
    const std::string good = slurp(std::string(BUDGETDOC_SOURCE_DIR) + "/samples/shanxi-jgj-2023.pdf");
    BOOST_REQUIRE(!good.empty());
    std::mt19937 rng(20231123);
    int ok = 0, failed = 0;
    for (int round = 0; round < 12; ++round) {
        std::string bad = good;
        std::uniform_int_distribution<size_t> pos(0, bad.size() - 1);
        for (int k = 0; k < 40; ++k) bad[pos(rng)] = static_cast<char>(rng() & 0xFF);
        auto r = extract_memory(bad, "mutated-" + std::to_string(round) + ".pdf");
        (r.ok() ? ok : failed)++;
        if (!r.ok()) BOOST_TEST(r.error().describe().find("mutated-") != std::string::npos);
    }
    BOOST_TEST(ok + failed == 12);
}
