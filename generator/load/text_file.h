#pragma once
// The bytes of a file an editor saved, as UTF-8 text: refused with one error when they are no
// text (UTF-16, an Excel workbook renamed) or damaged UTF-8.

#include <optional>
#include <string>
#include <string_view>

#include "load/encoding.h"
#include "util/diagnostic.h"

namespace sdm {

inline constexpr char kSaveCsvHint[] =
    "sla het bestand in Excel op als 'CSV UTF-8 (door lijstscheidingsteken gescheiden)'";
inline constexpr char kSaveTextHint[] = "sla het bestand op als tekst met de codering UTF-8";

// The text of `bytes` (the file `file`); nothing, with one error, when they cannot be read as
// text. `not_text_hint` is the tip for bytes that are no text at all: how to save the file again.
std::optional<DecodedText> read_text(std::string_view bytes, const std::string& file,
                                     const char* not_text_hint, Diagnostics& diagnostics);

}  // namespace sdm
