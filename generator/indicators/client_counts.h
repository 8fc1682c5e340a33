#pragma once
// Ties amounts to the client counts they belong to (editie.yaml `clienten:`), so that disclosure
// control hides an amount, and every figure derived from it, whenever its count is hidden: the
// costs of a voorziening with 6 clients are the costs of 6 people.

#include <string>
#include <vector>

#include "model/computed.h"
#include "model/table.h"

namespace sdm {

// Marks every cell of a chart or table whose category (series or row) and period (x position or
// column) have client counts in `counts`. A jaarlijnen chart's category is `year_lines_column`.
// Returns the cells with a value left without a count ("Begeleiding, 1e kwartaal 2024"): they
// would be published unprotected.
std::vector<std::string> attach_client_counts(ChartData& chart, const Table& counts,
                                              const std::string& year_lines_column = {});
std::vector<std::string> attach_client_counts(TableData& table, const Table& counts);

}  // namespace sdm
