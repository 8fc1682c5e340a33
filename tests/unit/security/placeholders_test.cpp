// A figure and a block stand where they were written in the parsed page (markdown/page_body.h),
// as text and as the rendered block; no stand-in is put in the text, so nothing an editor writes
// (such as the stand-ins an earlier version used) is taken for one. Companions of
// SecurityBug.FigureTextCannotInjectMarkdown and SecurityBug.BlockPlaceholderInTextIsLeftAlone.

#include <gtest/gtest.h>

#include "site_fixture.h"

namespace sdm::security {
namespace {

const std::string kText =
    "omschrijving;aantal;eenheid\nMantelzorgers;188;personen\nWeinig;4;personen\n"
    "Toelichting;*Zie* <b>toelichting</b> & `code`;tekst\n";

std::string page_html(const std::string& body) {
  SiteBuilder b;
  b.dataset("sociale-basis/mantelzorg.csv", "personen", kText);
  b.page("pagina.md", "---\ntitel: P\n---\n\n" + body);
  b.content_file("2024-q1/plaatje.png", tiny_png());  // the image some bodies show
  SiteRun run = b.generate();
  EXPECT_TRUE(run.site) << run.messages();
  if (!run.site) return {};
  const std::string& html = run.file("pagina.html")->bytes;
  size_t start = html.find("<main");
  return html.substr(start, html.find("</main>") - start);
}

TEST(Placeholders, FigureTextIsTextWhereverTheFigureStands) {
  const std::string ref = "{{ waarde sociale-basis/mantelzorg.csv \"Toelichting\" aantal }}";
  std::string html =
      page_html("## Kop " + ref + "\n\nIn `" + ref + "` en *" + ref + "*.\n\n| a |\n|---|\n| " +
                ref + " |\n\n![" + ref + "](plaatje.png)\n");
  const std::string escaped = "*Zie* &lt;b&gt;toelichting&lt;/b&gt; &amp; `code`";
  // In a heading (whose id is made from the text as read, '<' and '>' between words), a code
  // span, emphasis, a table cell.
  EXPECT_NE(html.find("<h2 id=\"kop-zie-b-toelichting-b-code\">Kop " + escaped + "</h2>"),
            std::string::npos)
      << html;
  EXPECT_NE(html.find("<code>" + escaped + "</code>"), std::string::npos) << html;
  EXPECT_NE(html.find("<em>" + escaped + "</em>"), std::string::npos) << html;
  EXPECT_NE(html.find("<td>" + escaped + "</td>"), std::string::npos) << html;
  EXPECT_NE(html.find("alt=\"" + escaped), std::string::npos) << html;
  EXPECT_EQ(html.find("SDMONITOR"), std::string::npos) << html;
  EXPECT_EQ(html.find("<b>"), std::string::npos) << html;
}

TEST(Placeholders, SmallNumbersStayHidden) {
  std::string html =
      page_html("Er zijn {{ waarde sociale-basis/mantelzorg.csv Weinig aantal }} aanvragen.\n");
  EXPECT_NE(html.find("Er zijn &lt;10 aanvragen."), std::string::npos) << html;
}

TEST(Placeholders, TextThatLooksLikeAPlaceholderIsLeftAlone) {
  // What once was a figure's placeholder stays text, and the real figure stands where it was
  // written.
  std::string html = page_html(
      "SDMONITORCIJFER0000000000000000N0X SDMONITORCIJFERN0X en "
      "{{ waarde sociale-basis/mantelzorg.csv Mantelzorgers aantal }}.\n");
  EXPECT_NE(html.find("<p>SDMONITORCIJFER0000000000000000N0X SDMONITORCIJFERN0X en 188.</p>"),
            std::string::npos)
      << html;
}

TEST(Placeholders, BlockTokenCannotBeWritten) {
  // What once was a block's token stays text, before the block. A page with the byte 0xFF is
  // read as Windows-1252 (0xFF is 'ÿ').
  std::string html = page_html(
      "\xFFSDMONITORBLOK0X &#xFF;SDMONITORBLOK0X\n\n```grafiek\ntitel: C\ndata: "
      "wmo/clienten.csv\nweergave: lijn\n```\n");
  EXPECT_NE(html.find("<p>\xC3\xBFSDMONITORBLOK0X \xC3\xBFSDMONITORBLOK0X</p>"), std::string::npos)
      << html;
  EXPECT_LT(html.find("SDMONITORBLOK0X"), html.find("<figure")) << html;
  EXPECT_EQ(html.find('\xFF'), std::string::npos);
}

TEST(Placeholders, PrintStylesheetEscapesControlCharacters) {
  SiteBuilder b;
  b.header(
      "gemeente: \"Test\\u2028stad\\f\\t\\u007f\\\\\\\"\"\ntitel: Monitor\neditie: E\n"
      "peildatum: 2024-03-31\n");
  SiteRun run = b.generate();
  ASSERT_TRUE(run.site) << run.messages();
  const std::string& css = run.file("afdruk.css")->bytes;
  EXPECT_NE(css.find("content: \"Monitor Test\\2028 stad\\c \\9 \\7f \\\\\\\" · E · peildatum"),
            std::string::npos)
      << css;
}

}  // namespace
}  // namespace sdm::security
