#include "load/encoding.h"

#include <algorithm>
#include <cstdint>

#include "util/text.h"

namespace sdm {
namespace {

// Windows-1252 code points for bytes 0x80-0x9F (0 where the byte is undefined).
constexpr char32_t kCp1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace

// Well-formed UTF-8 as the Unicode standard defines it (table 3-7): no overlong forms, no
// surrogates (ED A0–BF), nothing above U+10FFFF (F4 90 and up, F5–FF).

bool looks_like_utf16(std::string_view bytes) {
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) return true;
  // Text made in Excel starts with the header line: mostly ASCII.
  size_t pairs = std::min<size_t>(bytes.size(), 512) / 2;
  size_t even = 0, odd = 0;
  for (size_t i = 0; i < pairs; ++i) {
    even += bytes[2 * i] == '\0';
    odd += bytes[2 * i + 1] == '\0';
  }
  return pairs > 0 && std::max(even, odd) * 2 > pairs;
}

DecodedText decode_text(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  const Utf8Scan scan = scan_utf8(bytes);
  if (scan.first_invalid == std::string_view::npos) return {std::string(bytes), false};
  // Before `offset` the text is UTF-8, or Windows-1252 (one byte a character).
  auto invalid_at = [&](size_t offset, bool utf8) {
    DecodedText out;
    size_t newline = offset == 0 ? std::string_view::npos : bytes.rfind('\n', offset - 1);
    size_t line_start = newline == std::string_view::npos ? 0 : newline + 1;
    out.invalid_line =
        1 + static_cast<int>(std::count(bytes.begin(), bytes.begin() + offset, '\n'));
    out.invalid_column = utf8 ? text_column(bytes.substr(line_start), offset - line_start)
                              : static_cast<int>(offset - line_start) + 1;
    return out;
  };
  if (scan.multi_byte > 0) return invalid_at(scan.first_invalid, true);
  DecodedText out;
  out.was_windows_1252 = true;
  for (size_t i = 0; i < bytes.size(); ++i) {
    auto c = static_cast<uint8_t>(bytes[i]);
    char32_t cp = c < 0x80 ? c : c < 0xA0 ? kCp1252High[c - 0x80] : c;
    if (cp == 0 && c != 0) return invalid_at(i, false);
    append_utf8(out.text, cp);
  }
  return out;
}

}  // namespace sdm
