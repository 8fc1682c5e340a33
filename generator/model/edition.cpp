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

}  // namespace sdm
