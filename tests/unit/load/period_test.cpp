#include "model/period.h"

#include <gtest/gtest.h>

namespace sdm {
namespace {

TEST(Period, ParsesTheFormsAnalystsWrite) {
  auto month = Period::parse("2024-03");
  ASSERT_TRUE(month);
  EXPECT_EQ(month->kind, Period::Kind::Month);
  EXPECT_EQ(month->quarter, 1);
  EXPECT_EQ(Period::parse("2024-K2")->quarter, 2);
  EXPECT_EQ(Period::parse("Q3 2023")->iso(), "2023-K3");
  EXPECT_EQ(Period::parse("2024")->kind, Period::Kind::Year);
  EXPECT_EQ(Period::parse("2024-02-29")->day, 29);
}

TEST(Period, RejectsWhatIsNotAPeriod) {
  EXPECT_FALSE(Period::parse("Hulp bij het huishouden"));
  EXPECT_FALSE(Period::parse("2024-13"));
  EXPECT_FALSE(Period::parse("2023-02-29"));
  EXPECT_FALSE(Period::parse("2024-K5"));
  EXPECT_FALSE(Period::parse("123"));
}

TEST(Period, OrdersByEndAndKnowsItsQuarter) {
  EXPECT_LT(Period::parse("2024-02")->end_key(), Period::parse("2024-K1")->end_key() + 1);
  EXPECT_EQ(Period::parse("2024-03")->end_key(), Period::parse("2024-K1")->end_key());
  EXPECT_EQ(Period::parse("2024-05-10")->quarter_of().iso(), "2024-K2");
}

}  // namespace
}  // namespace sdm
