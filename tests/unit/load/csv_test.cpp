#include "load/csv.h"

#include <gtest/gtest.h>

#include <cmath>

#include "format/number.h"
#include "load/encoding.h"

namespace sdm {
namespace {

TEST(Csv, ReadsSemicolonsQuotesAndCrlf) {
  Diagnostics d;
  auto doc =
      parse_csv("maand;\"naam; met puntkomma\"\r\n2024-01;\"zei \"\"hoi\"\"\"\r\n\r\n", "t.csv", d);
  EXPECT_FALSE(d.has_errors());
  EXPECT_EQ(doc.separator, ';');
  ASSERT_EQ(doc.rows.size(), 2u);
  EXPECT_EQ(doc.rows[0][1].text, "naam; met puntkomma");
  EXPECT_EQ(doc.rows[1][1].text, "zei \"hoi\"");
  EXPECT_EQ(doc.rows[1][1].line, 2);
  EXPECT_EQ(doc.rows[1][1].column, 9);
}

TEST(Csv, DetectsCommaSeparator) {
  Diagnostics d;
  auto doc = parse_csv("a,b\n1,2\n", "t.csv", d);
  EXPECT_EQ(doc.separator, ',');
  EXPECT_EQ(doc.rows[1][1].text, "2");
}

TEST(Csv, ReportsUnterminatedQuoteWithLocation) {
  Diagnostics d;
  parse_csv("a;b\n1;\"open\n", "t.csv", d);
  ASSERT_TRUE(d.has_errors());
  EXPECT_EQ(format_diagnostic(d.items()[0]).substr(0, 13), "t.csv:2:3: fo");
}

TEST(Csv, EmptyLastFieldAtEndOfFileHasALocation) {
  Diagnostics d;
  auto doc = parse_csv("maand;Totaal;", "t.csv", d);
  ASSERT_EQ(doc.rows.size(), 1u);
  ASSERT_EQ(doc.rows[0].size(), 3u);
  EXPECT_EQ(doc.rows[0][2].line, 1);
  EXPECT_EQ(doc.rows[0][2].column, 14);
  // The same field before a newline had its location already.
  auto with_newline = parse_csv("maand;Totaal;\n", "t.csv", d);
  EXPECT_EQ(with_newline.rows[0][2].column, 14);
  // On a later line, after a multi-byte character.
  auto later = parse_csv("a;b\n\xC3\xAB;", "t.csv", d);
  ASSERT_EQ(later.rows.size(), 2u);
  EXPECT_EQ(later.rows[1][1].line, 2);
  EXPECT_EQ(later.rows[1][1].column, 3);
}

TEST(Encoding, ConvertsWindows1252AndStripsBom) {
  EXPECT_EQ(decode_text("\xEF\xBB\xBFok").text, "ok");
  auto decoded = decode_text("Cli\xEBnten \x80");
  EXPECT_TRUE(decoded.was_windows_1252);
  EXPECT_EQ(decoded.text, "Cliënten €");
}

TEST(Number, ReadsDutchNotation) {
  EXPECT_EQ(*parse_number("1.234,5", ';').value, 1234.5);
  EXPECT_EQ(*parse_number("€ 7.133.000", ';').value, 7133000);
  EXPECT_EQ(*parse_number("2,1%", ';').value, 2.1);
  EXPECT_EQ(*parse_number("-/-944.050", ';').value, -944050);
  EXPECT_EQ(*parse_number("1234.5", ',').value, 1234.5);
}

TEST(Number, PlainDigitsReadAsTheGeneralCaseReadsThem) {
  // Plain digits take a shorter way; these are its edges.
  EXPECT_EQ(*parse_number(" 42 ", ';').value, 42);
  EXPECT_EQ(*parse_number("-7,25", ';').value, -7.25);
  EXPECT_TRUE(std::signbit(*parse_number("-0", ';').value));
  EXPECT_EQ(*parse_number("999999999999999", ';').value, 999999999999999.0);      // 15 digits
  EXPECT_EQ(*parse_number("12345678901234567", ';').value, 12345678901234567.0);  // 17
  EXPECT_EQ(*parse_number("0,1", ';').value, 0.1);
  EXPECT_EQ(*parse_number("+5", ';').value, 5);
  EXPECT_EQ(*parse_number("1.5", ',').value, 1.5);
  EXPECT_EQ(*parse_number("3," + std::string(70, '3'), ';').value, 3 + 1.0 / 3);
  EXPECT_FALSE(parse_number("12,", ';').value);
  EXPECT_FALSE(parse_number("-", ';').value);
  EXPECT_FALSE(parse_number("1,2,3", ';').value);
  EXPECT_FALSE(parse_number("1,5", ',').value);
}

TEST(Number, RejectsAmbiguousOrBrokenNumbers) {
  EXPECT_FALSE(parse_number("1.23", ';').value);     // not a thousands group
  EXPECT_FALSE(parse_number("1,234.5", ';').value);  // English notation in a Dutch file
  EXPECT_FALSE(parse_number("12abc", ';').value);
  EXPECT_FALSE(parse_number("", ';').value);
}

TEST(Number, RefusesNumbersTooLargeForADouble) {
  const std::string digits(400, '9');
  ParsedNumber n = parse_number(digits, ';');
  EXPECT_FALSE(n.value);
  EXPECT_EQ(n.error, "'99999999999999999999…' is te groot");
  EXPECT_FALSE(parse_number("-" + digits, ';').value);
  // The largest finite doubles still read.
  EXPECT_TRUE(parse_number(std::string(308, '9'), ';').value);
}

}  // namespace
}  // namespace sdm
