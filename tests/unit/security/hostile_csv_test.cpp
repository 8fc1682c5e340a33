// Broken and hostile CSV files (tests/hostile/csv/): each is refused with a Dutch message at the
// right file:line:column, or read the way docs/data.md promises. Nothing crashes.

#include <gtest/gtest.h>

#include "load/load_edition.h"
#include "site_fixture.h"

namespace sdm::security {
namespace {

const std::string kCsv = "content/2024-q1/data/test/x.csv";

SiteRun with_csv(const std::string& fixture, const std::string& unit = "personen") {
  SiteBuilder b;
  b.dataset("test/x.csv", unit, hostile("csv/" + fixture));
  return b.generate();
}

Table table_of(const std::string& fixture, Unit unit, Diagnostics& d) {
  return read_table("test/x.csv", kCsv, hostile("csv/" + fixture), unit, d);
}

TEST(HostileCsv, Windows1252IsReadWithAWarning) {
  SiteRun run = with_csv("windows-1252.csv", "aantal");
  EXPECT_TRUE(run.site) << run.messages();
  EXPECT_TRUE(run.has(kCsv + ": waarschuwing: bestand is geen UTF-8; gelezen als Windows-1252"))
      << run.messages();

  Diagnostics d;
  Table t = table_of("windows-1252.csv", Unit::Count, d);
  ASSERT_EQ(t.row_keys.size(), 2u) << format_diagnostics(d);
  EXPECT_EQ(t.row_keys[0], "Cli\xC3\xABnten met begeleiding");  // ë converted to UTF-8
  EXPECT_EQ(t.row_units[1], Unit::Euro);
  EXPECT_EQ(*t.cells[1][0].value, 1250);  // "€ 1.250" with € as byte 0x80
}

TEST(HostileCsv, BomAndCrlfReadCleanlyWithTheSameLocations) {
  Diagnostics d;
  Table t = table_of("bom-crlf.csv", Unit::Persons, d);
  EXPECT_TRUE(d.items().empty()) << format_diagnostics(d);
  EXPECT_EQ(t.key_header, "maand");  // no BOM glued to the first header
  ASSERT_EQ(t.row_lines, (std::vector<int>{2, 3, 4}));
  ASSERT_TRUE(t.cells[2][0].value);
  EXPECT_EQ(*t.cells[2][0].value, 15);
  EXPECT_EQ(t.cells[2][0].column, 9);
  EXPECT_TRUE(with_csv("bom-crlf.csv").site);

  // The BOM does not shift the columns of the header line.
  Diagnostics h;
  read_table("x.csv", "x.csv", "\xEF\xBB\xBFmaand;Totaal;Totaal\r\n2024-01;1;2\r\n", Unit::Persons,
             h);
  EXPECT_EQ(format_diagnostics(h),
            "x.csv:1:14: fout: kolom 'Totaal' komt twee keer voor\n  tip: geef elke kolom een "
            "eigen naam\n");
}

TEST(HostileCsv, Utf16IsNotPublished) {
  // Nothing gets through; the message is checked in SecurityBug.Utf16IsNamedAsSuch.
  for (const char* f : {"utf16le-bom.csv", "utf16le-no-bom.csv"}) {
    SiteRun run = with_csv(f);
    EXPECT_FALSE(run.site) << f;
    EXPECT_TRUE(run.diagnostics.has_errors()) << f;
  }
}

TEST(HostileCsv, CommaSeparatorUsesTheDecimalPoint) {
  Diagnostics d;
  Table t = table_of("comma-separator-decimal-point.csv", Unit::Euro, d);
  EXPECT_FALSE(d.has_errors()) << format_diagnostics(d);
  ASSERT_EQ(t.row_keys.size(), 3u);
  EXPECT_DOUBLE_EQ(*t.cells[1][0].value, 12.5);

  SiteRun run = with_csv("comma-separator-decimal-point.csv", "personen");
  EXPECT_FALSE(run.site);
  EXPECT_TRUE(
      run.has(kCsv + ":3:9: fout: een aantal personen moet een geheel getal van 0 of meer zijn"))
      << run.messages();
}

TEST(HostileCsv, AmbiguousThousandsFollowTheSeparator) {
  // ';' file: '.' groups thousands in threes, so "1.234" is 1234 and "1.23" is refused.
  Diagnostics d;
  Table semi = table_of("ambiguous-thousands-semicolon.csv", Unit::Euro, d);
  EXPECT_EQ(*semi.cells[0][0].value, 1234);
  EXPECT_FALSE(semi.cells[1][0].value);
  EXPECT_DOUBLE_EQ(*semi.cells[2][0].value, 1234.5);
  EXPECT_EQ(
      format_diagnostics(d),
      kCsv +
          ":3:9: fout: '1.23' is geen geldig getal: een punt scheidt duizendtallen (1.234) en een "
          "komma is het decimaalteken (7,6)\n  tip: staat hier tekst zoals 'Zie toelichting', "
          "geef de regel dan eenheid 'tekst' (docs/data.md); is het een getal, schrijf het dan "
          "als 1234,5\n");

  // ',' file: '.' is the decimal mark, but "1.234" (three digits after the dot) may be an export
  // with Dutch thousands dots; it is refused rather than read 1000x too small. "1.234,5" is
  // refused.
  Diagnostics c;
  table_of("ambiguous-thousands-comma.csv", Unit::Euro, c);
  ASSERT_EQ(c.items().size(), 2u) << format_diagnostics(c);
  EXPECT_EQ(c.items()[0].where.line, 2);
  EXPECT_NE(c.items()[0].message.find("dubbelzinnig"), std::string::npos);
  EXPECT_EQ(c.items()[1].where.line, 3);
  EXPECT_EQ(c.items()[1].where.column, 9);
  // As persons, 1.234 is caught as a fraction.
  EXPECT_TRUE(with_csv("ambiguous-thousands-comma.csv").error_at(kCsv, 2, 9));
}

TEST(HostileCsv, TruncatedFile) {
  SiteRun run = with_csv("truncated.csv");
  EXPECT_FALSE(run.site);
  EXPECT_TRUE(run.has(kCsv + ":4:1: fout: regel heeft 2 velden, de kopregel 3")) << run.messages();
}

TEST(HostileCsv, UnterminatedQuote) {
  SiteRun run = with_csv("unterminated-quote.csv");
  EXPECT_FALSE(run.site);
  EXPECT_TRUE(run.has(kCsv + ":3:1: fout: aanhalingsteken wordt niet gesloten")) << run.messages();
}

TEST(HostileCsv, NegativeAndFractionalPersons) {
  for (const char* f : {"negative-persons.csv", "fractional-persons.csv"}) {
    SiteRun run = with_csv(f);
    EXPECT_FALSE(run.site) << f;
    EXPECT_TRUE(
        run.has(kCsv + ":3:9: fout: een aantal personen moet een geheel getal van 0 of meer zijn"))
        << f << "\n"
        << run.messages();
  }
  // As euro, a negative amount is fine (a correction).
  EXPECT_TRUE(with_csv("negative-persons.csv", "euro").site);
}

TEST(HostileCsv, LessThanTenTypedIn) {
  SiteRun run = with_csv("less-than-ten.csv");
  EXPECT_FALSE(run.site);
  EXPECT_TRUE(run.has(kCsv + ":2:12: fout: '<10' is geen aantal")) << run.messages();
  EXPECT_TRUE(run.has(kCsv + ":3:12: fout: '< 10' is geen aantal")) << run.messages();
  EXPECT_EQ(run.error_count(), 2u) << run.messages();
}

TEST(HostileCsv, PeriodAfterThePeildatum) {
  SiteRun run = with_csv("after-peildatum.csv");
  EXPECT_FALSE(run.site);
  EXPECT_TRUE(run.has(kCsv + ":4:1: fout: periode apr 2024 ligt na de peildatum 31 maart 2024"))
      << run.messages();
}

TEST(HostileCsv, MissingMonths) {
  SiteRun run = with_csv("missing-months.csv");
  EXPECT_FALSE(run.site);
  EXPECT_TRUE(run.has(kCsv + ":4:1: fout: feb 2024 ontbreekt")) << run.messages();
}

TEST(HostileCsv, DuplicatePeriods) {
  SiteRun run = with_csv("duplicate-periods.csv");
  EXPECT_FALSE(run.site);
  EXPECT_TRUE(run.has(kCsv + ":4:1: fout: '2024-02' komt twee keer voor")) << run.messages();
}

TEST(HostileCsv, TotalsRowCannotRevealASuppressedPart) {
  // 5 is shown as <10; with Begeleiding and Totaal both published, 125 - 120 gives it away.
  SiteBuilder b;
  b.dataset("test/x.csv", "personen",
            "voorziening;2024-03-31\nHulp bij het huishouden;5\nBegeleiding;120\nTotaal;125\n");
  b.page("pagina.md",
         "---\ntitel: P\n---\n\n```tabel\ntitel: Voorzieningen\ndata: test/x.csv\n```\n");
  SiteRun run = b.generate();
  ASSERT_TRUE(run.site) << run.messages();
  const std::string& html = run.file("pagina.html")->bytes;
  EXPECT_FALSE(html.find(">120</td>") != std::string::npos &&
               html.find(">125</td>") != std::string::npos)
      << "Totaal en Begeleiding samen verraden de verborgen 5";
}

TEST(HostileCsv, ScriptAndControlCharactersInLabelsAreAllowedAsData) {
  for (const char* f : {"script-category.csv", "u2028-label.csv"}) {
    Diagnostics d;
    Table t = table_of(f, Unit::Persons, d);
    EXPECT_FALSE(d.has_errors()) << f << "\n" << format_diagnostics(d);
    EXPECT_EQ(t.row_keys.size(), f == std::string("u2028-label.csv") ? 2u : 3u);
  }
  Diagnostics d;
  EXPECT_EQ(table_of("script-category.csv", Unit::Persons, d).row_keys[0],
            "</script><script>alert(1)</script><!--");
}

// Every hostile CSV, read as each unit and placed in each kind of block: either a site or errors,
// never a crash and never both.
TEST(HostileCsv, NoFileCrashesTheBuild) {
  const std::vector<std::string> blocks = {
      "```tabel\ntitel: T\ndata: test/x.csv\ntotaal: ja\noverig: 100\n```\n",
      "```grafiek\ntitel: G\ndata: test/x.csv\nweergave: staaf\n```\n",
      "```grafiek\ntitel: G\ndata: test/x.csv\nweergave: lijn\n```\n",
      "```grafiek\ntitel: G\ndata: test/x.csv\nweergave: jaarlijnen\ncumulatief: ja\n```\n",
      "```grafiek\ntitel: G\ndata: test/x.csv\nweergave: aandelen\n```\n",
      "```grafiek\ntitel: G\ndata: test/x.csv\nweergave: in-uitstroom\nper: kwartaal\n```\n",
      "```kerncijfers\n- titel: K\n  data: test/x.csv\n  toon: jaartotaal\n```\n",
  };
  for (const auto& file : files_below(source_dir() + "/tests/hostile/csv")) {
    for (const char* unit : {"personen", "euro", "aantal", "procent", "tekst"}) {
      for (const auto& block : blocks) {
        SCOPED_TRACE(file + " als " + unit + "\n" + block);
        SiteBuilder b;
        b.dataset("test/x.csv", unit, hostile("csv/" + file));
        b.page("pagina.md", "---\ntitel: P\n---\n\n" + block);
        SiteRun run = b.generate();
        EXPECT_NE(run.site.has_value(), run.diagnostics.has_errors()) << run.messages();
        for (const auto* html : run.html_files()) expect_inert(html->path, html->bytes);
      }
    }
  }
}

}  // namespace
}  // namespace sdm::security
