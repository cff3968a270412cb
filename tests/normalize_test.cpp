#define BOOST_TEST_MODULE normalize
#include <boost/test/unit_test.hpp>

#include "normalize/amount.hpp"
#include "normalize/text.hpp"

using namespace budgetdoc::normalize;

BOOST_AUTO_TEST_CASE(nfkc_full_width_to_ascii) {
    BOOST_TEST(normalize_text("（不含上年结转）") == "(不含上年结转)");
    BOOST_TEST(normalize_text("单位：万元") == "单位:万元");
    BOOST_TEST(normalize_text("①公务用车购置费") == "1公务用车购置费");
    BOOST_TEST(normalize_text("ＡＢＣ１２３") == "ABC123");
}

BOOST_AUTO_TEST_CASE(white_space_rule) {
    // Between two CJK characters white space vanishes, elsewhere it is one space.
    BOOST_TEST(normalize_text("市县(区)财政资 金") == "市县(区)财政资金");
    BOOST_TEST(normalize_text("政府性基金 预算") == "政府性基金预算");
    BOOST_TEST(normalize_text("  a   b  ") == "a b");
    BOOST_TEST(normalize_text("支队\u3000机关") == "支队机关");
    BOOST_TEST(normalize_text("2023 年度") == "2023 年度");
    BOOST_TEST(normalize_text("line\nbreak") == "line break");
    BOOST_TEST(normalize_text("") == "");
    BOOST_TEST(normalize_text(" \t\n") == "");
}

BOOST_AUTO_TEST_CASE(wrapped_fragments_join) {
    BOOST_TEST(join_fragments("机关事业单位基本养老", "保险缴费支出") == "机关事业单位基本养老保险缴费支出");
    BOOST_TEST(join_fragments("2023", "年完成") == "2023年完成");
    BOOST_TEST(join_fragments("the", "budget") == "the budget");
}

BOOST_AUTO_TEST_CASE(invalid_utf8_does_not_throw) {
    BOOST_CHECK_NO_THROW(normalize_text(std::string("\xff\xfe abc", 6)));
}

BOOST_AUTO_TEST_CASE(amounts_canonical) {
    BOOST_TEST(*canonical_amount("9,784.70") == "9784.70");
    BOOST_TEST(*canonical_amount("450,000") == "450000");
    BOOST_TEST(*canonical_amount("0") == "0");
    BOOST_TEST(*canonical_amount("９,７８４.７０") == "9784.70");
    BOOST_TEST(*canonical_amount("-12.50") == "-12.50");
    BOOST_TEST(*canonical_amount("(12.50)") == "-12.50");
    BOOST_TEST(*canonical_amount("20.23%") == "20.23%");
    BOOST_TEST(*canonical_amount(" 1,057.00 ") == "1057.00");
}

BOOST_AUTO_TEST_CASE(amount_empty_and_not_amount) {
    BOOST_TEST(static_cast<int>(parse_amount("").kind) == static_cast<int>(AmountParse::empty));
    BOOST_TEST(static_cast<int>(parse_amount("-").kind) == static_cast<int>(AmountParse::empty));
    BOOST_TEST(static_cast<int>(parse_amount("—").kind) == static_cast<int>(AmountParse::empty));
    BOOST_TEST(!canonical_amount("公共安全支出"));
    BOOST_TEST(!canonical_amount("1,23,4"));  // bad grouping is not an amount
    BOOST_TEST(!canonical_amount("12."));
    BOOST_TEST(!canonical_amount("1.2.3"));
}

BOOST_AUTO_TEST_CASE(amount_arithmetic_is_exact) {
    auto a = parse_amount("0.10").value, b = parse_amount("0.20").value;
    BOOST_TEST(a.plus(b).canonical() == "0.30");
    BOOST_TEST(parse_amount("9,385.68").value.plus(parse_amount("398.02").value).canonical() == "9783.70");
    BOOST_TEST(parse_amount("1").value.plus(parse_amount("-3.5").value).canonical() == "-2.5");
    BOOST_TEST(parse_amount("7602.23").value.compare(parse_amount("7,602.230").value) == 0);
    BOOST_TEST(parse_amount("2.00").value.compare(parse_amount("10").value) < 0);
}
