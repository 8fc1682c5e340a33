#include "indicators/client_counts.h"

#include <algorithm>

#include "format/dutch.h"
#include "model/data_terms.h"
#include "util/text.h"

namespace sdm {
namespace {

void attach(RawValue& v, const Table& counts, const std::string& category, const Period& period,
            std::vector<std::string>& untied) {
  if (!v.value) return;
  v.clients = client_cells(counts, category, period);
  if (v.clients.empty())
    untied.push_back(category + ", " + format_period(period, PeriodStyle::Long));
  for (const auto& c : v.clients) {
    double n = *counts.cells[*counts.row_index(c.row)][*counts.column_index(c.column)].value;
    v.client_count = std::min(v.client_count.value_or(n), n);
  }
}

}  // namespace

std::vector<std::string> attach_client_counts(ChartData& chart, const Table& counts,
                                              const std::string& year_lines_column) {
  std::vector<std::string> untied;
  // Year lines hold one column's months per year; the category is that column.
  const bool years = chart.spec.view == ChartView::YearLines;
  for (auto& series : chart.series) {
    if (series.role != SeriesRole::Data) continue;
    std::string category = !years                       ? series.label
                           : !year_lines_column.empty() ? year_lines_column
                           : chart.spec.columns.empty() ? series.label
                                                        : chart.spec.columns.front();
    // Year lines of a second column are "2024 · Verplichtingen": that column's name.
    const size_t named = series.label.find(" · ");
    if (years && named != std::string::npos && chart.spec.columns.size() > 1)
      for (const auto& c : chart.spec.columns)
        if (starts_with_ci(series.label.substr(named + std::string_view(" · ").size()), c))
          category = c;
    // Bars of categories (voorziening × kwartaal): the categories along the axis, a series per
    // period.
    const auto series_period = Period::parse(series.label);
    for (size_t j = 0; j < series.points.size() && j < chart.x.size(); ++j) {
      std::optional<Period> period = chart.x[j].period;
      if (years && period) period = Period::of_month(std::stoi(series.label), period->month);
      if (period)
        attach(series.points[j], counts, category, *period, untied);
      else if (series_period && !years)
        attach(series.points[j], counts, chart.x[j].label, *series_period, untied);
      else if (series.points[j].value)
        untied.push_back(series.label + ", " + chart.x[j].label);
    }
  }
  return untied;
}

std::vector<std::string> attach_client_counts(TableData& table, const Table& counts) {
  std::vector<std::string> untied;
  for (auto& row : table.rows) {
    if (row.total) continue;
    for (size_t c = 0; c < row.cells.size() && c < table.columns.size(); ++c) {
      if (table.columns[c].period)
        attach(row.cells[c], counts, row.key.label, *table.columns[c].period, untied);
      else if (row.key.period)
        attach(row.cells[c], counts, table.columns[c].label, *row.key.period, untied);
      else if (row.cells[c].value)
        untied.push_back(row.key.label + ", " + table.columns[c].label);
    }
  }
  return untied;
}

}  // namespace sdm
