#include "indicators/compute.h"

#include <type_traits>

#include "indicators/chart_data.h"
#include "indicators/client_counts.h"
#include "indicators/figures.h"
#include "indicators/rates.h"
#include "indicators/status.h"
#include "indicators/table_data.h"

namespace sdm {

ComputedEdition compute_edition(const Edition& edition, const Edition* previous,
                                Diagnostics& diagnostics) {
  std::vector<ComputedPage> pages;
  int chart_number = 0, table_number = 0;
  int row_note_number = 0;  // notes on table rows count on across the pages
  auto table_of = [&](const std::string& name) -> const Table* {
    auto it = edition.tables.find(name);
    return it == edition.tables.end() ? nullptr : &it->second;
  };
  // What a chart and a table both get: the client counts their amounts belong to, rates per
  // 1.000 inhabitants when asked, and the voorlopig/herzien marks.
  auto counts_and_rates = [&](auto& data, const std::string& dataset, bool per_thousand) {
    const DatasetInfo& info = edition.config.datasets.at(dataset);
    constexpr bool chart = std::is_same_v<std::decay_t<decltype(data)>, ChartData>;
    // Year lines show one column: the one asked for, or the dataset's first.
    std::string column;
    if constexpr (chart) {
      const Table& table = *table_of(dataset);
      column = !data.spec.columns.empty() ? data.spec.columns.front()
               : !table.columns.empty()   ? table.columns.front()
                                          : std::string();
    }
    if (const Table* clients = table_of(info.clients)) {
      std::vector<std::string> untied;
      if constexpr (chart)
        untied = attach_client_counts(data, *clients, column);
      else
        untied = attach_client_counts(data, *clients);
      // check_dataset_links finds most of these in the data; a block can still name its
      // categories otherwise (a filter's short names).
      if (!untied.empty())
        diagnostics.error(data.spec.where,
                          "clienten: bij '" + untied.front() + "' in dit blok vindt de generator " +
                              "geen aantal cliënten in " + info.clients +
                              "; het bedrag zou ook bij minder dan 10 cliënten worden getoond",
                          "toon deze bedragen per categorie zoals ze in " + info.clients +
                              " heten, of zonder filter");
    }
    const Table* population = table_of(edition.config.population);
    if (per_thousand && population) {
      if constexpr (chart) {
        rates_per_thousand(data, *population, info.population_group, column);
      } else {
        rates_per_thousand(data, *population, info.population_group);
      }
    }
    mark_status(data, edition, previous);
  };
  for (const Page& source : edition.pages) {
    const PageSpec& spec = source.spec;
    ComputedPage page;
    for (const auto& directive : spec.directives) {
      if (const auto* chart = std::get_if<ChartSpec>(&directive)) {
        const Table* table = table_of(chart->dataset);
        if (!table) continue;
        ChartData data =
            chart_data(*chart, *table, edition.config.datasets.at(chart->dataset),
                       chart->budget_dataset.empty() ? nullptr : table_of(chart->budget_dataset));
        counts_and_rates(data, chart->dataset, chart->per_thousand);
        data.number = ++chart_number;
        page.blocks.push_back(std::move(data));
      } else if (const auto* table_spec = std::get_if<TableSpec>(&directive)) {
        const Table* table = table_of(table_spec->dataset);
        if (!table) continue;
        TableData data =
            table_data(*table_spec, *table, edition.config.datasets.at(table_spec->dataset));
        counts_and_rates(data, table_spec->dataset, table_spec->per_thousand);
        if (!table_spec->title.empty()) data.number = ++table_number;
        data.first_note = row_note_number + 1;
        row_note_number += static_cast<int>(table_spec->row_notes.size());
        page.blocks.push_back(std::move(data));
      } else if (const auto* tiles = std::get_if<TilesSpec>(&directive)) {
        std::vector<TileData> data;
        for (const auto& tile : tiles->tiles) data.push_back(tile_data(tile, edition, previous));
        page.blocks.push_back(std::move(data));
      }
    }
    for (const auto& ref : spec.figures)
      if (auto figure = figure_data(ref, edition, diagnostics)) page.figures.push_back(*figure);
    pages.push_back(std::move(page));
  }
  return pages;
}

std::vector<ComputedEdition> compute_site(const std::vector<Edition>& editions,
                                          Diagnostics& diagnostics) {
  std::vector<ComputedEdition> out;
  for (const auto& edition : editions)
    out.push_back(compute_edition(edition, previous_edition(editions, edition), diagnostics));
  return out;
}

}  // namespace sdm
