// Concurrency: extraction is documented as safe from many threads at once and
// deterministic.  The four samples (two PDFs through Poppler, two tab-separated
// texts) are extracted sequentially first; then 4 threads extract all of them
// concurrently, several rounds, each thread in a different order, and every
// to_json output must be byte-identical to the sequential one.  Run under
// ThreadSanitizer (-fsanitize=thread) this also checks the library's shared
// state (Poppler error hook, static RE2 patterns, ICU normalizer).
#define BOOST_TEST_MODULE threads
#include <boost/test/unit_test.hpp>

#include <budgetdoc/budgetdoc.hpp>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

const std::vector<std::string> kSamples = {
    "samples/xinzhou-jjzd-2023.pdf",
    "samples/shanxi-jgj-2023.pdf",
    "samples/xinzhou-jjzd-2023.txt",
    "samples/shanxi-jgj-2023.txt",
};

constexpr int kThreads = 4;

// 3 rounds; BUDGETDOC_THREADS_ROUNDS overrides (e.g. 1 under ThreadSanitizer).
int rounds() {
    const char* env = std::getenv("BUDGETDOC_THREADS_ROUNDS");
    const int n = env ? std::atoi(env) : 0;
    return n > 0 ? n : 3;
}

std::string path_of(const std::string& sample) { return std::string(BUDGETDOC_SOURCE_DIR) + "/" + sample; }

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// JSON of one extraction, or "ERROR: …" so that a failure also shows up as a mismatch.
std::string extract_json(const std::string& sample, bool from_memory, const std::string& bytes) {
    auto doc = from_memory ? budgetdoc::extract_memory(bytes, path_of(sample))
                           : budgetdoc::extract_file(path_of(sample));
    if (!doc) return "ERROR: " + doc.error().describe();
    return budgetdoc::to_json(doc.value());
}

}  // namespace

BOOST_AUTO_TEST_CASE(concurrent_extractions_match_sequential) {
    std::vector<std::string> bytes, expected;
    for (const auto& s : kSamples) {
        bytes.push_back(slurp(path_of(s)));
        BOOST_REQUIRE_MESSAGE(!bytes.back().empty(), "cannot read " << s);
        expected.push_back(extract_json(s, false, ""));
        BOOST_REQUIRE_MESSAGE(expected.back().rfind("ERROR: ", 0) != 0, s << ": " << expected.back());
        // file and memory entry points agree
        BOOST_TEST(extract_json(s, true, bytes.back()) == expected.back());
    }

    const int kRounds = rounds();
    // results[round][thread][sample]
    std::vector<std::vector<std::vector<std::string>>> results(
        kRounds, std::vector<std::vector<std::string>>(kThreads, std::vector<std::string>(kSamples.size())));
    for (int round = 0; round < kRounds; ++round) {
        std::atomic<int> ready{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < kThreads; ++t) {
            threads.emplace_back([&, round, t] {
                // start together, to maximise overlap
                ready.fetch_add(1);
                while (ready.load() < kThreads) std::this_thread::yield();
                for (size_t k = 0; k < kSamples.size(); ++k) {
                    const size_t i = (k + static_cast<size_t>(t)) % kSamples.size();  // each thread its own order
                    const bool from_memory = (t + round) % 2 == 1;
                    results[round][t][i] = extract_json(kSamples[i], from_memory, bytes[i]);
                }
            });
        }
        for (auto& th : threads) th.join();
    }

    for (int round = 0; round < kRounds; ++round)
        for (int t = 0; t < kThreads; ++t)
            for (size_t i = 0; i < kSamples.size(); ++i)
                BOOST_TEST(results[round][t][i] == expected[i],
                           kSamples[i] << ": round " << round << ", thread " << t << " differs from sequential run");
}

BOOST_AUTO_TEST_CASE(concurrent_errors_are_values) {
    // Failing inputs from several threads: Result errors, no exceptions, no crash.
    std::vector<std::thread> threads;
    std::atomic<int> wrong{0};
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&] {
            for (int k = 0; k < 5; ++k) {
                auto missing = budgetdoc::extract_file(path_of("samples/does-not-exist.pdf"));
                if (missing || missing.error().code != budgetdoc::ErrorCode::not_found) ++wrong;
                auto broken = budgetdoc::extract_memory("%PDF-1.4\nnot really a pdf", "broken.pdf");
                if (broken) ++wrong;
            }
        });
    }
    for (auto& th : threads) th.join();
    BOOST_TEST(wrong.load() == 0);
}

BOOST_AUTO_TEST_CASE(page_threads_give_the_same_document) {
    // Options::threads reads a PDF's pages in parallel, each thread through its
    // own Poppler document: the JSON must not depend on the thread count, also
    // when several such extractions run at once.
    for (const std::string sample : {"samples/xinzhou-jjzd-2023.pdf", "samples/shanxi-jgj-2023.pdf"}) {
        const std::string expected = extract_json(sample, false, "");
        for (int n : {2, 3, 7, 0}) {
            budgetdoc::Options opt;
            opt.threads = n;
            auto doc = budgetdoc::extract_file(path_of(sample), opt);
            BOOST_REQUIRE_MESSAGE(doc, sample << ": " << (doc ? std::string() : doc.error().describe()));
            BOOST_TEST(budgetdoc::to_json(doc.value()) == expected, sample << ": threads=" << n << " differs");
        }
        std::vector<std::string> outs(kThreads);
        std::vector<std::thread> threads;
        for (int t = 0; t < kThreads; ++t)
            threads.emplace_back([&, t] {
                budgetdoc::Options opt;
                opt.threads = 2;
                auto doc = budgetdoc::extract_file(path_of(sample), opt);
                outs[t] = doc ? budgetdoc::to_json(doc.value()) : "ERROR: " + doc.error().describe();
            });
        for (auto& th : threads) th.join();
        for (int t = 0; t < kThreads; ++t)
            BOOST_TEST(outs[t] == expected, sample << ": concurrent threads=2 extraction " << t << " differs");
    }
}
