#include "model/table.h"

#include <gtest/gtest.h>

namespace sdm {
namespace {

TEST(Table, TotalLabelsAsAnalystsWriteThem) {
  for (const char* label : {"Totaal", "totaal", " TOTAAL ", "Eindtotaal", "EindTotaal", "Total"})
    EXPECT_TRUE(is_total_label(label)) << label;
  for (const char* label : {"", "Totaal excl. Beschermd wonen", "Subtotaal", "Totalen", "Tot"})
    EXPECT_FALSE(is_total_label(label)) << label;
}

}  // namespace
}  // namespace sdm
