#include "indicators/chart_data.h"

#include <set>

#include "indicators/series_math.h"
#include "indicators/shares.h"
#include "model/data_terms.h"

namespace sdm {
namespace {

RawValue raw(std::optional<double> value, Unit unit, std::vector<DataTerm> terms = {}) {
  RawValue v{value, std::nullopt, {}};
  if (value) v.sources = cells_of(terms);
  if (unit == Unit::Persons && value) {
    v.persons = value;
    v.terms = std::move(terms);
  }
  return v;
}

// The columns drawn, each with its name in the chart: all, those of `kolommen`, or in a dataset in
// long form those that pass the filter, named without what it fixes ("Bedum", not "Bedum · IOAW").
struct Drawn {
  std::string column;
  std::string label;
};

std::vector<Drawn> chosen_columns(const ChartSpec& spec, const Table& table) {
  std::vector<Drawn> out;
  for (const auto& column : spec.columns.empty() ? table.columns : spec.columns) {
    auto c = table.column_index(column);
    if (c && !column_passes(table, *c, spec.filter)) continue;
    out.push_back({column, c ? column_label(table, *c, spec.filter) : column});
  }
  return out;
}

void year_lines(ChartData& chart, const Table& table, const Table* budget) {
  // A line per year of the first column, named after the year; the other columns (verplichtingen
  // beside realisatie, baten beside lasten) a line per year too, "2024 · Verplichtingen".
  auto drawn = chosen_columns(chart.spec, table);
  // Without `kolommen:` the first column only, as before: its name is not in the legend.
  if (chart.spec.columns.empty() && drawn.size() > 1) drawn.resize(1);
  for (int m = 1; m <= 12; ++m) chart.x.push_back({Period::of_month(kYearLinesYear, m), {}});
  chart.x_title = "Maand";
  std::set<int> years;
  struct Column {
    std::string name, suffix;
    TimeSeries s;
  };
  std::vector<Column> columns;
  for (const auto& [column, label] : drawn) {
    auto s = series_of(table, column);
    if (!s) continue;  // reported by check_chart
    if (chart.spec.cumulative) *s = cumulative_within_year(*s);
    for (const auto& p : s->periods) years.insert(p.year);
    std::string name = label;
    if (!name.empty() && name[0] >= 'a' && name[0] <= 'z')
      name[0] = static_cast<char>(name[0] - 'a' + 'A');
    columns.push_back({column, columns.empty() ? "" : " · " + name, std::move(*s)});
  }
  for (int year : years)
    for (const auto& [column, suffix, s] : columns) {
      RawSeries line{std::to_string(year) + suffix, SeriesRole::Data, std::vector<RawValue>(12)};
      for (size_t i = 0; i < s.periods.size(); ++i) {
        const Period& p = s.periods[i];
        if (p.year != year) continue;
        // A running total is the months of its year so far.
        int from = chart.spec.cumulative ? Period::of_month(year, 1).start_key() : p.start_key();
        line.points[p.month - 1] =
            raw(s.values[i], s.unit, series_terms(table, column, from, p.end_key()));
      }
      chart.series.push_back(std::move(line));
    }
  if (!budget) return;
  auto budget_col = budget->column_index("begroting");
  auto forecast_col = budget->column_index("prognose");
  for (int year : years) {
    auto row = budget->row_index(std::to_string(year));
    if (!row) continue;
    auto add = [&](std::optional<size_t> col, SeriesRole role, const std::string& name) {
      if (!col || !budget->cells[*row][*col].value) return;
      RawValue v{budget->cells[*row][*col].value, std::nullopt, {}};
      chart.series.push_back(
          {name + " " + std::to_string(year), role, std::vector<RawValue>(12, v)});
    };
    add(budget_col, SeriesRole::Budget, "Begroting");
    if (year == *years.rbegin()) add(forecast_col, SeriesRole::Forecast, "Prognose");
  }
}

void over_time(ChartData& chart, const Table& table) {
  bool quarters = chart.spec.per_quarter;
  bool first = true;
  for (const auto& [column, label] : chosen_columns(chart.spec, table)) {
    TimeSeries s = *series_of(table, column);
    if (quarters) s = quarter_sums(s);
    if (first) {
      for (const auto& p : s.periods) chart.x.push_back({p, {}});
      first = false;
    }
    RawSeries series{label, SeriesRole::Data, {}};
    for (size_t i = 0; i < s.values.size(); ++i)
      series.points.push_back(
          raw(s.values[i], s.unit,
              series_terms(table, column, s.periods[i].start_key(), s.periods[i].end_key())));
    chart.series.push_back(std::move(series));
  }
  chart.x_title = quarters ? "Kwartaal" : table.key_header;
  if (quarters)
    chart.notes.push_back(
        "De maandcijfers zijn per kwartaal opgeteld omdat de aantallen per maand "
        "klein zijn.");
}

void categories(ChartData& chart, const Table& table) {
  auto columns = chosen_columns(chart.spec, table);
  // The rows drawn: all, or those a filter on the first column chooses.
  std::vector<size_t> rows;
  for (size_t r = 0; r < table.row_keys.size(); ++r)
    if (row_passes(table, r, chart.spec.filter)) rows.push_back(r);
  for (size_t r : rows)
    chart.x.push_back(
        {table.rows_are_periods() ? std::optional(table.row_periods[r]) : std::nullopt,
         table.row_keys[r]});
  chart.x_title = table.key_header;
  for (const auto& [column, label] : columns) {
    auto index = table.column_index(column);
    if (!index) continue;  // reported by check_chart
    size_t c = *index;
    RawSeries series{label, SeriesRole::Data, {}};
    for (size_t r : rows)
      series.points.push_back(raw(table.cells[r][c].value, table.unit_at(r, c),
                                  {{{table.name, table.row_keys[r], table.columns[c]}, 1}}));
    chart.series.push_back(std::move(series));
  }
}

// Bars of years with the begroting of each year as a line over them (the script draws every
// budget series as a line).
void budget_per_year(ChartData& chart, const Table& budget) {
  auto column = budget.column_index("begroting");
  if (!column) return;  // check_chart
  RawSeries line{"Begroting", SeriesRole::Budget, {}};
  for (const auto& key : chart.x) {
    RawValue v;
    if (key.period && key.period->kind == Period::Kind::Year)
      if (auto row = budget.row_index(std::to_string(key.period->year)))
        v.value = budget.cells[*row][*column].value;
    line.points.push_back(v);
  }
  chart.series.push_back(std::move(line));
}

void shares(ChartData& chart, const Table& table) {
  categories(chart, table);
  chart.percent = true;
  chart.stacked = true;
  // Each period's shares: the counts stay attached for disclosure control, and the shares of one
  // period add up to exactly 100 (largest remainder), which a reader can use.
  for (size_t r = 0; r < chart.x.size(); ++r) {
    std::vector<std::optional<double>> row;
    for (const auto& s : chart.series) row.push_back(s.points[r].value);
    auto percent = shares_percent(row, 1);
    Relation period{{}, std::nullopt, 100.0};
    for (size_t k = 0; k < chart.series.size(); ++k) {
      chart.series[k].points[r].value = percent[k];
      if (percent[k]) period.parts.push_back({k, r});
    }
    if (!period.parts.empty()) chart.relations.push_back(std::move(period));
  }
}

}  // namespace

ChartData chart_data(const ChartSpec& spec, const Table& table, const DatasetInfo& info,
                     const Table* budget) {
  ChartData chart;
  chart.spec = spec;
  chart.source = info.source;
  chart.reference_note = info.reference_note;
  chart.unit = info.unit;
  // The first column drawn says how the values read: its own unit (a mean beside counts) and
  // its decimals.
  if (auto first = chosen_columns(spec, table); !first.empty()) {
    chart.format = format_of(info, first.front().column);
    if (auto c = table.column_index(first.front().column); c && table.rows_are_periods())
      chart.unit = table.unit_at(0, *c);
  }
  switch (spec.view) {
    case ChartView::YearLines:
      year_lines(chart, table, budget);
      break;
    case ChartView::Line:
      over_time(chart, table);
      break;
    case ChartView::InOut:
      over_time(chart, table);
      chart.bars = true;
      break;
    case ChartView::Bar:
      // Months summed per quarter are periods along the axis, as in a line.
      if (spec.per_quarter)
        over_time(chart, table);
      else
        categories(chart, table);
      if (budget) budget_per_year(chart, *budget);
      chart.bars = true;
      break;
    case ChartView::Shares:
      shares(chart, table);
      chart.bars = true;
      break;
  }
  return chart;
}

}  // namespace sdm
