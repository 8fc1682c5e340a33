#include "validate/dataset_links.h"

#include <algorithm>

#include "format/dutch.h"
#include "model/data_terms.h"
#include "util/text.h"

namespace sdm {
namespace {

// "1 andere periode", "3 andere perioden".
std::string other_periods(size_t n) {
  return std::to_string(n) + (n == 1 ? " andere periode" : " andere perioden");
}

const Table* table_named(const Edition& edition, const std::string& name) {
  auto it = edition.tables.find(name);
  return it == edition.tables.end() ? nullptr : &it->second;
}

// The cell of series `name` (of series_names) at its `k`-th period.
const Cell& series_cell(const Table& table, const std::string& name, size_t k) {
  return table.rows_are_periods() ? table.cells[k][*table.column_index(name)]
                                  : table.cells[*table.row_index(name)][k];
}

// `clienten:` ties each amount to the counts of the same category within its period
// (indicators/client_counts.h). An amount it cannot tie would be published as it is, also the
// costs of fewer than 10 clients.
void check_client_link(const Edition& edition, const std::string& name, const DatasetInfo& info,
                       Diagnostics& diagnostics) {
  const Table* amounts = table_named(edition, name);
  const Table* counts = table_named(edition, info.clients);
  auto declared = edition.config.datasets.find(info.clients);
  if (!amounts || !counts || declared == edition.config.datasets.end() ||
      declared->second.unit != Unit::Persons || info.unit == Unit::Persons)
    return;  // check_clients reports it
  const std::string cannot = "; de bedragen zouden ook bij minder dan 10 cliënten worden getoond";
  if (series_names(*amounts).empty() || series_names(*counts).empty()) {
    const bool of_amounts = series_names(*amounts).empty();
    diagnostics.error(
        info.clients_where,
        "clienten: " + (of_amounts ? name : info.clients) +
            " heeft geen perioden in de eerste kolom of in de kopregel, dus de "
            "generator kan de bedragen niet aan de cliënten van hun periode koppelen" +
            cannot,
        of_amounts ? "zet de perioden (2024-K1) in de eerste kolom en de "
                     "categorieën als kolommen, zoals in docs/data.md"
                   : "zet de peildata (2024-03-31) in de kopregel en de categorieën "
                     "in de eerste kolom, zoals in docs/data.md");
    return;
  }
  const auto categories = series_names(*counts);
  for (const auto& category : series_names(*amounts)) {
    auto series = series_of(*amounts, category);
    if (!series || series->unit == Unit::Text) continue;
    std::vector<size_t> loose;  // periods with an amount and no count
    for (size_t k = 0; k < series->periods.size(); ++k)
      if (series->values[k] && client_cells(*counts, category, series->periods[k]).empty())
        loose.push_back(k);
    if (loose.empty()) continue;
    if (std::find(categories.begin(), categories.end(), category) == categories.end()) {
      std::string guess = closest_match(category, categories);
      diagnostics.error(
          info.clients_where,
          "clienten: '" + category + "' uit " + name + " staat niet in " + info.clients + cannot,
          guess.empty()
              ? "zet de aantallen cliënten van '" + category + "' in " + info.clients +
                    ", onder dezelfde naam"
              : "bedoelde u '" + guess + "'? Geef de categorie in beide bestanden dezelfde naam");
      continue;
    }
    const Cell& cell = series_cell(*amounts, category, loose.front());
    const std::string period = format_period(series->periods[loose.front()], PeriodStyle::Long);
    diagnostics.error(
        {amounts->file, cell.line, cell.column},
        "clienten: bij het bedrag van '" + category + "' in " + period + " staat in " +
            info.clients + " geen aantal cliënten met een peildatum in die periode" +
            (loose.size() > 1 ? " (en bij " + other_periods(loose.size() - 1) + ")" : "") + cannot,
        "lever het aantal cliënten van elke periode met een bedrag aan (bij bedragen per kwartaal "
        "de stand op de laatste dag van het kwartaal), of laat de bedragen zonder aantallen weg");
  }
}

// A figure in the text or a tile shows one amount without its client count.
void check_single_amounts(const Edition& edition, Diagnostics& diagnostics) {
  auto tied = [&](const std::string& dataset) {
    auto it = edition.config.datasets.find(dataset);
    return it != edition.config.datasets.end() && !it->second.clients.empty() &&
           it->second.unit != Unit::Persons;
  };
  auto report = [&](const std::string& dataset, const SourceLocation& where, const char* what) {
    diagnostics.error(where,
                      std::string(what) + " uit " + dataset +
                          " wordt niet afgeschermd: deze bedragen horen bij de cliënten van " +
                          edition.config.datasets.at(dataset).clients +
                          " (clienten:), en alleen grafieken en tabellen koppelen ze",
                      "toon deze bedragen in een grafiek of tabel; daar toont de generator een "
                      "bedrag bij minder dan 10 cliënten als x");
  };
  for (const Page& page : edition.pages) {
    const PageSpec& spec = page.spec;
    for (const auto& ref : spec.figures)
      if (tied(ref.dataset)) report(ref.dataset, ref.where, "een cijfer in de tekst");
    for (const auto& directive : spec.directives)
      if (const auto* tiles = std::get_if<TilesSpec>(&directive))
        for (const auto& tile : tiles->tiles) {
          if (tied(tile.dataset)) report(tile.dataset, tile.data_where, "een kerncijfer");
          for (const auto& dataset : tile.more_datasets)
            if (tied(dataset)) report(dataset, tile.data_where, "een kerncijfer");
        }
  }
}

// per1000: every count shown needs a population on or before its period (population_at), or
// its cell is left blank.
void check_rates(const Edition& edition, const std::string& dataset,
                 std::vector<std::string> series, bool categories_along_axis,
                 const SourceLocation& where, Diagnostics& diagnostics) {
  const Table* table = table_named(edition, dataset);
  const Table* population = table_named(edition, edition.config.population);
  if (!table || !population || !population->column_index("totaal")) return;  // check_population
  if (std::none_of(table->row_units.begin(), table->row_units.end(),
                   [](Unit u) { return u == Unit::Persons; })) {
    diagnostics.error(
        where,
        "per1000 rekent aantallen personen om, maar " + dataset + " bevat geen aantallen personen",
        "laat 'per1000: ja' weg, of kies een dataset met eenheid personen");
    return;
  }
  if (series_names(*table).empty() || categories_along_axis) {
    diagnostics.error(
        where,
        "per1000 deelt elk aantal door de bevolking van zijn periode, maar " + dataset +
            (categories_along_axis ? " heeft langs de as geen perioden" : " heeft geen perioden") +
            "; de cellen zouden leeg blijven",
        "gebruik per1000 bij een dataset met perioden in de eerste kolom of in de "
        "kopregel");
    return;
  }
  const std::string& declared = edition.config.datasets.at(dataset).population_group;
  if (series.empty()) series = series_names(*table);
  for (const auto& name : series) {
    auto s = series_of(*table, name);
    if (!s || s->unit != Unit::Persons) continue;
    const std::string group = population_column(declared, name);
    if (!population->column_index(group)) continue;  // check_population_group
    std::vector<size_t> blank;
    for (size_t k = 0; k < s->periods.size(); ++k) {
      auto inhabitants = population_at(*population, group, s->periods[k]);
      if (s->values[k] && (!inhabitants || *inhabitants <= 0)) blank.push_back(k);
    }
    if (blank.empty()) continue;
    const Period& first = s->periods[blank.front()];
    diagnostics.error(where,
                      "per1000: " + edition.config.population + " heeft geen bevolking '" + group +
                          "' op of vóór " + format_period(first, PeriodStyle::Long) + " ('" + name +
                          "'" +
                          (blank.size() > 1 ? ", en " + other_periods(blank.size() - 1) : "") +
                          "); die cellen zouden leeg blijven",
                      "vul " + edition.config.population + " aan met een peildatum op of vóór " +
                          format_period(first, PeriodStyle::Long) + ", of laat die perioden weg");
    return;
  }
}

}  // namespace

void check_dataset_links(const Edition& edition, Diagnostics& diagnostics) {
  for (const auto& [name, info] : edition.config.datasets)
    if (!info.clients.empty()) check_client_link(edition, name, info, diagnostics);
  check_single_amounts(edition, diagnostics);
  for (const Page& page : edition.pages)
    for (const auto& directive : page.spec.directives) {
      if (const auto* c = std::get_if<ChartSpec>(&directive); c && c->per_thousand) {
        const Table* table = table_named(edition, c->dataset);
        // Year lines show one column; bars of categories have no period along the axis.
        std::vector<std::string> series = c->columns;
        if (table && series.empty() && c->view == ChartView::YearLines && !table->columns.empty())
          series.push_back(table->columns.front());
        const bool categories =
            table && c->view == ChartView::Bar && !c->per_quarter && !table->rows_are_periods();
        check_rates(edition, c->dataset, series, categories, c->where, diagnostics);
      } else if (const auto* t = std::get_if<TableSpec>(&directive); t && t->per_thousand) {
        check_rates(edition, t->dataset, {}, false, t->where, diagnostics);
      }
    }
}

}  // namespace sdm
