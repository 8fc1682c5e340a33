// Hostile pages (tests/hostile/markdown/): raw HTML, links to other schemes, remote and
// traversing images, broken front matter and blocks. Each is refused with a Dutch message at the
// right file:line:column.

#include <gtest/gtest.h>

#include "site_fixture.h"

namespace sdm::security {
namespace {

const std::string kPage = "content/2024-q1/pagina.md";

SiteRun with_page(const std::string& fixture) {
  SiteBuilder b;
  b.page("pagina.md", hostile("markdown/" + fixture));
  // The one local image the fixtures show (images.md line 18) exists, as an editor would have it.
  b.content_file("2024-q1/plaatjes/grafiek.png", tiny_png());
  return b.generate();
}

std::vector<int> error_lines(const SiteRun& run, const std::string& file) {
  std::vector<int> lines;
  for (const auto& d : run.diagnostics.items())
    if (d.severity == Severity::Error && d.where.file == file) lines.push_back(d.where.line);
  std::sort(lines.begin(), lines.end());
  return lines;
}

TEST(HostileMarkdown, RawHtmlIsRefused) {
  SiteRun run = with_page("raw-html.md");
  EXPECT_FALSE(run.site);
  EXPECT_TRUE(run.has(kPage + ":10:1: fout: HTML is niet toegestaan in de tekst"))
      << run.messages();  // <script>
  EXPECT_TRUE(run.has(kPage + ":12:13: fout: HTML is niet toegestaan in de tekst"))
      << run.messages();  // <img onerror>
  EXPECT_TRUE(run.has(kPage + ":14:1: fout: HTML is niet toegestaan in de tekst"))
      << run.messages();  // <iframe>
  // Line 16 has <b> and </b>; their columns are checked in
  // SecurityBug.MarkdownColumnsCountCharacters.
  EXPECT_EQ(error_lines(run, kPage), (std::vector<int>{10, 12, 14, 16, 16})) << run.messages();
}

TEST(HostileMarkdown, LinksToOtherSchemesAreRefused) {
  SiteBuilder b;
  b.page("pagina.md", hostile("markdown/links.md"));
  b.page("wmo.md", "---\ntitel: Wmo\nvolgorde: 2\n---\n\nDe Wmo.\n");  // line 26 links to it
  SiteRun run = b.generate();
  EXPECT_FALSE(run.site);
  EXPECT_TRUE(run.has(kPage + ":6:1: fout: link 'javascript:alert(1)' is niet toegestaan"))
      << run.messages();
  EXPECT_TRUE(
      run.has(kPage +
              ":8:1: fout: link 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==' is "
              "niet toegestaan"))
      << run.messages();
  EXPECT_TRUE(run.has(kPage + ":10:1: fout: link 'vbscript:msgbox(1)' is niet toegestaan"))
      << run.messages();
  // javascript&#58; is decoded before the check; so are case tricks, autolinks and reference links.
  EXPECT_TRUE(run.has(kPage + ":12:1: fout: link 'javascript:alert(1)' is niet toegestaan"))
      << run.messages();
  EXPECT_TRUE(run.has(kPage + ":14:1: fout: link 'JaVaScRiPt:alert(1)' is niet toegestaan"))
      << run.messages();
  EXPECT_TRUE(run.has(kPage + ":16:1: fout: link 'javascript:alert(1)' is niet toegestaan"))
      << run.messages();
  EXPECT_TRUE(run.has(kPage + ":18:1: fout: link 'javascript:alert(1)' is niet toegestaan"))
      << run.messages();
  EXPECT_TRUE(run.has(kPage + ":22:1: fout: link '//evil.example/pad' is niet toegestaan"))
      << run.messages();
  EXPECT_TRUE(run.has(kPage + ":24:1: fout: link 'http://example.nl/' is niet toegestaan"))
      << run.messages();
  // Line 26: relative, #anchor, https:, mailto: and ../ are all fine.
  EXPECT_EQ(error_lines(run, kPage), (std::vector<int>{6, 8, 10, 12, 14, 16, 18, 22, 24}))
      << run.messages();
  const auto& tip = run.diagnostics.items().front().hint;
  EXPECT_EQ(tip, "gebruik een relatieve link, #anker, https: of mailto:");
}

TEST(HostileMarkdown, RemoteAndTraversingImagesAreRefused) {
  SiteRun run = with_page("images.md");
  EXPECT_FALSE(run.site);
  EXPECT_TRUE(run.has(
      kPage +
      ":6:1: fout: afbeelding 'https://tracker.example/pixel.png' staat niet in de editiemap"))
      << run.messages();
  EXPECT_TRUE(run.has(
      kPage + ":10:1: fout: afbeelding '//tracker.example/pixel.png' staat niet in de editiemap"))
      << run.messages();
  EXPECT_TRUE(
      run.has(kPage + ":14:1: fout: afbeelding '../../geheim.png' staat niet in de editiemap"))
      << run.messages();
  // http:, data: and a '..' further down the path too; the local image on line 18 is fine.
  EXPECT_EQ(error_lines(run, kPage), (std::vector<int>{6, 8, 10, 12, 14, 16})) << run.messages();
}

TEST(HostileMarkdown, BrokenFrontMatter) {
  SiteRun open = with_page("front-matter-not-closed.md");
  EXPECT_FALSE(open.site);
  EXPECT_TRUE(open.has(kPage + ":1:1: fout: de gegevens bovenaan worden niet afgesloten met '---'"))
      << open.messages();

  SiteRun missing = with_page("front-matter-missing.md");
  EXPECT_FALSE(missing.site);
  EXPECT_TRUE(
      missing.has(kPage + ":1:1: fout: de pagina begint niet met gegevens tussen '---'-regels"))
      << missing.messages();
}

TEST(HostileMarkdown, BrokenBlocksAndReferences) {
  SiteRun run = with_page("bad-blocks.md");
  EXPECT_FALSE(run.site);
  EXPECT_TRUE(run.has(kPage + ":9:11: fout: onbekende weergave 'taart'")) << run.messages();
  EXPECT_TRUE(run.error_at(kPage, 14, 1))
      << run.messages();  // YAML: unclosed '[' (reported at the block end)
  EXPECT_TRUE(run.has(kPage + ":16:1: fout: kerncijfers moeten een lijst zijn")) << run.messages();
  EXPECT_TRUE(
      run.has(kPage + ":20:12: fout: verwijzing naar een cijfer wordt niet afgesloten met '}}'"))
      << run.messages();
  EXPECT_TRUE(run.has(kPage + ":23:4: fout: 'jaartotaal' heeft een jaar nodig")) << run.messages();
}

TEST(HostileMarkdown, TitlesWithQuotesAmpersandsAndTagsAreEscaped) {
  SiteRun run = with_page("titles.md");
  ASSERT_TRUE(run.site) << run.messages();
  const std::string& html = run.file("pagina.html")->bytes;
  for (const auto* f : run.html_files()) expect_inert(f->path, f->bytes);
  EXPECT_EQ(html.find("<b>vet</b>"), std::string::npos);
  EXPECT_EQ(html.find("</title><script>"), std::string::npos);
  EXPECT_NE(html.find("<h1>Jeugd &amp; &quot;zorg&quot; &lt;b&gt;vet"), std::string::npos) << html;
  EXPECT_NE(html.find(">Jeugd &amp; &lt;zorg&gt;</a>"), std::string::npos) << "menu-item (kort)";
  EXPECT_NE(html.find("<code>&lt;script&gt;alert(1)&lt;/script&gt;</code>"), std::string::npos);
  EXPECT_NE(html.find("javascript:alert(1) als\ngewone tekst"), std::string::npos)
      << "tekst, geen link";
}

// Every hostile page, as a chapter or as the index: a site or errors, never a crash.
TEST(HostileMarkdown, NoPageCrashesTheBuild) {
  for (const auto& file : files_below(source_dir() + "/tests/hostile/markdown")) {
    for (const char* name : {"pagina.md", "index.md"}) {
      SCOPED_TRACE(file + " als " + name);
      SiteBuilder b;
      b.page(name, hostile("markdown/" + file));
      SiteRun run = b.generate();
      EXPECT_NE(run.site.has_value(), run.diagnostics.has_errors()) << run.messages();
    }
  }
}

}  // namespace
}  // namespace sdm::security
