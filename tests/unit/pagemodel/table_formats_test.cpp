// Tables that type their columns and choose their notation (editie.yaml: kolommen, decimalen,
// notatie): a mean beside counts, marks with two decimals, amounts in millions or thousands.

#include <gtest/gtest.h>

#include "../security/site_fixture.h"

namespace sdm::security {
namespace {

std::string table_page(const std::string& dataset, const std::string& extra = "") {
  return "---\ntitel: Participatie\nvolgorde: 2\n---\n\n```tabel\ntitel: Tabel\ndata: " + dataset +
         "\n" + extra + "```\n";
}

// The text of the <tbody> of the page's first table, tags removed, cells separated by '|'.
std::string table_text(const SiteRun& run, const std::string& page = "participatie.html") {
  const OutputFile* file = run.file(page);
  if (!file) return "(geen pagina)";
  const std::string& html = file->bytes;
  size_t from = html.find("<table"), to = html.find("</table>", from);
  if (from == std::string::npos || to == std::string::npos) return "(geen tabel)";
  std::string out;
  bool in_tag = false;
  for (size_t i = from; i < to; ++i) {
    char c = html[i];
    if (c == '<') {
      in_tag = true;
      if (html.compare(i, 4, "<td>") == 0 || html.compare(i, 4, "<td ") == 0) out += '|';
      if (html.compare(i, 4, "<tr ") == 0 || html.compare(i, 4, "<tr>") == 0) out += '\n';
    } else if (c == '>') {
      in_tag = false;
    } else if (!in_tag && c != '\n') {
      out += c;
    }
  }
  return out;
}

std::string csv_of(const SiteRun& run, const std::string& name = "data/tabel-1.csv") {
  const OutputFile* file = run.file(name);
  if (!file) return "(geen bestand)";
  std::string text = file->bytes;
  std::erase(text, '\r');
  return text;
}

TEST(TableFormats, AMeanAgeBesideCountsIsNotAddedUp) {
  SiteRun run = SiteBuilder()
                    .dataset("participatie/klanten.csv", "personen",
                             "regeling;man;vrouw;gemiddelde leeftijd\n"
                             "Participatiewet;120;130;41,3\nIOAW;25;28;61,7\n",
                             "    kolommen:\n      gemiddelde leeftijd: { eenheid: cijfer }\n")
                    .page("participatie.md", table_page("participatie/klanten.csv", "totaal: ja\n"))
                    .generate();
  ASSERT_TRUE(run.site) << run.messages();
  const std::string text = table_text(run);
  EXPECT_NE(text.find("\nEindtotaal|145|158|"), std::string::npos) << text;
  EXPECT_EQ(text.find("103"), std::string::npos) << text;
  EXPECT_NE(text.find("IOAW|25|28|61,7"), std::string::npos) << text;
}

// The same with the units per row, as the docs have long allowed: the total added the mean age.
TEST(TableFormats, AMeanAgeRowIsNotAddedUp) {
  SiteRun run = SiteBuilder()
                    .dataset("participatie/klanten.csv", "personen",
                             "geslacht;2024-K1;eenheid\nMan;120;personen\nVrouw;130;personen\n"
                             "Gemiddelde leeftijd;41,3;cijfer\n")
                    .page("participatie.md", table_page("participatie/klanten.csv", "totaal: ja\n"))
                    .generate();
  ASSERT_TRUE(run.site) << run.messages();
  const std::string text = table_text(run);
  EXPECT_NE(text.find("\nEindtotaal|250"), std::string::npos) << text;
  EXPECT_EQ(text.find("291"), std::string::npos) << text;
}

TEST(TableFormats, AMeanUnderTenInAPersonsDatasetIsNoCount) {
  SiteRun run = SiteBuilder()
                    .dataset("participatie/duur.csv", "personen",
                             "regeling;klanten;gemiddelde duur in jaren\n"
                             "Participatiewet;250;8,5\nIOAW;53;3,2\n",
                             "    kolommen:\n      gemiddelde duur in jaren:\n"
                             "        eenheid: cijfer\n        decimalen: 1\n")
                    .page("participatie.md", table_page("participatie/duur.csv"))
                    .generate();
  ASSERT_TRUE(run.site) << run.messages();
  const std::string text = table_text(run);
  EXPECT_NE(text.find("Participatiewet|250|8,5"), std::string::npos) << text;
  EXPECT_NE(text.find("IOAW|53|3,2"), std::string::npos) << text;
}

TEST(TableFormats, APersonsColumnInACountDatasetIsProtected) {
  SiteRun run = SiteBuilder()
                    .dataset("sociale-basis/meldingen.csv", "aantal",
                             "thema;meldingen;melders\nOverlast;40;25\nZorg;12;4\n",
                             "    kolommen:\n      melders: { eenheid: personen }\n")
                    .page("participatie.md", table_page("sociale-basis/meldingen.csv"))
                    .generate();
  ASSERT_TRUE(run.site) << run.messages();
  const std::string text = table_text(run);
  EXPECT_NE(text.find("Zorg|12|&lt;10"), std::string::npos) << text;
  EXPECT_EQ(csv_of(run).find(";4\n"), std::string::npos) << csv_of(run);
}

TEST(TableFormats, DecimalsPerDatasetAndPerColumn) {
  SiteRun run =
      SiteBuilder()
          .dataset("wmo/tevredenheid.csv", "cijfer",
                   "halfjaar;rapportcijfer;aandeel tevreden\n2023;2,83;54\n2024;2,91;61\n",
                   "    decimalen: 2\n    kolommen:\n"
                   "      aandeel tevreden: { eenheid: procent, decimalen: 0 }\n")
          .page("participatie.md", table_page("wmo/tevredenheid.csv"))
          .generate();
  ASSERT_TRUE(run.site) << run.messages();
  const std::string text = table_text(run);
  EXPECT_NE(text.find("2023|2,83|54%"), std::string::npos) << text;
  EXPECT_NE(csv_of(run).find("2023;2,83;54\n"), std::string::npos) << csv_of(run);
}

TEST(TableFormats, AmountsInMillionsAddUpFromTheExactAmounts) {
  // Rounded first, the parts would add up to € 46,0 mln.
  SiteRun run = SiteBuilder()
                    .dataset("financien/lasten.csv", "euro",
                             "domein;2024\nWmo;15260000\nJeugd;15260000\nParticipatie;15380000\n",
                             "    notatie: mln\n")
                    .page("participatie.md", table_page("financien/lasten.csv", "totaal: ja\n"))
                    .generate();
  ASSERT_TRUE(run.site) << run.messages();
  const std::string text = table_text(run);
  EXPECT_NE(text.find("Wmo|€\u00a015,3\u00a0mln"), std::string::npos) << text;
  EXPECT_NE(text.find("Eindtotaal|€\u00a045,9\u00a0mln"), std::string::npos) << text;
  EXPECT_NE(csv_of(run).find("Domein;2024 (x €\u00a01 mln)\n"), std::string::npos) << csv_of(run);
  EXPECT_NE(csv_of(run).find("Eindtotaal;45,9\n"), std::string::npos) << csv_of(run);
}

TEST(TableFormats, AmountsInThousandsSayItInTheCaption) {
  SiteRun run = SiteBuilder()
                    .dataset("financien/lasten.csv", "euro",
                             "domein;2023;2024\nWmo;13213650;-944050\n", "    notatie: duizenden\n")
                    .page("participatie.md", table_page("financien/lasten.csv"))
                    .generate();
  ASSERT_TRUE(run.site) << run.messages();
  const std::string& html = run.file("participatie.html")->bytes;
  EXPECT_NE(html.find("Tabel 1</a>: Tabel (bedragen x €\u00a01.000)</caption>"), std::string::npos);
  EXPECT_NE(table_text(run).find("Wmo|13.214|\u2212944"), std::string::npos) << table_text(run);
}

TEST(TableFormats, ATextColumnAndPmAndNvtCells) {
  SiteRun run = SiteBuilder()
                    .dataset("financien/begroting.csv", "euro",
                             "omschrijving;code;begroting;realisatie\n"
                             "Jeugdhulp;J1;5000000;pm\nToegang;J2;nvt;1200000\n",
                             "    kolommen:\n      code: { eenheid: tekst }\n")
                    .page("participatie.md", table_page("financien/begroting.csv", "totaal: ja\n"))
                    .generate();
  ASSERT_TRUE(run.site) << run.messages();
  const std::string text = table_text(run);
  EXPECT_NE(text.find("Jeugdhulp|J1|€\u00a05.000.000|pm"), std::string::npos) << text;
  EXPECT_NE(text.find("Toegang|J2|nvt|€\u00a01.200.000"), std::string::npos) << text;
  EXPECT_NE(text.find("Eindtotaal||€\u00a05.000.000|€\u00a01.200.000"), std::string::npos) << text;
}

TEST(TableFormats, PmInAPersonsCountIsStillAnError) {
  SiteRun run = SiteBuilder()
                    .dataset("wmo/per-voorziening.csv", "personen",
                             "voorziening;2024-03-31\nBegeleiding;nvt\n")
                    .page("participatie.md", table_page("wmo/per-voorziening.csv"))
                    .generate();
  EXPECT_FALSE(run.site);
  EXPECT_TRUE(run.error_at("content/2024-q1/data/wmo/per-voorziening.csv", 2, 13))
      << run.messages();
}

TEST(TableFormats, MistakesInTheDeclarationsAreNamedWhereTheyAre) {
  SiteRun run = SiteBuilder()
                    .dataset("participatie/klanten.csv", "personen",
                             "regeling;man;vrouw;gemiddelde leeftijd\nIOAW;25;28;61,7\n",
                             "    decimalen: twee\n    notatie: mln\n    kolommen:\n"
                             "      gemiddelde leeftijd: { eenheid: cijfr }\n"
                             "      mannen: { eenheid: personen }\n")
                    .page("participatie.md", table_page("participatie/klanten.csv"))
                    .generate();
  EXPECT_FALSE(run.site);
  const std::string yaml = "content/2024-q1/editie.yaml";
  EXPECT_TRUE(run.has(yaml +
                      ":8:16: fout: 'decimalen' moet een aantal van 0 tot en met 4 zijn, niet "
                      "'twee'"))
      << run.messages();
  EXPECT_TRUE(run.has(yaml + ":9:14: fout: 'notatie' is alleen voor bedragen (eenheid euro)"))
      << run.messages();
  EXPECT_TRUE(run.has(yaml + ":11:39: fout: onbekende eenheid 'cijfr'")) << run.messages();
  EXPECT_TRUE(run.has(yaml + ":12:7: fout: kolom 'mannen' bestaat niet in "
                             "participatie/klanten.csv"))
      << run.messages();
  EXPECT_NE(run.messages().find("tip: de kolommen zijn: man, vrouw, gemiddelde leeftijd"),
            std::string::npos)
      << run.messages();
}

const char kFinance[] =
    "omschrijving;taakveld;begroting;realisatie\n"
    "Inkomsten;;;\nRijksbijdrage;;20000000;19500000\nEigen bijdragen;;500000;pm\n"
    "Uitgaven;;;\nJeugdhulp met verblijf;J1;13213650;14100000\n"
    "Jeugdhulp ambulant;J2;9874300;-944050\n";

TEST(TableFormats, SectionsAndASaldoRow) {
  SiteRun run =
      SiteBuilder()
          .dataset("financien/jeugd.csv", "euro", kFinance,
                   "    kolommen:\n      taakveld: { eenheid: tekst }\n")
          .page("participatie.md",
                table_page("financien/jeugd.csv",
                           "kopjes: [Inkomsten, Uitgaven]\nsaldo: Inkomsten - Uitgaven\n"))
          .generate();
  ASSERT_TRUE(run.site) << run.messages();
  const std::string& html = run.file("participatie.html")->bytes;
  EXPECT_NE(
      html.find("<tr class=\"kopje\"><th scope=\"rowgroup\" colspan=\"4\">Uitgaven</th></tr>"),
      std::string::npos);
  const std::string text = table_text(run);
  // 20.500.000 − 23.087.950, and 19.500.000 − (14.100.000 − 944.050): "pm" counts as nothing.
  EXPECT_NE(text.find("Saldo||\u2212€\u00a02.587.950|€\u00a06.344.050"), std::string::npos) << text;
  EXPECT_NE(text.find("Jeugdhulp ambulant|J2|€\u00a09.874.300|\u2212€\u00a0944.050"),
            std::string::npos)
      << text;
  EXPECT_NE(csv_of(run).find("Saldo;;-2587950;6344050\n"), std::string::npos) << csv_of(run);
}

TEST(TableFormats, MistakesInSectionsAndSaldoAreNamed) {
  std::string csv = kFinance;
  csv.replace(csv.find("Uitgaven;;;"), 11, "Uitgaven;;1;");
  SiteRun run = SiteBuilder()
                    .dataset("financien/jeugd.csv", "euro", csv,
                             "    kolommen:\n      taakveld: { eenheid: tekst }\n")
                    .page("participatie.md",
                          table_page("financien/jeugd.csv",
                                     "kopjes: [Inkomsten, Uitgaven, Baten]\nsaldo: Inkomsten - "
                                     "Lasten\n"))
                    .generate();
  EXPECT_FALSE(run.site);
  EXPECT_TRUE(
      run.has("content/2024-q1/data/financien/jeugd.csv:5:11: fout: regel 'Uitgaven' is "
              "een kopje, maar heeft een cijfer"))
      << run.messages();
  EXPECT_TRUE(
      run.has("content/2024-q1/participatie.md:9:9: fout: kopje 'Baten' is geen regel van "
              "financien/jeugd.csv"))
      << run.messages();
  EXPECT_TRUE(
      run.has("content/2024-q1/participatie.md:10:8: fout: 'saldo' noemt 'Lasten', maar "
              "dat is geen kopje"))
      << run.messages();
}

TEST(TableFormats, NoSaldoOfPersons) {
  SiteRun run = SiteBuilder()
                    .dataset("wmo/stroom.csv", "personen",
                             "stroom;2024\nIn;\nInstroom;40\nUit;\nUitstroom;35\n")
                    .page("participatie.md",
                          table_page("wmo/stroom.csv", "kopjes: [In, Uit]\nsaldo: In - Uit\n"))
                    .generate();
  EXPECT_FALSE(run.site);
  EXPECT_TRUE(
      run.has("content/2024-q1/participatie.md:10:8: fout: een saldo trekt aantallen af, "
              "maar wmo/stroom.csv bevat aantallen personen (kolom '2024')"))
      << run.messages();
}

TEST(TableFormats, RowNotesCountOnAcrossThePages) {
  const char kCsv[] = "voorziening;2024-03-31\nBegeleiding;120\nBeschermd Wonen;40\n";
  SiteRun run =
      SiteBuilder()
          .dataset("wmo/per-voorziening.csv", "personen", kCsv)
          .page("participatie.md", table_page("wmo/per-voorziening.csv",
                                              "voetnoten:\n  Beschermd Wonen: Regionaal.\n"))
          .page("jeugd.md",
                "---\ntitel: Jeugd\nvolgorde: 3\n---\n\n```tabel\ntitel: Nog een\ndata: "
                "wmo/per-voorziening.csv\nvoetnoten:\n  Begeleiding: Inclusief dagbesteding.\n"
                "```\n")
          .generate();
  ASSERT_TRUE(run.site) << run.messages();
  const std::string& first = run.file("participatie.html")->bytes;
  const std::string& second = run.file("jeugd.html")->bytes;
  EXPECT_NE(first.find("Beschermd Wonen<sup class=\"noot-verwijzing\"><span class=\"sr-only\"> "
                       "(noot </span>1<span"),
            std::string::npos);
  EXPECT_NE(first.find("<p class=\"noot\">1) Regionaal.</p>"), std::string::npos);
  EXPECT_NE(second.find("Begeleiding<sup class=\"noot-verwijzing\"><span class=\"sr-only\"> "
                        "(noot </span>2<span"),
            std::string::npos);
  EXPECT_NE(second.find("<p class=\"noot\">2) Inclusief dagbesteding.</p>"), std::string::npos);
  EXPECT_NE(csv_of(run, "data/tabel-2.csv").find("Begeleiding (noot 2);120"), std::string::npos)
      << csv_of(run, "data/tabel-2.csv");
}

TEST(TableFormats, ARowNoteOnAMissingRowIsAnError) {
  SiteRun run = SiteBuilder()
                    .dataset("wmo/per-voorziening.csv", "personen",
                             "voorziening;2024-03-31\nBegeleiding;120\n")
                    .page("participatie.md", table_page("wmo/per-voorziening.csv",
                                                        "voetnoten:\n  Begeleidng: Regionaal.\n"))
                    .generate();
  EXPECT_FALSE(run.site);
  EXPECT_TRUE(
      run.has("content/2024-q1/participatie.md:10:3: fout: voetnoot bij 'Begeleidng', "
              "maar wmo/per-voorziening.csv heeft geen regel met die naam"))
      << run.messages();
}

TEST(TableFormats, ChartsUseTheDecimalsToo) {
  SiteRun run =
      SiteBuilder()
          .dataset("wmo/tevredenheid.csv", "cijfer", "jaar;rapportcijfer\n2023;2,83\n2024;2,91\n",
                   "    decimalen: 2\n")
          .page("participatie.md",
                "---\ntitel: Participatie\nvolgorde: 2\n---\n\n```grafiek\ntitel: Cijfer\ndata: "
                "wmo/tevredenheid.csv\nweergave: lijn\nsamenvatting: Het cijfer stijgt.\n```\n")
          .generate();
  ASSERT_TRUE(run.site) << run.messages();
  const std::string& html = run.file("participatie.html")->bytes;
  EXPECT_NE(html.find(">2,83<"), std::string::npos);
  EXPECT_NE(html.find("2.83"), std::string::npos);  // the value the chart draws
  EXPECT_NE(run.file("data/grafiek-1.csv")->bytes.find("2023;2,83"), std::string::npos);
}

}  // namespace
}  // namespace sdm::security
