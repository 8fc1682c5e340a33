#include "load/figure_refs.h"

#include <gtest/gtest.h>

namespace sdm {
namespace {

TEST(FigureRefs, YearIsOnePeriodParseAccepts) {
  Diagnostics d;
  auto refs = find_figure_refs(
      "{{ jaartotaal a.csv 1900 }} {{ jaartotaal a.csv 2199 }} {{ verandering a.csv Totaal 2024 }}",
      "p.md", 5, d);
  EXPECT_EQ(format_diagnostics(d), "");
  ASSERT_EQ(refs.size(), 3u);
  EXPECT_EQ(refs[0].year, 1900);
  EXPECT_EQ(refs[1].year, 2199);
  EXPECT_EQ(refs[2].year, 2024);
  EXPECT_EQ(refs[2].series, "Totaal");
}

TEST(FigureRefs, FourDigitsOutsideTheYearsAreNamed) {
  for (const char* year : {"0000", "0681", "1899", "2200", "6492"}) {
    Diagnostics d;
    auto refs =
        find_figure_refs(std::string("Ja {{ jaartotaal a.csv ") + year + " }}", "p.md", 5, d);
    EXPECT_TRUE(refs.empty()) << year;
    EXPECT_EQ(format_diagnostics(d),
              std::string("p.md:5:4: fout: '") + year +
                  "' is geen jaar\n  tip: schrijf een jaar van 1900 tot en met 2199, "
                  "bijvoorbeeld {{ jaartotaal a.csv 2024 }}\n");
  }
}

TEST(FigureRefs, ReferenceWithoutDatasetIsAnError) {
  // Found by fuzz_figure_refs: an empty quoted word ("") was taken as the dataset.
  Diagnostics d;
  auto refs = find_figure_refs("{{ laatste \"\" }} {{ jaartotaal \" \" 2024 }}", "p.md", 5, d);
  EXPECT_TRUE(refs.empty());
  EXPECT_EQ(format_diagnostics(d),
            "p.md:5:1: fout: verwijzing naar een cijfer noemt geen bestand\n  tip: schrijf "
            "bijvoorbeeld {{ laatste wmo/clienten.csv Totaal }}\n"
            "p.md:5:18: fout: verwijzing naar een cijfer noemt geen bestand\n  tip: schrijf "
            "bijvoorbeeld {{ jaartotaal wmo/clienten.csv Totaal 2024 }}\n");
}

}  // namespace
}  // namespace sdm
