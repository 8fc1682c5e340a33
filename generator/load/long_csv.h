#pragma once
// The long form of a dataset: one line per observation, as databases and Power BI export it
// (gemeente;regeling;maand;aantal), turned into the wide form every other stage reads (a period
// per line, a column per combination of the other dimensions). Each figure keeps its line and
// column in the long file, so messages point at the observation.

#include <string>
#include <vector>

#include "load/csv.h"
#include "util/diagnostic.h"

namespace sdm {

// The dimensions are every column but the last, which holds the figures; the one whose values
// are all periods becomes the first column, sorted. Columns are the other dimensions' values, in
// the order they first appear, joined by " · " when there are several ("Bedum · IOAW").
// A combination without a line in a period that has lines is 0 when `missing_is_zero` (counts and
// amounts: an export grouped by its dimensions leaves out what it did not find), else no figure;
// a line with an empty figure is no figure either way.
struct WideForm {
  CsvDocument doc;
  std::vector<std::string> dimensions;                   // besides the period: "gemeente"
  std::vector<std::vector<std::string>> column_members;  // of each column: {"Bedum", "IOAW"}
};
WideForm widen_long_csv(const CsvDocument& doc, const std::string& file, Diagnostics& diagnostics,
                        bool missing_is_zero);

}  // namespace sdm
