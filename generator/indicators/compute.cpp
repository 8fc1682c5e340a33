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
    if (const Table* clients = table_of(info.clients)) attach_client_counts(data, *clients);
    const Table* population = table_of(edition.config.population);
    if (per_thousand && population) {
      if constexpr (std::is_same_v<std::decay_t<decltype(data)>, ChartData>) {
        // Year lines show one column: the one asked for, or the dataset's first.
        const Table& table = *table_of(dataset);
        std::string column = !data.spec.columns.empty() ? data.spec.columns.front()
                             : !table.columns.empty()   ? table.columns.front()
                                                        : std::string();
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
