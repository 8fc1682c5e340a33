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

// A category chart of a table whose columns are periods (the participatieladder in March 2024):
// the legend, the table's header and the CSV said "2024-03".
TEST(ChartData, APeriodColumnIsNamedInDutch) {
  Table t = make_table("trede.csv", {"Trede 1", "Trede 2"}, {"2023-12", "2024-03"},
                       {{5, 6}, {7, 8}}, Unit::Persons);
  ChartSpec spec;
  spec.view = ChartView::Bar;
  ChartData chart = chart_data(spec, t, DatasetInfo{Unit::Persons}, nullptr);
  ASSERT_EQ(chart.series.size(), 2u);
  EXPECT_EQ(chart.series[0].label, "december 2023");
  EXPECT_EQ(chart.series[1].label, "maart 2024");
}

}  // namespace
}  // namespace sdm
