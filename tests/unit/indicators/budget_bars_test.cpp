// A budget line over bars of years: the begroting of each year, drawn as a line.
#include <gtest/gtest.h>

#include "indicators/chart_data.h"
#include "table_fixture.h"
#include "validate/check_edition.h"

namespace sdm {
namespace {

Edition edition() {
  Edition e = edition_2024_q1();
  add_dataset(e, "p/jaren.csv", "jaar;realisatie\n2021;8900000\n2022;9350000\n2023;9280000\n",
              Unit::Euro);
  add_dataset(e, "p/begroting.csv", "jaar;begroting;prognose\n2022;9100000;\n2023;9400000;\n",
              Unit::Euro);
  add_dataset(e, "p/maanden.csv", "maand;Lasten\n2024-01;700000\n2024-02;710000\n", Unit::Euro);
  return e;
}

ChartSpec chart(std::string dataset, ChartView view) {
  ChartSpec c;
  c.title = "C";
  c.dataset = std::move(dataset);
  c.view = view;
  c.budget_dataset = "p/begroting.csv";
  c.where = {"p.md", 5, 1};
  return c;
}

std::string messages(const ChartSpec& c) {
  return check_messages(edition(), {PageSpec{.directives = {c}}});
}

TEST(BudgetBars, BarsOfYearsGetTheBegrotingAsALine) {
  ChartSpec spec = chart("p/jaren.csv", ChartView::Bar);
  EXPECT_EQ(messages(spec), "");
  Edition e = edition();
  ChartData data = chart_data(spec, e.tables.at("p/jaren.csv"), e.config.datasets.at("p/jaren.csv"),
                              &e.tables.at("p/begroting.csv"));
  ASSERT_EQ(data.series.size(), 2u);
  EXPECT_EQ(data.series[1].role, SeriesRole::Budget);
  ASSERT_EQ(data.series[1].points.size(), 3u);
  EXPECT_FALSE(data.series[1].points[0].value);  // no begroting for 2021
  EXPECT_EQ(data.series[1].points[2].value, 9400000);
}

// A begroting on a line, or on bars that are no years, was dropped without a word.
TEST(BudgetBars, ABegrotingThatWouldNotBeDrawnIsAnError) {
  EXPECT_EQ(messages(chart("p/maanden.csv", ChartView::Bar)),
            "p.md:5:1: fout: een begrotingslijn over staven vraagt jaren in de eerste kolom van "
            "p/maanden.csv\n  tip: zet per regel een jaar (2024) met het bedrag van dat jaar\n");
  EXPECT_EQ(messages(chart("p/maanden.csv", ChartView::Line)),
            "p.md:5:1: fout: 'begroting' kan alleen bij weergave jaarlijnen of staaf\n  tip: "
            "gebruik jaarlijnen voor maanden, of staaf voor jaren\n");
}

}  // namespace
}  // namespace sdm
