#include "indicators/figures.h"

#include <algorithm>

#include "format/dutch.h"
#include "indicators/rates.h"
#include "indicators/series_math.h"
#include "model/data_terms.h"

namespace sdm {
namespace {

std::string series_name(const Table& table, const std::string& requested) {
  if (!requested.empty()) return requested;
  auto names = series_names(table);
  return names.empty() ? std::string() : names.front();
}

RawValue counted(std::optional<double> value, Unit unit, std::vector<DataTerm> terms = {}) {
  RawValue v{value, std::nullopt, {}};
  if (unit == Unit::Persons && value) {
    v.persons = value;
    v.terms = std::move(terms);
  }
  return v;
}

// The dataset cells of `series` (of `table`) from the first day of `from` to the last of `to`.
std::vector<DataTerm> window(const Table& table, const TimeSeries& series, const Period& from,
                             const Period& to) {
  return series_terms(table, series.name, from.start_key(), to.end_key());
}

std::vector<DataTerm> scaled(std::vector<DataTerm> terms, double factor) {
  for (auto& t : terms) t.coef *= factor;
  return terms;
}

std::optional<double> budget_cell(const Table& table, int year, const std::string& column) {
  auto row = table.row_index(std::to_string(year));
  auto col = table.column_index(column);
  if (!row || !col) return std::nullopt;
  return table.cells[*row][*col].value;
}

struct TileValue {
  RawValue value;
  std::optional<Period> period;
  std::optional<double> budget;
};

std::optional<TileValue> one_tile_value(const TileSpec& spec, const Edition& edition,
                                        std::optional<Period> at);

// The tile's figure: the newest, or (`at`, for a tile of the last value) that of one period;
// summed over its datasets, less what `min:` names for the same period. Amounts only
// (check_tile_figures): they are published as they are.
std::optional<TileValue> tile_value(const TileSpec& spec, const Edition& edition,
                                    std::optional<Period> at = std::nullopt) {
  auto out = one_tile_value(spec, edition, at);
  if (!out || !out->value.value) return out;
  TileSpec part = spec;
  part.more_datasets.clear();
  part.minus.clear();
  for (const auto& other : spec.more_datasets) {
    part.dataset = other;
    auto v = one_tile_value(part, edition, at);
    if (!v || !v->value.value || v->period != out->period) return std::nullopt;
    *out->value.value += *v->value.value;
  }
  if (spec.minus.empty()) return out;
  part.dataset = spec.dataset;
  std::optional<double> less;
  if (auto it = edition.tables.find(spec.dataset);
      it != edition.tables.end() && it->second.column_index(spec.minus)) {
    part.column = spec.minus;
    // The same row as the value: for the last value its period, else the same year.
    auto same = spec.show == TileShow::Last ? out->period : at;
    if (auto v = one_tile_value(part, edition, same); v && v->period == out->period)
      less = v->value.value;
  } else if (auto budget = edition.tables.find(spec.minus);
             budget != edition.tables.end() && out->period) {
    less = budget_cell(budget->second, out->period->year, "begroting");
  }
  if (!less) return std::nullopt;
  *out->value.value -= *less;
  return out;
}

std::optional<TileValue> one_tile_value(const TileSpec& spec, const Edition& edition,
                                        std::optional<Period> at) {
  auto it = edition.tables.find(spec.dataset);
  if (it == edition.tables.end()) return std::nullopt;
  const Table& table = it->second;
  if (spec.show == TileShow::Forecast) {
    // The latest year with a forecast.
    for (size_t r = table.row_keys.size(); r-- > 0;) {
      auto forecast = budget_cell(table, std::atoi(table.row_keys[r].c_str()), "prognose");
      if (!forecast) continue;
      auto period = Period::parse(table.row_keys[r]);
      return TileValue{{forecast, std::nullopt, {}},
                       period,
                       budget_cell(table, period ? period->year : 0, "begroting")};
    }
    return std::nullopt;
  }
  auto series = series_of(table, series_name(table, spec.column));
  if (!series) return std::nullopt;
  auto last = last_index(*series);
  if (at) {
    auto found = std::find(series->periods.begin(), series->periods.end(), *at);
    last = found == series->periods.end() || !series->values[found - series->periods.begin()]
               ? std::nullopt
               : std::optional<size_t>(found - series->periods.begin());
  }
  if (!last) return std::nullopt;
  if (spec.show == TileShow::YearTotal) {
    int year = series->periods[*last].year;
    return TileValue{
        counted(year_total(*series, year), series->unit,
                window(table, *series, Period::of_month(year, 1), series->periods[*last])),
        Period{Period::Kind::Year, year, 12, 4, 0}, std::nullopt};
  }
  return TileValue{counted(series->values[*last], series->unit,
                           window(table, *series, series->periods[*last], series->periods[*last])),
                   series->periods[*last], std::nullopt};
}

}  // namespace

TileData tile_data(const TileSpec& spec, const Edition& edition, const Edition* previous) {
  TileData tile;
  tile.spec = spec;
  auto it = edition.tables.find(spec.dataset);
  tile.unit = spec.show == TileShow::Forecast ? Unit::Euro
              : it != edition.tables.end() && !it->second.row_units.empty()
                  ? it->second.unit_at(
                        0, it->second.column_index(spec.column).value_or(it->second.columns.size()))
                  : Unit::Count;
  if (auto now = tile_value(spec, edition)) {
    tile.value = now->value;
    tile.period = now->period;
    tile.budget = now->budget;
    if (previous) {
      auto before = tile_value(spec, *previous);
      // A year total or forecast is only comparable for the same year.
      bool comparable =
          before && (spec.show == TileShow::Last ||
                     (before->period && now->period && before->period->year == now->period->year));
      if (comparable) tile.previous = before->value;
      // "+3 t.o.v. vorige monitor" beside a chart that revised that month from 609 to 616 says
      // the wrong thing: the change is against the revised figure, and the tile says so.
      if (comparable && spec.show == TileShow::Last && before->period)
        if (auto again = tile_value(spec, edition, before->period);
            again && again->value.value != before->value.value) {
          tile.previous = again->value;
          tile.revised = before->period;
        }
    }
  }
  return tile;
}

std::optional<FigureData> figure_data(const FigureRef& ref, const Edition& edition,
                                      Diagnostics& diagnostics) {
  auto it = edition.tables.find(ref.dataset);
  if (it == edition.tables.end()) return std::nullopt;
  const Table& table = it->second;
  FigureData out;
  out.ref = ref;
  auto fail = [&](const std::string& message,
                  const std::string& hint) -> std::optional<FigureData> {
    diagnostics.error(ref.where, message, hint);
    return std::nullopt;
  };
  switch (ref.function) {
    case FigureFunction::Budget:
    case FigureFunction::Forecast:
    case FigureFunction::Balance: {
      out.unit = Unit::Euro;
      auto budget = budget_cell(table, ref.year, "begroting");
      auto forecast = budget_cell(table, ref.year, "prognose");
      std::optional<double> value = ref.function == FigureFunction::Budget     ? budget
                                    : ref.function == FigureFunction::Forecast ? forecast
                                    : (budget && forecast) ? std::optional(*forecast - *budget)
                                                           : std::nullopt;
      if (!value)
        return fail(
            "geen " +
                std::string(ref.function == FigureFunction::Budget ? "begroting" : "prognose") +
                " voor " + std::to_string(ref.year) + " in " + table.name,
            "vul de kolom in voor dat jaar");
      out.value = {value, std::nullopt, {}};
      return out;
    }
    case FigureFunction::Value: {
      auto row = table.row_index(ref.row);
      auto col = table.column_index(ref.series);
      if (!row || !col) return std::nullopt;
      out.unit = table.unit_at(*row, *col);
      const Cell& cell = table.cells[*row][*col];
      out.value = counted(cell.value, out.unit, cell_terms(table, *row, *col));
      out.value.text = cell.text;
      return out;
    }
    default:
      break;
  }
  auto series = series_of(table, series_name(table, ref.series));
  if (!series) return std::nullopt;
  out.unit = series->unit;
  switch (ref.function) {
    case FigureFunction::Change:
    case FigureFunction::ChangePercent: {
      auto change = yearly_change(*series, ref.year);
      if (!change)
        return fail("verandering over " + std::to_string(ref.year) + " is niet te berekenen uit " +
                        table.name,
                    "daarvoor zijn alle 12 maanden van " + std::to_string(ref.year - 1) +
                        " en minstens één maand van " + std::to_string(ref.year) + " nodig");
      out.value = {change->percent, std::nullopt, {}};
      if (series->unit == Unit::Persons) {
        out.value.persons = change->smallest_count;
        out.value.change_base = scaled(window(table, *series, Period::of_month(ref.year - 1, 1),
                                              Period::of_month(ref.year - 1, 12)),
                                       1.0 / 12);
        auto now = scaled(
            window(table, *series, Period::of_month(ref.year, 1), Period::of_month(ref.year, 12)),
            1.0 / change->months);
        out.value.terms = add_terms(now, scaled(out.value.change_base, -1));
      }
      out.unit = Unit::Percent;
      return out;
    }
    case FigureFunction::YearTotal: {
      auto total = year_total(*series, ref.year);
      if (!total)
        return fail("geen cijfers voor " + std::to_string(ref.year) + " in " + table.name, "");
      out.value =
          counted(total, series->unit,
                  series_terms(table, series->name, Period::of_month(ref.year, 1).start_key(),
                               Period::of_month(ref.year, 12).end_key()));
      return out;
    }
    case FigureFunction::Rate: {
      auto last = last_index(*series);
      auto population = edition.tables.find(edition.config.population);
      if (!last || population == edition.tables.end()) return std::nullopt;  // check_figure
      const std::string group =
          population_column(edition.config.datasets.at(ref.dataset).population_group, series->name);
      auto inhabitants = population_at(population->second, group, series->periods[*last]);
      if (!inhabitants || *inhabitants <= 0)
        return fail("geen bevolking " + group + " op of vóór " +
                        format_period(series->periods[*last], PeriodStyle::Long) + " in " +
                        edition.config.population,
                    "vul de bevolking aan met een peildatum vóór de laatste periode");
      out.value = counted(series->values[*last], series->unit,
                          window(table, *series, series->periods[*last], series->periods[*last]));
      to_rate(out.value, *inhabitants);
      out.rate_of = population_text(group);
      out.unit = Unit::Mark;
      return out;
    }
    case FigureFunction::Last: {
      auto last = last_index(*series);
      if (!last) return fail("geen cijfers in " + table.name, "");
      out.value = counted(series->values[*last], series->unit,
                          window(table, *series, series->periods[*last], series->periods[*last]));
      return out;
    }
    default:
      return std::nullopt;
  }
}

}  // namespace sdm
