#pragma once
// Percentage shares that add up to exactly 100 at the precision shown.

#include <optional>
#include <vector>

namespace sdm {

// Shares of `values` in percent, rounded to `decimals` by the largest-remainder method: every
// share is first rounded down, then the units still missing to reach 100 go to the shares with
// the largest remainders (ties: the earlier category). Empty values stay empty; all empty or a
// zero total gives all empty.
std::vector<std::optional<double>> shares_percent(const std::vector<std::optional<double>>& values,
                                                  int decimals = 1);

}  // namespace sdm
