// Bugs found while hardening, each as a test. A new bug goes in as DISABLED_ so that `make test`
// stays green until the fix lands (run it with --gtest_also_run_disabled_tests
// --gtest_filter='SecurityBug.*'), and the fix drops the prefix. All of these are fixed; each
// comment says what was wrong and how it was (to be) fixed.

#include <gtest/gtest.h>

#include <cstdlib>

#include "load/load_edition.h"
#include "site_fixture.h"

namespace sdm::security {
namespace {

const std::string kCsv = "content/2024-q1/data/test/x.csv";
const std::string kPage = "content/2024-q1/pagina.md";

bool any_href_with_scheme(const SiteRun& run, const std::string& scheme) {
  for (const auto* f : run.html_files())
    for (const auto& tag : tags_of(f->bytes))
      for (const auto& [name, value] : tag.attributes)
        if (name == "href" && scheme_of(decode_attribute(value)) == scheme) return true;
  return false;
}

// XSS. A kerncijfer's `link:` is never checked (read_tiles/check_edition) and goes straight into
// <a href="{{href}}"> (page_model.cpp tiles_block), so `link: javascript:alert(1)` runs script.
// Fix: in load/page_spec.cpp read_tiles, after reading tile.link:
//   if (!tile.link.empty() && !allowed_link(tile.link))
//     diagnostics.error(source.at(item["link"]), "link '" + tile.link + "' is niet toegestaan",
//                       "gebruik een relatieve link, #anker, https: of mailto:");
// (allowed_link is the function the Markdown links already use.)
TEST(SecurityBug, TileLinkToJavascriptIsRefused) {
  SiteBuilder b;
  b.page("index.md", hostile("markdown/tile-javascript-link.md"));
  SiteRun run = b.generate();
  EXPECT_TRUE(
      run.has("content/2024-q1/index.md:10:9: fout: link 'javascript:alert(1)' is niet toegestaan"))
      << run.messages();
  EXPECT_FALSE(any_href_with_scheme(run, "javascript"));
}

// XSS. A page's file name becomes its menu link unchanged (page_model.cpp: other.slug + ".html"),
// so content/2024-q1/javascript:alert(1).md gives <a href="javascript:alert(1).html"> on every
// page. Fix: in load/load_edition.cpp load_edition, refuse page names that are not
// [a-z0-9][a-z0-9-]*.md:
//   diagnostics.error({path, 0, 0}, "ongeldige bestandsnaam '" + rel + "'",
//                     "gebruik alleen kleine letters, cijfers en '-', bijvoorbeeld
//                     sociale-basis.md");
TEST(SecurityBug, PageFileNameCannotBecomeAScriptLink) {
  SiteBuilder b;
  b.page("javascript:alert(1).md", "---\ntitel: X\n---\n\nTekst\n");
  SiteRun run = b.generate();
  EXPECT_TRUE(
      run.has("content/2024-q1/javascript:alert(1).md: fout: ongeldige bestandsnaam "
              "'javascript:alert(1).md'"))
      << run.messages();
  EXPECT_FALSE(any_href_with_scheme(run, "javascript"));
}

// XSS. An edition folder's name becomes the edition menu link on the newest edition's pages
// (site_model.cpp site_info: id + "/", page_model.cpp: root + dir + "index.html"), so a folder
// content/javascript:alert(1)/ gives href="javascript:alert(1)/index.html", which a browser
// runs. Fix: in load/load_edition.cpp load_editions, refuse folder names that are not
// [0-9a-z][0-9a-z-]* (e.g. 2024-q1):
//   diagnostics.error({join_path(dir, "editie.yaml"), 0, 0}, "ongeldige mapnaam '" + name + "'",
//                     "noem de map naar de editie, bijvoorbeeld 2024-q1");
TEST(SecurityBug, EditionFolderNameCannotBecomeAScriptLink) {
  SiteBuilder b;
  b.content_file("javascript:alert(1)/editie.yaml",
                 "gemeente: Teststad\ntitel: Monitor\neditie: oud\npeildatum: 2023-12-31\n"
                 "data:\n  wmo/clienten.csv:\n    eenheid: personen\n");
  b.content_file("javascript:alert(1)/index.md", "---\ntitel: Oud\n---\n\nTekst\n");
  b.content_file("javascript:alert(1)/data/wmo/clienten.csv", "maand;Totaal\n2023-12;1700\n");
  SiteRun run = b.generate();
  EXPECT_TRUE(run.has(
      "content/javascript:alert(1)/editie.yaml: fout: ongeldige mapnaam 'javascript:alert(1)'"))
      << run.messages();
  EXPECT_FALSE(any_href_with_scheme(run, "javascript"));
}

// Validation bypass / privacy. A figure's text is spliced into the Markdown *after* validation
// (page_model.cpp substitute_figures) and parsed again in render_body. A `tekst` cell shown with
// {{ waarde … }} can therefore add a remote image (a tracking pixel, against "geen verzoeken naar
// andere sites"), links, or a new ```grafiek fence. Fix: keep the figure out of Markdown: let
// substitute_figures insert a placeholder token (like SDMONITORBLOK, e.g. "SDMONITORCIJFER<n>X"),
// and in render_body replace each token in the HTML by the HTML-escaped figure_text(). (Escaping
// Markdown punctuation with '\' before splicing works too, but is easier to get wrong.)
// Done: the placeholder carries a hash of the page's Markdown (no editor can write it), and
// render_body replaces it in cmark's text nodes, so cmark escapes the text and heading ids stay
// as they were; a figure in a link's address or title is refused by read_page_spec.
TEST(SecurityBug, FigureTextCannotInjectMarkdown) {
  SiteBuilder b;
  b.dataset("sociale-basis/mantelzorg.csv", "personen",
            "omschrijving;aantal;eenheid\nMantelzorgers;188;personen\n"
            "Toelichting;![pixel](https://tracker.example/p.png) en "
            "[klik](https://evil.example/);tekst\n");
  b.page("pagina.md", hostile("markdown/figure-text-injection.md"));
  SiteRun run = b.generate();
  ASSERT_TRUE(run.site) << run.messages();
  const std::string& html = run.file("pagina.html")->bytes;
  EXPECT_EQ(html.find("<img"), std::string::npos) << html;
  EXPECT_EQ(html.find("href=\"https://evil.example/\""), std::string::npos) << html;
  EXPECT_NE(html.find("![pixel](https://tracker.example/p.png)"), std::string::npos) << "als tekst";
}

// Images that leave the site pass local_image() (load/page_spec.cpp): an absolute path
// ("/plaatjes/logo.png": outside the site when it is served from a subfolder, broken from file://)
// and percent-encoded dots ("%2e%2e/" is ".." to a browser). Fix in local_image: also refuse a
// URL starting with '/' or '\', containing '\', and check for ".." after percent-decoding (or
// refuse "%2e"/"%2E" outright).
TEST(SecurityBug, ImagesCannotLeaveTheSite) {
  SiteBuilder b;
  b.page("pagina.md", hostile("markdown/images-bypass.md"));
  SiteRun run = b.generate();
  EXPECT_TRUE(
      run.has(kPage + ":6:1: fout: afbeelding '/plaatjes/logo.png' staat niet in de editiemap"))
      << run.messages();
  EXPECT_TRUE(run.has(
      kPage + ":8:1: fout: afbeelding '%2e%2e/%2e%2e/geheim.png' staat niet in de editiemap"))
      << run.messages();
}

// Crash (SIGSEGV). A bar chart's `kolommen` is checked with check_series_name(), which accepts the
// *row keys* when the columns are periods; categories() (indicators/chart_data.cpp) then does
// *table.column_index(column) on an empty optional and indexes cells with garbage.
// Fix: in validate/check_edition.cpp check_chart, for ChartView::Bar check each name with
// table->column_index() and report "kolom '<naam>' bestaat niet in <dataset>" (hint: the columns);
// and in categories() skip (or assert on) a column that is not found instead of dereferencing.
// Runs in a child process so that the crash fails this test instead of killing the test binary.
TEST(SecurityBug, BarChartNamingARowKeyIsAnErrorNotACrash) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_EXIT(
      {
        SiteBuilder b;
        b.dataset("wmo/voorzieningen.csv", "personen", hostile("csv/columns-are-periods.csv"));
        b.page("pagina.md",
               "---\ntitel: P\n---\n\n```grafiek\ntitel: V\ndata: wmo/voorzieningen.csv\nweergave: "
               "staaf\n"
               "kolommen: [Begeleiding]\n```\n");
        SiteRun run = b.generate();
        // The chart's opening fence is line 5 (like the other errors about a chart's columns);
        // this test first said 6:1, the line after it.
        bool ok = !run.site &&
                  run.has(kPage +
                          ":5:1: fout: kolom 'Begeleiding' bestaat niet in wmo/voorzieningen.csv");
        std::exit(ok ? 0 : 1);
      },
      ::testing::ExitedWithCode(0), "");
}

// A number of 309 or more digits parses to inf (format/number.cpp parse_number: strtod without a
// range check) and is published as "€ inf". Fix: after strtod, if (!std::isfinite(value)) return
// {std::nullopt, "'" + raw + "' is te groot"}.
TEST(SecurityBug, HugeNumberIsRefused) {
  SiteBuilder b;
  b.dataset("test/x.csv", "euro", hostile("csv/huge-number.csv"));
  SiteRun run = b.generate();
  EXPECT_FALSE(run.site);
  EXPECT_TRUE(run.error_at(kCsv, 2, 9)) << run.messages();
}

// UTF-16 (Excel's "Unicode-tekst") is decoded as Windows-1252: a warning that is wrong, then one
// confusing error per line (NUL bytes, "regel heeft 1 velden"). Without a BOM there is not even
// the warning. Fix: in read_table (and read_page), before decode_text: if the bytes start with
// FF FE or FE FF, or contain a NUL byte, report once and stop:
//   diagnostics.error({file, 0, 0}, "bestand is opgeslagen als UTF-16",
//                     "sla het bestand in Excel op als 'CSV UTF-8 (door lijstscheidingsteken
//                     gescheiden)'");
TEST(SecurityBug, Utf16IsNamedAsSuch) {
  for (const char* f : {"utf16le-bom.csv", "utf16le-no-bom.csv"}) {
    SiteBuilder b;
    b.dataset("test/x.csv", "personen", hostile(std::string("csv/") + f));
    SiteRun run = b.generate();
    EXPECT_TRUE(run.has(kCsv + ": fout: bestand is opgeslagen als UTF-16")) << f << "\n"
                                                                            << run.messages();
    EXPECT_EQ(run.error_count(), 1u) << f << "\n" << run.messages();
  }
}

// An empty last field at the very end of the file (no final newline) gets line 0, column 0
// (load/csv.cpp: the field is never "started"), so "kolom zonder naam" has no location. Fix: in
// parse_csv's end_field lambda, set field.line = line and field.column = column when
// !field_started.
TEST(SecurityBug, TrailingEmptyFieldHasALocation) {
  SiteBuilder b;
  b.dataset("test/x.csv", "personen", hostile("csv/trailing-empty-header.csv"));
  SiteRun run = b.generate();
  EXPECT_TRUE(run.has(kCsv + ":1:14: fout: kolom zonder naam")) << run.messages();
}

// Columns in Markdown diagnostics are cmark's *byte* columns, while CSV and {{ }} columns count
// characters: after an 'ë' every column is one too far. Fix: in load/page_spec.cpp's location
// lambda, convert cmark's byte column to characters by counting the non-continuation bytes
// ((c & 0xC0) != 0x80) of that line of page.markdown before the byte column.
TEST(SecurityBug, MarkdownColumnsCountCharacters) {
  SiteBuilder b;
  b.page("pagina.md", hostile("markdown/raw-html.md"));
  SiteRun run = b.generate();
  // Line 16: "Cliënt <b>vet</b> na een ë." — <b> is the 8th character, </b> the 14th.
  EXPECT_TRUE(run.error_at(kPage, 16, 8)) << run.messages();
  EXPECT_TRUE(run.error_at(kPage, 16, 14)) << run.messages();
}

// A "Totaal" line larger than the sum of its parts (5 + 120 < 130) is impossible for counts of
// persons and is published without a word. docs/data.md says "Neem geen totaalregels op".
// Fix (check_edition.cpp check_data, for Unit::Persons tables with a row or column labelled
// Totaal/Eindtotaal): per column, if total > sum of the other rows, report at the total's cell:
//   "'Totaal' (130) is groter dan de som van de andere regels (125)".
TEST(SecurityBug, TotalLargerThanItsPartsIsReported) {
  SiteBuilder b;
  b.dataset("test/x.csv", "personen", hostile("csv/totals-dont-add-up.csv"));
  SiteRun run = b.generate();
  EXPECT_FALSE(run.site);
  EXPECT_TRUE(run.error_at(kCsv, 4, 8)) << run.messages();
}

// CSV injection. Labels go into the downloadable CSV as they are (render/escape.cpp csv_field), and
// Excel runs a cell that starts with '=', '+', '-' or '@' as a formula (=HYPERLINK, DDE). Fix: in
// csv_field (for text, not for our formatted numbers), prefix "'" when the text starts with '=',
// '+', '@', '\t', '\r', or with '-' not followed by a digit.
TEST(SecurityBug, CsvDownloadNeutralisesFormulas) {
  SiteBuilder b;
  b.dataset("test/f.csv", "euro",
            "categorie;bedrag\n\"=HYPERLINK(\"\"https://"
            "evil.example\"\";\"\"klik\"\")\";1000\n@SUM(1+1);2000\n");
  b.page("pagina.md",
         "---\ntitel: P\n---\n\n```grafiek\ntitel: C\ndata: test/f.csv\nweergave: staaf\n```\n");
  SiteRun run = b.generate();
  ASSERT_TRUE(run.site) << run.messages();
  const std::string& csv = run.file("data/grafiek-1.csv")->bytes;
  EXPECT_EQ(csv.find("\r\n\"=HYPERLINK"), std::string::npos) << csv;
  EXPECT_EQ(csv.find("\r\n@SUM"), std::string::npos) << csv;
}

// CSS injection in the print stylesheet. render_site.cpp css_string escapes '"' and '\' and drops
// '\n', but not '\r' or '\f', which also end a CSS string: gemeente: "X\r}} * { background:
// url(https://…) }" adds a rule that loads a remote image. Fix: in css_string, write every
// character below 0x20 (and U+2028/9 to be safe) as a CSS escape "\\" + hex + " ", e.g. '\r' ->
// "\\d ".
TEST(SecurityBug, PrintStylesheetCannotBeInjected) {
  SiteBuilder b;
  b.header(
      "gemeente: \"Teststad\\r}} * { background: url(https://tracker.example/p.png) } x {\"\n"
      "titel: Monitor\neditie: E\npeildatum: 2024-03-31\n");
  SiteRun run = b.generate();
  ASSERT_TRUE(run.site) << run.messages();
  const OutputFile* css = run.file("afdruk.css");
  ASSERT_TRUE(css);
  EXPECT_EQ(css->bytes.find('\r'), std::string::npos) << css->bytes;
  EXPECT_EQ(css->bytes.find('\f'), std::string::npos) << css->bytes;
}

// A page title that is blank (titel: "") passes (scalar_at only checks for null) and gives an
// empty <h1> and <title>, which fails WCAG 2.4.2. Fix: in read_page, treat a title that is empty
// after trim() as missing: "instelling 'titel' is leeg" at the value's location.
TEST(SecurityBug, BlankPageTitleIsRefused) {
  SiteBuilder b;
  b.page("pagina.md", "---\ntitel: \"\"\n---\n\nTekst\n");
  SiteRun run = b.generate();
  EXPECT_FALSE(run.site);
  EXPECT_TRUE(run.error_at(kPage, 2, 8)) << run.messages();
}

// Text that happens to be our block placeholder ("SDMONITORBLOK0X" on its own line) is replaced
// by the first chart, and the real placeholder is left in the page. Fix: in render_body, make the
// token unguessable per page (e.g. include a hash of the page's Markdown), or replace the code
// block node by a custom HTML node instead of a text paragraph. Done: the token starts with the
// byte 0xFF, which cmark never produces from a page (invalid UTF-8 becomes U+FFFD).
TEST(SecurityBug, BlockPlaceholderInTextIsLeftAlone) {
  SiteBuilder b;
  b.page("pagina.md",
         "---\ntitel: P\n---\n\nSDMONITORBLOK0X\n\n```grafiek\ntitel: C\ndata: "
         "wmo/clienten.csv\nweergave: lijn\n```\n");
  SiteRun run = b.generate();
  ASSERT_TRUE(run.site) << run.messages();
  const std::string& html = run.file("pagina.html")->bytes;
  EXPECT_NE(html.find("<p>SDMONITORBLOK0X</p>"), std::string::npos)
      << "de tekst van de redactie blijft staan";
  EXPECT_LT(html.find("SDMONITORBLOK0X"), html.find("<figure")) << "de grafiek komt na de tekst";
}

// Any four digits count as a year in a reference (load/figure_refs.cpp is_year), so "0000"
// becomes year 0 and is then reported as "heeft een jaar nodig" although a year was given. Fix:
// is_year: four digits and 1900 <= year <= 2199 (like Period::parse); report other four-digit
// numbers as "'0000' is geen jaar".
TEST(SecurityBug, ImplausibleYearInAReferenceIsNamed) {
  SiteBuilder b;
  b.page("pagina.md",
         "---\ntitel: P\n---\n\nIn 0000 was het {{ jaartotaal wmo/clienten.csv Totaal 0000 }}.\n");
  SiteRun run = b.generate();
  EXPECT_TRUE(run.has(kPage + ":5:17: fout: '0000' is geen jaar")) << run.messages();
}

}  // namespace
}  // namespace sdm::security
