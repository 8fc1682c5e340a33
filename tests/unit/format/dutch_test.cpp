#include "format/dutch.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <random>
#include <string>

// As a page shows them: U+00A0 keeps "€" with its amount, U+2212 is the minus sign.
#define NBSP "\u00a0"
#define MINUS "\u2212"

namespace sdm {
namespace {

TEST(DutchFormat, GroupsThousandsWithPoints) {
  EXPECT_EQ(format_number(1464689), "1.464.689");
  EXPECT_EQ(format_number(999), "999");
  EXPECT_EQ(format_number(1000), "1.000");
  EXPECT_EQ(format_number(-944050), "-944.050");
  EXPECT_EQ(format_number(0), "0");
}

TEST(DutchFormat, WholeNumbersAtEveryPrecision) {
  EXPECT_EQ(format_number(42, 2), "42,00");
  EXPECT_EQ(format_number(-42, 1), "-42,0");
  EXPECT_EQ(format_number(999999999999999, 0), "999.999.999.999.999");
  EXPECT_EQ(format_number(1e15, 1), "1.000.000.000.000.000,0");
  EXPECT_EQ(format_number(-0.0, 1), "0,0");
  EXPECT_EQ(round_half_away(-7, 1), -7);
  EXPECT_FALSE(std::signbit(round_half_away(-0.0, 0)));
}

TEST(DutchFormat, UsesDecimalComma) {
  EXPECT_EQ(format_number(7.6, 1), "7,6");
  EXPECT_EQ(format_number(1234.5, 1), "1.234,5");
}

TEST(DutchFormat, RoundsHalfAwayFromZeroAtShownPrecision) {
  EXPECT_EQ(format_number(2.05, 1), "2,1");
  EXPECT_EQ(format_number(-2.05, 1), "-2,1");
  EXPECT_EQ(format_number(0.45, 1), "0,5");
  EXPECT_EQ(format_number(2.5), "3");
  EXPECT_EQ(format_number(-0.04, 1), "0,0");  // no negative zero
}

TEST(DutchFormat, RoundsHalvesAwayFromZeroAtEveryPrecisionAndSize) {
  // 0,125 is exact in binary: a round-half-to-even formatter would give 0,12.
  EXPECT_EQ(format_number(0.125, 2), "0,13");
  EXPECT_EQ(format_number(-0.125, 2), "-0,13");
  EXPECT_EQ(format_number(1234567.5), "1.234.568");
  EXPECT_EQ(format_number(-1234.45, 1), "-1.234,5");
  EXPECT_EQ(format_number(14419106.0 / 1e6, 3), "14,419");
  EXPECT_EQ(format_number(999999.96, 1), "1.000.000,0");
}

TEST(DutchFormat, AmountsOfTheStateKeepEveryDigit) {
  EXPECT_EQ(format_euro(1000000000), "€" NBSP "1.000.000.000");
  EXPECT_EQ(format_number(12345678901), "12.345.678.901");
  EXPECT_EQ(format_number(999999999999999), "999.999.999.999.999");
  EXPECT_EQ(format_number(123456789012.5), "123.456.789.013");
  EXPECT_EQ(format_number(-50000000000.25, 1), "-50.000.000.000,3");
  EXPECT_EQ(round_half_away(1e9, 0), 1e9);
}

// Independent of format_number: the decimal text is rounded digit by digit, as on paper.
std::string on_paper(bool negative, std::string integer, std::string fraction, int decimals) {
  while (fraction.size() < static_cast<size_t>(decimals) + 1) fraction += '0';
  std::vector<int> digits;
  for (char c : integer + fraction.substr(0, decimals)) digits.push_back(c - '0');
  if (fraction[decimals] >= '5') {
    int k = static_cast<int>(digits.size()) - 1;
    while (k >= 0 && digits[k] == 9) digits[k--] = 0;
    if (k >= 0)
      ++digits[k];
    else
      digits.insert(digits.begin(), 1);
  }
  const size_t whole = digits.size() - decimals;
  std::string grouped;
  for (size_t i = 0; i < whole; ++i) {
    grouped += static_cast<char>('0' + digits[i]);
    if ((whole - 1 - i) % 3 == 0 && i + 1 < whole) grouped += '.';
  }
  std::string shown = grouped;
  if (decimals > 0) {
    shown += ',';
    for (size_t i = whole; i < digits.size(); ++i) shown += static_cast<char>('0' + digits[i]);
  }
  bool zero = shown.find_first_not_of("0.,") == std::string::npos;
  return (negative && !zero ? "-" : "") + shown;
}

TEST(DutchFormat, AgreesWithRoundingOnPaperUpToTenToTheFifteen) {
  // Up to 15 significant digits a double reads back as the text it came from; a last fraction
  // digit of 5 at the shown precision is a half, rounded away from zero.
  std::mt19937_64 random(20261205);
  auto digit = [&](int from) { return static_cast<char>('0' + from + random() % (10 - from)); };
  for (int n = 0; n < 50000; ++n) {
    const int whole = 1 + static_cast<int>(random() % 15);
    const int places = static_cast<int>(random() % std::min(5, 16 - whole));
    std::string integer(1, digit(whole > 1 ? 1 : 0)), fraction;
    for (int i = 1; i < whole; ++i) integer += digit(0);
    for (int i = 0; i < places; ++i) fraction += digit(0);
    const int decimals = static_cast<int>(random() % 4);
    if (places > decimals && random() % 2) fraction = fraction.substr(0, decimals) + "5";
    const bool negative = random() % 4 == 0;
    const std::string text = (negative ? "-" : "") + integer + "." + fraction;
    const double value = std::strtod(text.c_str(), nullptr);
    ASSERT_EQ(format_number(value, decimals), on_paper(negative, integer, fraction, decimals))
        << text << " to " << decimals << " decimals";
  }
}

TEST(DutchFormat, Euros) {
  EXPECT_EQ(format_euro(7133000), "€" NBSP "7.133.000");
  EXPECT_EQ(format_euro(-25000), MINUS "€" NBSP "25.000");
  EXPECT_EQ(format_euro_millions(7133000), "€" NBSP "7,1" NBSP "mln");
  EXPECT_EQ(format_euro_millions(14419106), "€" NBSP "14,4" NBSP "mln");
  EXPECT_EQ(format_signed_euro(25000), "+€" NBSP "25.000");
  EXPECT_EQ(format_signed_euro(-25000), MINUS "€" NBSP "25.000");
  EXPECT_EQ(format_signed_euro(0.4), "€" NBSP "0");
  EXPECT_EQ(format_signed_euro_millions(-310000), MINUS "€" NBSP "0,3" NBSP "mln");
}

TEST(DutchFormat, Percentages) {
  EXPECT_EQ(format_percent(2.1), "2,1%");
  EXPECT_EQ(format_signed_percent(0.4), "+0,4%");
  EXPECT_EQ(format_signed_percent(-4.2), MINUS "4,2%");
  EXPECT_EQ(format_percent(-0.04), "0,0%");
  EXPECT_EQ(format_signed_percent(0.01), "0,0%");
  EXPECT_EQ(format_signed_number(18), "+18");
  EXPECT_EQ(format_signed_number(-3), MINUS "3");
}

TEST(DutchFormat, ValuesByUnit) {
  EXPECT_EQ(format_value(1234, Unit::Persons), "1.234");
  EXPECT_EQ(format_value(1234, Unit::Euro), "€" NBSP "1.234");
  EXPECT_EQ(format_value(-12, Unit::Persons), MINUS "12");
  EXPECT_EQ(format_value(7.63, Unit::Mark), "7,6");
  EXPECT_EQ(format_value(40, Unit::Percent), "40,0%");
}

TEST(DutchFormat, Periods) {
  EXPECT_EQ(format_period(Period::of_month(2024, 3)), "mrt 2024");
  EXPECT_EQ(format_period(Period::of_month(2024, 3), PeriodStyle::Long), "maart 2024");
  EXPECT_EQ(format_period(Period::of_quarter(2024, 1)), "K1 2024");
  EXPECT_EQ(format_period(Period::of_quarter(2024, 1), PeriodStyle::Long), "1e kwartaal 2024");
  EXPECT_EQ(format_period(*Period::parse("2024-03-31"), PeriodStyle::Long), "31 maart 2024");
  EXPECT_EQ(format_period(*Period::parse("2024-03-31")), "31-03-2024");
}

}  // namespace
}  // namespace sdm
