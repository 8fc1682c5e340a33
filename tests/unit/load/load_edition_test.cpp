#include "load/load_edition.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "load/file_system.h"
#include "util/text.h"

namespace sdm {
namespace {

TEST(ReadTable, PeriodsUnitsAndTextRows) {
  Diagnostics d;
  Table t =
      read_table("x.csv", "data/x.csv",
                 "omschrijving;aantal;eenheid\nBezoekers;3.893;aantal\nHulpvragen;4;personen\n"
                 "Vragen;Zie toelichting;tekst\n",
                 Unit::Persons, d);
  EXPECT_FALSE(d.has_errors()) << format_diagnostics(d);
  ASSERT_EQ(t.row_keys.size(), 3u);
  EXPECT_EQ(t.row_units[0], Unit::Count);
  EXPECT_EQ(*t.cells[0][0].value, 3893);
  EXPECT_EQ(t.row_units[1], Unit::Persons);
  EXPECT_EQ(t.cells[2][0].text, "Zie toelichting");
  EXPECT_FALSE(t.rows_are_periods());
}

TEST(ReadTable, SeriesAlongRowsOrColumns) {
  Diagnostics d;
  Table by_rows =
      read_table("a.csv", "a.csv", "maand;Totaal\n2024-01;10\n2024-02;12\n", Unit::Persons, d);
  Table by_cols = read_table("b.csv", "b.csv", "voorziening;2024-03-31;2024-06-30\nHbh;755;753\n",
                             Unit::Persons, d);
  ASSERT_FALSE(d.has_errors()) << format_diagnostics(d);
  EXPECT_EQ(series_of(by_rows, "Totaal")->values[1], 12);
  EXPECT_EQ(series_of(by_cols, "Hbh")->periods[1].iso(), "2024-06-30");
  EXPECT_FALSE(series_of(by_rows, "Onbekend"));
}

TEST(ReadTable, RefusesSuppressedInputAndBadNumbers) {
  Diagnostics d;
  read_table("a.csv", "data/a.csv", "maand;Totaal\n2024-01;<10\n2024-02;1.23\n2024-02;5\n",
             Unit::Persons, d);
  std::string text = format_diagnostics(d);
  EXPECT_NE(text.find("data/a.csv:2:9: fout: '<10' is geen aantal"), std::string::npos) << text;
  EXPECT_NE(text.find("data/a.csv:3:9: fout: '1.23' is geen geldig getal"), std::string::npos)
      << text;
  EXPECT_NE(text.find("data/a.csv:4:1: fout: '2024-02' komt twee keer voor"), std::string::npos)
      << text;
}

TEST(ReadPage, FrontMatterAndBodyLine) {
  Diagnostics d;
  Page p = read_page("wmo", "wmo.md", "---\ntitel: Wmo\nvolgorde: 2\n---\nTekst\n", d);
  EXPECT_FALSE(d.has_errors()) << format_diagnostics(d);
  EXPECT_EQ(p.title, "Wmo");
  EXPECT_EQ(p.order, 2);
  EXPECT_EQ(p.body_line, 5);
  EXPECT_EQ(p.markdown, "Tekst\n");
}

TEST(ReadPage, UnknownKeyGetsSuggestion) {
  Diagnostics d;
  read_page("wmo", "wmo.md", "---\ntitel: Wmo\nvolgrde: 2\n---\n", d);
  EXPECT_EQ(format_diagnostics(d),
            "wmo.md:3:1: fout: onbekende instelling 'volgrde'\n  tip: bedoelde u 'volgorde'?\n");
}

TEST(LoadEdition, ReportsUndeclaredAndMissingDatasets) {
  MemoryFileSystem fs;
  fs.add("c/e/editie.yaml",
         "gemeente: X\ntitel: M\neditie: E\npeildatum: 2024-03-31\ndata:\n  lasten.csv:\n    "
         "eenheid: euro\n");
  fs.add("c/e/index.md", "---\ntitel: Overzicht\n---\n");
  fs.add("c/e/data/lastn.csv", "maand;lasten\n2024-01;1\n");
  Diagnostics d;
  Edition e = load_edition(fs, "c/e", d);
  std::string text = format_diagnostics(d);
  EXPECT_NE(text.find("c/e/data/lastn.csv: fout: dataset 'lastn.csv' staat niet onder 'data:'"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("c/e/editie.yaml:6:3: fout: bestand data/lasten.csv bestaat niet\n  tip: "
                      "bedoelde u 'lastn.csv'?"),
            std::string::npos)
      << text;
}

// A small valid edition in c/<id>/ with the given extra files.
MemoryFileSystem edition_files(const std::string& id) {
  MemoryFileSystem fs;
  fs.add("c/" + id + "/editie.yaml",
         "gemeente: X\ntitel: M\neditie: E\npeildatum: 2024-03-31\ndata:\n  lasten.csv:\n    "
         "eenheid: euro\n");
  fs.add("c/" + id + "/index.md", "---\ntitel: Overzicht\n---\n");
  fs.add("c/" + id + "/data/lasten.csv", "maand;lasten\n2024-01;1\n");
  return fs;
}

TEST(LoadEdition, PageNamesBecomeLinksSoOnlyPlainNamesAreRead) {
  MemoryFileSystem fs = edition_files("e");
  fs.add("c/e/javascript:alert(1).md", "---\ntitel: X\n---\n");
  fs.add("c/e/Sociale basis.md", "---\ntitel: X\n---\n");
  fs.add("c/e/sociale-basis-2.md", "---\ntitel: Sociale basis\n---\n");
  Diagnostics d;
  Edition e = load_edition(fs, "c/e", d);
  EXPECT_EQ(format_diagnostics(d),
            "c/e/Sociale basis.md: fout: ongeldige bestandsnaam 'Sociale basis.md'\n  tip: gebruik "
            "alleen kleine letters, cijfers en '-', bijvoorbeeld sociale-basis.md\n"
            "c/e/javascript:alert(1).md: fout: ongeldige bestandsnaam 'javascript:alert(1).md'\n  "
            "tip: gebruik alleen kleine letters, cijfers en '-', bijvoorbeeld sociale-basis.md\n");
  ASSERT_EQ(e.pages.size(), 2u);
  EXPECT_EQ(e.pages[1].slug, "sociale-basis-2");
}

TEST(LoadEdition, PagesTheGeneratorMakesCannotBeWritten) {
  MemoryFileSystem fs = edition_files("e");
  fs.add("c/e/toegankelijkheid.md", "---\ntitel: X\n---\n");
  Diagnostics d;
  Edition e = load_edition(fs, "c/e", d);
  EXPECT_EQ(format_diagnostics(d),
            "c/e/toegankelijkheid.md: fout: de naam 'toegankelijkheid.md' is van een pagina die de "
            "generator maakt\n  tip: kies een andere bestandsnaam\n");
  EXPECT_EQ(e.pages.size(), 1u);
}

TEST(LoadEdition, AFileThatIsThereButCannotBeReadIsAnError) {
  // Only a file that is not there is absent: an unreadable dataset or page is no chart fewer.
  MemoryFileSystem fs = edition_files("e");
  fs.add_unreadable("c/e/wmo.md", "er zijn geen leesrechten");
  fs.add_unreadable("c/e/data/lasten.csv",
                    "het is geen gewoon bestand, maar bijvoorbeeld een pipe");
  Diagnostics d;
  load_edition(fs, "c/e", d);
  EXPECT_EQ(format_diagnostics(d),
            "c/e/wmo.md: fout: dit bestand kan niet gelezen worden: er zijn geen leesrechten\n"
            "  tip: maak er een gewoon bestand van dat leesbaar is voor wie sdmonitor draait, of "
            "haal het weg\n"
            "c/e/data/lasten.csv: fout: dit bestand kan niet gelezen worden: het is geen gewoon "
            "bestand, maar bijvoorbeeld een pipe\n"
            "  tip: maak er een gewoon bestand van dat leesbaar is voor wie sdmonitor draait, of "
            "haal het weg\n");
}

TEST(LoadEdition, APipeOrAFolderInPlaceOfADatasetIsAnErrorNotAWait) {
  // On disk: a pipe would block a plain read forever, a folder is no file.
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("sdm-unreadable-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  MemoryFileSystem files = edition_files("e");
  files.add("c/e/data/kosten.csv", "maand;kosten\n2024-01;1\n");
  for (const auto& rel : files.list_files("c/e")) {
    fs::create_directories((dir / rel).parent_path());
    std::ofstream(dir / rel) << *files.read("c/e/" + rel);
  }
  fs::remove(dir / "data/lasten.csv");
  ASSERT_EQ(::mkfifo((dir / "data/lasten.csv").c_str(), 0644), 0);
  std::ofstream(dir / "editie.yaml", std::ios::app) << "  kosten.csv:\n    eenheid: euro\n";
  fs::remove(dir / "data/kosten.csv");
  fs::create_directory(dir / "data/kosten.csv");
  DiskFileSystem disk;
  Diagnostics d;
  load_edition(disk, dir.string(), d);
  const std::string text = format_diagnostics(d);
  EXPECT_NE(text.find("data/lasten.csv: fout: dit bestand kan niet gelezen worden: het is geen "
                      "gewoon bestand"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("data/kosten.csv: fout: dit bestand kan niet gelezen worden: dat is een map, "
                      "geen bestand"),
            std::string::npos)
      << text;
  fs::remove_all(dir);
}

TEST(LoadEditions, AnUnreadableOrMisnamedEditieYamlDropsNoEditionInSilence) {
  MemoryFileSystem fs = edition_files("2024-q1");
  MemoryFileSystem older = edition_files("x");
  for (const auto& rel : older.list_files("c/x"))
    if (rel != "editie.yaml") fs.add("c/2023-h2/" + rel, *older.read("c/x/" + rel));
  fs.add_unreadable("c/2023-h2/editie.yaml", "er zijn geen leesrechten");
  Diagnostics d;
  load_editions(fs, "c", d);
  EXPECT_EQ(format_diagnostics(d),
            "c/2023-h2/editie.yaml: fout: dit bestand kan niet gelezen worden: er zijn geen "
            "leesrechten\n  tip: maak er een gewoon bestand van dat leesbaar is voor wie sdmonitor "
            "draait, of haal het weg\n");

  MemoryFileSystem yml = edition_files("2024-q1");
  for (const auto& rel : older.list_files("c/x"))
    yml.add("c/2024-q2/" + (rel == "editie.yaml" ? std::string("editie.yml") : rel),
            *older.read("c/x/" + rel));
  Diagnostics d2;
  load_editions(yml, "c", d2);
  EXPECT_EQ(format_diagnostics(d2),
            "c/2024-q2/editie.yml: fout: een editie heeft een editie.yaml, niet editie.yml\n"
            "  tip: noem het bestand editie.yaml\n");
}

TEST(LoadEditions, FolderNamesBecomeLinksSoOnlyPlainNamesAreRead) {
  MemoryFileSystem fs = edition_files("2024-q1");
  MemoryFileSystem other = edition_files("x");
  for (const auto& rel : other.list_files("c/x"))
    fs.add("c/2023 H2/" + rel, *other.read("c/x/" + rel));
  Diagnostics d;
  auto editions = load_editions(fs, "c", d);
  EXPECT_EQ(format_diagnostics(d),
            "c/2023 H2/editie.yaml: fout: ongeldige mapnaam '2023 H2'\n  tip: noem de map naar de "
            "editie, bijvoorbeeld 2024-q1\n");
  ASSERT_EQ(editions.size(), 1u);
  EXPECT_EQ(editions[0].config.id, "2024-q1");
}

TEST(ReadPage, Utf16AndBinaryAreOneErrorEach) {
  using namespace std::string_literals;
  Diagnostics d;
  Page p = read_page("wmo", "wmo.md", "\xFF\xFE-\0-\0-\0\n\0"s, d);
  EXPECT_EQ(format_diagnostics(d),
            "wmo.md: fout: bestand is opgeslagen als UTF-16\n  tip: sla het bestand op als tekst "
            "met de codering UTF-8\n");
  EXPECT_EQ(p.markdown, "");
  // An Excel workbook renamed to .csv: a zip header with NUL bytes, then compressed data.
  std::string xlsx = "PK\x03\x04\x14\0\x06\0\x08\0\0\0!\0[Content_Types].xml"s;
  for (int i = 0; i < 200; ++i) xlsx += static_cast<char>('A' + i * 7 % 50);
  Diagnostics b;
  read_table("x.csv", "x.csv", xlsx, Unit::Persons, b);
  EXPECT_EQ(format_diagnostics(b),
            "x.csv: fout: bestand is geen tekst: het bevat NUL-tekens\n  tip: sla het bestand in "
            "Excel op als 'CSV UTF-8 (door lijstscheidingsteken gescheiden)'\n");
}

// "geïsoleerd" saved as UTF-8 with one byte damaged further on: reading it all as Windows-1252
// would publish "geÃ¯soleerd". An error at the bad byte, in CSV, YAML and Markdown alike.
TEST(LoadEdition, DamagedUtf8IsAnErrorAtTheBadByte) {
  const std::string hint =
      "\n  tip: typ het teken op deze plek opnieuw (vaak een ë, ï, é of €) en sla het bestand op "
      "als UTF-8\n";
  Diagnostics csv;
  Table t = read_table("x.csv", "x.csv", "categorie;aantal\ngeïsoleerd;12\nOv\xEBrig;3\n",
                       Unit::Count, csv);
  EXPECT_EQ(format_diagnostics(csv),
            "x.csv:3:3: fout: ongeldig teken: het bestand is geen geldige UTF-8" + hint);
  EXPECT_TRUE(t.row_keys.empty());
  Diagnostics md;
  read_page("wmo", "wmo.md", "---\ntitel: Wmo\n---\nGeïsoleerd en \xE9\xE9n\n", md);
  EXPECT_EQ(format_diagnostics(md),
            "wmo.md:4:15: fout: ongeldig teken: het bestand is geen geldige UTF-8" + hint);
  MemoryFileSystem fs = edition_files("e");
  fs.add("c/e/editie.yaml", "gemeente: Súdwest\ntitel: M\xEBnitor\n");
  Diagnostics yaml;
  load_edition(fs, "c/e", yaml);
  EXPECT_NE(format_diagnostics(yaml).find(
                "c/e/editie.yaml:2:9: fout: ongeldig teken: het bestand is geen geldige UTF-8"),
            std::string::npos)
      << format_diagnostics(yaml);
  // A plain export from older Excel, wholly Windows-1252, still reads, with the warning.
  Diagnostics cp1252;
  Table old =
      read_table("x.csv", "x.csv", "categorie;aantal\nge\xEFsoleerd;12\n", Unit::Count, cp1252);
  ASSERT_EQ(old.row_keys.size(), 1u);
  EXPECT_EQ(old.row_keys[0], "geïsoleerd");
  EXPECT_FALSE(cp1252.has_errors());
  // A byte Windows-1252 does not define is no text either.
  Diagnostics undefined;
  read_table("x.csv", "x.csv", "categorie;aantal\nab\x81;12\n", Unit::Count, undefined);
  EXPECT_EQ(format_diagnostics(undefined),
            "x.csv:2:3: fout: ongeldig teken: het bestand is geen geldige UTF-8" + hint);
}

// cmark-gfm takes time in the square of a table's columns: a line of 40 000 '|' took half a
// minute. More than 1000 on a line is refused at that line, and the page body is not parsed.
TEST(ReadPage, ALineWithMoreThanAThousandPipesIsRefused) {
  std::string row;  // 1000 '|'
  for (int i = 0; i < 1000; ++i) row += " a |";
  Diagnostics fits;
  Page ok = read_page("wmo", "wmo.md", "---\ntitel: Wmo\n---\nTekst\n" + row + "\n", fits);
  EXPECT_FALSE(fits.has_errors()) << format_diagnostics(fits);
  EXPECT_FALSE(ok.markdown.empty());
  Diagnostics d;
  Page p = read_page("wmo", "wmo.md", "---\ntitel: Wmo\n---\nTekst\n\n" + row + " b |\n", d);
  EXPECT_EQ(format_diagnostics(d),
            "wmo.md:6:1: fout: regel heeft meer dan 1000 tekens '|': te veel kolommen voor een "
            "tabel\n  tip: zet zo'n grote tabel in een CSV-bestand onder data/ en toon die met "
            "een tabel-blok\n");
  EXPECT_TRUE(p.markdown.empty());
}

// 80 000 columns took 23 s when each header was looked up among the ones before it.
TEST(ReadTable, ManyColumnsAndRowsAreLookedUpByName) {
  std::string header = "categorie", row = "a", rows;
  for (int c = 0; c < 20000; ++c) {
    header += ";k" + std::to_string(c);
    row += ";" + std::to_string(c);
  }
  for (int r = 0; r < 3; ++r) rows += "r" + std::to_string(r) + row.substr(1) + "\n";
  Diagnostics d;
  Table t = read_table("x.csv", "x.csv", header + ";k5\n" + rows, Unit::Count, d);
  EXPECT_TRUE(t.indexed());  // the speed itself is measured by tests/bench/large-csv.sh
  EXPECT_NE(format_diagnostics(d).find("kolom 'k5' komt twee keer voor"), std::string::npos);
  EXPECT_EQ(t.column_index("k19999"), 19999u);
  EXPECT_EQ(t.column_index("k5"), 5u);  // the first of two
  EXPECT_EQ(t.row_index("r2"), 2u);
  EXPECT_FALSE(t.row_index("r3"));
  // A table built by hand, or grown after build_index(), is still searched right.
  t.row_keys.push_back("r3");
  EXPECT_FALSE(t.indexed());
  EXPECT_EQ(t.row_index("r3"), 3u);
}

// A 5 MB cell was quoted whole in its message; a header-only CSV published an empty chart.
TEST(ReadTable, QuotesAreCutAndAHeaderAloneIsAnError) {
  Diagnostics d;
  read_table("x.csv", "x.csv", "maand;Totaal\n2024-01;" + std::string(5'000'000, 'x') + "\n",
             Unit::Count, d);
  ASSERT_EQ(d.items().size(), 1u);
  EXPECT_EQ(d.items()[0].message, "'" + std::string(80, 'x') + "…' is geen geldig getal");
  EXPECT_EQ(quoted("ëëë"), "'ëëë'");
  Diagnostics header;
  read_table("x.csv", "data/x.csv", "categorie;aantal\n", Unit::Count, header);
  EXPECT_EQ(format_diagnostics(header),
            "data/x.csv:1:1: fout: het bestand heeft alleen een kopregel, geen regels met "
            "cijfers\n  tip: zet onder de kopregel een regel per periode of categorie\n");
}

TEST(ReadPage, BlankTitlesAreRefused) {
  for (const char* title : {"\"\"", "\"   \"", "!tag", "''"}) {
    Diagnostics d;
    read_page("wmo", "wmo.md", std::string("---\ntitel: ") + title + "\n---\nTekst\n", d);
    EXPECT_EQ(format_diagnostics(d),
              "wmo.md:2:8: fout: instelling 'titel' is leeg\n  tip: vul een waarde in na "
              "'titel:'\n")
        << title;
  }
  Diagnostics k;
  read_page("wmo", "wmo.md", "---\ntitel: Wmo\nkort: \"\"\n---\n", k);
  EXPECT_EQ(
      format_diagnostics(k),
      "wmo.md:3:7: fout: instelling 'kort' is leeg\n  tip: geef de korte titel voor het menu, "
      "of laat 'kort' weg\n");
}

TEST(ReadPage, KeyGivenTwiceIsAnError) {
  Diagnostics d;
  Page p = read_page("wmo", "wmo.md", "---\ntitel: Wmo\nvolgorde: 2\ntitel: Jeugd\n---\n", d);
  EXPECT_EQ(format_diagnostics(d),
            "wmo.md:4:1: fout: instelling 'titel' komt twee keer voor\n  tip: laat één regel "
            "'titel: …' staan\n");
}

TEST(LoadEdition, KeyOrDatasetGivenTwiceIsAnError) {
  MemoryFileSystem fs = edition_files("e");
  fs.add("c/e/editie.yaml",
         "gemeente: X\ntitel: M\neditie: E\npeildatum: 2024-03-31\ngemeente: Y\ndata:\n  "
         "lasten.csv:\n    eenheid: euro\n    eenheid: personen\n  lasten.csv:\n    eenheid: "
         "aantal\n");
  Diagnostics d;
  Edition e = load_edition(fs, "c/e", d);
  EXPECT_EQ(
      format_diagnostics(d),
      "c/e/editie.yaml:5:1: fout: instelling 'gemeente' komt twee keer voor\n  tip: laat één "
      "regel 'gemeente: …' staan\n"
      "c/e/editie.yaml:9:5: fout: instelling 'eenheid' komt twee keer voor\n  tip: laat één "
      "regel 'eenheid: …' staan\n"
      "c/e/editie.yaml:10:3: fout: dataset 'lasten.csv' staat twee keer onder 'data:'\n  tip: "
      "laat één regel 'lasten.csv:' staan\n");
  EXPECT_EQ(e.config.datasets.at("lasten.csv").unit, Unit::Euro);
}

std::string table_messages(const std::string& csv, Unit unit = Unit::Euro) {
  Diagnostics d;
  read_table("a.csv", "data/a.csv", csv, unit, d);
  return format_diagnostics(d);
}

TEST(ReadTable, ThousandsDotsInACommaSeparatedFileAreAmbiguousOncePerFile) {
  std::string text = table_messages("maand,Lasten\n2022-01,612.345\n2022-02,614.634\n");
  EXPECT_EQ(text.rfind("data/a.csv:2:9: fout: '612.345' is dubbelzinnig", 0), 0u) << text;
  EXPECT_EQ(text.find("614.634"), std::string::npos) << text;
  // Decimals that cannot be thousands, and dots in semicolon files, stay as they were.
  EXPECT_EQ(table_messages("maand,Cijfer\n2022-01,7.6\n2022-02,7.25\n"), "");
  EXPECT_EQ(table_messages("maand;Lasten\n2022-01;612.345\n"), "");
}

TEST(ReadTable, AMalformedPeriodAmongPeriodsIsNamedAtItsCell) {
  EXPECT_EQ(table_messages("maand;Totaal\n2023-03;10\n2023-4;12\n2023-05;11\n", Unit::Persons),
            "data/a.csv:3:1: fout: '2023-4' is geen geldige periode, terwijl de andere regels "
            "perioden zijn\n  tip: schrijf een maand als 2024-03, een kwartaal als 2024-K1, een "
            "jaar als 2024 en een datum als 2024-03-31\n");
  EXPECT_EQ(table_messages("cat;2023-03-31;2023-6-30;2023-09-30\nHbh;1;2;3\n", Unit::Persons)
                .rfind("data/a.csv:1:16: fout: '2023-6-30' is geen geldige periode, terwijl de "
                       "andere kolommen",
                       0),
            0u);
  // Categories that happen to include one period-like name are categories.
  EXPECT_EQ(table_messages("trede;aantal\n2024;5\nBetaald werk;9\nOnbekend;3\n", Unit::Count), "");
}

TEST(ReadTable, AShortRowKeepsItsPeriodSoNoGapIsReportedToo) {
  Diagnostics d;
  Table t = read_table("a.csv", "data/a.csv", "kwartaal;A;B\n2022-K1;1;2\n2022-K2;3\n2022-K3;4;5\n",
                       Unit::Count, d);
  EXPECT_EQ(d.items().size(), 1u) << format_diagnostics(d);
  ASSERT_EQ(t.row_periods.size(), 3u);
  EXPECT_FALSE(t.cells[1][0].value);
}

TEST(ReadTable, AShortRowBeforeTheUnitColumnIsReportedNotRead) {
  Diagnostics d;
  Table t = read_table("a.csv", "data/a.csv", "omschrijving;aantal;eenheid\nA\nB;8;personen\n",
                       Unit::Count, d);
  EXPECT_EQ(d.items().size(), 1u) << format_diagnostics(d);
  EXPECT_EQ(t.row_keys.size(), 2u);
}

}  // namespace
}  // namespace sdm

namespace sdm {
namespace {

TEST(LoadEdition, ATotalUnderAnyLabelAndWhetherItAddsUp) {
  MemoryFileSystem fs;
  fs.add("c/e/editie.yaml",
         "gemeente: X\ntitel: M\neditie: E\npeildatum: 2024-03-31\ndata:\n"
         "  regio.csv:\n    eenheid: personen\n    totaal: BMWE\n"
         "  wmo.csv:\n    eenheid: personen\n    totaal: [Unieke cliënten, Excl. vervoer]\n"
         "    optelbaar: nee\n");
  fs.add("c/e/index.md", "---\ntitel: Overzicht\n---\n");
  fs.add("c/e/data/regio.csv", "kwartaal;Bedum;Winsum;BMWE\n2024-K1;18;28;46\n");
  fs.add("c/e/data/wmo.csv",
         "kwartaal;Hulp;Vervoer;Excl. vervoer;Unieke cliënten\n2024-K1;20;9;20;27\n");
  Diagnostics d;
  Edition e = load_edition(fs, "c/e", d);
  EXPECT_FALSE(d.has_errors()) << format_diagnostics(d);
  EXPECT_EQ(e.config.datasets.at("regio.csv").totals, std::vector<std::string>{"BMWE"});
  EXPECT_TRUE(e.config.datasets.at("regio.csv").additive);
  EXPECT_EQ(e.config.datasets.at("wmo.csv").totals,
            (std::vector<std::string>{"Unieke cliënten", "Excl. vervoer"}));
  EXPECT_FALSE(e.config.datasets.at("wmo.csv").additive);
  EXPECT_EQ(e.config.datasets.at("wmo.csv").totals_where.line, 11);
}

}  // namespace
}  // namespace sdm
