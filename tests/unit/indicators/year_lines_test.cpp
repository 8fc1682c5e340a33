// `weergave: jaarlijnen` with two columns (realisatie and verplichtingen; here Totaal and
// Begeleiding): a line per year for each, where the second column was dropped without a word.

#include <gtest/gtest.h>

#include "../security/site_fixture.h"

namespace sdm::security {
namespace {

SiteRun year_lines(const std::string& columns) {
  return SiteBuilder()
      .dataset("jeugd/lasten.csv", "euro", SiteBuilder::clienten_csv())
      .page("jeugd.md",
            "---\ntitel: Jeugd\nvolgorde: 2\n---\n\n```grafiek\ntitel: Lasten Jeugd\n"
            "data: jeugd/lasten.csv\nweergave: jaarlijnen\n" +
                columns + "samenvatting: De lasten.\n```\n")
      .generate();
}

TEST(YearLines, EachColumnHasALinePerYear) {
  SiteRun run = year_lines("kolommen: [Totaal, Begeleiding]\n");
  ASSERT_TRUE(run.site) << run.messages();
  const std::string& html = run.file("jeugd.html")->bytes;
  for (const char* head :
       {"<th scope=\"col\">2023</th>", "<th scope=\"col\">2024</th>",
        "<th scope=\"col\">2023 · Begeleiding</th>", "<th scope=\"col\">2024 · Begeleiding</th>"})
    EXPECT_NE(html.find(head), std::string::npos) << head;
  // March 2024 of the second column (390 + 14) is in the table.
  EXPECT_NE(html.find("€\u00a0404"), std::string::npos);
  EXPECT_NE(run.file("data/grafiek-1.csv")->bytes.find("2024 · Begeleiding"), std::string::npos);
}

TEST(YearLines, WithoutKolommenTheFirstColumnAsBefore) {
  SiteRun run = year_lines("");
  ASSERT_TRUE(run.site) << run.messages();
  EXPECT_EQ(run.file("jeugd.html")->bytes.find("Begeleiding"), std::string::npos);
}

// Realisatie up to the peildatum (March 2024), verplichtingen for the whole of 2024.
std::string with_commitments() {
  std::string csv = "maand;realisatie;verplichtingen\n";
  for (int month = 1; month <= 12; ++month) {
    const std::string m = (month < 10 ? "2024-0" : "2024-") + std::to_string(month);
    csv += m + ";" + (month <= 3 ? std::to_string(500000 + month) : "") + ";" +
           std::to_string(80000 + month) + "\n";
  }
  return csv;
}

const char kYearLines[] =
    "---\ntitel: Jeugd\nvolgorde: 2\n---\n\n```grafiek\ntitel: Lasten Jeugd\ndata: "
    "jeugd/lasten.csv\nweergave: jaarlijnen\nkolommen: [realisatie, verplichtingen]\n"
    "samenvatting: De lasten.\n```\n";

TEST(YearLines, FiguresAfterThePeildatumWhereTheColumnSaysSo) {
  SiteRun run = SiteBuilder()
                    .dataset("jeugd/lasten.csv", "euro", with_commitments(),
                             "    kolommen:\n      verplichtingen: { na-peildatum: ja }\n")
                    .page("jeugd.md", kYearLines)
                    .generate();
  ASSERT_TRUE(run.site) << run.messages();
  // December's commitment is drawn.
  EXPECT_NE(run.file("jeugd.html")->bytes.find("€\u00a080.012"), std::string::npos);
}

TEST(YearLines, FiguresAfterThePeildatumElsewhereAreStillAnError) {
  std::string csv = with_commitments();
  csv.replace(csv.find("2024-04;;"), 9, "2024-04;7;");
  SiteRun run = SiteBuilder()
                    .dataset("jeugd/lasten.csv", "euro", csv,
                             "    kolommen:\n      verplichtingen: { na-peildatum: ja }\n")
                    .page("jeugd.md", kYearLines)
                    .generate();
  EXPECT_FALSE(run.site);
  EXPECT_TRUE(
      run.has("content/2024-q1/data/jeugd/lasten.csv:5:1: fout: periode apr 2024 ligt na "
              "de peildatum 31 maart 2024"))
      << run.messages();
}

TEST(YearLines, NoLastFigureOfAColumnThatRunsOn) {
  SiteRun run =
      SiteBuilder()
          .dataset("jeugd/lasten.csv", "euro", with_commitments(),
                   "    kolommen:\n      verplichtingen: { na-peildatum: ja }\n")
          .page("jeugd.md", std::string(kYearLines) +
                                "\nVerplicht: {{ laatste jeugd/lasten.csv verplichtingen }}.\n")
          .generate();
  EXPECT_FALSE(run.site);
  EXPECT_NE(run.messages().find("fout: kolom 'verplichtingen' van jeugd/lasten.csv loopt door na "
                                "de peildatum"),
            std::string::npos)
      << run.messages();
}

}  // namespace
}  // namespace sdm::security
