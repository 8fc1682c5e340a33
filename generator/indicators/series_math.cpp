#include "indicators/series_math.h"

#include <algorithm>
#include <limits>

namespace sdm {

std::optional<YearChange> yearly_change(const TimeSeries& s, int year) {
  double sum = 0, previous_sum = 0;
  int months = 0, previous_months = 0;
  double smallest = std::numeric_limits<double>::max();
  for (size_t i = 0; i < s.periods.size(); ++i) {
    const Period& p = s.periods[i];
    if (p.kind != Period::Kind::Month || !s.values[i]) continue;
    if (p.year == year) {
      sum += *s.values[i];
      ++months;
    } else if (p.year == year - 1) {
      previous_sum += *s.values[i];
      ++previous_months;
    } else {
      continue;
    }
    smallest = std::min(smallest, *s.values[i]);
  }
  if (months == 0 || previous_months != 12 || previous_sum == 0) return std::nullopt;
  YearChange c;
  c.months = months;
  c.average = sum / months;
  c.previous_average = previous_sum / 12;
  c.percent = (c.average / c.previous_average - 1) * 100;
  c.smallest_count = smallest;
  return c;
}

TimeSeries quarter_sums(const TimeSeries& monthly) {
  TimeSeries out;
  out.name = monthly.name;
  out.unit = monthly.unit;
  std::vector<int> month_counts;
  for (size_t i = 0; i < monthly.periods.size(); ++i) {
    Period q = monthly.periods[i].quarter_of();
    if (out.periods.empty() || !(out.periods.back() == q)) {
      out.periods.push_back(q);
      out.values.push_back(0.0);
      month_counts.push_back(0);
    }
    if (monthly.values[i]) {
      *out.values.back() += *monthly.values[i];
      ++month_counts.back();
    }
  }
  for (size_t i = 0; i < out.values.size(); ++i)
    if (month_counts[i] != 3) out.values[i].reset();
  return out;
}

TimeSeries cumulative_within_year(const TimeSeries& s) {
  TimeSeries out = s;
  double running = 0;
  for (size_t i = 0; i < s.periods.size(); ++i) {
    if (i == 0 || s.periods[i].year != s.periods[i - 1].year) running = 0;
    if (s.values[i]) {
      running += *s.values[i];
      out.values[i] = running;
    }
  }
  return out;
}

std::optional<double> year_total(const TimeSeries& s, int year) {
  std::optional<double> total;
  for (size_t i = 0; i < s.periods.size(); ++i)
    if (s.periods[i].year == year && s.values[i]) total = total.value_or(0) + *s.values[i];
  return total;
}

std::optional<size_t> last_index(const TimeSeries& s) {
  for (size_t i = s.values.size(); i-- > 0;)
    if (s.values[i]) return i;
  return std::nullopt;
}

}  // namespace sdm
