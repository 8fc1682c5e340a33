#include "render/escape.h"

#include <gtest/gtest.h>

namespace sdm {
namespace {

TEST(JsonForScript, NothingCanCloseTheScriptElement) {
  json v = {{"label", "</script><script>alert(1)</script><!--"}, {"x", "a\u2028b\u2029c & d"}};
  std::string out = json_for_script(v);
  EXPECT_EQ(out.find('<'), std::string::npos);
  EXPECT_EQ(out.find('>'), std::string::npos);
  EXPECT_EQ(out.find('&'), std::string::npos);
  EXPECT_EQ(out.find("\xE2\x80\xA8"), std::string::npos);
  EXPECT_EQ(out.find("\xE2\x80\xA9"), std::string::npos);
  // Still the same value for the browser's JSON.parse.
  EXPECT_EQ(json::parse(out), v);
}

TEST(CsvField, QuotesOnlyWhenNeeded) {
  EXPECT_EQ(csv_field("Hulp bij het huishouden"), "Hulp bij het huishouden");
  EXPECT_EQ(csv_field("a;b"), "\"a;b\"");
  EXPECT_EQ(csv_field("zei \"hoi\""), "\"zei \"\"hoi\"\"\"");
}

TEST(CsvField, FormulasBecomeText) {
  EXPECT_EQ(csv_field("=HYPERLINK(\"https://evil.example\")"),
            "\"'=HYPERLINK(\"\"https://evil.example\"\")\"");
  EXPECT_EQ(csv_field("@SUM(1+1)"), "'@SUM(1+1)");
  EXPECT_EQ(csv_field("+31 6"), "'+31 6");
  EXPECT_EQ(csv_field("-2+3+cmd|' /C calc'!A0"), "'-2+3+cmd|' /C calc'!A0");
  EXPECT_EQ(csv_field("- gemiddeld"), "'- gemiddeld");
  EXPECT_EQ(csv_field("\tx"), "'\tx");
  EXPECT_EQ(csv_field("\rx"), "\"'\rx\"");
  // Our numbers (cell_csv: no grouping, decimal comma) stay numbers for Excel.
  EXPECT_EQ(csv_field("-944"), "-944");
  EXPECT_EQ(csv_field("-12,5"), "-12,5");
  EXPECT_EQ(csv_field("1234"), "1234");
  EXPECT_EQ(csv_field("<10"), "<10");
  EXPECT_EQ(csv_field("a=b"), "a=b");
}

}  // namespace
}  // namespace sdm
