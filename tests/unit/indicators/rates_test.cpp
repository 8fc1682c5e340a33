// Rates per 1.000 inhabitants, with hand-computed expectations (docs/methode.md).

#include "indicators/rates.h"

#include <gtest/gtest.h>

#include "disclosure/disclosure.h"
#include "disclosure/linked_audit.h"
#include "indicators/chart_data.h"
#include "indicators/figures.h"
#include "pagemodel/phrases.h"
#include "table_fixture.h"

namespace sdm {
namespace {

Table population() {
  return make_table("bevolking.csv", {"2023-01-01", "2024-01-01"}, {"totaal", "0-17"},
                    {{25946, 4951}, {26012, 4938}}, Unit::Count);
}

Edition youth_edition(std::vector<double> months) {
  Edition e;
  std::vector<std::string> keys;
  std::vector<std::vector<double>> values;
  for (size_t m = 0; m < months.size(); ++m) {
    keys.push_back("2024-0" + std::to_string(m + 1));
    values.push_back({months[m]});
  }
  e.tables["jeugd.csv"] = make_table("jeugd.csv", keys, {"Totaal"}, values, Unit::Persons);
  e.tables["bevolking.csv"] = population();
  e.config.population = "bevolking.csv";
  e.config.datasets["jeugd.csv"] = {Unit::Persons, "Jeugdregistratie", "", "", {}, "0-17", {}};
  e.config.datasets["bevolking.csv"] = {Unit::Count, "CBS", "", "", {}, "", {}};
  return e;
}

PublishedFigure rate_figure(const Edition& e) {
  FigureRef ref;
  ref.function = FigureFunction::Rate;
  ref.dataset = "jeugd.csv";
  ref.series = "Totaal";
  Diagnostics diagnostics;
  auto data = figure_data(ref, e, diagnostics);
  EXPECT_FALSE(diagnostics.has_errors());
  return Disclosure::figure(*data);
}

TEST(Rates, ThePopulationOnTheLatestPeildatumNotAfterThePeriod) {
  Table p = population();
  EXPECT_EQ(population_at(p, "0-17", *Period::parse("2024-03")), 4938);
  EXPECT_EQ(population_at(p, "0-17", *Period::parse("2023-12")), 4951);
  EXPECT_EQ(population_at(p, "totaal", *Period::parse("2024-K1")), 26012);
  EXPECT_FALSE(population_at(p, "0-17", *Period::parse("2022-12")));
  EXPECT_FALSE(population_at(p, "65+", *Period::parse("2024-03")));
}

TEST(Rates, YouthInCarePerThousandYoungInhabitants) {
  // 612 / 4.938 × 1.000 = 123,936… → "123,9".
  PublishedFigure f = rate_figure(youth_edition({617, 620, 612}));
  ASSERT_TRUE(f.value.value);
  EXPECT_NEAR(*f.value.value, 123.936, 0.001);
  EXPECT_EQ(figure_text(f), "123,9 per 1.000 inwoners van 0–17 jaar");
}

TEST(Rates, AllInhabitants) {
  RawValue v{26.0, 26.0, {}};
  to_rate(v, 26012);  // 26 / 26.012 × 1.000 = 0,9995… → "1,0"
  EXPECT_NEAR(*v.value, 0.99954, 0.00001);
  EXPECT_EQ(population_text(population_column("")), "inwoners");
  EXPECT_EQ(v.persons, 26);  // the count stays, for disclosure control
}

TEST(Rates, ARateOfASmallCountIsNotPublished) {
  PublishedFigure f = rate_figure(youth_edition({12, 9, 7}));
  EXPECT_TRUE(f.value.suppressed);
  EXPECT_FALSE(f.value.value);
  EXPECT_EQ(figure_text(f), "niet te publiceren (kleine aantallen)");
}

TEST(Rates, AChartOfRatesUsesEachPeriodsPopulation) {
  Edition e = youth_edition({617, 620, 612});
  ChartSpec spec;
  spec.view = ChartView::Line;
  ChartData chart =
      chart_data(spec, e.tables.at("jeugd.csv"), e.config.datasets.at("jeugd.csv"), nullptr);
  rates_per_thousand(chart, e.tables.at("bevolking.csv"), "0-17", "");
  EXPECT_NEAR(*chart.series[0].points[0].value, 617 * 1000.0 / 4938, 1e-9);  // 124,95…
  EXPECT_EQ(chart.unit, Unit::Mark);
  ASSERT_EQ(chart.notes.size(), 1u);
  EXPECT_NE(chart.notes[0].find("per 1.000 inwoners van 0–17 jaar"), std::string::npos);
}

TEST(Rates, ARateRevealsTheCountSoTheLinkedAuditHidesIt) {
  // Months 12, <10, 15 in one chart; the quarter as a rate in another: 31 / 4.938 × 1.000 = 6,3,
  // which pins the quarter to 31 (6,25–6,35 × 4,938 = 30,9–31,4) and so February to 4.
  Edition e = youth_edition({12, 4, 15});
  ChartSpec months;
  months.title = "Per maand";
  ChartSpec quarter = months;
  quarter.title = "Per kwartaal per 1.000";
  quarter.per_quarter = true;
  ComputedPage page;
  page.blocks.push_back(
      chart_data(months, e.tables.at("jeugd.csv"), e.config.datasets.at("jeugd.csv"), nullptr));
  ChartData rates =
      chart_data(quarter, e.tables.at("jeugd.csv"), e.config.datasets.at("jeugd.csv"), nullptr);
  rates_per_thousand(rates, e.tables.at("bevolking.csv"), "0-17", "");
  page.blocks.push_back(rates);
  std::vector<ComputedPage> computed{page};
  Diagnostics diagnostics;
  auto published = Disclosure::edition(computed, diagnostics);
  const auto& rate = std::get<PublishedChart>(published[0].blocks[1]).series[0].points[0];
  EXPECT_FALSE(rate.suppressed);  // one block at a time: nothing to hide
  LinkedAuditResult result = link_editions({&e, &computed, &published}, nullptr, diagnostics);
  EXPECT_FALSE(diagnostics.has_errors());
  EXPECT_TRUE(result.passed);
  EXPECT_TRUE(std::get<PublishedChart>(published[0].blocks[1]).series[0].points[0].suppressed);
}

}  // namespace
}  // namespace sdm

namespace sdm {
namespace {

TEST(Rates, EachGemeenteAgainstItsOwnPopulation) {
  // inwoners: "{kolom} 0-17": the column Bedum against "Bedum 0-17", the region against
  // "BMWE 0-17"; never the region's population for a gemeente.
  Edition e;
  e.tables["jeugd.csv"] = make_table("jeugd.csv", {"2024-01"}, {"Bedum", "Winsum", "BMWE"},
                                     {{230, 310, 540}}, Unit::Persons);
  e.tables["bevolking.csv"] =
      make_table("bevolking.csv", {"2024-01-01"}, {"Bedum 0-17", "Winsum 0-17", "BMWE 0-17"},
                 {{2171, 2859, 5030}}, Unit::Count);
  e.config.population = "bevolking.csv";
  e.config.datasets["jeugd.csv"] = {
      Unit::Persons, "Jeugdregistratie", "", "", {}, "{kolom} 0-17", {}};
  ChartSpec spec;
  spec.view = ChartView::Line;
  ChartData chart =
      chart_data(spec, e.tables.at("jeugd.csv"), e.config.datasets.at("jeugd.csv"), nullptr);
  rates_per_thousand(chart, e.tables.at("bevolking.csv"), "{kolom} 0-17", "");
  EXPECT_NEAR(*chart.series[0].points[0].value, 230 * 1000.0 / 2171, 1e-9);
  EXPECT_NEAR(*chart.series[2].points[0].value, 540 * 1000.0 / 5030, 1e-9);
  ASSERT_EQ(chart.notes.size(), 1u);
  EXPECT_EQ(chart.notes[0],
            "Aantal per 1.000 inwoners van 0–17 jaar, elke reeks naar haar eigen bevolking op de "
            "laatste peildatum vóór of in de periode.");
  // A figure in the text names the series' own population.
  FigureRef ref;
  ref.function = FigureFunction::Rate;
  ref.dataset = "jeugd.csv";
  ref.series = "Winsum";
  Diagnostics d;
  auto figure = figure_data(ref, e, d);
  ASSERT_TRUE(figure);
  EXPECT_EQ(figure->rate_of, "inwoners van Winsum 0–17 jaar");
}

}  // namespace
}  // namespace sdm
