#include "load/page_spec.h"

#include <gtest/gtest.h>

#include "markdown/page_body.h"

namespace sdm {
namespace {

// The page body starts on line 5, after a three-line front matter and a blank line.
Page page(const std::string& markdown) {
  Page p;
  p.slug = "p";
  p.file = "p.md";
  p.title = "P";
  p.short_title = "P";
  p.body_line = 5;
  p.markdown = markdown;
  return p;
}

std::string messages(const std::string& markdown) {
  Diagnostics d;
  read_page_spec(page(markdown), d);
  return format_diagnostics(d);
}

TEST(PageSpec, TileLinksAreCheckedLikeLinksInTheText) {
  const std::string tiles =
      "```kerncijfers\n- titel: A\n  data: a.csv\n  link: javascript:alert(1)\n"
      "- titel: B\n  data: a.csv\n  link: //evil.example/\n"
      "- titel: C\n  data: a.csv\n  link: wmo.html#lasten\n"
      "- titel: D\n  data: a.csv\n  link: https://www.rijksoverheid.nl/\n```\n";
  EXPECT_EQ(messages(tiles),
            "p.md:8:9: fout: link 'javascript:alert(1)' is niet toegestaan\n  tip: gebruik een "
            "relatieve link, #anker, https: of mailto:\n"
            "p.md:11:9: fout: link '//evil.example/' is niet toegestaan\n  tip: gebruik een "
            "relatieve link, #anker, https: of mailto:\n");
}

// A misspelt dataset or column of a tile was reported at the item's first line.
TEST(PageSpec, ATileKnowsTheLinesOfItsDataAndColumn) {
  Diagnostics d;
  PageSpec spec = read_page_spec(
      page("```kerncijfers\n- titel: A\n  data: a.csv\n  kolom: Totaal\n- titel: B\n  data: "
           "b.csv\n```\n"),
      d);
  ASSERT_EQ(spec.directives.size(), 1u);
  const auto& tiles = std::get<TilesSpec>(spec.directives.front()).tiles;
  ASSERT_EQ(tiles.size(), 2u);
  EXPECT_EQ(tiles[0].where.line, 6);
  EXPECT_EQ(tiles[0].data_where.line, 7);
  EXPECT_EQ(tiles[0].data_where.column, 9);
  EXPECT_EQ(tiles[0].column_where.line, 8);
  EXPECT_EQ(tiles[1].column_where.line, 9);  // no kolom: the item
}

TEST(PageSpec, ImagesStayInTheEditionFolder) {
  const std::string refused[] = {"/plaatjes/logo.png", "%2e%2e/geheim.png",     "%2E%2E/geheim.png",
                                 "plaatjes\\logo.png", "%2fplaatjes/a.png",     "%5c%5cevil/a.png",
                                 "a/.%2e/b.png",       "javascript%3aalert(1)", "<%20/abs.png>"};
  for (const auto& url : refused) {
    std::string text = messages("![x](" + url + ")\n");
    EXPECT_NE(text.find("p.md:5:1: fout: afbeelding '"), std::string::npos) << url << "\n" << text;
  }
  for (const char* url : {"plaatjes/grafiek.png", "grafiek.png", "plaatjes/mijn%20foto.png"})
    EXPECT_EQ(messages(std::string("![x](") + url + ")\n"), "") << url;
}

TEST(PageSpec, ColumnsCountCharactersNotBytes) {
  // "Cliënt <b>" : '<' is the 8th character and the 9th byte.
  std::string text = messages("Cliënt <b>vet</b> en €.\n\n> Een ë <i>x</i>\n");
  EXPECT_NE(text.find("p.md:5:8: fout: HTML is niet toegestaan"), std::string::npos) << text;
  EXPECT_NE(text.find("p.md:5:14: fout: HTML is niet toegestaan"), std::string::npos) << text;
  EXPECT_NE(text.find("p.md:7:9: fout: HTML is niet toegestaan"), std::string::npos) << text;
}

TEST(PageSpec, FigureCannotBeALinkAddress) {
  EXPECT_EQ(messages("[a](<{{ waarde a.csv \"x\" y }}>) en [b](b.html \"{{ laatste a.csv }}\")\n"),
            "p.md:5:1: fout: een verwijzing naar een cijfer kan niet in het adres of de titel van "
            "een link of afbeelding staan\n  tip: zet de verwijzing in de tekst, bijvoorbeeld [{{ "
            "laatste wmo/clienten.csv Totaal }} cliënten](wmo.html)\n"
            "p.md:5:36: fout: een verwijzing naar een cijfer kan niet in het adres of de titel van "
            "een link of afbeelding staan\n  tip: zet de verwijzing in de tekst, bijvoorbeeld [{{ "
            "laatste wmo/clienten.csv Totaal }} cliënten](wmo.html)\n");
  // In the text of a link it is text, like anywhere else.
  EXPECT_EQ(messages("[{{ laatste a.csv }} cliënten](wmo.html)\n"), "");
}

TEST(PageSpec, BlockSettingGivenTwiceIsAnError) {
  EXPECT_EQ(messages("```grafiek\ntitel: A\ndata: a.csv\nweergave: lijn\ndata: b.csv\n```\n"),
            "p.md:9:1: fout: instelling 'data' komt twee keer voor\n  tip: laat één regel 'data: "
            "…' staan\n");
}

TEST(PageSpec, RequiredBlockSettingMayNotBeBlank) {
  EXPECT_EQ(messages("```grafiek\ntitel: \"\"\ndata: a.csv\nweergave: lijn\n```\n"),
            "p.md:6:8: fout: instelling 'titel' is leeg\n  tip: vul een waarde in na 'titel:'\n");
}

}  // namespace
}  // namespace sdm

namespace sdm {
namespace {

// cmark ends lines at "\n", "\r\n" and a lone "\r"; columns count characters, not bytes.
TEST(PageSpec, LocationsFollowEveryKindOfLineEnd) {
  std::string out = messages("a\r\n\r\nb\r\rdrie \xC3\xA9\xC3\xA9n [x](javascript:a)\n");
  EXPECT_EQ(out.rfind("p.md:9:10: fout: link 'javascript:a'", 0), 0u) << out;
}

// Render finds a figure in the parsed text; one with formatting inside is not one there and
// would show as written.
TEST(PageSpec, AFigureReferenceWithFormattingInsideIsAnError) {
  Diagnostics d;
  std::shared_ptr<PageBody> body;
  read_page_spec(page("Tekst.\n\nEr zijn {{ laatste *wmo*.csv }} en {{ laatste\n  wmo.csv }}.\n"),
                 d, &body);
  ASSERT_TRUE(body);
  EXPECT_EQ(format_diagnostics(d),
            "p.md:7:1: fout: deze verwijzing naar een cijfer heeft opmaak, een \\-teken of een "
            "&-code erin en wordt niet herkend\n  tip: schrijf de verwijzing als gewone tekst, "
            "zoals {{ laatste wmo/clienten.csv Totaal }}; opmaak kan eromheen: **{{ … }}**\n");
}

}  // namespace
}  // namespace sdm
