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

}  // namespace sdm
