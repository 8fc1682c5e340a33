#pragma once
// Test helpers: a two-way table of person counts with row totals, column totals and a grand
// total, as the audit sees it.

#include <vector>

#include "disclosure/audit_grid.h"

namespace sdm::test {

// Cells (r, c) of `interior`; row totals in the last column, column totals in the last row, the
// grand total in the corner. Relations: every row, every column, and both margins.
inline AuditGrid two_way(const std::vector<std::vector<double>>& interior) {
  const size_t rows = interior.size(), cols = interior.front().size();
  AuditGrid grid;
  grid.cells.assign(rows + 1, std::vector<AuditCell>(cols + 1));
  double grand = 0;
  std::vector<double> col_sums(cols);
  for (size_t r = 0; r < rows; ++r) {
    double sum = 0;
    for (size_t c = 0; c < cols; ++c) {
      grid.cells[r][c] = count_cell(interior[r][c]);
      sum += interior[r][c];
      col_sums[c] += interior[r][c];
    }
    grid.cells[r][cols] = count_cell(sum);
    grand += sum;
  }
  for (size_t c = 0; c < cols; ++c) grid.cells[rows][c] = count_cell(col_sums[c]);
  grid.cells[rows][cols] = count_cell(grand);
  for (size_t r = 0; r <= rows; ++r) {
    Relation row{{}, CellRef{r, cols}, std::nullopt};
    for (size_t c = 0; c < cols; ++c) row.parts.push_back({r, c});
    grid.relations.push_back(row);
  }
  for (size_t c = 0; c <= cols; ++c) {
    Relation col{{}, CellRef{rows, c}, std::nullopt};
    for (size_t r = 0; r < rows; ++r) col.parts.push_back({r, c});
    grid.relations.push_back(col);
  }
  return grid;
}

inline void suppress(AuditGrid& grid, const std::vector<CellRef>& cells) {
  for (CellRef c : cells) grid.at(c).state = CellState::Suppressed;
}

}  // namespace sdm::test
