#include "validate/series_history.h"

#include <gtest/gtest.h>

#include "load/load_edition.h"

namespace sdm {
namespace {

std::string warnings(const std::string& csv, Unit unit = Unit::Euro) {
  Diagnostics read;
  Table table = read_table("t.csv", "data/t.csv", csv, unit, read);
  EXPECT_FALSE(read.has_errors()) << format_diagnostics(read);
  Diagnostics d;
  check_series_history(table, d);
  return format_diagnostics(d);
}

const char kHistory[] =
    "maand;Lasten;Aantal\n2023-06;100000;38\n2023-07;120000;40\n2023-08;0;41\n2023-09;95000;"
    "39\n2023-10;130000;40\n"
    "2023-11;110000;42\n2023-12;125000;43\n";

TEST(SeriesHistory, ThousandsOfEurosAmongEurosIsAWarning) {
  EXPECT_EQ(warnings(std::string(kHistory) + "2024-01;118;44\n2024-02;119;45\n"),
            "data/t.csv:9:9: waarschuwing: 'Lasten' in jan 2024 (118) is minder dan een tiende van "
            "de mediaan van de eerdere maanden (115.000)\n"
            "  tip: controleer de export: staan de bedragen in euro's of in duizenden euro's?\n");
  EXPECT_EQ(warnings(std::string(kHistory) + "2024-01;125000;440\n", Unit::Persons),
            "data/t.csv:9:16: waarschuwing: 'Aantal' in jan 2024 (440) is meer dan tien keer de "
            "mediaan van de eerdere maanden (40)\n"
            "  tip: controleer de export: staat dit getal in dezelfde eenheid als de rest, en niet "
            "opgeteld over meer perioden?\n");
}

TEST(SeriesHistory, NormalVariationZerosAndShortHistoriesAreAccepted) {
  // Nine times the median, and a tenth and a bit: within the rule.
  EXPECT_EQ(warnings(std::string(kHistory) + "2024-01;1080000;5\n2024-02;0;41\n"), "");
  // Five earlier values (the zero does not count) are too few to judge.
  EXPECT_EQ(warnings("maand;Lasten\n2023-08;0\n2023-09;95000\n2023-10;130000\n2023-11;110000\n"
                     "2023-12;125000\n2024-01;1\n"),
            "");
  // Not a series of months or quarters.
  EXPECT_EQ(warnings("jaar;Lasten\n2018;1\n2019;1\n2020;1\n2021;1\n2022;1\n2023;1\n2024;1000\n"),
            "");
}

TEST(SeriesHistory, QuartersAndOneWarningPerColumn) {
  EXPECT_EQ(warnings("kwartaal;Lasten\n2022-K1;10\n2022-K2;11\n2022-K3;12\n2022-K4;13\n"
                     "2023-K1;14\n2023-K2;15\n2023-K3;15000\n2023-K4;16000\n"),
            "data/t.csv:8:9: waarschuwing: 'Lasten' in K3 2023 (15.000) is meer dan tien keer de "
            "mediaan van de eerdere kwartalen (13)\n"
            "  tip: controleer de export: staan de bedragen in euro's of in duizenden euro's?\n");
}

}  // namespace
}  // namespace sdm
