#pragma once
// Numbers as they appear in Dutch Excel exports: 1.234,5  € 7.133.000  2,1%  -/-944.050

#include <optional>
#include <string>
#include <string_view>

namespace sdm {

struct ParsedNumber {
  std::optional<double> value;
  std::string error;  // Dutch, set when value is empty
};

// In a ';'-separated file the comma is the decimal mark and '.' groups thousands (groups of
// exactly three digits, so "1.23" is rejected rather than guessed). In a ','-separated file the
// point is the decimal mark and no grouping is allowed.
ParsedNumber parse_number(std::string_view text, char separator);

// A mark an export puts where it has no figure: "-", "–", "x", ".", "?". The monitor reads no
// such marks: an unknown figure is an empty cell, and a hidden one the generator marks itself.
bool no_figure_mark(std::string_view text);

}  // namespace sdm
