#include "indicators/rates.h"

#include "util/text.h"

namespace sdm {
namespace {

std::string note(const std::string& declared) {
  if (!population_per_series(declared))
    return "Aantal per 1.000 " + population_text(population_column(declared)) +
           ", naar de bevolking op de laatste peildatum vóór of in de periode.";
  std::string group(trim(population_column(declared, "")));
  return "Aantal per 1.000 " + population_text(group.empty() ? "totaal" : group) +
         ", elke reeks naar haar eigen bevolking op de laatste peildatum vóór of in de periode.";
}

void rate_cell(RawValue& v, const Table& population, const std::string& group,
               const std::optional<Period>& period) {
  if (!v.value) return;
  auto inhabitants = period ? population_at(population, group, *period) : std::nullopt;
  if (inhabitants && *inhabitants > 0) {
    to_rate(v, *inhabitants);
  } else {
    v.value.reset();  // no population for this period: no rate rather than a wrong one
    v.terms.clear();
  }
}

}  // namespace

std::string population_text(const std::string& group) {
  if (group.empty() || group == "totaal") return "inwoners";
  std::string shown;
  for (char c : group) shown += c == '-' ? std::string("–") : std::string(1, c);
  return "inwoners van " + shown + " jaar";
}

void to_rate(RawValue& v, double inhabitants) {
  if (!v.value) return;
  v.value = *v.value * 1000 / inhabitants;
  v.rate_base = inhabitants;
}

void rates_per_thousand(ChartData& chart, const Table& population, const std::string& declared,
                        const std::string& year_lines_column) {
  for (auto& series : chart.series) {
    if (series.role != SeriesRole::Data) continue;
    const std::string group = population_column(
        declared, chart.spec.view == ChartView::YearLines ? year_lines_column : series.label);
    for (size_t j = 0; j < series.points.size() && j < chart.x.size(); ++j) {
      std::optional<Period> period = chart.x[j].period;
      // Year lines put every year on the months of 2000; the series names the year.
      if (period && chart.spec.view == ChartView::YearLines)
        period = Period::of_month(std::stoi(series.label), period->month);
      rate_cell(series.points[j], population, group, period);
    }
  }
  chart.unit = Unit::Mark;
  chart.format = {};  // a rate is as precise as the text beside it, whatever the counts
  chart.notes.push_back(note(declared));
}

void rates_per_thousand(TableData& table, const Table& population, const std::string& declared) {
  for (auto& row : table.rows) {
    if (row.unit != Unit::Persons) continue;
    for (size_t c = 0; c < row.cells.size() && c < table.columns.size(); ++c) {
      // A series runs along the periods: a column when the rows are periods, else a row.
      const std::string& series = row.key.period ? table.columns[c].label : row.key.label;
      rate_cell(row.cells[c], population, population_column(declared, series),
                table.columns[c].period ? table.columns[c].period : row.key.period);
    }
    row.unit = Unit::Mark;
  }
  table.notes.push_back(note(declared));
}

}  // namespace sdm
