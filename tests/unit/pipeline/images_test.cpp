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
  EXPECT_NE(run.file("wmo.html")
                ->bytes.find(
                    "<img src=\"kaart.svg\" alt=\"Kaart van de wijken\" width=\"1\" height=\"1\" "
                    "loading=\"lazy\" decoding=\"async\" />"),
            std::string::npos);
  // The printed document loads every image at once.
  const std::string& print = run.file("afdrukken.html")->bytes;
  EXPECT_NE(print.find("height=\"1\" decoding=\"async\" />"), std::string::npos);
  EXPECT_EQ(print.find("loading="), std::string::npos);
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

TEST(Images, UnreadableImageIsAnErrorAtTheReference) {
  SiteRun run =
      SiteBuilder()
          .content_file("2024-q1/kaart.png", "geen afbeelding")
          .page("wmo.md", "---\ntitel: Wmo\nvolgorde: 2\n---\n\nZie: ![Kaart](kaart.png)\n")
          .generate();
  EXPECT_FALSE(run.site);
  EXPECT_TRUE(
      run.has("content/2024-q1/wmo.md:6:6: fout: afbeelding 'kaart.png' is beschadigd of "
              "heeft een onbekend formaat"))
      << run.messages();
}

TEST(Images, SvgUnderAnotherExtensionIsAnError) {
  SiteRun run = SiteBuilder()
                    .content_file("2024-q1/kaart.png", kSvg)
                    .content_file("2024-q1/foto.svg", tiny_png())
                    .page("wmo.md",
                          "---\ntitel: Wmo\nvolgorde: 2\n---\n\n![Kaart](kaart.png)\n\n"
                          "![Foto](foto.svg)\n")
                    .generate();
  EXPECT_FALSE(run.site);
  EXPECT_EQ(run.messages(),
            "content/2024-q1/wmo.md:6:1: fout: afbeelding 'kaart.png' is een SVG-bestand, maar de "
            "naam zegt iets anders\n  tip: geef het bestand de extensie .svg\n"
            "content/2024-q1/wmo.md:8:1: fout: afbeelding 'foto.svg' is geen SVG-bestand, maar de "
            "naam zegt iets anders\n  tip: geef het bestand de extensie van zijn formaat, zoals "
            ".png of .jpg\n");
}

TEST(Images, LargeImageIsAWarningAndStillPublished) {
  std::string wide = tiny_png();
  wide[18] = '\x0B';  // width 0x0B01 = 2817 pixels
  SiteRun run =
      SiteBuilder()
          .content_file("2024-q1/foto.png", wide)
          .page("wmo.md", "---\ntitel: Wmo\nvolgorde: 2\n---\n\n![Foto van de markt](foto.png)\n")
          .generate();
  ASSERT_TRUE(run.site) << run.messages();
  EXPECT_EQ(run.messages(),
            "content/2024-q1/wmo.md:6:1: waarschuwing: afbeelding 'foto.png' is erg groot (0,0 MB, "
            "2.817 × 1 pixels)\n  tip: verklein hem tot hoogstens 2400 pixels breed en 1 MB; dan "
            "laadt de pagina ook op een telefoon snel\n");
  EXPECT_NE(run.file("wmo.html")->bytes.find("width=\"2817\" height=\"1\""), std::string::npos);
}

TEST(Images, ImageWithoutDescriptionIsAnError) {
  SiteRun run = SiteBuilder()
                    .content_file("2024-q1/kaart.svg", kSvg)
                    .page("wmo.md", "---\ntitel: Wmo\nvolgorde: 2\n---\n\n![ ](kaart.svg)\n")
                    .generate();
  EXPECT_FALSE(run.site);
  EXPECT_TRUE(
      run.has("content/2024-q1/wmo.md:6:1: fout: afbeelding 'kaart.svg' heeft geen beschrijving"))
      << run.messages();
}

}  // namespace
}  // namespace sdm::security
