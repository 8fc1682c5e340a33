#pragma once
// Text as analysts save it: UTF-8 with or without BOM, or Windows-1252 from older Excel.

#include <string>
#include <string_view>

namespace sdm {

struct DecodedText {
  std::string text;               // UTF-8 without BOM, line endings left as they were
  bool was_windows_1252 = false;  // converted from Windows-1252
  // Where the bytes are neither UTF-8 nor Windows-1252 (1-based, column in characters; 0 when
  // they are fine); `text` is then empty.
  int invalid_line = 0;
  int invalid_column = 0;
};

// True for UTF-16 text (Excel's "Unicode-tekst"): a UTF-16 byte order mark, or the NUL byte that
// every ASCII character has in UTF-16 at even (big-endian) or odd (little-endian) positions.
bool looks_like_utf16(std::string_view bytes);

// Strips a UTF-8 BOM; converts Windows-1252 when the bytes are not valid UTF-8 and have no
// character of two or more bytes in UTF-8 (a plain export from older Excel). Bytes that mix
// UTF-8 characters with invalid ones are damaged UTF-8: invalid at the first invalid byte, as is
// a byte Windows-1252 does not define.
DecodedText decode_text(std::string_view bytes);

}  // namespace sdm
