#include "load/text_file.h"

namespace sdm {
namespace {

const char kDamagedUtf8Hint[] =
    "typ het teken op deze plek opnieuw (vaak een ë, ï, é of €) en sla het bestand op als UTF-8";

// False, with one error, for bytes that are no text decode_text can read: UTF-16, or a file with
// NUL bytes (an Excel workbook renamed to .csv). Reading on would give an error per line.
bool readable_text(std::string_view bytes, const std::string& file, const char* hint,
                   Diagnostics& diagnostics) {
  if (looks_like_utf16(bytes)) {
    diagnostics.error({file, 0, 0}, "bestand is opgeslagen als UTF-16", hint);
    return false;
  }
  if (bytes.find('\0') != std::string_view::npos) {
    diagnostics.error({file, 0, 0}, "bestand is geen tekst: het bevat NUL-tekens", hint);
    return false;
  }
  return true;
}

// The bytes as UTF-8 text; nothing, with one error at the first bad byte, when they are damaged
// UTF-8 (reading on would publish "geÃ¯soleerd" for "geïsoleerd").
std::optional<DecodedText> decode_or_report(std::string_view bytes, const std::string& file,
                                            Diagnostics& diagnostics) {
  DecodedText decoded = decode_text(bytes);
  if (decoded.invalid_line == 0) return decoded;
  diagnostics.error({file, decoded.invalid_line, decoded.invalid_column},
                    "ongeldig teken: het bestand is geen geldige UTF-8", kDamagedUtf8Hint);
  return std::nullopt;
}

}  // namespace

std::optional<DecodedText> read_text(std::string_view bytes, const std::string& file,
                                     const char* not_text_hint, Diagnostics& diagnostics) {
  if (!readable_text(bytes, file, not_text_hint, diagnostics)) return std::nullopt;
  return decode_or_report(bytes, file, diagnostics);
}

}  // namespace sdm
