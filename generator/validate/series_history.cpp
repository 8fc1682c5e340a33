#include "validate/series_history.h"

#include <algorithm>

#include "format/dutch.h"

namespace sdm {
namespace {

double median_of_sorted(const std::vector<double>& values) {
  size_t mid = values.size() / 2;
  return values.size() % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

int decimals_for(Unit unit) {
  return unit == Unit::Percent || unit == Unit::Mark ? 1 : 0;
}

}  // namespace

void check_series_history(const Table& table, Diagnostics& diagnostics) {
  if (!table.rows_are_periods()) return;
  Period::Kind kind = table.row_periods.front().kind;
  if (kind != Period::Kind::Month && kind != Period::Kind::Quarter) return;
  const char* earlier = kind == Period::Kind::Month ? "eerdere maanden" : "eerdere kwartalen";
  for (size_t c = 0; c < table.columns.size(); ++c) {
    std::vector<double> history;  // sorted, so each median is read off, not searched for
    for (size_t r = 0; r < table.cells.size(); ++r) {
      const Cell& cell = table.cells[r][c];
      if (table.unit_at(r, c) == Unit::Text || !cell.value || *cell.value <= 0) continue;
      double value = *cell.value;
      if (history.size() >= kOutlierHistory) {
        double typical = median_of_sorted(history);
        bool high = value > kOutlierFactor * typical;
        if (high || value * kOutlierFactor < typical) {
          int decimals = decimals_for(table.unit_at(r, c));
          diagnostics.warning(
              {table.file, cell.line, cell.column},
              "'" + table.columns[c] + "' in " + format_period(table.row_periods[r]) + " (" +
                  format_number(value, decimals) + ") is " +
                  (high ? "meer dan tien keer" : "minder dan een tiende van") +
                  " de mediaan van de " + earlier + " (" + format_number(typical, decimals) + ")",
              table.unit_at(r, c) == Unit::Euro
                  ? "controleer de export: staan de bedragen in euro's of in duizenden euro's?"
                  : "controleer de export: staat dit getal in dezelfde eenheid als de rest, "
                    "en niet opgeteld over meer perioden?");
          break;
        }
      }
      history.insert(std::upper_bound(history.begin(), history.end(), value), value);
    }
  }
}

}  // namespace sdm
