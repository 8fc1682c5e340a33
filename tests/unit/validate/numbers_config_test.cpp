// The editie.yaml settings for numbers: clienten (amounts tied to counts), bevolking and inwoners
// (rates per 1.000 inhabitants).

#include <gtest/gtest.h>

#include "../indicators/table_fixture.h"
#include "load/load_edition.h"
#include "validate/check_edition.h"

namespace sdm {
namespace {

Edition edition() {
  Edition e;
  e.config.id = "e";
  e.config.reference_date = *Period::parse("2024-03-31");
  auto add = [&](const std::string& name, const std::string& csv, Unit unit) {
    e.config.datasets[name].unit = unit;
    e.config.datasets[name].where = {"editie.yaml", 7, 3};
    Diagnostics d;
    e.tables[name] = read_table(name, "data/" + name, csv, unit, d);
    EXPECT_FALSE(d.has_errors());
  };
  add("lasten.csv", "kwartaal;Beschermd Wonen\n2024-K1;13024\n", Unit::Euro);
  add("clienten.csv", "voorziening;2024-03-31\nBeschermd Wonen;6\n", Unit::Persons);
  add("bevolking.csv", "peildatum;totaal;0-17\n2024-01-01;26012;4938\n", Unit::Count);
  return e;
}

TEST(NumbersConfig, ClientenNamesADatasetOfPersons) {
  Edition e = edition();
  e.config.datasets["lasten.csv"].clients = "clienten.csv";
  e.config.datasets["lasten.csv"].clients_where = {"editie.yaml", 9, 15};
  EXPECT_EQ(check_messages(e), "");
  e.config.datasets["lasten.csv"].clients = "client.csv";
  EXPECT_EQ(check_messages(e),
            "editie.yaml:9:15: fout: clienten verwijst naar onbekende dataset 'client.csv'\n"
            "  tip: bedoelde u 'clienten.csv'?\n");
  e.config.datasets["lasten.csv"].clients = "bevolking.csv";
  EXPECT_EQ(check_messages(e),
            "editie.yaml:9:15: fout: clienten: bevolking.csv heeft geen eenheid personen\n"
            "  tip: noem de dataset met de aantallen cliënten die bij deze bedragen horen\n");
}

TEST(NumbersConfig, ARateNeedsThePopulation) {
  Edition e = edition();
  PageSpec spec;
  FigureRef ref;
  ref.function = FigureFunction::Rate;
  ref.dataset = "clienten.csv";
  ref.where = {"jeugd.md", 12, 4};
  spec.figures.push_back(ref);
  EXPECT_EQ(check_messages(e, {spec}),
            "jeugd.md:12:4: fout: een cijfer per 1.000 inwoners vraagt bevolkingscijfers\n"
            "  tip: zet in editie.yaml 'bevolking: bevolking.csv' en lever dat bestand aan (zie "
            "docs/data.md)\n");
  e.config.population = "bevolking.csv";
  EXPECT_EQ(check_messages(e, {spec}), "");
  e.config.datasets["clienten.csv"].population_group = "0-18";
  EXPECT_EQ(check_messages(e, {spec}),
            "editie.yaml:7:3: fout: inwoners: leeftijdsgroep '0-18' staat niet in bevolking.csv\n"
            "  tip: bedoelde u '0-17'?\n");
}

}  // namespace
}  // namespace sdm

namespace sdm {
namespace {

TEST(NumbersConfig, APopulationPerSeriesNeedsOneForEverySeries) {
  Edition e = edition();
  Diagnostics d;
  e.tables["per-gemeente.csv"] =
      read_table("per-gemeente.csv", "data/per-gemeente.csv",
                 "maand;Bedum;Winsum\n2024-01;230;310\n", Unit::Persons, d);
  e.config.datasets["per-gemeente.csv"].unit = Unit::Persons;
  e.config.datasets["per-gemeente.csv"].where = {"editie.yaml", 12, 3};
  e.config.datasets["per-gemeente.csv"].population_group = "{kolom} 0-17";
  e.config.population = "bevolking.csv";
  e.tables["bevolking.csv"] =
      read_table("bevolking.csv", "data/bevolking.csv",
                 "peildatum;totaal;0-17;Bedum 0-17\n2024-01-01;26012;4938;2171\n", Unit::Count, d);
  EXPECT_EQ(check_messages(e),
            "editie.yaml:12:3: fout: inwoners: 'Winsum 0-17' staat niet in "
            "bevolking.csv (voor de reeks 'Winsum')\n  tip: zet een kolom 'Winsum 0-17' in "
            "bevolking.csv\n");
}

}  // namespace
}  // namespace sdm
