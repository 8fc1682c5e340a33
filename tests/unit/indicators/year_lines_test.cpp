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

}  // namespace
}  // namespace sdm::security
