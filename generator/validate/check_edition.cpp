#include "validate/check_edition.h"

#include <algorithm>
#include <cmath>

#include "format/dutch.h"
#include "load/figure_refs.h"
#include "util/text.h"
#include "validate/dataset_links.h"
#include "validate/links.h"
#include "validate/numbered_refs.h"
#include "validate/series_history.h"

namespace sdm {
namespace {

std::vector<std::string> table_names(const Edition& edition) {
  std::vector<std::string> names;
  for (const auto& [name, table] : edition.tables) names.push_back(name);
  return names;
}

const Table* find_table(const Edition& edition, const std::string& name,
                        const SourceLocation& where, const std::string& what,
                        Diagnostics& diagnostics) {
  auto it = edition.tables.find(name);
  if (it != edition.tables.end()) return &it->second;
  if (edition.config.datasets.count(name)) return nullptr;  // declared but unreadable: reported
  std::string guess = closest_match(name, table_names(edition));
  diagnostics.error(where, what + " verwijst naar onbekende dataset '" + name + "'",
                    guess.empty() ? "zet het bestand in data/ en declareer het in editie.yaml"
                                  : "bedoelde u '" + guess + "'?");
  return nullptr;
}

void report_unknown_column(const Table& table, const std::string& name,
                           const std::vector<std::string>& names, const SourceLocation& where,
                           Diagnostics& diagnostics) {
  std::string guess = closest_match(name, names);
  diagnostics.error(
      where, "kolom '" + name + "' bestaat niet in " + table.name,
      guess.empty() ? "kolommen: " + join(table.columns, ", ") : "bedoelde u '" + guess + "'?");
}

void check_series_name(const Table& table, const std::string& name, const SourceLocation& where,
                       Diagnostics& diagnostics) {
  auto names = series_names(table);
  if (std::find(names.begin(), names.end(), name) != names.end()) return;
  if (std::find(table.columns.begin(), table.columns.end(), name) != table.columns.end()) return;
  report_unknown_column(table, name, names.empty() ? table.columns : names, where, diagnostics);
}

bool monthly_rows(const Table& t) {
  return t.rows_are_periods() && t.row_periods.front().kind == Period::Kind::Month;
}

// The values of one dimension of a dataset in long form (of the period column: the periods), in
// the order they first appear.
std::vector<std::string> dimension_values(const Table& table, const std::string& dimension) {
  if (dimension == table.key_header) return table.row_keys;
  std::vector<std::string> out;
  auto d = std::find(table.dimensions.begin(), table.dimensions.end(), dimension);
  if (d == table.dimensions.end()) return out;
  for (const auto& members : table.column_members) {
    const std::string& v = members[d - table.dimensions.begin()];
    if (std::find(out.begin(), out.end(), v) == out.end()) out.push_back(v);
  }
  return out;
}

// `filter:` and `regels:` name dimensions and values of a dataset in long form. False when one
// does not: the block is not drawn.
bool check_dimensions(const Table& table, const std::vector<DimensionFilter>& filter,
                      const std::string& rows, const SourceLocation& rows_where, bool chart,
                      Diagnostics& diagnostics) {
  if (filter.empty() && rows.empty()) return true;
  if (table.dimensions.empty()) {
    diagnostics.error(
        filter.empty() ? rows_where : filter.front().where,
        (filter.empty() ? "'regels'" : "'filter'") +
            std::string(" kan alleen bij een dataset in lange vorm; ") + table.name +
            " heeft geen dimensies",
        "geef de dataset 'vorm: lang' in editie.yaml (docs/data.md), of kies kolommen "
        "met 'kolommen:'");
    return false;
  }
  std::vector<std::string> names = table.dimensions;
  if (!chart) names.insert(names.begin(), table.key_header);
  bool ok = true;
  auto known = [&](const std::string& name, const SourceLocation& where) {
    if (std::find(names.begin(), names.end(), name) != names.end()) return true;
    std::string guess = closest_match(name, names);
    diagnostics.error(where, "dimensie '" + name + "' bestaat niet in " + table.name,
                      name == table.key_header
                          ? "een grafiek toont alle perioden; kies perioden in een tabel"
                      : guess.empty() ? "dimensies: " + join(names, ", ")
                                      : "bedoelde u '" + guess + "'?");
    return ok = false;
  };
  for (const auto& f : filter) {
    if (!known(f.dimension, f.where)) continue;
    auto values = dimension_values(table, f.dimension);
    for (const auto& v : f.values) {
      bool found = f.dimension == table.key_header
                       ? std::any_of(table.row_periods.begin(), table.row_periods.end(),
                                     [&](const Period& p) { return Period::parse(v) == p; })
                       : std::find(values.begin(), values.end(), v) != values.end();
      if (found) continue;
      std::string guess = closest_match(v, values);
      diagnostics.error(f.where, "'" + v + "' is geen " + f.dimension + " in " + table.name,
                        guess.empty() ? "" : "bedoelde u '" + guess + "'?");
      ok = false;
    }
  }
  if (!rows.empty() && !known(rows, rows_where)) return false;
  if (!ok || chart) return ok;
  // What varies across the columns: every dimension but the rows' that the filter leaves open.
  std::vector<std::string> across;
  for (const auto& name : names) {
    auto f = std::find_if(filter.begin(), filter.end(),
                          [&](const DimensionFilter& x) { return x.dimension == name; });
    size_t shown = f == filter.end() ? dimension_values(table, name).size() : f->values.size();
    if (name != (rows.empty() ? table.key_header : rows) && shown > 1) across.push_back(name);
  }
  if (across.size() <= 2) return true;
  diagnostics.error(rows.empty() ? filter.front().where : rows_where,
                    "de kolommen van deze tabel verschillen in " + join(across, ", ") +
                        "; een tabel heeft hoogstens twee kopregels",
                    "kies één waarde met filter, bijvoorbeeld filter: { " + across.front() + ": " +
                        dimension_values(table, across.front()).front() + " }");
  return false;
}

// 'aandelen' turns counts or amounts into percentages of their period's total. Percentages in
// the file would be turned again (54, 36 and 9 became 54,5, 36,4 and 9,1), silently.
void check_shares_of_counts(const Table& table, const SourceLocation& where,
                            Diagnostics& diagnostics) {
  if (std::all_of(table.row_units.begin(), table.row_units.end(),
                  [](Unit u) { return u == Unit::Percent; })) {
    diagnostics.error(
        where,
        "'aandelen' rekent aantallen om naar procenten, maar " + table.name + " bevat al procenten",
        "gebruik weergave 'staaf' of 'lijn' om de procenten te tonen zoals ze zijn");
    return;
  }
  bool hundred = !table.cells.empty();
  for (const auto& row : table.cells) {
    double sum = 0;
    for (const auto& cell : row) sum += cell.value.value_or(0);
    hundred = hundred && sum > 98.5 && sum < 101.5;
  }
  if (hundred)
    diagnostics.warning(where,
                        "de kolommen van " + table.name +
                            " tellen in elke periode op tot ongeveer 100; als dat al procenten "
                            "zijn, rekent 'aandelen' ze nog eens om",
                        "zijn het procenten, geef de dataset dan 'eenheid: procent' in editie.yaml "
                        "en gebruik weergave 'staaf' of 'lijn'");
}

// filter: on the first column chooses the rows a chart draws: categories along the axis of bars,
// or periods of shares. Lines and year lines draw every period.
bool check_chosen_rows(const Table& table, const ChartSpec& chart, const DimensionFilter& rows,
                       Diagnostics& diagnostics) {
  if (!((chart.view == ChartView::Bar && !chart.per_quarter) || chart.view == ChartView::Shares)) {
    diagnostics.error(
        rows.where,
        "'filter' op '" + rows.dimension +
            "' kiest regels, en dat kan alleen bij weergave 'staaf' of 'aandelen'",
        "een lijn of jaarlijnen toont alle perioden; kies perioden in een tabel, of de "
        "reeksen met 'kolommen:'");
    return false;
  }
  bool ok = true;
  for (const auto& v : rows.values) {
    auto period = Period::parse(v);
    bool found =
        std::find(table.row_keys.begin(), table.row_keys.end(), v) != table.row_keys.end() ||
        (period && std::find(table.row_periods.begin(), table.row_periods.end(), *period) !=
                       table.row_periods.end());
    if (found) continue;
    std::string guess = closest_match(v, table.row_keys);
    diagnostics.error(
        rows.where, "'" + v + "' is geen regel van " + table.name,
        guess.empty() ? "regels: " + join(table.row_keys, ", ") : "bedoelde u '" + guess + "'?");
    ok = false;
  }
  return ok;
}

void check_chart(const Edition& edition, const ChartSpec& chart, Diagnostics& diagnostics) {
  const Table* table = find_table(edition, chart.dataset, chart.where, "grafiek", diagnostics);
  if (!table) return;
  std::vector<DimensionFilter> of_columns;  // the filter but for its rows
  for (const auto& f : chart.filter)
    if (f.dimension != table->key_header)
      of_columns.push_back(f);
    else if (!check_chosen_rows(*table, chart, f, diagnostics))
      return;
  if (!check_dimensions(*table, of_columns, "", chart.where, true, diagnostics)) return;
  if (!chart.filter.empty() &&
      std::none_of(table->columns.begin(), table->columns.end(), [&](const std::string& c) {
        return column_passes(*table, *table->column_index(c), chart.filter);
      }))
    diagnostics.error(chart.filter.front().where,
                      "geen kolom van " + table->name + " past bij dit filter",
                      "kies waarden die samen voorkomen");
  // Bars and shares draw the value columns themselves, also when the columns are periods and the
  // series are the rows.
  bool draws_columns = chart.view == ChartView::Bar || chart.view == ChartView::Shares;
  for (const auto& c : chart.columns) {
    if (!draws_columns)
      check_series_name(*table, c, chart.where, diagnostics);
    else if (!table->column_index(c))
      report_unknown_column(*table, c, table->columns, chart.where, diagnostics);
  }
  if (chart.per_quarter && (chart.view == ChartView::YearLines || chart.view == ChartView::Shares))
    diagnostics.error(
        chart.where,
        std::string("'per: kwartaal' kan niet bij weergave ") +
            (chart.view == ChartView::YearLines ? "jaarlijnen" : "aandelen"),
        chart.view == ChartView::YearLines
            ? "jaarlijnen tonen maanden; gebruik 'lijn' of 'staaf' voor kwartalen"
            : "zet de kwartalen in het bestand, of gebruik 'staaf' met 'per: kwartaal'");
  bool needs_months = chart.view == ChartView::YearLines || chart.per_quarter;
  if (needs_months && !monthly_rows(*table))
    diagnostics.error(chart.where,
                      "weergave vraagt maandcijfers, maar " + table->name +
                          " heeft geen maanden in de eerste kolom",
                      "zet maanden als 2024-03 in de eerste kolom");
  if ((chart.view == ChartView::Line || chart.view == ChartView::InOut ||
       chart.view == ChartView::Shares) &&
      !table->rows_are_periods())
    diagnostics.error(chart.where,
                      "deze weergave vraagt perioden in de eerste kolom van " + table->name,
                      "gebruik 'staaf' voor categorieën");
  if (chart.view == ChartView::Shares) check_shares_of_counts(*table, chart.where, diagnostics);
  if (!chart.budget_dataset.empty() && chart.view != ChartView::YearLines) {
    // Bars of years get the begroting as a line; other views would drop it in silence.
    const bool years = chart.view == ChartView::Bar && !chart.per_quarter &&
                       table->rows_are_periods() &&
                       table->row_periods.front().kind == Period::Kind::Year;
    if (!years)
      diagnostics.error(
          chart.where,
          chart.view == ChartView::Bar
              ? "een begrotingslijn over staven vraagt jaren in de eerste kolom van " + table->name
              : std::string("'begroting' kan alleen bij weergave jaarlijnen of staaf"),
          chart.view == ChartView::Bar ? "zet per regel een jaar (2024) met het bedrag van dat jaar"
                                       : "gebruik jaarlijnen voor maanden, of staaf voor jaren");
  }
  if (!chart.budget_dataset.empty()) {
    if (const Table* budget =
            find_table(edition, chart.budget_dataset, chart.where, "begroting", diagnostics)) {
      if (!budget->column_index("begroting"))
        diagnostics.error(chart.where, budget->name + " heeft geen kolom 'begroting'",
                          "gebruik kolommen jaar;begroting;prognose");
    }
  }
}

std::string figure_keyword_hint(const FigureRef& ref) {
  return figure_function_keyword(ref.function) + " " + ref.dataset + " Kolom" +
         (ref.year ? " " + std::to_string(ref.year) : "");
}

void check_figure(const Edition& edition, const FigureRef& ref, Diagnostics& diagnostics) {
  const Table* table = find_table(edition, ref.dataset, ref.where, "verwijzing", diagnostics);
  if (!table) return;
  if (ref.function == FigureFunction::Value) {
    if (!table->row_index(ref.row)) {
      std::string guess = closest_match(ref.row, table->row_keys);
      diagnostics.error(ref.where, "rij '" + ref.row + "' bestaat niet in " + table->name,
                        guess.empty() ? "" : "bedoelde u '" + guess + "'?");
    }
    check_series_name(*table, ref.series, ref.where, diagnostics);
    return;
  }
  bool budget = ref.function == FigureFunction::Budget ||
                ref.function == FigureFunction::Forecast || ref.function == FigureFunction::Balance;
  if (budget) {
    if (!table->column_index("begroting"))
      diagnostics.error(ref.where, table->name + " is geen begroting",
                        "verwijs naar een bestand met kolommen jaar;begroting;prognose");
    else if (!table->row_index(std::to_string(ref.year)))
      diagnostics.error(
          ref.where, "jaar " + std::to_string(ref.year) + " staat niet in " + table->name,
          "jaren in " + table->name + ": " + [&] {
            std::string years;
            for (const auto& key : table->row_keys) years += (years.empty() ? "" : ", ") + key;
            return years;
          }());
    return;
  }
  auto names = series_names(*table);
  if (ref.series.empty() && names.size() != 1) {
    diagnostics.error(ref.where, table->name + " heeft meerdere kolommen; welke bedoelt u?",
                      "noem de kolom, bijvoorbeeld {{ " + figure_keyword_hint(ref) + " }}");
    return;
  }
  if (!ref.series.empty()) check_series_name(*table, ref.series, ref.where, diagnostics);
  const bool year_sum = ref.function == FigureFunction::YearTotal ||
                        ref.function == FigureFunction::Change ||
                        ref.function == FigureFunction::ChangePercent;
  auto series = series_of(*table, ref.series.empty() ? names.front() : ref.series);
  if (year_sum && series && !adds_up_over_time(*series))
    diagnostics.error(ref.where,
                      "'" + figure_function_keyword(ref.function) +
                          "' telt de maanden van een jaar op, maar " + table->name + " heeft " +
                          (series->unit == Unit::Mark      ? "cijfers"
                           : series->unit == Unit::Percent ? "percentages"
                                                           : "standen op een datum") +
                          ", en die tellen niet op",
                      "gebruik {{ laatste " + table->name +
                          (ref.series.empty() ? "" : " \"" + ref.series + "\"") +
                          " }} voor het nieuwste cijfer");
}

// A month or quarter as a count since year 0, so that consecutive periods differ by one.
int ordinal(const Period& p) {
  return p.kind == Period::Kind::Month ? p.year * 12 + p.month - 1 : p.year * 4 + p.quarter - 1;
}

Period from_ordinal(Period::Kind kind, int n) {
  return kind == Period::Kind::Month ? Period::of_month(n / 12, n % 12 + 1)
                                     : Period::of_quarter(n / 4, n % 4 + 1);
}

// "K3 2022 ontbreekt", "jul 2022 tot en met sep 2022 ontbreken": which rows to add.
std::string missing_periods(const Period& first, const Period& last, int count) {
  if (count == 1) return format_period(first) + " ontbreekt";
  return format_period(first) + " tot en met " + format_period(last) + " ontbreken";
}

// Whether `column` of a dataset is declared to run on after the peildatum (na-peildatum: ja).
bool beyond_reference(const Edition& edition, const std::string& dataset,
                      const std::string& column) {
  auto info = edition.config.datasets.find(dataset);
  if (info == edition.config.datasets.end()) return false;
  auto c = info->second.column_formats.find(column);
  return c != info->second.column_formats.end() && c->second.beyond_reference;
}

// A row after the peildatum with figures only in columns declared `na-peildatum: ja`.
bool only_expected_figures(const Edition& edition, const Table& table, size_t row) {
  bool any = false;
  for (size_t c = 0; c < table.columns.size(); ++c) {
    if (!table.cells[row][c].value && table.cells[row][c].text.empty()) continue;
    if (!beyond_reference(edition, table.name, table.columns[c])) return false;
    any = true;
  }
  return any;
}

void check_data(const Edition& edition, const Table& table, Diagnostics& diagnostics) {
  int peil = edition.config.reference_date.end_key();
  if (table.rows_are_periods()) {
    for (size_t r = 0; r < table.row_periods.size(); ++r) {
      const Period& p = table.row_periods[r];
      if (peil > 0 && p.end_key() > peil && p.kind != Period::Kind::Year &&
          !only_expected_figures(edition, table, r))
        diagnostics.error({table.file, table.row_lines[r], 1},
                          "periode " + format_period(p) + " ligt na de peildatum " +
                              format_period(edition.config.reference_date, PeriodStyle::Long),
                          "verwijder de regel of pas de peildatum in editie.yaml aan");
      const bool counted = p.kind == Period::Kind::Month || p.kind == Period::Kind::Quarter;
      if (r > 0 && counted && table.row_periods[r - 1].kind == p.kind) {
        int expected = ordinal(table.row_periods[r - 1]) + 1, actual = ordinal(p);
        if (actual != expected)
          diagnostics.error({table.file, table.row_lines[r], 1},
                            actual > expected ? missing_periods(from_ordinal(p.kind, expected),
                                                                from_ordinal(p.kind, actual - 1),
                                                                actual - expected)
                                              : format_period(p) + " staat niet in volgorde",
                            p.kind == Period::Kind::Month
                                ? "zet elke maand op een eigen regel, oplopend en zonder gaten"
                                : "zet elk kwartaal op een eigen regel, oplopend en zonder gaten");
      }
    }
  }
  // Columns run from old to new, as rows do: 'laatste' and every chart read the last one as the
  // newest (with 2024 left of 2019, "laatste" said 2019).
  if (table.columns_are_periods())
    for (size_t c = 1; c < table.column_periods.size(); ++c)
      if (table.column_periods[c].end_key() <= table.column_periods[c - 1].end_key()) {
        diagnostics.error(
            {table.file, table.header_line,
             c < table.header_columns.size() ? table.header_columns[c] : 1},
            "kolom '" + table.columns[c] + "' staat niet in volgorde: de perioden moeten oplopen",
            "zet de oudste periode links en de nieuwste rechts");
        break;
      }
  for (size_t r = 0; r < table.cells.size(); ++r) {
    for (size_t c = 0; c < table.cells[r].size(); ++c) {
      const Cell& cell = table.cells[r][c];
      if (!cell.value || table.unit_at(r, c) != Unit::Persons) continue;
      if (*cell.value < 0 || std::floor(*cell.value) != *cell.value)
        diagnostics.error({table.file, cell.line, cell.column},
                          "een aantal personen moet een geheel getal van 0 of meer zijn",
                          "controleer de export; is de eenheid van deze dataset wel 'personen'?");
    }
  }
  // A total line among the categories (docs/data.md: "Neem geen totaalregels op"). A person can
  // be in several categories, so the total may be less than the sum of the others, but more
  // means the figures are wrong.
  for (size_t t = 0; t < table.cells.size(); ++t) {
    if (!is_total_label(table.row_keys[t])) continue;
    for (size_t c = 0; c < table.columns.size(); ++c) {
      if (table.unit_at(t, c) != Unit::Persons) continue;
      const Cell& total = table.cells[t][c];
      std::optional<double> sum;
      for (size_t r = 0; r < table.cells.size(); ++r)
        if (table.unit_at(r, c) == Unit::Persons && !is_total_label(table.row_keys[r]) &&
            table.cells[r][c].value)
          sum = sum.value_or(0) + *table.cells[r][c].value;
      if (total.value && sum && *total.value > *sum)
        diagnostics.error({table.file, total.line, total.column},
                          "'" + table.row_keys[t] + "' (" + format_number(*total.value, 0) +
                              ") is groter dan de som van de andere regels (" +
                              format_number(*sum, 0) + ")",
                          // Dropping the line for 'totaal: ja' would publish the sum of the
                          // rows: too low here, and too high where a person is in several rows.
                          "controleer de export: een totaal telt geen personen die in geen van "
                          "de regels staan; horen er zulke personen bij, zet ze dan in een eigen "
                          "regel (bijvoorbeeld 'Overig')");
    }
  }
}

// A label of a total: "Totaal", "Eindtotaal", or one `totaal:` names.
bool is_total(const DatasetInfo& info, const std::string& label) {
  return is_total_label(label) ||
         std::find(info.totals.begin(), info.totals.end(), label) != info.totals.end();
}

// An empty cell among the parts of a total that equals the sum of the other parts: a reader
// reads it as 0, a count under 10 the monitor then shows unprotected. A blank is no figure to the
// generator; here it is one to the reader.
void check_blank_beside_total(const Table& table, const DatasetInfo& info,
                              Diagnostics& diagnostics) {
  for (bool columns : {false, true}) {
    const size_t members = columns ? table.columns.size() : table.row_keys.size();
    const size_t lines = columns ? table.row_keys.size() : table.columns.size();
    auto cell = [&](size_t line, size_t m) -> const Cell& {
      return columns ? table.cells[line][m] : table.cells[m][line];
    };
    auto counts = [&](size_t line, size_t m) {
      return (columns ? table.unit_at(line, m) : table.unit_at(m, line)) == Unit::Persons;
    };
    auto label = [&](size_t m) { return columns ? table.columns[m] : table.row_keys[m]; };
    for (size_t t = 0; t < members; ++t) {
      if (!is_total(info, label(t))) continue;
      for (size_t line = 0; line < lines; ++line) {
        if (!counts(line, t) || !cell(line, t).value) continue;
        double sum = 0;
        std::vector<size_t> blank;
        size_t present = 0;
        for (size_t m = 0; m < members; ++m) {
          if (m == t || is_total(info, label(m)) || !counts(line, m)) continue;
          if (auto v = cell(line, m).value) {
            sum += *v;
            ++present;
          } else if (cell(line, m).text.empty()) {
            blank.push_back(m);
          }
        }
        if (blank.size() != 1 || present < 2 || *cell(line, t).value != sum) continue;
        const Cell& empty = cell(line, blank.front());
        diagnostics.warning(
            {table.file, empty.line, empty.column},
            "lege cel bij '" + label(blank.front()) + "', terwijl '" + label(t) +
                "' gelijk is aan de som van de andere: een lezer leest hier 0",
            "staat er echt 0, zet dan 0 in de cel: dan toont de monitor <10; is het cijfer "
            "onbekend, zet het dan ook niet in het totaal");
      }
    }
  }
}

// A declared total is checked on every line: it is the sum of the other members (or, with
// `optelbaar: nee`, between the largest and the sum). `members` are rows, or columns when
// `columns`; a total and the other totals among them do not count as parts. `slice` names the
// slice of a table in long form the members belong to ("IOAW").
void check_total_of(const Table& table, const DatasetInfo& info, const std::string& name,
                    size_t total_member, const std::vector<size_t>& members,
                    const std::vector<bool>& is_total, bool columns, const std::string& slice,
                    Diagnostics& diagnostics) {
  size_t lines = columns ? table.row_keys.size() : table.columns.size();
  for (size_t line = 0; line < lines; ++line) {
    auto at = [&](size_t m) -> const Cell& {
      return columns ? table.cells[line][m] : table.cells[m][line];
    };
    auto persons = [&](size_t m) {
      return (columns ? table.unit_at(line, m) : table.unit_at(m, line)) == Unit::Persons;
    };
    if (!persons(total_member)) continue;
    const Cell& total = at(total_member);
    if (!total.value) continue;
    double sum = 0, largest = 0;
    for (size_t k = 0; k < members.size(); ++k) {
      size_t m = members[k];
      if (is_total[k] || !persons(m)) continue;
      sum += at(m).value.value_or(0);
      largest = std::max(largest, at(m).value.value_or(0));
    }
    bool ok = info.additive ? std::abs(*total.value - sum) < 1e-9
                            : *total.value <= sum + 1e-9 && *total.value >= largest - 1e-9;
    if (ok) continue;
    std::string where =
        columns ? (table.rows_are_periods() ? format_period(table.row_periods[line])
                                            : table.row_keys[line])
                : (table.columns_are_periods() ? format_period(table.column_periods[line])
                                               : table.columns[line]);
    if (!slice.empty()) where += " (" + slice + ")";
    diagnostics.error(
        {table.file, total.line, total.column},
        info.additive ? "'" + name + "' is bij " + where + " niet de som van de andere " +
                            (columns ? "kolommen" : "regels")
                      : "'" + name + "' is bij " + where + " kleiner dan een deel of groter " +
                            "dan de som van de delen",
        info.additive ? "kan een persoon in meer dan één deel zitten, zet dan 'optelbaar: nee' "
                        "bij deze dataset in editie.yaml; anders klopt de export niet"
                      : "controleer de export: een totaal telt elke persoon van de delen "
                        "minstens één keer");
    return;
  }
}

// totaal: names rows or columns of the dataset, each the total of the other parts: their sum, or
// with optelbaar: nee at most their sum and at least each part.
void check_declared_totals(const Table& table, const DatasetInfo& info, Diagnostics& diagnostics) {
  if (info.totals.empty()) return;
  const auto slices = slices_of(table);
  for (const auto& name : info.totals) {
    auto row = table.row_index(name);
    auto column = table.column_index(name);
    if (row || column) {
      bool columns = column.has_value();
      std::vector<size_t> members(columns ? table.columns.size() : table.row_keys.size());
      std::vector<bool> totals;
      for (size_t m = 0; m < members.size(); ++m) {
        members[m] = m;
        totals.push_back(is_total(info, columns ? table.columns[m] : table.row_keys[m]));
      }
      check_total_of(table, info, name, columns ? *column : *row, members, totals, columns, "",
                     diagnostics);
      continue;
    }
    // In long form a total is a value of one dimension ("BMWE" of gemeente): the total of each
    // slice along that dimension ("BMWE · IOAW" of the gemeenten' IOAW).
    bool found = false;
    for (const auto& slice : slices) {
      auto it = std::find(slice.names.begin(), slice.names.end(), name);
      if (it == slice.names.end()) continue;
      found = true;
      std::vector<bool> totals;
      for (const auto& member : slice.names) totals.push_back(is_total(info, member));
      check_total_of(table, info, name, slice.columns[it - slice.names.begin()], slice.columns,
                     totals, true, slice.shared, diagnostics);
    }
    if (found) continue;
    std::vector<std::string> labels = table.row_keys;
    labels.insert(labels.end(), table.columns.begin(), table.columns.end());
    for (const auto& slice : slices)
      labels.insert(labels.end(), slice.names.begin(), slice.names.end());
    std::string guess = closest_match(name, labels);
    diagnostics.error(info.totals_where,
                      "totaal: '" + name + "' is geen regel of kolom van " + table.name,
                      guess.empty() ? "schrijf de naam zoals in de eerste regel of kolom van "
                                      "het CSV-bestand"
                                    : "bedoelde u '" + guess + "'?");
  }
}

// Beyond these an image mostly costs visitors on a phone time and data.
constexpr size_t kLargeImageBytes = 1024 * 1024;
constexpr int kLargeImageWidth = 2400;

void check_image(const Edition& edition, const ImageRef& image, Diagnostics& diagnostics) {
  std::vector<std::string> names;
  for (const auto& file : edition.images) names.push_back(file.path);
  auto found = std::find(names.begin(), names.end(), image.path);
  if (found == names.end()) {
    std::string guess = closest_match(image.path, names);
    diagnostics.error(image.where, "afbeelding '" + image.path + "' bestaat niet in de editiemap",
                      guess.empty() ? "zet het bestand naast de pagina's van deze editie"
                                    : "bedoelde u '" + guess + "'?");
    return;
  }
  const StaticFile& file = edition.images[found - names.begin()];
  if (!file.size) {
    diagnostics.error(image.where,
                      "afbeelding '" + image.path + "' is beschadigd of heeft een onbekend formaat",
                      "sla de afbeelding opnieuw op als PNG, JPEG, GIF of WebP; een SVG heeft "
                      "width en height of een viewBox nodig");
    return;
  }
  // Browsers tell raster formats apart by their bytes, but show SVG only when served as SVG, and
  // servers choose the type by the extension.
  bool svg_name = to_lower_ascii(image.path).ends_with(".svg");
  if (svg_name != file.size->scalable) {
    diagnostics.error(image.where,
                      "afbeelding '" + image.path + "' is " +
                          (file.size->scalable ? "een SVG-bestand" : "geen SVG-bestand") +
                          ", maar de naam zegt iets anders",
                      file.size->scalable ? "geef het bestand de extensie .svg"
                                          : "geef het bestand de extensie van zijn formaat, "
                                            "zoals .png of .jpg");
    return;
  }
  bool too_wide = !file.size->scalable && file.size->width > kLargeImageWidth;
  if (file.bytes.size() > kLargeImageBytes || too_wide)
    diagnostics.warning(
        image.where,
        "afbeelding '" + image.path + "' is erg groot (" +
            format_number(static_cast<double>(file.bytes.size()) / (1024 * 1024), 1) + " MB, " +
            format_number(file.size->width, 0) + " × " + format_number(file.size->height, 0) +
            " pixels)",
        "verklein hem tot hoogstens 2400 pixels breed en 1 MB; dan laadt de pagina ook op een "
        "telefoon snel");
}

// `clienten:` names a declared dataset of person counts, for a dataset that is not one itself.
void check_clients(const Edition& edition, const std::string& name, const DatasetInfo& info,
                   Diagnostics& diagnostics) {
  if (info.clients.empty()) return;
  auto it = edition.config.datasets.find(info.clients);
  if (it == edition.config.datasets.end()) {
    std::vector<std::string> names;
    for (const auto& [other, other_info] : edition.config.datasets) names.push_back(other);
    std::string guess = closest_match(info.clients, names);
    diagnostics.error(info.clients_where,
                      "clienten verwijst naar onbekende dataset '" + info.clients + "'",
                      guess.empty() ? "noem een dataset met eenheid personen uit 'data:'"
                                    : "bedoelde u '" + guess + "'?");
  } else if (it->second.unit != Unit::Persons) {
    diagnostics.error(info.clients_where,
                      "clienten: " + info.clients + " heeft geen eenheid personen",
                      "noem de dataset met de aantallen cliënten die bij deze bedragen horen");
  } else if (info.unit == Unit::Persons) {
    diagnostics.error(
        info.clients_where,
        "clienten hoort bij bedragen, niet bij een dataset met eenheid personen (" + name + ")",
        "laat 'clienten:' weg of zet het bij de dataset met de bedragen");
  }
}

// The period of a series' last figure, the one a tile shows.
std::optional<Period> last_period(const Table& table, const std::string& column) {
  auto names = series_names(table);
  auto s = series_of(table, column.empty() && !names.empty() ? names.front() : column);
  if (!s) return std::nullopt;
  for (size_t k = s->values.size(); k-- > 0;)
    if (s->values[k]) return s->periods[k];
  return std::nullopt;
}

// A tile's data: as a list adds the same figure of several datasets, and min: subtracts a column
// or a begroting. Amounts only: a sum or difference of person counts could give a small count away
// beside the parts, and tiles have no protection for that.
void check_tile_figures(const Edition& edition, const TileSpec& tile, Diagnostics& diagnostics) {
  if (tile.more_datasets.empty() && tile.minus.empty()) return;
  if (tile.show == TileShow::Forecast) {
    diagnostics.error(tile.data_where, "een som of verschil kan niet bij 'toon: prognose'",
                      "een kerncijfer met toon: prognose toont de begroting er al bij");
    return;
  }
  std::vector<std::string> all{tile.dataset};
  all.insert(all.end(), tile.more_datasets.begin(), tile.more_datasets.end());
  std::optional<Period> first;
  for (size_t i = 0; i < all.size(); ++i) {
    const Table* t =
        i == 0 ? nullptr : find_table(edition, all[i], tile.data_where, "kerncijfer", diagnostics);
    if (i == 0) t = edition.tables.count(all[0]) ? &edition.tables.at(all[0]) : nullptr;
    if (!t) continue;
    if (i > 0 && !tile.column.empty())
      check_series_name(*t, tile.column, tile.column_where, diagnostics);
    if (std::find(t->row_units.begin(), t->row_units.end(), Unit::Persons) != t->row_units.end()) {
      diagnostics.error(tile.data_where,
                        "een kerncijfer met een som of verschil kan alleen bedragen en andere "
                        "aantallen dan personen tonen; " +
                            t->name + " telt personen",
                        "toon de aantallen personen in aparte kerncijfers");
      return;
    }
    auto last = last_period(*t, tile.column);
    if (!last) continue;
    if (!first) first = last;
    bool same = tile.show == TileShow::YearTotal ? last->year == first->year : *last == *first;
    if (!same)
      diagnostics.error(tile.data_where,
                        "de datasets van dit kerncijfer lopen niet tot dezelfde periode: " +
                            all[0] + " tot " + format_period(*first, PeriodStyle::Long) + ", " +
                            t->name + " tot " + format_period(*last, PeriodStyle::Long),
                        "lever alle datasets van dit kerncijfer tot dezelfde periode aan");
  }
  if (tile.minus.empty()) return;
  auto it = edition.tables.find(tile.dataset);
  if (it == edition.tables.end() || it->second.column_index(tile.minus)) return;
  auto budget = edition.tables.find(tile.minus);
  if (budget != edition.tables.end() && budget->second.column_index("begroting")) return;
  std::vector<std::string> options = series_names(it->second);
  for (const auto& [name, table] : edition.tables)
    if (table.column_index("begroting")) options.push_back(name);
  std::string guess = closest_match(tile.minus, options);
  diagnostics.error(
      tile.minus_where,
      "min: '" + tile.minus + "' is geen kolom van " + tile.dataset + " en geen begroting",
      guess.empty() ? "noem een kolom, zoals min: begroting, of een bestand met een "
                      "kolom begroting, zoals min: wmo/begroting.csv"
                    : "bedoelde u '" + guess + "'?");
}

// totaal: ja adds the rows up; where a person can be in several rows (optelbaar: nee) that sum
// counts them twice and is published as the total.
void check_table_total(const Edition& edition, const TableSpec& spec, Diagnostics& diagnostics) {
  auto info = edition.config.datasets.find(spec.dataset);
  if (!spec.total || info == edition.config.datasets.end() || info->second.additive ||
      info->second.unit != Unit::Persons)
    return;
  diagnostics.error(spec.where,
                    "'totaal: ja' telt de regels van " + spec.dataset +
                        " op, maar daarin kan een persoon in meer dan één regel zitten "
                        "(optelbaar: nee): de som telt hem dubbel",
                    "laat 'totaal: ja' weg en lever het totaal aan als regel in het bestand (met "
                    "'totaal:' in editie.yaml); dan toont de tabel het echte totaal");
}

// bevolking: a declared dataset with peildata down the first column and a column "totaal".
void check_population(const Edition& edition, Diagnostics& diagnostics) {
  const auto& name = edition.config.population;
  bool asked = false;
  SourceLocation where;
  for (const Page& page : edition.pages) {
    const PageSpec& spec = page.spec;
    for (const auto& d : spec.directives) {
      if (const auto* c = std::get_if<ChartSpec>(&d); c && c->per_thousand) {
        asked = true;
        where = c->where;
      }
      if (const auto* t = std::get_if<TableSpec>(&d); t && t->per_thousand) {
        asked = true;
        where = t->where;
      }
    }
    for (const auto& ref : spec.figures)
      if (ref.function == FigureFunction::Rate) {
        asked = true;
        where = ref.where;
      }
  }
  if (name.empty()) {
    if (asked)
      diagnostics.error(where, "een cijfer per 1.000 inwoners vraagt bevolkingscijfers",
                        "zet in editie.yaml 'bevolking: bevolking.csv' en lever dat bestand aan "
                        "(zie docs/data.md)");
    return;
  }
  auto it = edition.tables.find(name);
  if (it == edition.tables.end()) {
    if (!edition.config.datasets.count(name))
      diagnostics.error(edition.config.population_where,
                        "bevolking verwijst naar onbekende dataset '" + name + "'",
                        "zet het bestand in data/ en declareer het onder 'data:'");
    return;
  }
  if (!it->second.rows_are_periods() || !it->second.column_index("totaal"))
    diagnostics.error(edition.config.population_where,
                      name + " moet peildata in de eerste kolom en een kolom 'totaal' hebben",
                      "schrijf bijvoorbeeld: peildatum;totaal;0-17 met regels als "
                      "2024-01-01;26012;4987");
}

// inwoners: a column that the bevolking dataset has; with "{kolom}", one for every series of the
// dataset ("{kolom} 0-17": "Bedum 0-17", "Winsum 0-17", … and the region's).
void check_population_group(const Edition& edition, const std::string& name,
                            const DatasetInfo& info, Diagnostics& diagnostics) {
  if (info.population_group.empty()) return;
  auto it = edition.tables.find(edition.config.population);
  if (it == edition.tables.end()) return;
  std::vector<std::string> series{""};
  if (population_per_series(info.population_group)) {
    auto data = edition.tables.find(name);
    if (data == edition.tables.end()) return;
    series = series_names(data->second);
  }
  for (const auto& s : series) {
    std::string group = population_column(info.population_group, s);
    if (it->second.column_index(group)) continue;
    std::string guess = closest_match(group, it->second.columns);
    diagnostics.error(
        info.where,
        (s.empty() ? "inwoners: leeftijdsgroep '" : "inwoners: '") + group + "' staat niet in " +
            edition.config.population + (s.empty() ? "" : " (voor de reeks '" + s + "')"),
        !guess.empty() ? "bedoelde u '" + guess + "'?"
        : s.empty()    ? ""
                       : "zet een kolom '" + group + "' in " + edition.config.population);
    return;
  }
}

// totaal: ja where nothing adds up (marks, percentages), and kopjes and saldo of a financial
// table: rows of the dataset without figures, and a saldo of two of them, never of persons.
void check_table_layout(const Table& table, const TableSpec& spec, Diagnostics& diagnostics) {
  bool any_adds_up = false;
  for (size_t r = 0; r < table.row_keys.size(); ++r)
    for (size_t c = 0; c < table.columns.size(); ++c)
      any_adds_up = any_adds_up || unit_adds_up(table.unit_at(r, c));
  if (spec.total && !any_adds_up && !table.row_keys.empty())
    diagnostics.error(spec.where,
                      "'totaal: ja' telt de kolommen op, maar " + table.name +
                          " bevat alleen cijfers, procenten of tekst",
                      "laat 'totaal: ja' weg: een gemiddelde of percentage tel je niet op");
  for (const auto& section : spec.sections) {
    auto row = table.row_index(section);
    if (!row) {
      std::string guess = closest_match(section, table.row_keys);
      diagnostics.error(
          spec.sections_where, "kopje '" + section + "' is geen regel van " + table.name,
          guess.empty()
              ? "zet een regel '" + section + "' zonder cijfers boven de regels die eronder vallen"
              : "bedoelde u '" + guess + "'?");
      continue;
    }
    for (const Cell& cell : table.cells[*row])
      if (cell.value || !cell.text.empty()) {
        diagnostics.error(
            {table.file, cell.line, cell.column},
            "regel '" + section + "' is een kopje, maar heeft een cijfer",
            "laat de cellen van een kopje leeg, of haal '" + section + "' uit 'kopjes:'");
        break;
      }
  }
  for (const auto& name : {spec.balance_plus, spec.balance_minus})
    if (!name.empty() &&
        std::find(spec.sections.begin(), spec.sections.end(), name) == spec.sections.end())
      diagnostics.error(spec.balance_where, "'saldo' noemt '" + name + "', maar dat is geen kopje",
                        "noem in 'saldo:' twee namen uit 'kopjes:', bijvoorbeeld 'saldo: "
                        "Inkomsten - Uitgaven'");
  for (const auto& note : spec.row_notes)
    if (!table.row_index(note.row) && note.row != "Eindtotaal" && note.row != "Saldo" &&
        note.row != "Overig") {
      std::string guess = closest_match(note.row, table.row_keys);
      diagnostics.error(
          note.where,
          "voetnoot bij '" + note.row + "', maar " + table.name + " heeft geen regel met die naam",
          guess.empty() ? "schrijf de naam van de regel zoals in de eerste kolom"
                        : "bedoelde u '" + guess + "'?");
    }
  if (spec.balance_plus.empty()) return;
  for (size_t r = 0; r < table.row_keys.size(); ++r)
    for (size_t c = 0; c < table.columns.size(); ++c)
      if (table.unit_at(r, c) == Unit::Persons) {
        diagnostics.error(spec.balance_where,
                          "een saldo trekt aantallen af, maar " + table.name +
                              " bevat aantallen personen (kolom '" + table.columns[c] + "')",
                          "gebruik 'saldo:' voor bedragen; laat het hier weg");
        return;
      }
}

// `laatste`, a year total or a change of a column that runs on after the peildatum would give a
// figure of a month still to come as what has happened.
void check_beyond_reference(const Edition& edition, Diagnostics& diagnostics) {
  auto column_of = [&](const std::string& dataset, const std::string& series) {
    auto table = edition.tables.find(dataset);
    if (!series.empty() || table == edition.tables.end() || table->second.columns.size() != 1)
      return series;
    return table->second.columns.front();
  };
  auto report = [&](const SourceLocation& where, const std::string& dataset,
                    const std::string& column) {
    diagnostics.error(where,
                      "kolom '" + column + "' van " + dataset +
                          " loopt door na de peildatum (na-peildatum: ja): het laatste cijfer is "
                          "een verwachting, geen stand",
                      "toon deze kolom in een grafiek of tabel; gebruik voor een kerncijfer of "
                      "een cijfer in de tekst een kolom tot de peildatum");
  };
  for (const Page& page : edition.pages) {
    const PageSpec& spec = page.spec;
    for (const auto& directive : spec.directives)
      if (const auto* tiles = std::get_if<TilesSpec>(&directive))
        for (const auto& tile : tiles->tiles)
          if (tile.show != TileShow::Forecast &&
              beyond_reference(edition, tile.dataset, column_of(tile.dataset, tile.column)))
            report(tile.column_where.line ? tile.column_where : tile.where, tile.dataset,
                   column_of(tile.dataset, tile.column));
    for (const auto& ref : spec.figures) {
      const bool over_time =
          ref.function == FigureFunction::Last || ref.function == FigureFunction::YearTotal ||
          ref.function == FigureFunction::Change || ref.function == FigureFunction::ChangePercent ||
          ref.function == FigureFunction::Rate;
      if (over_time && beyond_reference(edition, ref.dataset, column_of(ref.dataset, ref.series)))
        report(ref.where, ref.dataset, column_of(ref.dataset, ref.series));
    }
  }
}

}  // namespace

void check_edition(const Edition& edition, Diagnostics& diagnostics) {
  for (const auto& [name, table] : edition.tables) {
    check_data(edition, table, diagnostics);
    check_series_history(table, diagnostics);
  }
  for (const auto& [name, info] : edition.config.datasets) {
    if (auto table = edition.tables.find(name); table != edition.tables.end()) {
      check_declared_totals(table->second, info, diagnostics);
      check_blank_beside_total(table->second, info, diagnostics);
    }
    check_clients(edition, name, info, diagnostics);
    check_population_group(edition, name, info, diagnostics);
  }
  check_population(edition, diagnostics);
  for (const Page& page : edition.pages) {
    const PageSpec& spec = page.spec;
    for (const auto& directive : spec.directives) {
      if (const auto* chart = std::get_if<ChartSpec>(&directive)) {
        check_chart(edition, *chart, diagnostics);
      } else if (const auto* table = std::get_if<TableSpec>(&directive)) {
        if (const Table* t =
                find_table(edition, table->dataset, table->where, "tabel", diagnostics)) {
          check_dimensions(*t, table->filter, table->rows, table->rows_where, false, diagnostics);
          check_table_layout(*t, *table, diagnostics);
        }
        check_table_total(edition, *table, diagnostics);
      } else if (const auto* tiles = std::get_if<TilesSpec>(&directive)) {
        for (const auto& tile : tiles->tiles) {
          const Table* t =
              find_table(edition, tile.dataset, tile.data_where, "kerncijfer", diagnostics);
          if (t && !tile.column.empty())
            check_series_name(*t, tile.column, tile.column_where, diagnostics);
          if (t && tile.show == TileShow::Forecast && !t->column_index("prognose"))
            diagnostics.error(tile.data_where, t->name + " heeft geen kolom 'prognose'");
          check_tile_figures(edition, tile, diagnostics);
        }
      }
    }
    for (const auto& ref : spec.figures) check_figure(edition, ref, diagnostics);
    for (const auto& image : spec.images) check_image(edition, image, diagnostics);
  }
  check_numbered_refs(edition, diagnostics);
  check_beyond_reference(edition, diagnostics);
  check_links(edition, diagnostics);
  check_dataset_links(edition, diagnostics);
}

}  // namespace sdm
