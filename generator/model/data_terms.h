#pragma once
// Which dataset cells a computed count is made of, so that disclosure control can link every
// figure published from the same data (docs/onthulling.md, the audit across blocks).

#include <string>
#include <vector>

#include "model/computed.h"
#include "model/table.h"

namespace sdm {

// The filled cells of series `name` (a column when rows are periods, a row when columns are)
// whose period lies within the days [from, to] (Period::start_key / end_key), each with coef 1.
std::vector<DataTerm> series_terms(const Table& table, const std::string& name, int from, int to);

// The term of one cell of `table`, when it is a person count.
std::vector<DataTerm> cell_terms(const Table& table, size_t row, size_t column);

// The cells of terms.
std::vector<DataCell> cells_of(const std::vector<DataTerm>& terms);

// a + b, merging equal cells.
std::vector<DataTerm> add_terms(std::vector<DataTerm> a, const std::vector<DataTerm>& b);

// The cells of `counts` for `category` whose period lies within `period`: the quarter-end count
// of a quarter's costs, or the months of a quarter. Empty when the category is not counted.
std::vector<DataCell> client_cells(const Table& counts, const std::string& category,
                                   const Period& period);

}  // namespace sdm
