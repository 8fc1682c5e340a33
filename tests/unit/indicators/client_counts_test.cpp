// Amounts tied to the client counts they belong to (editie.yaml `clienten:`).

#include "indicators/client_counts.h"

#include <gtest/gtest.h>

#include "indicators/chart_data.h"
#include "indicators/table_data.h"
#include "model/data_terms.h"
#include "table_fixture.h"

namespace sdm {
namespace {

// Counts on the last day of each quarter, one row per voorziening (as the demo).
Table counts() {
  return make_table("wmo/clienten.csv", {"Begeleiding", "Beschermd Wonen"},
                    {"2023-12-31", "2024-03-31"}, {{349, 355}, {7, 12}}, Unit::Persons);
}

TEST(ClientCounts, TheQuarterEndCountBelongsToTheQuarter) {
  Table c = counts();
  auto cells = client_cells(c, "Beschermd Wonen", *Period::parse("2024-K1"));
  ASSERT_EQ(cells.size(), 1u);
  EXPECT_EQ(cells[0], (DataCell{"wmo/clienten.csv", "Beschermd Wonen", "2024-03-31"}));
  EXPECT_TRUE(client_cells(c, "Hulpmiddelen", *Period::parse("2024-K1")).empty());
  EXPECT_TRUE(client_cells(c, "Beschermd Wonen", *Period::parse("2022-K1")).empty());
  // A year holds both quarter ends.
  EXPECT_EQ(client_cells(c, "Beschermd Wonen", *Period::parse("2024")).size(), 1u);
  EXPECT_EQ(client_cells(c, "Begeleiding", *Period::parse("2023")).size(), 1u);
}

TEST(ClientCounts, SharesOfAmountsCarryTheirCount) {
  Table amounts =
      make_table("wmo/lasten.csv", {"2023-K4", "2024-K1"}, {"Begeleiding", "Beschermd Wonen"},
                 {{551455, 15077}, {506331, 13024}}, Unit::Euro);
  ChartSpec spec;
  spec.view = ChartView::Shares;
  ChartData chart = chart_data(spec, amounts, {Unit::Euro, "iWmo", "", {}}, nullptr);
  attach_client_counts(chart, counts());
  ASSERT_EQ(chart.series.size(), 2u);
  EXPECT_EQ(chart.series[1].points[0].client_count, 7);   // 31 december 2023
  EXPECT_EQ(chart.series[1].points[1].client_count, 12);  // 31 maart 2024
  EXPECT_EQ(chart.series[0].points[1].client_count, 355);
  EXPECT_FALSE(chart.series[1].points[0].persons);  // an amount is no count itself
}

TEST(ClientCounts, TableRowsAreCategoriesAndColumnsQuarters) {
  Table amounts =
      make_table("wmo/lasten-kw.csv", {"Begeleiding", "Beschermd Wonen"}, {"2023-K4", "2024-K1"},
                 {{551455, 506331}, {15077, 13024}}, Unit::Euro);
  TableSpec spec;
  spec.total = true;
  TableData table = table_data(spec, amounts, {Unit::Euro, "iWmo", "", {}});
  attach_client_counts(table, counts());
  EXPECT_EQ(table.rows[1].cells[0].client_count, 7);
  EXPECT_EQ(table.rows[1].cells[1].client_count, 12);
  EXPECT_FALSE(table.rows[2].cells[0].client_count);  // the Eindtotaal belongs to no one group
}

TEST(ClientCounts, BarsOfCategoriesHaveAQuarterPerSeries) {
  // staaf of voorziening × kwartaal: the voorzieningen along the axis, a series per quarter.
  Table amounts =
      make_table("wmo/lasten-kw.csv", {"Begeleiding", "Beschermd Wonen"}, {"2023-K4", "2024-K1"},
                 {{551455, 506331}, {15077, 13024}}, Unit::Euro);
  ChartSpec spec;
  spec.view = ChartView::Bar;
  ChartData chart = chart_data(spec, amounts, {Unit::Euro, "iWmo", "", {}}, nullptr);
  attach_client_counts(chart, counts());
  ASSERT_EQ(chart.series.size(), 2u);
  EXPECT_EQ(chart.series[0].points[1].client_count, 7);   // Beschermd Wonen, 31 december 2023
  EXPECT_EQ(chart.series[1].points[1].client_count, 12);  // Beschermd Wonen, 31 maart 2024
}

}  // namespace
}  // namespace sdm
