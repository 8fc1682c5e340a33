// Tips that were unsafe to follow: each one, followed, published something wrong.
#include <gtest/gtest.h>

#include "../indicators/table_fixture.h"
#include "load/load_edition.h"
#include "load/page_spec.h"
#include "load/yaml_source.h"
#include "validate/check_edition.h"

namespace sdm {
namespace {

std::string load_messages(const std::string& csv, Unit unit) {
  Diagnostics d;
  read_table("t.csv", "data/t.csv", csv, unit, d);
  return format_diagnostics(d);
}

// "geef de regel eenheid 'tekst'" for a "-" among counts: followed, the row's counts were
// published unprotected and left out of every total.
TEST(SafeTips, ADashIsAnEmptyCellOrAZeroNeverText) {
  EXPECT_EQ(load_messages("omschrijving;aantal;eenheid\nDeelnemers;-;aantal\nVrijwilligers;12;"
                          "personen\nMantelzorgers;-;personen\n",
                          Unit::Count),
            "data/t.csv:2:12: fout: '-' is geen getal\n  tip: laat de cel leeg als er geen cijfer "
            "is, en vul 0 in als het 0 is\ndata/t.csv:4:15: fout: '-' is geen getal\n  tip: laat "
            "de cel leeg als er geen cijfer is, en vul 0 in als het 0 is; kleine aantallen toont "
            "de generator zelf als <10 of x\n");
  // Real text still gets the way to write text, with what it costs.
  EXPECT_EQ(load_messages("omschrijving;aantal\nVragen;Zie toelichting\n", Unit::Count),
            "data/t.csv:2:8: fout: 'Zie toelichting' is geen geldig getal\n  tip: staat hier "
            "tekst zoals 'Zie toelichting', geef de regel dan eenheid 'tekst' (docs/data.md); is "
            "het een getal, schrijf het dan als 1234,5\n");
}

Edition with_table(const std::string& csv, bool additive) {
  Edition e;
  e.config.id = "e";
  e.config.reference_date = *Period::parse("2024-03-31");
  e.config.datasets["t.csv"].unit = Unit::Persons;
  e.config.datasets["t.csv"].additive = additive;
  Diagnostics d;
  e.tables["t.csv"] = read_table("t.csv", "data/t.csv", csv, Unit::Persons, d);
  return e;
}

// "laat de totaalregel weg; een tabel met 'totaal: ja' telt zelf op": with clients in several
// voorzieningen, the sum is not the total, and the table published it as one.
TEST(SafeTips, ATotalAboveItsRowsIsNeverToBeDropped) {
  Edition e = with_table("voorziening;2024-03-31\nHbh;300\nBeg;200\nTotaal;520\n", false);
  EXPECT_EQ(check_messages(e),
            "data/t.csv:4:8: fout: 'Totaal' (520) is groter dan de som van de andere regels "
            "(500)\n  tip: controleer de export: een totaal telt geen personen die in geen van de "
            "regels staan; horen er zulke personen bij, zet ze dan in een eigen regel "
            "(bijvoorbeeld 'Overig')\n");
}

TEST(SafeTips, AddingUpRowsThatOverlapIsAnError) {
  Edition e = with_table("voorziening;2024-03-31\nHbh;300\nBeg;200\n", false);
  TableSpec t;
  t.dataset = "t.csv";
  t.total = true;
  t.where = {"wmo.md", 3, 1};
  EXPECT_EQ(check_messages(e, {PageSpec{.directives = {t}}}),
            "wmo.md:3:1: fout: 'totaal: ja' telt de regels van t.csv op, maar daarin kan een "
            "persoon in meer dan één regel zitten (optelbaar: nee): de som telt hem dubbel\n  tip: "
            "laat 'totaal: ja' weg en lever het totaal aan als regel in het bestand (met 'totaal:' "
            "in editie.yaml); dan toont de tabel het echte totaal\n");
  EXPECT_EQ(check_messages(with_table("voorziening;2024-03-31\nHbh;300\nBeg;200\n", true),
                           {PageSpec{.directives = {t}}}),
            "");
}

// An unclosed quote gave three errors, none at the quote: YAML read the next lines into the title
// and the settings on them were reported missing.
TEST(SafeTips, AnUnclosedQuoteIsOneErrorAtTheQuote) {
  Diagnostics d;
  Page page =
      read_page("wmo", "wmo.md",
                "---\ntitel: Wmo\n---\n\n```grafiek\ntitel: \"Lasten Wmo\ndata: "
                "wmo/lasten.csv\nweergave: lijn\nsamenvatting: \"De lasten stijgen.\"\n```\n",
                d);
  read_page_spec(page, d);
  EXPECT_EQ(format_diagnostics(d),
            "wmo.md:6:8: fout: dit aanhalingsteken wordt op deze regel niet gesloten\n  tip: zet "
            "aan het eind van de waarde hetzelfde aanhalingsteken, en houd de waarde op één "
            "regel\n");
  // A quote closed on its line, an apostrophe inside a value and quotes in a list are fine.
  Diagnostics fine;
  auto doc = parse_yaml(
      "titel: \"Lasten \\\"Wmo\\\"\"\nkort: Jeugd's zorg\nkolommen: ['a', \"b\"]\nlijst:\n"
      "  - 'Hulp bij ''t huishouden'\n",
      {"x.yaml", 1, 0}, fine);
  EXPECT_FALSE(fine.has_errors()) << format_diagnostics(fine);
  ASSERT_TRUE(doc);
  EXPECT_EQ((*doc)["titel"].Scalar(), "Lasten \"Wmo\"");

  EXPECT_EQ(load_messages("maand;Totaal\n2024-01;\"12\n2024-02;14\n2024-03;15\n", Unit::Persons),
            "data/t.csv:2:9: fout: aanhalingsteken wordt niet gesloten\n  tip: sluit het veld af "
            "met een \" of verwijder het aanhalingsteken\n");
}

}  // namespace
}  // namespace sdm
