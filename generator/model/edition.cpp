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

NumberFormat format_of(const DatasetInfo& info, const std::string& column) {
  auto it = info.column_formats.find(column);
  if (it == info.column_formats.end()) return info.format;
  // A column of another unit does not take the dataset's decimals: those are for its unit.
  if (it->second.has_format) return it->second.format;
  return it->second.unit ? NumberFormat{} : info.format;
}

}  // namespace sdm
