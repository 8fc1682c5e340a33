#include "validate/dataset_links.h"

#include <gtest/gtest.h>

#include "../indicators/table_fixture.h"
#include "load/load_edition.h"
#include "validate/check_edition.h"

namespace sdm {
namespace {

Edition amounts_and_clients(const std::string& amounts, const std::string& clients) {
  Edition e = edition_2024_q1();
  add_dataset(e, "lasten.csv", amounts, Unit::Euro);
  add_dataset(e, "clienten.csv", clients, Unit::Persons);
  e.config.datasets["lasten.csv"].clients = "clienten.csv";
  e.config.datasets["lasten.csv"].clients_where = {"editie.yaml", 9, 14};
  return e;
}

// The edition with a page for each spec.
std::string messages(Edition e, const std::vector<PageSpec>& specs = {}) {
  for (const auto& spec : specs) e.pages.push_back({.spec = spec});
  // Through the whole check, as a build runs it; only what this check says.
  Diagnostics all, d;
  check_edition(e, all);
  for (const auto& m : all.items())
    if (m.message.rfind("clienten:", 0) == 0 || m.message.rfind("per1000", 0) == 0 ||
        m.message.rfind("een cijfer in de tekst uit", 0) == 0)
      d.add(m);
  return format_diagnostics(d);
}

const std::string kClients =
    "voorziening;2023-12-31;2024-03-31\nBegeleiding;349;355\nBeschermd Wonen;7;12\n";

TEST(ClientLink, EveryAmountFindsItsCount) {
  EXPECT_EQ(
      messages(amounts_and_clients(
          "kwartaal;Begeleiding;Beschermd Wonen\n2023-K4;551455;15077\n2024-K1;506331;13024\n",
          kClients)),
      "");
}

// The costs behind 7 clients were published: the category was named otherwise, so the link
// found no count and tied nothing.
TEST(ClientLink, ACategoryWithoutCountsIsAnError) {
  EXPECT_EQ(
      messages(amounts_and_clients(
          "kwartaal;Begeleiding;Beschermd wonen\n2023-K4;551455;15077\n2024-K1;506331;13024\n",
          kClients)),
      "editie.yaml:9:14: fout: clienten: 'Beschermd wonen' uit lasten.csv staat niet in "
      "clienten.csv; de bedragen zouden ook bij minder dan 10 cliënten worden getoond\n"
      "  tip: bedoelde u 'Beschermd Wonen'? Geef de categorie in beide bestanden dezelfde "
      "naam\n");
}

TEST(ClientLink, APeriodWithoutCountsIsAnErrorAtTheAmount) {
  // Monthly amounts beside quarter-end counts: only March holds a count.
  EXPECT_EQ(messages(amounts_and_clients("maand;Begeleiding\n2024-01;170000\n2024-02;168000\n"
                                         "2024-03;168331\n",
                                         kClients)),
            "data/lasten.csv:2:9: fout: clienten: bij het bedrag van 'Begeleiding' in januari "
            "2024 staat in clienten.csv geen aantal cliënten met een peildatum in die periode (en "
            "bij 1 andere periode); de bedragen zouden ook bij minder dan 10 cliënten worden "
            "getoond\n  tip: lever het aantal cliënten van elke periode met een bedrag aan (bij "
            "bedragen per kwartaal de stand op de laatste dag van het kwartaal), of laat de "
            "bedragen zonder aantallen weg\n");
}

TEST(ClientLink, AFigureInTheTextCannotBeTied) {
  Edition e = amounts_and_clients(
      "kwartaal;Begeleiding;Beschermd Wonen\n2023-K4;551455;15077\n2024-K1;506331;13024\n",
      kClients);
  FigureRef ref;
  ref.function = FigureFunction::Last;
  ref.dataset = "lasten.csv";
  ref.series = "Beschermd Wonen";
  ref.where = {"wmo.md", 12, 4};
  EXPECT_EQ(messages(e, {PageSpec{.figures = {ref}}}),
            "wmo.md:12:4: fout: een cijfer in de tekst uit lasten.csv wordt niet afgeschermd: "
            "deze bedragen horen bij de cliënten van clienten.csv (clienten:), en alleen "
            "grafieken en tabellen koppelen ze\n  tip: toon deze bedragen in een grafiek of "
            "tabel; daar toont de generator een bedrag bij minder dan 10 cliënten als x\n");
}

Edition with_population(const std::string& counts) {
  Edition e = edition_2024_q1();
  e.config.population = "bevolking.csv";
  add_dataset(e, "bevolking.csv", "peildatum;totaal\n2023-01-01;26000\n2024-01-01;26012\n",
              Unit::Count);
  add_dataset(e, "jeugd.csv", counts, Unit::Persons);
  return e;
}

PageSpec rate_table(const std::string& dataset) {
  TableSpec t;
  t.title = "T";
  t.dataset = dataset;
  t.per_thousand = true;
  t.where = {"jeugd.md", 7, 1};
  return PageSpec{.directives = {t}};
}

// The cells of 2022 came out blank: there was no population before 1 January 2023.
TEST(RatePerThousand, APeriodBeforeThePopulationIsAnError) {
  EXPECT_EQ(
      messages(with_population("jaar;Totaal\n2023;612\n2024;616\n"), {rate_table("jeugd.csv")}),
      "");
  EXPECT_EQ(messages(with_population("jaar;Totaal\n2022;600\n2023;612\n2024;616\n"),
                     {rate_table("jeugd.csv")}),
            "jeugd.md:7:1: fout: per1000: bevolking.csv heeft geen bevolking 'totaal' op of vóór "
            "2022 ('Totaal'); die cellen zouden leeg blijven\n  tip: vul bevolking.csv aan met "
            "een peildatum op of vóór 2022, of laat die perioden weg\n");
}

TEST(RatePerThousand, CategoriesWithoutPeriodsAreAnError) {
  EXPECT_EQ(messages(with_population("voorziening;aantal\nHbh;755\nBeg;349\n"),
                     {rate_table("jeugd.csv")}),
            "jeugd.md:7:1: fout: per1000 deelt elk aantal door de bevolking van zijn periode, maar "
            "jeugd.csv heeft geen perioden; de cellen zouden leeg blijven\n  tip: gebruik per1000 "
            "bij een dataset met perioden in de eerste kolom of in de kopregel\n");
}

}  // namespace
}  // namespace sdm
