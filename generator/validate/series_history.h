#pragma once
// A value far outside its own history, in a dataset of months or quarters: most often a unit
// mistake in the export (euros among thousands of euros, a cumulative figure among monthly ones).

#include "model/table.h"
#include "util/diagnostic.h"

namespace sdm {

// At most one warning per column: at the first value more than kOutlierFactor times, or less than
// 1/kOutlierFactor of, the median of the earlier values of that column. Needs at least
// kOutlierHistory earlier values; zeros, negative values and empty cells are left out.
void check_series_history(const Table& table, Diagnostics& diagnostics);

constexpr double kOutlierFactor = 10;
constexpr size_t kOutlierHistory = 6;

}  // namespace sdm
