#pragma once
// Pure functions over time series: yearly change of the monthly average, quarter sums,
// running totals.

#include <optional>

#include "model/table.h"

namespace sdm {

struct YearChange {
  double percent = 0;  // (average of year / average of previous year - 1) * 100
  int months = 0;      // months of `year` used; < 12 means year-to-date
  double average = 0;  // monthly average of `year` (so far)
  double previous_average = 0;
  double smallest_count = 0;  // smallest monthly value used, for disclosure control
};

// Change of the monthly average of `year` against the whole previous year. A year that is not
// complete counts its months so far (year-to-date). Needs all 12 months of the previous year and
// at least one month of `year`; monthly series only.
std::optional<YearChange> yearly_change(const TimeSeries& series, int year);

// Sums months into quarters. A quarter missing any month is left empty (never a partial sum).
TimeSeries quarter_sums(const TimeSeries& monthly);

// Running total within each calendar year.
TimeSeries cumulative_within_year(const TimeSeries& series);

// Sum of the values in `year`; empty when the year has no values.
std::optional<double> year_total(const TimeSeries& series, int year);

// Index of the last period with a value.
std::optional<size_t> last_index(const TimeSeries& series);

// A change counts as "nagenoeg gelijk" when it shows as 0,0% at one decimal: |change| < 0,05%.
constexpr double kSteadyBand = 0.05;

}  // namespace sdm
