#pragma once
// Text as analysts save it: UTF-8 with or without BOM, or Windows-1252 from older Excel.

#include <string>
#include <string_view>

namespace sdm {

struct DecodedText {
  std::string text;               // UTF-8 without BOM, line endings left as they were
  bool was_windows_1252 = false;  // converted from Windows-1252
};

// True for UTF-16 text (Excel's "Unicode-tekst"): a UTF-16 byte order mark, or the NUL byte that
// every ASCII character has in UTF-16 at even (big-endian) or odd (little-endian) positions.
bool looks_like_utf16(std::string_view bytes);

// Strips a UTF-8 BOM; converts Windows-1252 when the bytes are not valid UTF-8.
DecodedText decode_text(std::string_view bytes);

}  // namespace sdm
