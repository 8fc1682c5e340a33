// The overview's "last eight quarters": published chart points at each quarter's end, "<10"
// kept, and only complete quarters.
#include "pagemodel/quarter_overview.h"

#include <gtest/gtest.h>

#include "disclosure/disclosure.h"
#include "indicators/chart_data.h"

namespace sdm {
namespace {

// Monthly person counts from January 2022 on, in one column "Totaal".
Table monthly(const std::vector<double>& values) {
  Table t;
  t.name = "wmo/clienten.csv";
  t.key_header = "maand";
  t.columns = {"Totaal"};
  for (size_t i = 0; i < values.size(); ++i) {
    Period p = Period::of_month(2022 + static_cast<int>(i) / 12, static_cast<int>(i) % 12 + 1);
    t.row_keys.push_back(p.iso());
    t.row_periods.push_back(p);
    t.row_units.push_back(Unit::Persons);
    t.cells.push_back({{values[i], {}, 0, 0}});
  }
  return t;
}

struct Fixture {
  Edition edition;
  std::vector<PublishedPage> pages;
  std::vector<PublishedTile> tiles;
};

// An edition with a year-lines chart of `t` (peildatum `reference`) and a tile on its last value.
Fixture with_chart(const Table& t, const std::string& reference, ChartView view) {
  Fixture f;
  f.edition.config.reference_date = *Period::parse(reference);
  f.edition.tables[t.name] = t;
  ChartSpec spec;
  spec.title = "Cliënten";
  spec.dataset = t.name;
  spec.view = view;
  Diagnostics diagnostics;
  PublishedPage page;
  page.blocks.push_back(Disclosure::chart(
      chart_data(spec, t, {Unit::Persons, "Registratie", "", {}}, nullptr), diagnostics));
  f.pages.push_back(std::move(page));
  TileData tile;
  tile.spec = {"Cliënten in zorg", t.name, "Totaal", TileShow::Last, "", {}};
  tile.unit = Unit::Persons;
  tile.value = {t.cells.back()[0].value, t.cells.back()[0].value, {}};
  f.tiles.push_back(Disclosure::tile(tile));
  return f;
}

std::vector<std::string> texts(const json& row) {
  std::vector<std::string> out;
  for (const auto& c : row["cells"]) out.push_back(c["text"].get<std::string>());
  return out;
}

TEST(QuarterOverview, LastEightCompleteQuartersBeforeThePeildatum) {
  auto q = last_quarters(*Period::parse("2024-03-31"));
  ASSERT_EQ(q.size(), 8u);
  EXPECT_EQ(q.front().iso(), "2022-K2");
  EXPECT_EQ(q.back().iso(), "2024-K1");
  // In May the second quarter is not over: it ends with the first.
  EXPECT_EQ(last_quarters(*Period::parse("2024-05-31")).back().iso(), "2024-K1");
  EXPECT_EQ(last_quarters(*Period::parse("2024-06")).back().iso(), "2024-K2");
  EXPECT_EQ(last_quarters(*Period::parse("2024-06-29")).back().iso(), "2024-K1");
}

TEST(QuarterOverview, TakesEachQuartersLastMonthFromTheYearLines) {
  std::vector<double> values;
  for (int i = 0; i < 27; ++i) values.push_back(1000 + i);  // jan 2022 … mrt 2024
  Fixture f = with_chart(monthly(values), "2024-03-31", ChartView::YearLines);
  json table = quarter_overview(f.tiles, f.pages, f.edition);
  ASSERT_EQ(table["rows"].size(), 1u);
  EXPECT_EQ(table["rows"][0]["title"], "Cliënten in zorg");
  EXPECT_EQ(table["rows"][0]["unit"], "personen");
  // jun 2022 is month 6 (1005), … mrt 2024 is month 27 (1026).
  EXPECT_EQ(texts(table["rows"][0]),
            (std::vector<std::string>{"1.005", "1.008", "1.011", "1.014", "1.017", "1.020", "1.023",
                                      "1.026"}));
  EXPECT_EQ(table["head"][0]["short"], "K2 2022");
  EXPECT_EQ(table["head"][7]["long"], "1e kwartaal 2024");
  // 1026 against 1014 a year earlier.
  EXPECT_EQ(table["rows"][0]["trend"]["text"], "+1,2%");
  EXPECT_EQ(table["rows"][0]["trend"]["direction"], "op");
}

TEST(QuarterOverview, SmallCountsStayHiddenAndHaveNoTrend) {
  std::vector<double> values(27, 40);
  values[26] = 7;  // mrt 2024: under 10
  Fixture f = with_chart(monthly(values), "2024-03-31", ChartView::Line);
  json table = quarter_overview(f.tiles, f.pages, f.edition);
  ASSERT_EQ(table["rows"].size(), 1u);
  const json& last = table["rows"][0]["cells"][7];
  EXPECT_TRUE(last["small"].get<bool>());
  EXPECT_EQ(last["text"], "<10");
  EXPECT_TRUE(table["rows"][0]["trend"].is_null());
  EXPECT_NE(table.dump().find("minder dan 10"), std::string::npos);
  EXPECT_EQ(table.dump().find("\"7\""), std::string::npos);
}

TEST(QuarterOverview, NothingWithoutAChartOfTheTilesSeries) {
  std::vector<double> values(27, 40);
  Fixture f = with_chart(monthly(values), "2024-03-31", ChartView::YearLines);
  f.pages.clear();
  EXPECT_TRUE(quarter_overview(f.tiles, f.pages, f.edition).is_null());
}

}  // namespace
}  // namespace sdm
