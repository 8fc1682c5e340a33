// The long form of a dataset: one line per observation, read as the wide form.

#include "load/long_csv.h"

#include <gtest/gtest.h>

#include "load/load_edition.h"

namespace sdm {
namespace {

Table long_table(const std::string& csv, Diagnostics& d) {
  return read_table("lang.csv", "data/lang.csv", csv, Unit::Persons, d, true);
}

TEST(LongCsv, OneLinePerObservationBecomesAPeriodPerLine) {
  Diagnostics d;
  Table t = long_table(
      "gemeente;maand;aantal\n"
      "Bedum;2024-02;21\nWinsum;2024-02;34\nBedum;2024-01;20\nWinsum;2024-01;33\n"
      "BMWE;2024-01;53\nBMWE;2024-02;55\n",
      d);
  EXPECT_FALSE(d.has_errors()) << format_diagnostics(d);
  EXPECT_EQ(t.key_header, "maand");
  EXPECT_EQ(t.columns, (std::vector<std::string>{"Bedum", "Winsum", "BMWE"}));
  EXPECT_EQ(t.row_keys, (std::vector<std::string>{"2024-01", "2024-02"}));  // sorted
  ASSERT_TRUE(t.rows_are_periods());
  EXPECT_EQ(t.cells[0][2].value, 53);
  EXPECT_EQ(t.cells[1][0].value, 21);
  // Each figure keeps its place in the long file.
  EXPECT_EQ(t.cells[1][0].line, 2);
  EXPECT_EQ(t.cells[1][0].column, 15);
}

TEST(LongCsv, SeveralDimensionsMakeOneColumnPerCombination) {
  Diagnostics d;
  Table t = long_table(
      "gemeente;regeling;maand;aantal\n"
      "Bedum;PW;2024-01;250\nBedum;IOAW;2024-01;11\nDe Marne;IOAW;2024-01;8\n"
      "Bedum;PW;2024-02;251\n",
      d);
  EXPECT_FALSE(d.has_errors()) << format_diagnostics(d);
  EXPECT_EQ(t.columns, (std::vector<std::string>{"Bedum · PW", "Bedum · IOAW", "De Marne · IOAW"}));
  EXPECT_EQ(t.dimensions, (std::vector<std::string>{"gemeente", "regeling"}));
  EXPECT_EQ(t.column_members[2], (std::vector<std::string>{"De Marne", "IOAW"}));
  // An export grouped by its dimensions has no line where it counted no one: 0, shown as <10.
  EXPECT_EQ(t.cells[1][1].value, 0);
  EXPECT_EQ(t.cells[1][0].value, 251);
}

TEST(LongCsv, AnEmptyFigureOrAMissingPercentageIsNoFigure) {
  Diagnostics d;
  Table counts =
      long_table("gemeente;maand;aantal\nBedum;2024-01;20\nWinsum;2024-01;\nBedum;2024-02;21\n", d);
  EXPECT_FALSE(counts.cells[0][1].value.has_value());  // the line says: no figure
  EXPECT_EQ(counts.cells[1][1].value, 0);              // no line: no one
  Table shares = read_table("lang.csv", "data/lang.csv",
                            "gemeente;maand;aandeel\nBedum;2024-01;20,5\nWinsum;2024-01;30\n"
                            "Bedum;2024-02;21\n",
                            Unit::Percent, d, true);
  EXPECT_FALSE(d.has_errors()) << format_diagnostics(d);
  EXPECT_FALSE(shares.cells[1][1].value.has_value());  // a share of no one is no share
}

TEST(LongCsv, MistakesPointAtTheObservation) {
  Diagnostics d;
  long_table("gemeente;maand;aantal\nBedum;2024-01;20\nBedum;2024-01;21\nWinsum;2024-01;x\n", d);
  EXPECT_EQ(format_diagnostics(d),
            "data/lang.csv:3:1: fout: deze waarneming (Bedum, 2024-01) komt twee keer voor\n"
            "  tip: geef elke combinatie van dimensies en periode één regel\n"
            "data/lang.csv:4:16: fout: 'x' is geen geldig getal\n"
            "  tip: laat de cel leeg als er geen cijfer is, en vul 0 in als het 0 is; kleine "
            "aantallen toont de generator zelf als <10 of x\n");
  Diagnostics no_period;
  long_table("gemeente;regeling;aantal\nBedum;PW;20\n", no_period);
  EXPECT_NE(format_diagnostics(no_period).find("geen kolom met alleen perioden"),
            std::string::npos);
}

}  // namespace
}  // namespace sdm
