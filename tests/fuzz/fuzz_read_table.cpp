// libFuzzer target: CSV bytes -> read_table() (encoding detection, CSV parsing, number parsing,
// table building), then the series views the later stages use.

#include <cmath>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>

#include "fuzz_common.h"
#include "load/load_edition.h"

using namespace sdm;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const std::string file = "content/e/data/x.csv";
  // The declared unit changes how cells are read (text rows keep their text); take it from the
  // input length so that both paths are fuzzed without changing the corpus format.
  const Unit unit = size % 7 == 0 ? Unit::Text : size % 3 == 0 ? Unit::Euro : Unit::Persons;
  Diagnostics d;
  Table t = read_table("x.csv", file, bytes, unit, d);

  fuzz::check_diagnostics(d, file, 1, fuzz::line_count(bytes));

  // Shape invariants the indicator stages index by without checking.
  const size_t rows = t.row_keys.size();
  SDM_FUZZ_CHECK(t.cells.size() == rows && t.row_units.size() == rows && t.row_lines.size() == rows,
                 "ragged row vectors: %zu keys, %zu cell rows, %zu units, %zu lines", rows,
                 t.cells.size(), t.row_units.size(), t.row_lines.size());
  SDM_FUZZ_CHECK(t.column_positions.size() == t.columns.size(), "column positions out of step");
  for (const auto& row : t.cells)
    SDM_FUZZ_CHECK(row.size() == t.columns.size(), "row with %zu cells, %zu columns", row.size(),
                   t.columns.size());
  SDM_FUZZ_CHECK(t.row_periods.empty() || t.row_periods.size() == rows, "partial row periods");
  SDM_FUZZ_CHECK(t.column_periods.empty() || t.column_periods.size() == t.columns.size(),
                 "partial column periods");
  std::set<std::string> keys(t.row_keys.begin(), t.row_keys.end());
  SDM_FUZZ_CHECK(keys.size() == rows, "duplicate row key accepted");

  for (const auto& row : t.cells)
    for (const auto& cell : row) {
      // A number that overflows to infinity is not a figure; it must be reported, not published
      // (309+ digits once parsed to inf: findings/fuzz_read_table/huge-number-inf.csv).
      SDM_FUZZ_CHECK(!cell.value || std::isfinite(*cell.value), "non-finite cell value at %d:%d",
                     cell.line, cell.column);
      // Every cell has a location, also an empty last field at the end of a file without a final
      // newline (findings/fuzz_read_table/trailing-empty-field-no-location.csv).
      SDM_FUZZ_CHECK(cell.line >= 1 && cell.column >= 1, "cell without location");
    }

  // Whatever loaded must be readable as series by name.
  for (const auto& name : series_names(t)) {
    auto s = series_of(t, name);
    SDM_FUZZ_CHECK(s.has_value(), "series_names() lists '%s' but series_of() fails", name.c_str());
    SDM_FUZZ_CHECK(s->periods.size() == s->values.size(), "series out of step");
  }
  return 0;
}
