#include "validate/numbered_refs.h"

#include <gtest/gtest.h>

namespace sdm {
namespace {

// Two pages: "Jeugd" with charts 1 and 2 and titled table 1, "Wmo" with chart 3 and an untitled
// table.
struct Fixture {
  Edition edition;
  Fixture(const std::string& jeugd_text, const std::string& wmo_text) {
    add("jeugd.md", "Jeugd", jeugd_text, 2, true);
    add("wmo.md", "Wmo", wmo_text, 1, false);
  }
  void add(const std::string& file, const std::string& title, const std::string& text, int charts,
           bool titled_table) {
    Page page;
    page.file = file;
    page.title = title;
    page.markdown = text;
    page.body_line = 5;
    PageSpec& spec = page.spec;
    for (int i = 0; i < charts; ++i) spec.directives.push_back(ChartSpec{});
    TableSpec table;
    if (titled_table) table.title = "T";
    spec.directives.push_back(table);
    edition.pages.push_back(page);
  }
  std::string messages() const {
    Diagnostics d;
    check_numbered_refs(edition, d);
    return format_diagnostics(d);
  }
};

TEST(NumberedRefs, ReferencesToChartsAndTablesOnTheSamePageAreFine) {
  EXPECT_EQ(Fixture("Grafiek 1 en grafiek 2 tonen het, tabel 1 ook.", "Zie grafiek 3.").messages(),
            "");
}

TEST(NumberedRefs, AChartThatDoesNotExistIsAnErrorAtItsCharacterColumn) {
  EXPECT_EQ(Fixture("Tekst.", "Cliënten: zie\ngrafiek 12.").messages(),
            "wmo.md:6:1: fout: 'grafiek 12' bestaat niet: deze editie heeft 3 grafieken\n"
            "  tip: op deze pagina staat grafiek 3; de nummers lopen door over de pagina's, in de "
            "volgorde van het menu\n");
  EXPECT_EQ(Fixture("Tekst.", "Cliënten in tabel 2.").messages(),
            "wmo.md:5:13: fout: 'tabel 2' bestaat niet: deze editie heeft 1 tabel\n"
            "  tip: op deze pagina staat geen tabel; de nummers lopen door over de pagina's, in de "
            "volgorde van het menu\n");
}

TEST(NumberedRefs, AChartOnAnotherPageIsAWarningNamingThatPage) {
  EXPECT_EQ(
      Fixture("Tekst.", "Zoals grafiek 1 laat zien.").messages(),
      "wmo.md:5:7: waarschuwing: 'grafiek 1' staat op de pagina 'Jeugd', niet op deze pagina\n"
      "  tip: op deze pagina staat grafiek 3; is er een grafiek toegevoegd of verplaatst?\n");
}

TEST(NumberedRefs, APageWithErrorsGetsNoFollowOnErrors) {
  Fixture f("Tekst.", "Zie grafiek 12.");
  Diagnostics d;
  d.error({"wmo.md", 9, 1}, "ongeldige YAML");
  check_numbered_refs(f.edition, d);
  EXPECT_EQ(d.items().size(), 1u);
}

TEST(NumberedRefs, BlocksReferencesAndOtherWordsAreNotReferences) {
  EXPECT_EQ(Fixture("```grafiek\ntitel: grafiek 9\n```\n{{ waarde t.csv \"tabel 7\" x }} "
                    "Subtabel 5, grafieken 8, my_grafiek 7, grafiek 2024, tabel\n9.",
                    "")
                .messages(),
            "");
}

TEST(NumberedRefs, EveryReferenceInALineIsCheckedAsWritten) {
  EXPECT_EQ(Fixture("Tekst.", "(Grafiek 04) en tabel 3;tabel 4.").messages(),
            "wmo.md:5:2: fout: 'Grafiek 04' bestaat niet: deze editie heeft 3 grafieken\n"
            "  tip: op deze pagina staat grafiek 3; de nummers lopen door over de pagina's, in de "
            "volgorde van het menu\n"
            "wmo.md:5:17: fout: 'tabel 3' bestaat niet: deze editie heeft 1 tabel\n"
            "  tip: op deze pagina staat geen tabel; de nummers lopen door over de pagina's, in de "
            "volgorde van het menu\n"
            "wmo.md:5:25: fout: 'tabel 4' bestaat niet: deze editie heeft 1 tabel\n"
            "  tip: op deze pagina staat geen tabel; de nummers lopen door over de pagina's, in de "
            "volgorde van het menu\n");
}

}  // namespace
}  // namespace sdm
