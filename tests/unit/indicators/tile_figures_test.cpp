// Tiles that combine figures: a total across datasets, and realisatie − begroting.
#include <gtest/gtest.h>

#include "indicators/figures.h"
#include "load/load_edition.h"
#include "table_fixture.h"
#include "validate/check_edition.h"

namespace sdm {
namespace {

Edition edition() {
  Edition e = edition_2024_q1();
  add_dataset(e, "wmo/lasten.csv", "maand;Lasten\n2024-01;500000\n2024-02;450000\n2024-03;514689\n",
              Unit::Euro);
  add_dataset(e, "jeugd/lasten.csv",
              "maand;Lasten\n2024-01;300000\n2024-02;310000\n2024-03;320000\n", Unit::Euro);
  add_dataset(e, "wmo/begroting.csv",
              "jaar;begroting;prognose\n2023;6705000;\n2024;7108000;7133000\n", Unit::Euro);
  add_dataset(e, "participatie/jaren.csv",
              "jaar;begroting;realisatie\n2022;9100000;9350000\n2023;9400000;9280000\n",
              Unit::Euro);
  add_dataset(e, "wmo/clienten.csv", "maand;Totaal\n2024-01;1700\n2024-02;1710\n2024-03;1749\n",
              Unit::Persons);
  return e;
}

TileSpec tile(std::string dataset, TileShow show) {
  TileSpec t;
  t.title = "T";
  t.dataset = std::move(dataset);
  t.show = show;
  t.where = t.data_where = t.column_where = {"index.md", 8, 3};
  t.minus_where = {"index.md", 11, 8};
  return t;
}

std::string messages(const TileSpec& t) {
  return check_messages(edition(), {PageSpec{.directives = {TilesSpec{{t}, {"index.md", 6, 1}}}}});
}

TEST(TileFigures, ATotalAcrossDatasetsAddsTheirFigures) {
  TileSpec t = tile("wmo/lasten.csv", TileShow::YearTotal);
  t.more_datasets = {"jeugd/lasten.csv"};
  EXPECT_EQ(messages(t), "");
  TileData data = tile_data(t, edition(), nullptr);
  EXPECT_EQ(data.value.value, 1464689 + 930000);
  EXPECT_EQ(data.period->year, 2024);
  EXPECT_FALSE(data.value.persons);
}

TEST(TileFigures, RealisatieMinusBegroting) {
  // The year so far against the year's begroting, from another dataset.
  TileSpec t = tile("wmo/lasten.csv", TileShow::YearTotal);
  t.minus = "wmo/begroting.csv";
  EXPECT_EQ(messages(t), "");
  EXPECT_EQ(tile_data(t, edition(), nullptr).value.value, 1464689.0 - 7108000);
  // Two columns of one dataset, for the last year.
  TileSpec columns = tile("participatie/jaren.csv", TileShow::Last);
  columns.column = "realisatie";
  columns.minus = "begroting";
  EXPECT_EQ(messages(columns), "");
  TileData data = tile_data(columns, edition(), nullptr);
  EXPECT_EQ(data.value.value, 9280000 - 9400000);
  EXPECT_EQ(data.period, Period::parse("2023"));
}

TEST(TileFigures, PersonsAndUnknownNamesAreErrors) {
  TileSpec persons = tile("wmo/clienten.csv", TileShow::Last);
  persons.more_datasets = {"wmo/lasten.csv"};
  EXPECT_EQ(messages(persons),
            "index.md:8:3: fout: een kerncijfer met een som of verschil kan alleen bedragen en "
            "andere aantallen dan personen tonen; wmo/clienten.csv telt personen\n  tip: toon "
            "de aantallen personen in aparte kerncijfers\n");
  TileSpec minus = tile("wmo/lasten.csv", TileShow::YearTotal);
  minus.minus = "wmo/begrooting.csv";
  EXPECT_EQ(messages(minus),
            "index.md:11:8: fout: min: 'wmo/begrooting.csv' is geen kolom van wmo/lasten.csv en "
            "geen begroting\n  tip: bedoelde u 'wmo/begroting.csv'?\n");
}

}  // namespace
}  // namespace sdm
