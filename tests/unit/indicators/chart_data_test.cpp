#include "indicators/chart_data.h"

#include <gtest/gtest.h>

#include "table_fixture.h"

namespace sdm {
namespace {

TEST(ChartData, BarsPerQuarterAddUpTheMonths) {
  // Months whose counts are often under 10 are asked for per quarter: the bars are quarters,
  // each the sum of its months and linked to them.
  Table t = make_table("instroom.csv", {"2024-01", "2024-02", "2024-03", "2024-04"}, {"instroom"},
                       {{4}, {7}, {5}, {9}}, Unit::Persons);
  ChartSpec spec;
  spec.view = ChartView::Bar;
  spec.per_quarter = true;
  ChartData chart = chart_data(spec, t, DatasetInfo{Unit::Persons}, nullptr);
  EXPECT_TRUE(chart.bars);
  ASSERT_EQ(chart.x.size(), 2u);
  EXPECT_EQ(chart.x[0].period, Period::parse("2024-K1"));
  ASSERT_EQ(chart.series.size(), 1u);
  EXPECT_EQ(chart.series[0].points[0].value, 16);
  EXPECT_EQ(chart.series[0].points[0].terms.size(), 3u);
}

}  // namespace
}  // namespace sdm
