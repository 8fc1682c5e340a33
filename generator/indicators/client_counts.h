#pragma once
// Ties amounts to the client counts they belong to (editie.yaml `clienten:`), so that disclosure
// control hides an amount, and every figure derived from it, whenever its count is hidden: the
// costs of a voorziening with 6 clients are the costs of 6 people.

#include <string>
#include <vector>

#include "model/computed.h"
#include "model/table.h"

namespace sdm {

// The cells of `counts` for `category` whose period lies within `period`: the quarter-end count
// of a quarter's costs, or the months of a quarter. Empty when the category is not counted.
std::vector<DataCell> client_cells(const Table& counts, const std::string& category,
                                   const Period& period);

// Marks every cell of a chart or table whose category (series or row) and period (x position or
// column) have client counts in `counts`.
void attach_client_counts(ChartData& chart, const Table& counts);
void attach_client_counts(TableData& table, const Table& counts);

}  // namespace sdm
