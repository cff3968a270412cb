// Font size from glyph advances, and rows that stay apart whatever box height
// a producer's fonts report.  Pages are constructed: a label column of
// ideographs and an amount column, printed at 9.5 pt with a 2 em row pitch
// (a tight table; a cell's wrapped text has a 1.5 em pitch), the boxes 1.0× to 3× the font size tall,
// stretched about each line's baseline as Poppler's boxes are (ascent and descent
// read on a wrong scale).
#define BOOST_TEST_MODULE line_geometry
#include <boost/test/unit_test.hpp>

#include "source/glyph_metrics.hpp"
#include "source/line_builder.hpp"

using namespace budgetdoc;
using namespace budgetdoc::source;

namespace {

constexpr double kSize = 9.5;

// Where the baseline lies in a box, from its top (ascent / (ascent - descent)).
constexpr double kBaseline = 0.8;

// A word of `text` whose left edge is x, on the baseline y, its width from its
// advance at kSize, its box `ratio` × kSize tall.  font_size is what the PDF
// reader would have guessed from the box (height / 1.3).
Word word(const std::string& text, double x, double y, double ratio) {
    Word w;
    w.text = text;
    const double width = estimate_advance(text).ems * kSize;
    const double h = ratio * kSize;
    w.box = {x, y - kBaseline * h, x + width, y + (1 - kBaseline) * h};
    w.font_size = h / 1.3;
    return w;
}

std::vector<Word> table(double ratio) {
    const char* labels[] = {"本年收入合计", "上年结转", "收入总计", "一般公共服务支出"};
    const char* amounts[] = {"9,784.70", "0.00", "9,784.70", "1,234.00"};
    std::vector<Word> words;
    for (int i = 0; i < 4; ++i) {
        const double y = 200 + i * 2.0 * kSize;
        words.push_back(word(labels[i], 60, y, ratio));
        words.push_back(word(amounts[i], 200, y, ratio));
    }
    return words;
}

}  // namespace

BOOST_AUTO_TEST_CASE(advance_counts_ideographs_as_one_em) {
    BOOST_TEST(estimate_advance("项目").ems == 2.0);
    BOOST_TEST(estimate_advance("项目").wide == 2);
    BOOST_TEST(estimate_advance("（一）").wide == 3);  // full-width brackets
    const Advance digits = estimate_advance("9,784.70");
    BOOST_TEST(digits.wide == 0);
    BOOST_TEST(digits.ems > 3.0);
    BOOST_TEST(digits.ems < 4.5);
    BOOST_TEST(estimate_advance("").ems == 0.0);
}

BOOST_AUTO_TEST_CASE(size_from_advance_of_ideographs) {
    Word w = word("本年收入合计", 0, 100, 2.6);
    BOOST_TEST(size_from_advance(w) == kSize, boost::test_tools::tolerance(0.01));
}

BOOST_AUTO_TEST_CASE(plausible_boxes_are_left_alone) {
    for (double ratio : {1.0, 1.2, 1.45}) {
        std::vector<Word> words = table(ratio);
        const std::vector<Word> before = words;
        correct_inflated_boxes(words);
        for (size_t i = 0; i < words.size(); ++i) {
            BOOST_TEST(words[i].box.y0 == before[i].box.y0);
            BOOST_TEST(words[i].box.y1 == before[i].box.y1);
            BOOST_TEST(words[i].font_size == before[i].font_size);
        }
    }
}

BOOST_AUTO_TEST_CASE(inflated_boxes_shrink_about_their_baseline) {
    for (double ratio : {0.25, 0.5, 2.0, 2.6, 3.0}) {
        std::vector<Word> words = table(ratio);
        const std::vector<Word> before = words;
        correct_inflated_boxes(words);
        for (size_t i = 0; i < words.size(); ++i) {
            BOOST_TEST_CONTEXT("ratio " << ratio << " word " << words[i].text) {
                const auto baseline = [](const Word& w) { return w.box.y0 + kBaseline * w.box.height(); };
                BOOST_TEST(baseline(words[i]) == baseline(before[i]), boost::test_tools::tolerance(1e-9));
                BOOST_TEST(words[i].box.height() < 1.5 * kSize);
                BOOST_TEST(words[i].box.height() > 1.0 * kSize);
                BOOST_TEST(words[i].font_size == kSize, boost::test_tools::tolerance(0.25));
            }
        }
    }
}

// The end-to-end property: four printed lines stay four rows of two cells.
BOOST_AUTO_TEST_CASE(rows_never_merge_whatever_the_box_height) {
    for (double ratio : {0.25, 0.5, 1.0, 1.3, 1.6, 2.0, 2.6, 3.0}) {
        std::vector<Word> words = table(ratio);
        correct_inflated_boxes(words);
        const std::vector<Line> lines = build_lines(words, 1);
        BOOST_TEST_CONTEXT("box height " << ratio << " × font size") {
            BOOST_TEST_REQUIRE(lines.size() == 4u);
            for (const Line& l : lines) BOOST_TEST(l.cells.size() == 2u);
            BOOST_TEST(lines[0].cells[0].text == "本年收入合计");
            BOOST_TEST(lines[3].cells[1].text == "1,234.00");
        }
    }
}

// One printed line in two fonts whose boxes are wrong both ways (a name in a
// font whose ascent reads 4× too small, its figures in one whose box reads 2×
// too tall), at a 1.44 em row pitch: each row stays one line of three cells,
// and no name is taken for the wrapped text of the one above.
BOOST_AUTO_TEST_CASE(deflated_names_and_inflated_figures_share_their_rows) {
    const char* names[] = {"一般公共服务支出", "财政事务", "行政运行", "一般行政管理事务"};
    const char* codes[] = {"201", "20106", "2010601", "2010602"};
    const char* amounts[] = {"2,106.66", "2,106.66", "1,511.89", "10.00"};
    std::vector<Word> words;
    for (int i = 0; i < 4; ++i) {
        const double y = 200 + i * 1.44 * kSize;
        words.push_back(word(codes[i], 20, y, 1.9));
        words.push_back(word(names[i], 80, y, 0.26));
        words.push_back(word(amounts[i], 250, y, 1.9));
    }
    correct_inflated_boxes(words);
    const std::vector<Line> lines = build_lines(words, 1);
    BOOST_TEST_REQUIRE(lines.size() == 4u);
    for (int i = 0; i < 4; ++i) {
        BOOST_TEST_REQUIRE(lines[i].cells.size() == 3u);
        BOOST_TEST(lines[i].cells[0].text == codes[i]);
        BOOST_TEST(lines[i].cells[1].text == names[i]);
        BOOST_TEST(lines[i].cells[2].text == amounts[i]);
    }
}

// Figures one under the other are two values even when their boxes nearly
// touch; a heading centred over 类 | 款 | 项 is not wrapped onto one of them.
BOOST_AUTO_TEST_CASE(stacked_figures_and_headings_over_columns_stay_apart) {
    std::vector<Word> words = {word("128,148.56", 200, 200, 1.4), word("59.56", 200 + 2.3 * kSize, 200 + 1.2 * kSize, 1.4)};
    std::vector<Line> lines = build_lines(words, 1);
    BOOST_TEST(lines.size() == 2u);

    words = {word("科目编码", 40, 100, 1.3), word("类", 20, 100 + 1.4 * kSize, 1.3), word("款", 50, 100 + 1.4 * kSize, 1.3),
             word("项", 80, 100 + 1.4 * kSize, 1.3)};
    lines = build_lines(words, 1);
    BOOST_TEST_REQUIRE(lines.size() == 2u);
    BOOST_TEST(lines[0].cells.size() == 1u);
    BOOST_TEST(lines[1].cells.size() == 3u);
}

// Without the correction a column of labels collapses (figures beside them
// would hold the rows apart on their own: a figure never wraps), with it the
// labels stay four rows: the tests above do not pass by accident of the
// constructed geometry.
BOOST_AUTO_TEST_CASE(uncorrected_inflated_boxes_do_merge) {
    std::vector<Word> labels;
    for (const Word& w : table(2.6))
        if (estimate_advance(w.text).wide > 0) labels.push_back(w);
    BOOST_TEST(build_lines(labels, 1).size() < 4u);
    correct_inflated_boxes(labels);
    BOOST_TEST(build_lines(labels, 1).size() == 4u);
}

// A label wrapped inside its cell (1.5 em pitch) is one cell, its row's amount
// beside it, whatever the box height.
BOOST_AUTO_TEST_CASE(wrapped_cell_stays_one_cell_whatever_the_box_height) {
    for (double ratio : {1.3, 2.0, 2.6, 3.0}) {
        std::vector<Word> words = {word("三十、抗疫特别国债安排的支", 60, 200, ratio), word("出", 60, 200 + 1.5 * kSize, ratio),
                                   word("9,784.70", 200, 200 + 0.75 * kSize, ratio),
                                   word("本年支出合计", 60, 200 + 3.5 * kSize, ratio),
                                   word("9,784.70", 200, 200 + 3.5 * kSize, ratio)};
        correct_inflated_boxes(words);
        const std::vector<Line> lines = build_lines(words, 1);
        BOOST_TEST_CONTEXT("box height " << ratio << " × font size") {
            BOOST_TEST_REQUIRE(lines.size() == 2u);
            BOOST_TEST_REQUIRE(lines[0].cells.size() == 2u);
            BOOST_TEST(lines[0].cells[0].text == "三十、抗疫特别国债安排的支出");
            BOOST_TEST(lines[1].cells[0].text == "本年支出合计");
        }
    }
}

// Text that overflowed its narrow cell up to the next one ("金（元）" touching
// "市县（区）财政资金") is two cells when the second starts on a column edge
// that cells of other lines start on; a Latin/CJK font switch on such an edge
// inside a sentence stays one cell.
BOOST_AUTO_TEST_CASE(touching_words_split_on_a_column_edge) {
    const double edge = 92.9;
    std::vector<Word> words;
    const char* labels[] = {"实施期资金总额：", "其中：中央财政资金", "省级财政资金"};
    for (int i = 0; i < 3; ++i) words.push_back(word(labels[i], edge, 150 + i * 15, 1.3));
    Word overflow = word("金（元）", 0, 195, 1.3);
    overflow.box.x0 = edge - 0.7 - (overflow.box.x1 - overflow.box.x0);
    overflow.box.x1 = edge - 0.7;
    words.push_back(overflow);
    words.push_back(word("市县（区）财政资金", edge, 195, 1.3));
    Word year = word("2023", 40, 260, 1.3);
    year.box.x1 = edge - 0.5;
    year.box.x0 = year.box.x1 - estimate_advance("2023").ems * kSize;
    words.push_back(year);
    words.push_back(word("年完成", edge, 260, 1.3));
    const std::vector<Line> lines = build_lines(words, 1);
    BOOST_TEST_REQUIRE(lines.size() == 5u);
    BOOST_TEST_REQUIRE(lines[3].cells.size() == 2u);
    BOOST_TEST(lines[3].cells[0].text == "金(元)");
    BOOST_TEST(lines[3].cells[1].text == "市县(区)财政资金");
    BOOST_TEST_REQUIRE(lines[4].cells.size() == 1u);
    BOOST_TEST(lines[4].cells[0].text == "2023年完成");
}

// A label printed letter-spaced (single ideographs at one even pitch) is one
// cell; the split-code headers 类 款 项 stay three; two lone ideographs side by
// side (the wrapped tails of two cells) stay apart unless the line holds only
// figures besides them (合　计 100.00).
BOOST_AUTO_TEST_CASE(letter_spaced_labels_read_as_one_word) {
    std::vector<Word> words;
    const char* spaced[] = {"收", "入", "总", "计"};
    for (int i = 0; i < 4; ++i) words.push_back(word(spaced[i], 100 + i * 3 * kSize, 100, 1.3));
    words.push_back(word("18,728.94", 300, 100, 1.3));
    const char* levels[] = {"类", "款", "项"};
    for (int i = 0; i < 3; ++i) words.push_back(word(levels[i], 100 + i * 3 * kSize, 130, 1.3));
    words.push_back(word("合", 100, 160, 1.3));
    words.push_back(word("计", 100 + 3 * kSize, 160, 1.3));
    words.push_back(word("100.00", 300, 160, 1.3));
    words.push_back(word("度", 100, 190, 1.3));
    words.push_back(word("升", 100 + 3 * kSize, 190, 1.3));
    words.push_back(word("提升", 300, 190, 1.3));
    // The group header 收　入 … 支　出: two pairs on a line of lone ideographs.
    words.push_back(word("收", 100, 220, 1.3));
    words.push_back(word("入", 100 + 2 * kSize, 220, 1.3));
    words.push_back(word("支", 300, 220, 1.3));
    words.push_back(word("出", 300 + 2 * kSize, 220, 1.3));
    const std::vector<Line> lines = build_lines(words, 1);
    BOOST_TEST_REQUIRE(lines.size() == 5u);
    BOOST_TEST_REQUIRE(lines[0].cells.size() == 2u);
    BOOST_TEST(lines[0].cells[0].text == "收入总计");
    BOOST_TEST(lines[1].cells.size() == 3u);
    BOOST_TEST_REQUIRE(lines[2].cells.size() == 2u);
    BOOST_TEST(lines[2].cells[0].text == "合计");
    BOOST_TEST(lines[3].cells.size() == 3u);
    BOOST_TEST_REQUIRE(lines[4].cells.size() == 2u);
    BOOST_TEST(lines[4].cells[0].text == "收入");
    BOOST_TEST(lines[4].cells[1].text == "支出");
}
