#include "indicators/shares.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace sdm {

std::vector<std::optional<double>> shares_percent(const std::vector<std::optional<double>>& values,
                                                  int decimals) {
  std::vector<std::optional<double>> out(values.size());
  double total = 0;
  for (const auto& v : values) total += v.value_or(0);
  if (total <= 0) return out;
  const long long units = 100 * static_cast<long long>(std::pow(10, decimals));
  std::vector<long long> floors(values.size(), 0);
  std::vector<double> remainders(values.size(), -1);
  long long assigned = 0;
  for (size_t i = 0; i < values.size(); ++i) {
    if (!values[i]) continue;
    double exact = *values[i] / total * units;
    floors[i] = static_cast<long long>(std::floor(exact + 1e-9));
    remainders[i] = exact - floors[i];
    assigned += floors[i];
  }
  std::vector<size_t> order(values.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return remainders[a] > remainders[b]; });
  for (size_t k = 0; assigned < units && k < order.size(); ++k) {
    if (!values[order[k]]) continue;
    ++floors[order[k]];
    ++assigned;
  }
  double scale = std::pow(10, decimals);
  for (size_t i = 0; i < values.size(); ++i)
    if (values[i]) out[i] = static_cast<double>(floors[i]) / scale;
  return out;
}

}  // namespace sdm
