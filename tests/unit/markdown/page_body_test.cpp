#include "markdown/page_body.h"

#include <gtest/gtest.h>

#include <string>

namespace sdm {
namespace {

// The page `markdown` rendered with `parts`; `references` as load finds them.
std::string body_html(const std::string& markdown, const BodyParts& parts,
                      const std::vector<std::string>& references = {}) {
  PageBody body(MarkdownDocument(markdown), references,
                [](cmark_node*) { ADD_FAILURE() << "unknown figure reference"; });
  return body.html(parts);
}

TEST(PageBody, HeadingTakesNoIdOfABlock) {
  BodyParts parts;
  parts.blocks = {"<figure class=\"tabel\" id=\"tabel-1\"></figure>"};
  parts.taken_ids = {"tabel-1"};
  EXPECT_EQ(body_html("## Tabel 1\n\n```tabel\ndata: a.csv\n```\n\n### Tabel *1*\n", parts),
            "<h2 id=\"tabel-1-2\">Tabel 1</h2>\n<figure class=\"tabel\" id=\"tabel-1\"></figure>\n"
            "<h3 id=\"tabel-1-3\">Tabel <em>1</em></h3>\n");
}

TEST(PageBody, TitleKeepsItsTagAndHeadingIdComesFromTheFigure) {
  BodyParts parts;
  parts.figures = {"1.234"};
  EXPECT_EQ(
      body_html("# Titel\n\n## {{ laatste a.csv }} cliënten\n", parts, {"{{ laatste a.csv }}"}),
      "<h1>Titel</h1>\n<h2 id=\"1-234-clienten\">1.234 cliënten</h2>\n");
}

TEST(PageBody, ImageGetsItsAttributes) {
  BodyParts parts;
  std::string asked;
  parts.image_attributes = [&](const std::string& path) {
    asked += path + ";";
    return std::string(path == "mijn kaart.png" ? "width=\"640\" height=\"480\" " : "") +
           "loading=\"lazy\"";
  };
  EXPECT_EQ(body_html("![Kaart *van* de\ndorpen](mijn%20kaart.png \"Een \\\"titel\\\"\") en "
                      "![](x&y.png)\n",
                      parts),
            "<p><img src=\"mijn%20kaart.png\" alt=\"Kaart van de dorpen\" title=\"Een "
            "&quot;titel&quot;\" width=\"640\" height=\"480\" loading=\"lazy\" /> en <img "
            "src=\"x&amp;y.png\" alt=\"\" loading=\"lazy\" /></p>\n");
  EXPECT_EQ(asked, "mijn kaart.png;x&y.png;");
}

TEST(PageBody, FigureInEmphasisLinkAndCodeIsText) {
  BodyParts parts;
  parts.figures = {"<b>12</b>", "3 & 4"};
  const std::vector<std::string> references = {"{{ laatste a.csv }}",
                                               "{{ waarde a.csv \"x & y\" Totaal }}"};
  EXPECT_EQ(body_html("*{{ laatste a.csv }}* [ja {{ waarde a.csv \"x & y\"\n  Totaal }}](b.html) "
                      "`{{ laatste a.csv }}`\n",
                      parts, references),
            "<p><em>&lt;b&gt;12&lt;/b&gt;</em> <a href=\"b.html\">ja 3 &amp; 4</a> "
            "<code>&lt;b&gt;12&lt;/b&gt;</code></p>\n");
}

TEST(PageBody, ReferenceWithFormattingInsideIsReported) {
  int unknown = 0;
  PageBody body(MarkdownDocument("Er zijn {{ laatste *a*.csv }} cliënten.\n"),
                {"{{ laatste *a*.csv }}"}, [&](cmark_node*) { ++unknown; });
  EXPECT_EQ(unknown, 1);
}

TEST(PageBody, BlockInListItemAndQuoteIsRendered) {
  BodyParts parts;
  parts.blocks = {"<figure>1</figure>", "<figure>2</figure>"};
  EXPECT_EQ(body_html("- punt\n  ```grafiek\n  data: a.csv\n  ```\n- ander punt\n\n"
                      "> ```kerncijfers\n> - titel: x\n> ```\n",
                      parts),
            "<ul>\n<li>punt\n<figure>1</figure>\n</li>\n<li>ander punt</li>\n</ul>\n"
            "<blockquote>\n<figure>2</figure>\n</blockquote>\n");
}

TEST(PageBody, FootnoteBackLinkIsDutchAndRenderingTwiceGivesTheSame) {
  PageBody body(MarkdownDocument("Tekst[^1]\n\n[^1]: Noot.\n"), {}, [](cmark_node*) {});
  const std::string html = body.html({});
  EXPECT_NE(html.find("aria-label=\"Terug naar de tekst\""), std::string::npos) << html;
  EXPECT_EQ(html.find("Back to content"), std::string::npos);
  EXPECT_EQ(body.html({}), html);
}

// An address is written as cmark-gfm writes a link's.
TEST(PageBody, AddressIsEscapedAsCmarkDoes) {
  for (int c = 0x21; c < 0x7F; ++c) {
    if (c == '<' || c == '>' || c == '\\') continue;
    const std::string url = std::string("a") + static_cast<char>(c) + "b\xC3\xA9";
    const std::string html = MarkdownDocument("[x](<" + url + ">)").to_html();
    EXPECT_NE(html.find("href=\"" + escape_href(url) + "\""), std::string::npos)
        << html << " for " << static_cast<char>(c);
  }
}

}  // namespace
}  // namespace sdm
