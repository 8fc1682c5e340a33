// Every id on a page is there once: a heading never takes the id of a block or of the layout, so a
// link to #grafiek-1 or #inhoud (the skip link) lands where it should.

#include <gtest/gtest.h>

#include <map>
#include <regex>

#include "../security/site_fixture.h"

namespace sdm::security {
namespace {

TEST(PageIds, AHeadingTakesNoIdOfABlockOrOfTheLayout) {
  SiteRun run = SiteBuilder()
                    .page("wmo.md",
                          "---\ntitel: Wmo\nvolgorde: 2\n---\n\n## Inhoud\n\n## Grafiek 1\n\n"
                          "```grafiek\ntitel: Cliënten\ndata: wmo/clienten.csv\nweergave: lijn\n"
                          "```\n")
                    .generate();
  ASSERT_TRUE(run.site) << run.messages();
  const std::string& html = run.file("wmo.html")->bytes;
  std::map<std::string, int> count;
  static const std::regex id(R"re( id="([^"]+)")re");
  for (std::sregex_iterator m(html.begin(), html.end(), id), end; m != end; ++m)
    ++count[(*m)[1].str()];
  ASSERT_EQ(count["grafiek-1"], 1);
  ASSERT_EQ(count["inhoud"], 1);
  for (const auto& [name, n] : count) EXPECT_EQ(n, 1) << "id=\"" << name << "\"";
  EXPECT_NE(html.find("<h2 id=\"grafiek-1-2\">Grafiek 1</h2>"), std::string::npos);
}

}  // namespace
}  // namespace sdm::security
