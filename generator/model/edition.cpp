#include "model/edition.h"

namespace sdm {
namespace {

constexpr std::string_view kSeriesPlaceholder = "{kolom}";

}  // namespace

std::string population_column(const std::string& declared, const std::string& series) {
  if (declared.empty()) return "totaal";
  std::string out = declared;
  if (auto at = out.find(kSeriesPlaceholder); at != std::string::npos)
    out.replace(at, kSeriesPlaceholder.size(), series);
  return out;
}

bool population_per_series(const std::string& declared) {
  return declared.find(kSeriesPlaceholder) != std::string::npos;
}

const Edition* find_edition(const std::vector<Edition>& editions, const std::string& id) {
  for (const auto& e : editions)
    if (e.config.id == id) return &e;
  return nullptr;
}

const Edition* previous_edition(const std::vector<Edition>& editions, const Edition& edition) {
  return edition.config.previous.empty() ? nullptr
                                         : find_edition(editions, edition.config.previous);
}

NumberFormat format_of(const DatasetInfo& info, const std::string& column) {
  auto it = info.column_formats.find(column);
  if (it == info.column_formats.end()) return info.format;
  // A column of another unit does not take the dataset's decimals: those are for its unit.
  if (it->second.has_format) return it->second.format;
  return it->second.unit ? NumberFormat{} : info.format;
}

std::optional<double> population_at(const Table& population, const std::string& group,
                                    const Period& period) {
  auto column = population.column_index(group);
  if (!column || !population.rows_are_periods()) return std::nullopt;
  std::optional<double> found;
  int best = 0;
  for (size_t r = 0; r < population.row_periods.size(); ++r) {
    int key = population.row_periods[r].end_key();
    if (key <= period.end_key() && key >= best && population.cells[r][*column].value) {
      best = key;
      found = population.cells[r][*column].value;
    }
  }
  return found;
}

}  // namespace sdm
