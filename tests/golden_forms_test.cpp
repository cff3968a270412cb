// Golden test for 项目支出绩效目标申报表: every expected form (fields and
// indicators) of every sample, PDF and extracted text, compared with
// validate/compare.  Separate from golden_test so the tables' status does not
// depend on the forms'.  The seed texts are lossy (see
// /work/shared/corpus/README.md), so text-input forms may legitimately differ.
#define BOOST_TEST_MODULE golden_forms
#include <boost/test/unit_test.hpp>

#include "golden_support.hpp"

#include <set>


using budgetdoc::test::golden;

namespace {

// `known`: projects whose form is known to differ from the expected file (each
// listed with the reason in the test below); the check fails once they match,
// so the list cannot outlive the fault.
void check_forms(const std::string& sample, const std::string& ext, const std::set<std::string>& known = {}) {
    const auto g = golden(sample, ext);
    BOOST_TEST_REQUIRE(g.error.empty(), g.error);
    budgetdoc::validate::CompareOptions opt;
    opt.tables = false;
    opt.document_fields = false;
    opt.excuse_lossy_forms = true;
    const auto c = budgetdoc::validate::compare_documents(g.expected, g.actual, opt);
    BOOST_TEST(c.forms.size() == g.expected["performance_forms"].size());
    // Forms the extractor itself flags as read from a lossy source may differ
    // from the printed form (compare's excuse_lossy_forms); every other form
    // must match field by field.  A PDF has no such excuse.
    size_t excused = 0;
    for (const auto& f : c.forms) {
        std::string detail;
        for (const auto& d : f.differences) detail += "\n    " + d.describe();
        if (f.excused) BOOST_TEST(ext == ".txt", sample << ext << ": PDF form flagged lossy: " << f.project);
        if (known.count(f.project)) {
            BOOST_TEST(f.counts(), sample << ext << ": form " << f.project << " now matches; drop it from the known list");
            BOOST_TEST_MESSAGE(sample << ext << ": known difference " << f.summary() << detail);
            continue;
        }
        if (f.excused && !f.ok()) {
            ++excused;
            BOOST_TEST_MESSAGE(sample << ext << ": lossy form " << f.summary() << " differs (flagged)" << detail);
        }
        BOOST_TEST(!f.counts(), sample << ext << ": form " << f.summary() << detail);
    }
    BOOST_TEST_MESSAGE(sample << ext << ": " << c.forms.size() << " forms, " << excused << " differing but flagged lossy_source");
    for (const auto& d : c.extra_forms) BOOST_TEST(false, sample << ext << ": " << d.describe());
}

}  // namespace

BOOST_AUTO_TEST_CASE(xinzhou_pdf_forms) { check_forms("xinzhou-jjzd-2023", ".pdf"); }
BOOST_AUTO_TEST_CASE(shanxi_pdf_forms) { check_forms("shanxi-jgj-2023", ".pdf"); }
BOOST_AUTO_TEST_CASE(xinzhou_txt_forms) { check_forms("xinzhou-jjzd-2023", ".txt"); }
BOOST_AUTO_TEST_CASE(shanxi_txt_forms) { check_forms("shanxi-jgj-2023", ".txt"); }

// Re-prints of the samples by other producers (samples/variants/README.md).
BOOST_AUTO_TEST_CASE(skia_type3_forms) {
    // Chromium lets the overview of one form overflow its cell: the line printed
    // between 项目概况 and 立项依据, nearer 立项依据's text, begins 立项依据.
    check_forms("variants/xinzhou-jjzd-2023-skia", ".pdf");
}
BOOST_AUTO_TEST_CASE(running_header_forms) { check_forms("variants/shanxi-jgj-2023-header", ".pdf"); }
BOOST_AUTO_TEST_CASE(scattered_fragments_forms) { check_forms("variants/datong-jjzd-2025-scattered", ".pdf"); }
BOOST_AUTO_TEST_CASE(no_data_full_width_forms) { check_forms("variants/shanxi-jcgaj-2026-nodata", ".pdf"); }

// Other provinces' 绩效目标 layouts (samples/forms/README.md): one form per project,
// and one table listing many projects.
BOOST_AUTO_TEST_CASE(one_form_per_project_forms) { check_forms("forms/yantai-tjj-2026-forms", ".pdf"); }
BOOST_AUTO_TEST_CASE(projects_listed_in_one_table_forms) { check_forms("forms/guangzhou-zsj-2026-perf-p1", ".pdf"); }
