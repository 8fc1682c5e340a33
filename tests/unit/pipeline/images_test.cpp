// Images an editor puts beside the pages are published with the site; a missing one is named.

#include <gtest/gtest.h>

#include "../security/site_fixture.h"

namespace sdm::security {
namespace {

const char kSvg[] = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"/>";

TEST(Images, LocalImageIsCopiedBesideThePage) {
  SiteRun run =
      SiteBuilder()
          .content_file("2024-q1/kaart.svg", kSvg)
          .page("wmo.md",
                "---\ntitel: Wmo\nvolgorde: 2\n---\n\n![Kaart van de wijken](kaart.svg)\n")
          .generate();
  ASSERT_TRUE(run.site) << run.messages();
  ASSERT_NE(run.file("kaart.svg"), nullptr);
  EXPECT_EQ(run.file("kaart.svg")->bytes, kSvg);
  EXPECT_NE(run.file("wmo.html")->bytes.find("<img src=\"kaart.svg\" alt=\"Kaart van de wijken\""),
            std::string::npos);
}

TEST(Images, MissingImageIsAnErrorWithASuggestion) {
  SiteRun run = SiteBuilder()
                    .content_file("2024-q1/kaart.svg", kSvg)
                    .page("wmo.md", "---\ntitel: Wmo\nvolgorde: 2\n---\n\n![Kaart](kaaart.svg)\n")
                    .generate();
  EXPECT_FALSE(run.site);
  EXPECT_TRUE(
      run.has("content/2024-q1/wmo.md:6:1: fout: afbeelding 'kaaart.svg' bestaat niet in de "
              "editiemap"))
      << run.messages();
}

}  // namespace
}  // namespace sdm::security
