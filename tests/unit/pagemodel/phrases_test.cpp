#include "pagemodel/phrases.h"

#include <gtest/gtest.h>

namespace sdm {
namespace {

TEST(Phrases, ChangeVerbFollowsTheRoundedChange) {
  EXPECT_EQ(change_phrase(0.402), "toegenomen met 0,4%");
  EXPECT_EQ(change_phrase(2.104), "toegenomen met 2,1%");
  EXPECT_EQ(change_phrase(-4.19), "afgenomen met 4,2%");
  EXPECT_EQ(change_phrase(-0.045), "nagenoeg gelijk gebleven");
  EXPECT_EQ(change_phrase(0.05), "toegenomen met 0,1%");
}

TEST(Phrases, BalanceIsNadeelWhenForecastExceedsBudget) {
  EXPECT_EQ(balance_phrase(7133000.0 - 7108000.0), "een nadeel van €\u00a025.000");
  EXPECT_EQ(balance_phrase(-110000), "een voordeel van €\u00a0110.000");
  EXPECT_EQ(balance_phrase(0.2), "geen afwijking");
}

TEST(Phrases, CellsInTablesAndDownloads) {
  PublishedCell hidden{std::nullopt, {}, true};
  PublishedCell amount{1464689.0, {}, false};
  EXPECT_EQ(cell_text(hidden, Unit::Persons), "<10");
  EXPECT_EQ(cell_csv(hidden, Unit::Persons), "<10");
  EXPECT_EQ(cell_text(amount, Unit::Euro), "€\u00a01.464.689");
  EXPECT_EQ(cell_csv(amount, Unit::Euro), "1464689");
  EXPECT_EQ(cell_csv({42.25, {}, false}, Unit::Percent), "42,3");
}

TEST(Phrases, KeysReadAsDutchPeriods) {
  EXPECT_EQ(key_text({Period::of_month(2024, 3), ""}), "mrt 2024");
  EXPECT_EQ(key_text({Period::of_month(2024, 3), ""}, true), "mrt");
  EXPECT_EQ(key_text({Period::parse("2024-03-31"), ""}), "mrt 2024");
  EXPECT_EQ(key_text({std::nullopt, "Begeleiding"}), "Begeleiding");
  EXPECT_EQ(capitalized("instroom"), "Instroom");
}

}  // namespace
}  // namespace sdm
