#pragma once
// A dataset's CSV file as a Table: the header gives the columns, each further line a row of
// cells, numbers read the Dutch way or as the separator implies.

#include <map>
#include <string>
#include <string_view>

#include "model/table.h"
#include "model/unit.h"
#include "util/diagnostic.h"

namespace sdm {

// Builds a Table from CSV text with the dataset's declared unit (a column of `column_units` has
// its own), from the long form (one line per observation, long_csv.h) when `long_form`.
// Problems go to `diagnostics`; the table holds whatever could be read.
Table read_table(const std::string& name, const std::string& file, std::string_view bytes,
                 Unit unit, Diagnostics& diagnostics, bool long_form = false,
                 const std::map<std::string, Unit>& column_units = {});

}  // namespace sdm
