#pragma once
// Escaping for the contexts our output puts data in.

#include <string>
#include <string_view>

#include "pagemodel/json.h"

namespace sdm {

// JSON text made safe inside <script type="application/json">: '<', '>' and '&' as \u escapes,
// so "</script>" or "<!--" in a category name cannot end the element, and U+2028/U+2029 escaped.
std::string script_safe(const std::string& json_text);

// `value` dumped and made safe the same way.
std::string json_for_script(const json& value);

// One CSV field for Dutch Excel: quoted when it holds ';', '"' or a line break, and with a
// leading "'" when Excel would read it as a formula (it starts with = + - @ tab or CR and is not
// a number like -944 or -12,5).
std::string csv_field(std::string_view text);

}  // namespace sdm
