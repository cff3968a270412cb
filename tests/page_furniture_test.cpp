// Page furniture by repetition and position, whatever its text (dedupe/page_furniture),
// on constructed pages: a running header printed below the top margin, footers,
// watermarks, and what must stay — a long table's title repeated on every page,
// large header cells of a repeated table header.
#define BOOST_TEST_MODULE page_furniture
#include <boost/test/unit_test.hpp>

#include "dedupe/page_furniture.hpp"
#include "source/pdf_reader.hpp"

#include <algorithm>

using namespace budgetdoc;

namespace {

constexpr double kBody = 10;

Word word(const std::string& text, double x, double y, double size = kBody) {
    Word w;
    w.text = text;
    w.box = {x, y, x + size * 2, y + size * 1.3};
    w.font_size = size;
    return w;
}

// Ten A4 pages of body text, each with `extra` words added.
std::vector<source::PdfPage> pages_with(const std::vector<Word>& extra, int n = 10) {
    std::vector<source::PdfPage> pages;
    for (int i = 1; i <= n; ++i) {
        source::PdfPage p;
        p.number = i;
        p.width = 595;
        p.height = 842;
        for (int line = 0; line < 20; ++line)
            p.words.push_back(word("正文第" + std::to_string(i * 100 + line) + "行", 60, 150 + line * 25));
        for (const Word& w : extra) p.words.push_back(w);
        pages.push_back(std::move(p));
    }
    return pages;
}

bool kept(const std::vector<source::PdfPage>& pages, const std::string& text) {
    for (const auto& p : pages)
        for (const auto& w : p.words)
            if (w.text == text) return true;
    return false;
}

std::vector<Diagnostic> run(std::vector<source::PdfPage>& pages) {
    std::vector<Diagnostic> d;
    dedupe::remove_pdf_furniture(pages, d);
    return d;
}

}  // namespace

BOOST_AUTO_TEST_CASE(running_header_below_the_margin_is_removed) {
    // y = 62 pt: lower than the 8 % margin (67 pt), but the page's first line.
    auto pages = pages_with({word("山西省公安厅交通管理局2023年度单位预算公开", 200, 62, 8)});
    const auto d = run(pages);
    BOOST_TEST(!kept(pages, "山西省公安厅交通管理局2023年度单位预算公开"));
    BOOST_TEST(std::any_of(d.begin(), d.end(), [](const Diagnostic& g) { return g.code == "running_header"; }));
    BOOST_TEST(kept(pages, "正文第100行"));
}

BOOST_AUTO_TEST_CASE(repeated_large_title_is_not_furniture) {
    // A long table's title printed on every page at the top, 1.6 × the body size.
    auto pages = pages_with({word("2026年项目支出绩效目标表", 250, 40, 16)});
    run(pages);
    BOOST_TEST(kept(pages, "2026年项目支出绩效目标表"));
}

BOOST_AUTO_TEST_CASE(large_header_cells_sharing_a_line_are_not_watermarks) {
    auto pages = pages_with({word("项目", 60, 400, 16), word("合计", 200, 400, 16), word("金额", 340, 400, 16)});
    run(pages);
    BOOST_TEST(kept(pages, "合计"));
    BOOST_TEST(kept(pages, "金额"));
}

BOOST_AUTO_TEST_CASE(slanted_watermark_glyphs_are_removed) {
    std::vector<Word> mark;
    const char* glyphs[] = {"仅", "供", "内", "部", "审", "核"};
    for (int i = 0; i < 6; ++i) mark.push_back(word(glyphs[i], 150 + i * 40, 500 - i * 25, 40));
    auto pages = pages_with(mark);
    const auto d = run(pages);
    BOOST_TEST(!kept(pages, "审"));
    BOOST_TEST(std::any_of(d.begin(), d.end(), [](const Diagnostic& g) { return g.code == "watermark"; }));
}

BOOST_AUTO_TEST_CASE(page_numbers_of_every_form) {
    for (const char* number : {"第 3 页", "- 3 -", "3", "3/12", "— 3 —"}) {
        auto pages = pages_with({word(number, 290, 800)});
        const auto d = run(pages);
        BOOST_TEST(!kept(pages, number), number);
    }
}

BOOST_AUTO_TEST_CASE(page_number_on_the_last_line_of_a_short_page) {
    auto pages = pages_with({word("— 3 —", 290, 700)});
    run(pages);
    BOOST_TEST(!kept(pages, "— 3 —"));
}

BOOST_AUTO_TEST_CASE(table_header_repeated_in_the_top_margin_is_kept) {
    // An A3 page's long table repeats its header at y = 50 pt, inside the 8 %
    // margin, on every page: a table row (several words side by side), not a
    // running header.  The unit line beside the title is one.
    auto pages = pages_with({word("项目名称", 40, 50, 9), word("总计", 150, 52, 9), word("财政拨款", 220, 52, 9),
                             word("绩效目标", 330, 52, 9), word("绩效指标", 460, 52, 9),
                             word("单位:万元", 480, 30, 9)});
    run(pages);
    BOOST_TEST(kept(pages, "项目名称"));
    BOOST_TEST(kept(pages, "绩效指标"));
    BOOST_TEST(!kept(pages, "单位:万元"));
}

BOOST_AUTO_TEST_CASE(page_number_with_dashes_on_slightly_other_baselines) {
    // "— 29 —": the dashes' centres 0.12 pt below the digits', across a 2 pt
    // bucket boundary; the whole line is the page number.  Two pages: too few
    // for the dashes to count as repeated furniture.
    std::vector<source::PdfPage> pages = pages_with({}, 2);
    for (auto& p : pages) {
        Word a = word("—", 282, 781.018, 9), n = word(std::to_string(28 + p.number), 293, 780.899, 9),
             b = word("—", 304, 781.018, 9);
        a.box.y1 = b.box.y1 = 793.123, n.box.y1 = 793.004;
        p.words.push_back(a), p.words.push_back(n), p.words.push_back(b);
    }
    run(pages);
    BOOST_TEST(!kept(pages, "—"));
    BOOST_TEST(!kept(pages, "29"));
}
