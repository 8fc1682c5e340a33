#include "pipeline/figure_catalog.h"

#include <set>

#include "disclosure/disclosure.h"
#include "indicators/figures.h"
#include "load/figure_refs.h"
#include "load/load_edition.h"
#include "pagemodel/phrases.h"

namespace sdm {
namespace {

std::string quoted(const std::string& word) {
  return word.find(' ') == std::string::npos ? word : "\"" + word + "\"";
}

std::vector<FigureRef> references_for(const Edition& edition, const Table& table) {
  std::vector<FigureRef> refs;
  if (table.column_index("begroting")) {
    for (const auto& key : table.row_keys) {
      auto year = Period::parse(key);
      if (!year || year->kind != Period::Kind::Year) continue;
      for (auto f : {FigureFunction::Budget, FigureFunction::Forecast, FigureFunction::Balance})
        refs.push_back({f, table.name, "", "", year->year});
    }
    return refs;
  }
  auto names = series_names(table);
  if (names.empty()) {
    for (const auto& row : table.row_keys)
      for (const auto& column : table.columns)
        refs.push_back({FigureFunction::Value, table.name, column, row, 0});
    return refs;
  }
  for (const auto& name : names) {
    auto series = series_of(table, name);
    refs.push_back({FigureFunction::Last, table.name, name, "", 0});
    // Rates exist for counts of persons, once the edition supplies its population.
    auto info = edition.config.datasets.find(table.name);
    if (!edition.config.population.empty() && table.name != edition.config.population &&
        info != edition.config.datasets.end() && info->second.unit == Unit::Persons)
      refs.push_back({FigureFunction::Rate, table.name, name, "", 0});
    if (!adds_up_over_time(*series)) continue;
    std::set<int> years;
    for (const auto& p : series->periods) years.insert(p.year);
    for (int year : years) {
      refs.push_back({FigureFunction::YearTotal, table.name, name, "", year});
      if (series->periods.front().kind == Period::Kind::Month && years.count(year - 1)) {
        refs.push_back({FigureFunction::Change, table.name, name, "", year});
        refs.push_back({FigureFunction::ChangePercent, table.name, name, "", year});
      }
    }
  }
  return refs;
}

std::string reference_text(const FigureRef& ref) {
  std::string out = "{{ " + figure_function_keyword(ref.function) + " " + ref.dataset;
  if (!ref.row.empty()) out += " " + quoted(ref.row);
  if (!ref.series.empty()) out += " " + quoted(ref.series);
  if (ref.year) out += " " + std::to_string(ref.year);
  return out + " }}";
}

}  // namespace

std::optional<std::vector<CatalogEntry>> figure_catalog(const FileSystem& fs,
                                                        const BuildOptions& options,
                                                        Diagnostics& diagnostics) {
  auto editions = load_editions(fs, options.content_dir, diagnostics);
  if (diagnostics.has_errors()) return std::nullopt;
  std::vector<CatalogEntry> out;
  for (const auto& edition : editions) {
    for (const auto& [name, table] : edition.tables) {
      for (const auto& ref : references_for(edition, table)) {
        Diagnostics ignored;  // a reference the data cannot give is simply not offered
        auto figure = figure_data(ref, edition, ignored);
        if (!figure) continue;
        out.push_back(
            {edition.config.id, reference_text(ref), figure_text(Disclosure::figure(*figure))});
      }
    }
  }
  return out;
}

}  // namespace sdm
