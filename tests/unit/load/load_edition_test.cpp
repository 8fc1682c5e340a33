#include "load/load_edition.h"

#include <gtest/gtest.h>

namespace sdm {
namespace {

std::string messages(const Diagnostics& d) {
  std::string out;
  for (const auto& item : d.items()) out += format_diagnostic(item) + "\n";
  return out;
}

TEST(ReadTable, PeriodsUnitsAndTextRows) {
  Diagnostics d;
  Table t =
      read_table("x.csv", "data/x.csv",
                 "omschrijving;aantal;eenheid\nBezoekers;3.893;aantal\nHulpvragen;4;personen\n"
                 "Vragen;Zie toelichting;tekst\n",
                 Unit::Persons, d);
  EXPECT_FALSE(d.has_errors()) << messages(d);
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
  ASSERT_FALSE(d.has_errors()) << messages(d);
  EXPECT_EQ(series_of(by_rows, "Totaal")->values[1], 12);
  EXPECT_EQ(series_of(by_cols, "Hbh")->periods[1].iso(), "2024-06-30");
  EXPECT_FALSE(series_of(by_rows, "Onbekend"));
}

TEST(ReadTable, RefusesSuppressedInputAndBadNumbers) {
  Diagnostics d;
  read_table("a.csv", "data/a.csv", "maand;Totaal\n2024-01;<10\n2024-02;1.23\n2024-02;5\n",
             Unit::Persons, d);
  std::string text = messages(d);
  EXPECT_NE(text.find("data/a.csv:2:9: fout: '<10' is geen aantal"), std::string::npos) << text;
  EXPECT_NE(text.find("data/a.csv:3:9: fout: '1.23' is geen geldig getal"), std::string::npos)
      << text;
  EXPECT_NE(text.find("data/a.csv:4:1: fout: '2024-02' komt twee keer voor"), std::string::npos)
      << text;
}

TEST(ReadPage, FrontMatterAndBodyLine) {
  Diagnostics d;
  Page p = read_page("wmo", "wmo.md", "---\ntitel: Wmo\nvolgorde: 2\n---\nTekst\n", d);
  EXPECT_FALSE(d.has_errors()) << messages(d);
  EXPECT_EQ(p.title, "Wmo");
  EXPECT_EQ(p.order, 2);
  EXPECT_EQ(p.body_line, 5);
  EXPECT_EQ(p.markdown, "Tekst\n");
}

TEST(ReadPage, UnknownKeyGetsSuggestion) {
  Diagnostics d;
  read_page("wmo", "wmo.md", "---\ntitel: Wmo\nvolgrde: 2\n---\n", d);
  EXPECT_EQ(messages(d),
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
  std::string text = messages(d);
  EXPECT_NE(text.find("c/e/data/lastn.csv: fout: dataset 'lastn.csv' staat niet onder 'data:'"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("c/e/editie.yaml:6:3: fout: bestand data/lasten.csv bestaat niet\n  tip: "
                      "bedoelde u 'lastn.csv'?"),
            std::string::npos)
      << text;
}

}  // namespace
}  // namespace sdm
