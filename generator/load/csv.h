#pragma once
// RFC 4180 CSV as exported by Excel: ';' or ',' separated, quoted fields, CRLF, BOM.

#include <string>
#include <string_view>
#include <vector>

#include "util/diagnostic.h"

namespace sdm {

struct CsvField {
  std::string text;
  int line = 0;
  int column = 0;  // 1-based character column of the field's first character
};

struct CsvDocument {
  char separator = ';';
  std::vector<std::vector<CsvField>> rows;  // blank lines are skipped
};

// Parses UTF-8 text; the separator is the one of ';' and ',' found in the header line
// (';' when both). Reports unterminated quotes into `diagnostics`.
CsvDocument parse_csv(std::string_view text, const std::string& file, Diagnostics& diagnostics);

}  // namespace sdm
