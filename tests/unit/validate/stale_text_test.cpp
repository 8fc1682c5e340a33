#include "validate/stale_text.h"

#include <gtest/gtest.h>

#include "load/load_edition.h"

namespace sdm {
namespace {

Edition edition(const std::string& id, const std::string& peildatum, const std::string& csv,
                const std::string& page) {
  MemoryFileSystem fs;
  fs.add("c/" + id + "/editie.yaml", "gemeente: X\ntitel: M\neditie: E\npeildatum: " + peildatum +
                                         "\ndata:\n  lasten.csv:\n    eenheid: euro\n");
  fs.add("c/" + id + "/index.md", "---\ntitel: Overzicht\n---\n" + page);
  fs.add("c/" + id + "/data/lasten.csv", csv);
  Diagnostics d;
  return load_edition(fs, "c/" + id, d);
}

TEST(StaleText, NumberOfThePreviousEditionIsFlagged) {
  Edition before = edition("2024-q1", "2024-03-31", "maand;lasten\n2024-01;1464689\n", "");
  Edition now = edition("2024-q2", "2024-06-30", "maand;lasten\n2024-01;1464689\n2024-04;500000\n",
                        "Er is 1.464.689 geboekt en {{ jaartotaal lasten.csv 2024 }}.\nIn 2024 was "
                        "1.964.689 het totaal.\n");
  // 1.464.689 is still a figure of this edition (January), so only an old total would be stale.
  Diagnostics d;
  check_stale_text(now, &before, d);
  EXPECT_EQ(format_diagnostics(d), "");

  Edition copied = edition("2024-q2", "2024-06-30", "maand;lasten\n2024-04;500000\n",
                           "Tekst\nEr is 1.464.689 geboekt.\n");
  Diagnostics d2;
  check_stale_text(copied, &before, d2);
  EXPECT_EQ(
      format_diagnostics(d2),
      "c/2024-q2/index.md:5:7: waarschuwing: '1.464.689' is een cijfer uit de vorige editie "
      "(2024-q1) dat in deze editie niet voorkomt\n  tip: werk het bij of gebruik een verwijzing "
      "zoals {{ jaartotaal data.csv 2024 }}\n");
}

TEST(StaleText, CoveragePhraseOlderThanThePeildatum) {
  Edition now =
      edition("2024-q2", "2024-06-30", "maand;lasten\n2024-04;1\n",
              "In 2024 is op basis van het eerste kwartaal iets gebeurd, tot en met juni.\n");
  Diagnostics d;
  check_stale_text(now, nullptr, d);
  EXPECT_EQ(
      format_diagnostics(d),
      "c/2024-q2/index.md:4:12: waarschuwing: 'op basis van het eerste kwartaal' past niet bij "
      "de peildatum 30 juni 2024\n  tip: is deze zin uit de vorige editie overgenomen?\n");
}

}  // namespace
}  // namespace sdm
