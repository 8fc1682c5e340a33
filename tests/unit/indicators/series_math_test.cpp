#include "indicators/series_math.h"

#include <gtest/gtest.h>

#include "indicators/shares.h"

namespace sdm {
namespace {

TimeSeries monthly(int first_year, const std::vector<double>& values) {
  TimeSeries s;
  s.unit = Unit::Persons;
  for (size_t i = 0; i < values.size(); ++i) {
    s.periods.push_back(
        Period::of_month(first_year + static_cast<int>(i / 12), static_cast<int>(i % 12) + 1));
    s.values.push_back(values[i]);
  }
  return s;
}

TEST(YearlyChange, FullYearAgainstPreviousYear) {
  std::vector<double> v(24, 1000);
  for (int i = 12; i < 24; ++i) v[i] = 1004;
  auto change = yearly_change(monthly(2022, v), 2023);
  ASSERT_TRUE(change);
  EXPECT_NEAR(change->percent, 0.4, 1e-9);
  EXPECT_EQ(change->months, 12);
}

TEST(YearlyChange, YearToDateAgainstWholePreviousYear) {
  std::vector<double> v(12, 1004);
  v.insert(v.end(), {1020, 1025, 1030});
  auto change = yearly_change(monthly(2023, v), 2024);
  ASSERT_TRUE(change);
  EXPECT_EQ(change->months, 3);
  EXPECT_NEAR(change->percent, (1025.0 / 1004.0 - 1) * 100, 1e-9);  // 2,09…% -> "2,1%"
}

TEST(YearlyChange, NeedsTheWholePreviousYear) {
  std::vector<double> v(15, 100);
  EXPECT_FALSE(yearly_change(monthly(2023, std::vector<double>(11, 100)), 2024));
  EXPECT_TRUE(yearly_change(monthly(2023, v), 2024));
  EXPECT_FALSE(yearly_change(monthly(2023, v), 2025));
}

TEST(QuarterSums, SumsCompleteQuartersOnly) {
  auto q = quarter_sums(monthly(2024, {3, 4, 5, 6, 7}));
  ASSERT_EQ(q.periods.size(), 2u);
  EXPECT_EQ(q.periods[0].iso(), "2024-K1");
  EXPECT_EQ(q.values[0], 12);
  EXPECT_FALSE(q.values[1]);  // April and May only: never a partial quarter
}

TEST(CumulativeWithinYear, RestartsEachYear) {
  std::vector<double> v(13, 1);
  auto c = cumulative_within_year(monthly(2023, v));
  EXPECT_EQ(c.values[11], 12);
  EXPECT_EQ(c.values[12], 1);
  EXPECT_EQ(year_total(monthly(2023, v), 2023), 12);
}

TEST(Shares, LargestRemainderAddsUpToExactly100) {
  auto s = shares_percent({1.0, 1.0, 1.0});
  EXPECT_DOUBLE_EQ(*s[0], 33.4);
  EXPECT_DOUBLE_EQ(*s[1], 33.3);
  EXPECT_DOUBLE_EQ(*s[2], 33.3);
  auto t = shares_percent({2.0, std::nullopt, 1.0, 4.0}, 0);
  EXPECT_DOUBLE_EQ(*t[0] + *t[2] + *t[3], 100);
  EXPECT_FALSE(t[1]);
  EXPECT_DOUBLE_EQ(*t[3], 57);  // 57,14…
  for (int seed = 1; seed < 200; ++seed) {
    std::vector<std::optional<double>> values;
    for (int k = 0; k < 2 + seed % 7; ++k) values.push_back((seed * 7919 + k * 104729) % 997 + 1.0);
    double sum = 0;
    for (const auto& p : shares_percent(values)) sum += *p;
    EXPECT_NEAR(sum, 100.0, 1e-9) << seed;
  }
}

}  // namespace
}  // namespace sdm
