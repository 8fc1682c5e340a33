#include "format/dutch.h"

#include <gtest/gtest.h>

namespace sdm {
namespace {

TEST(DutchFormat, GroupsThousandsWithPoints) {
  EXPECT_EQ(format_number(1464689), "1.464.689");
  EXPECT_EQ(format_number(999), "999");
  EXPECT_EQ(format_number(1000), "1.000");
  EXPECT_EQ(format_number(-944050), "-944.050");
  EXPECT_EQ(format_number(0), "0");
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

TEST(DutchFormat, Euros) {
  EXPECT_EQ(format_euro(7133000), "€ 7.133.000");
  EXPECT_EQ(format_euro(-25000), "-€ 25.000");
  EXPECT_EQ(format_euro_millions(7133000), "€ 7,1 mln");
  EXPECT_EQ(format_euro_millions(14419106), "€ 14,4 mln");
}

TEST(DutchFormat, Percentages) {
  EXPECT_EQ(format_percent(2.1), "2,1%");
  EXPECT_EQ(format_signed_percent(0.4), "+0,4%");
  EXPECT_EQ(format_signed_percent(-4.2), "-4,2%");
  EXPECT_EQ(format_signed_percent(0.01), "0,0%");
  EXPECT_EQ(format_signed_number(18), "+18");
  EXPECT_EQ(format_signed_number(-3), "-3");
}

TEST(DutchFormat, ValuesByUnit) {
  EXPECT_EQ(format_value(1234, Unit::Persons), "1.234");
  EXPECT_EQ(format_value(1234, Unit::Euro), "€ 1.234");
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
