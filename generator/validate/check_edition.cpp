#include "validate/check_edition.h"

#include <algorithm>
#include <cmath>

#include "format/dutch.h"
#include "load/figure_refs.h"
#include "util/text.h"
#include "validate/check_datasets.h"
#include "validate/dataset_links.h"
#include "validate/links.h"
#include "validate/numbered_refs.h"

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
  check_datasets(edition, diagnostics);
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
