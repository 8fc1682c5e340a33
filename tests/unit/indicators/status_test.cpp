// Voorlopig and herzien per figure.

#include "indicators/status.h"

#include <gtest/gtest.h>

#include "indicators/chart_data.h"

namespace sdm {
namespace {

// Monthly amounts October 2023 – March 2024 in one column, peildatum 31 March 2024.
Edition edition_with(std::vector<double> amounts, int provisional_months) {
  Edition e;
  e.config.reference_date = *Period::parse("2024-03-31");
  Table t;
  t.name = "lasten.csv";
  t.key_header = "maand";
  t.columns = {"lasten"};
  const char* months[] = {"2023-10", "2023-11", "2023-12", "2024-01", "2024-02", "2024-03"};
  for (size_t m = 0; m < amounts.size(); ++m) {
    t.row_keys.push_back(months[m]);
    t.row_periods.push_back(*Period::parse(months[m]));
    t.row_units.push_back(Unit::Euro);
    t.cells.push_back({{amounts[m], {}, 0, 0}});
  }
  e.tables[t.name] = t;
  DatasetInfo info{Unit::Euro, "Financiële administratie", "", "", {}, "", {}};
  info.provisional_months = provisional_months;
  e.config.datasets[t.name] = info;
  return e;
}

TEST(Status, TheLastMonthsBeforeThePeildatumAreProvisional) {
  Edition e = edition_with({1, 2, 3, 4, 5, 6}, 3);
  EXPECT_FALSE(is_provisional({"lasten.csv", "2023-12", "lasten"}, e));
  EXPECT_TRUE(is_provisional({"lasten.csv", "2024-01", "lasten"}, e));
  EXPECT_TRUE(is_provisional({"lasten.csv", "2024-03", "lasten"}, e));
  Edition one = edition_with({1, 2, 3, 4, 5, 6}, 1);
  EXPECT_FALSE(is_provisional({"lasten.csv", "2024-02", "lasten"}, one));
  EXPECT_TRUE(is_provisional({"lasten.csv", "2024-03", "lasten"}, one));
  Edition none = edition_with({1, 2, 3, 4, 5, 6}, 0);
  EXPECT_FALSE(is_provisional({"lasten.csv", "2024-03", "lasten"}, none));
}

TEST(Status, AFigureDifferentFromThePreviousEditionIsRevised) {
  Edition before = edition_with({100, 200, 300}, 3);
  Edition now = edition_with({100, 200, 345, 400, 500, 600}, 3);
  EXPECT_FALSE(is_revised({"lasten.csv", "2023-11", "lasten"}, now, before));
  EXPECT_TRUE(is_revised({"lasten.csv", "2023-12", "lasten"}, now, before));
  EXPECT_FALSE(is_revised({"lasten.csv", "2024-01", "lasten"}, now, before));  // new: not revised
}

TEST(Status, ACountWithoutAPeriodIsMeasuredAgainNotRevised) {
  Edition before, now;
  for (auto* e : {&before, &now}) {
    Table t;
    t.name = "vrijwilligers.csv";
    t.columns = {"aantal"};
    t.row_keys = {"Aantal organisaties website"};
    t.row_units = {Unit::Count};
    t.cells = {{{e == &now ? 73.0 : 70.0, {}, 0, 0}}};
    e->tables[t.name] = t;
  }
  EXPECT_FALSE(
      is_revised({"vrijwilligers.csv", "Aantal organisaties website", "aantal"}, now, before));
}

TEST(Status, ARunningTotalIsProvisionalAndRevisedThroughItsMonths) {
  // December 2023 went from 300 to 345: the 2023 running total from December on is revised;
  // January–March 2024 are provisional.
  Edition before = edition_with({100, 200, 300}, 3);
  Edition now = edition_with({100, 200, 345, 400, 500, 600}, 3);
  ChartSpec spec;
  spec.view = ChartView::YearLines;
  spec.cumulative = true;
  ChartData chart =
      chart_data(spec, now.tables.at("lasten.csv"), now.config.datasets.at("lasten.csv"), nullptr);
  mark_status(chart, now, &before);
  ASSERT_EQ(chart.series.size(), 2u);  // 2023 and 2024
  const auto& y2023 = chart.series[0].points;
  const auto& y2024 = chart.series[1].points;
  EXPECT_FALSE(y2023[10].revised);  // November: 100 + 200, unchanged
  EXPECT_TRUE(y2023[11].revised);   // December: 645 instead of 600
  EXPECT_FALSE(y2023[11].provisional);
  EXPECT_TRUE(y2024[0].provisional);
  EXPECT_TRUE(y2024[2].provisional);
  EXPECT_FALSE(y2024[2].revised);
  EXPECT_EQ(*y2024[2].value, 1500);
}

}  // namespace
}  // namespace sdm
