#include "disclosure/implied_relations.h"

#include <cmath>

#include "model/table.h"

namespace sdm {
namespace {

bool counted(const AuditGrid& grid, CellRef c) {
  if (c.first >= grid.cells.size() || c.second >= grid.cells[c.first].size()) return false;
  const AuditCell& cell = grid.at(c);
  return cell.state != CellState::Absent && cell.persons;
}

// total = Σ parts when the figures add up, else the looser relation of overlapping parts.
void relate(AuditGrid& grid, CellRef total, const std::vector<CellRef>& parts) {
  if (parts.empty()) return;
  double sum = 0;
  for (CellRef c : parts) sum += grid.at(c).value;
  Relation r{parts, total, std::nullopt};
  r.additive = std::abs(sum - grid.at(total).value) < 1e-9;
  grid.relations.push_back(std::move(r));
}

}  // namespace

void add_year_to_date(AuditGrid& grid, const std::vector<size_t>& rows) {
  for (size_t row : rows) {
    const size_t internal = grid.cells.size();
    grid.cells.emplace_back(grid.cells[row].size());
    std::optional<size_t> previous;
    for (size_t j = 0; j < grid.cells[row].size(); ++j) {
      const AuditCell& running = grid.cells[row][j];
      if (running.state == CellState::Absent) continue;
      double before = previous ? grid.cells[row][*previous].value : 0;
      grid.cells[internal][j] = count_cell(running.value - before, CellState::Internal);
      // running(j) = running(previous) + increment(j)
      Relation r{{{internal, j}}, CellRef{row, j}, std::nullopt};
      if (previous) r.parts.push_back({row, *previous});
      grid.relations.push_back(std::move(r));
      previous = j;
    }
  }
}

void add_total_lines(AuditGrid& grid, const std::vector<std::string>& row_labels,
                     const std::vector<std::string>& column_labels,
                     const std::vector<bool>& row_is_data) {
  const size_t rows = std::min(row_labels.size(), row_is_data.size());
  auto part_row = [&](size_t r) { return row_is_data[r] && !is_total_label(row_labels[r]); };
  for (size_t t = 0; t < rows; ++t) {
    if (!row_is_data[t] || !is_total_label(row_labels[t])) continue;
    for (size_t c = 0; c < grid.cells[t].size(); ++c) {
      if (!counted(grid, {t, c})) continue;
      std::vector<CellRef> parts;
      for (size_t r = 0; r < rows; ++r)
        if (part_row(r) && counted(grid, {r, c})) parts.push_back({r, c});
      relate(grid, {t, c}, parts);
    }
  }
  for (size_t t = 0; t < column_labels.size(); ++t) {
    if (!is_total_label(column_labels[t])) continue;
    for (size_t r = 0; r < rows; ++r) {
      if (!counted(grid, {r, t})) continue;
      std::vector<CellRef> parts;
      for (size_t c = 0; c < column_labels.size(); ++c)
        if (c != t && !is_total_label(column_labels[c]) && counted(grid, {r, c}))
          parts.push_back({r, c});
      relate(grid, {r, t}, parts);
    }
  }
}

}  // namespace sdm
