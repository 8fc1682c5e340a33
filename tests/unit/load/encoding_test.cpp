#include "load/encoding.h"

#include <gtest/gtest.h>

#include <string>

#include "util/text.h"

namespace sdm {
namespace {

TEST(Utf8, AcceptsWellFormedText) {
  EXPECT_TRUE(is_valid_utf8("Cli\xC3\xABnten \xE2\x82\xAC 7"));  // ë, €
  EXPECT_TRUE(is_valid_utf8("\xF0\x9F\x98\x80"));                // U+1F600
  EXPECT_TRUE(is_valid_utf8("\xEF\xBF\xBD"));                    // U+FFFD
  EXPECT_TRUE(is_valid_utf8("\xF4\x8F\xBF\xBF"));                // U+10FFFF, the last
  EXPECT_TRUE(is_valid_utf8("\xED\x9F\xBF"));                    // U+D7FF, just below surrogates
  EXPECT_TRUE(is_valid_utf8(""));
}

TEST(Utf8, RefusesOverlongSurrogatesAndTooLarge) {
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(is_valid_utf8("\xC1\xBF"));          // overlong
  EXPECT_FALSE(is_valid_utf8("\xE0\x80\xAF"));      // overlong '/' in three bytes
  EXPECT_FALSE(is_valid_utf8("\xF0\x80\x80\xAF"));  // overlong '/' in four bytes
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // U+D800, a surrogate
  EXPECT_FALSE(is_valid_utf8("\xED\xBF\xBF"));      // U+DFFF
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // U+110000
  for (char lead : {'\xF5', '\xF6', '\xF7', '\xF8', '\xFF'})
    EXPECT_FALSE(is_valid_utf8(std::string(1, lead) + "\x80\x80\x80")) << int(lead & 0xFF);
  EXPECT_FALSE(is_valid_utf8("\xC3"));          // cut off
  EXPECT_FALSE(is_valid_utf8("\xE2\x82"));      // cut off
  EXPECT_FALSE(is_valid_utf8("\xE2\x82\x41"));  // not a continuation byte
  EXPECT_FALSE(is_valid_utf8("\x80"));          // continuation byte first
}

TEST(Utf8, IllFormedTextIsReadAsWindows1252) {
  // A surrogate written as UTF-8 (CESU-8) is not UTF-8: read as Windows-1252, with the warning.
  auto decoded = decode_text("a\xED\xA0\x80");
  EXPECT_TRUE(decoded.was_windows_1252);
  EXPECT_TRUE(is_valid_utf8(decoded.text));
}

TEST(Utf16, RecognisedWithAndWithoutByteOrderMark) {
  using namespace std::string_literals;
  EXPECT_TRUE(looks_like_utf16("\xFF\xFEm\0a\0"s));
  EXPECT_TRUE(looks_like_utf16("\xFE\xFF\0m\0a"s));
  EXPECT_TRUE(looks_like_utf16("m\0a\0a\0n\0d\0;\0"s));  // little-endian, no BOM
  EXPECT_TRUE(looks_like_utf16("\0m\0a\0a\0n\0d\0;"s));  // big-endian, no BOM
  EXPECT_FALSE(looks_like_utf16("maand;Totaal\n2024-01;12\n"));
  EXPECT_FALSE(looks_like_utf16("\xEF\xBB\xBFmaand;Totaal\n"));
  EXPECT_FALSE(looks_like_utf16(""));
  // A single NUL in text is no UTF-16 (read_table reports it as not text).
  EXPECT_FALSE(
      looks_like_utf16("maand;Totaal\n2024-01;1\0"s
                       "2\n"));
}

}  // namespace
}  // namespace sdm
