#include "disclosure/secondary.h"

#include <cmath>
#include <optional>
#include <set>

namespace sdm {
namespace {

// The cell cheapest to hide: the fewest persons (the least information lost for the reader);
// ties go to the first cell, so the pattern is the same on every build.
std::optional<CellRef> cheapest(const AuditGrid& grid, const std::set<CellRef>& candidates) {
  std::optional<CellRef> best;
  double best_size = 0;
  for (CellRef c : candidates) {
    const AuditCell& cell = grid.at(c);
    if (cell.state != CellState::Published) continue;
    double size = cell.persons.value_or(std::abs(cell.value));
    if (!best || size < best_size) {
      best = c;
      best_size = size;
    }
  }
  return best;
}

std::vector<CellRef> cells_of(const Relation& r) {
  std::vector<CellRef> cells = r.parts;
  if (r.total) cells.push_back(*r.total);
  return cells;
}

// The classic rule, as a first proposal: a relation that hides a cell must hide at least two,
// and, when its sum is published, hidden parts that together count at least kThreshold persons.
void propose(AuditGrid& grid) {
  for (bool changed = true; changed;) {
    changed = false;
    for (const auto& r : grid.relations) {
      if (!r.additive) continue;
      int hidden = 0;
      bool sensitive = false;
      double hidden_persons = 0;
      for (CellRef c : cells_of(r)) {
        const AuditCell& cell = grid.at(c);
        if (!cell.hidden()) continue;
        ++hidden;
        sensitive = sensitive || cell.state == CellState::Suppressed || cell.primary();
        if (!r.total || c != *r.total) hidden_persons += cell.persons.value_or(kThreshold);
      }
      bool sum_hidden = r.total && grid.at(*r.total).hidden();
      if (!sensitive || (hidden >= 2 && (sum_hidden || hidden_persons >= kThreshold))) continue;
      auto cells = cells_of(r);
      if (auto next = cheapest(grid, {cells.begin(), cells.end()})) {
        grid.at(*next).state = CellState::Suppressed;
        changed = true;
      }
    }
  }
}

// Published cells of the relations that touch `cells`; when those are all hidden already, of
// every relation linked to them through other relations.
std::set<CellRef> candidates_for(const AuditGrid& grid, const std::vector<CellRef>& cells) {
  std::set<CellRef> reached(cells.begin(), cells.end()), out;
  for (;;) {
    std::set<CellRef> next = reached;
    for (const auto& r : grid.relations) {
      auto members = cells_of(r);
      bool touches = false;
      for (CellRef c : members) touches = touches || reached.count(c) > 0;
      if (!touches) continue;
      for (CellRef c : members) {
        if (grid.at(c).state == CellState::Published) out.insert(c);
        next.insert(c);
      }
    }
    if (!out.empty() || next.size() == reached.size()) return out;
    reached = std::move(next);
  }
}

}  // namespace

AuditReport protect(AuditGrid& grid) {
  for (auto& row : grid.cells)
    for (auto& cell : row)
      if (cell.state == CellState::Published && cell.primary()) cell.state = CellState::Suppressed;
  propose(grid);
  for (;;) {
    AuditReport report = audit(grid);
    const AuditItem* failure = report.first_failure();
    if (report.solver_failed || !failure) return report;
    auto next = cheapest(grid, candidates_for(grid, failure->cells));
    if (!next) return report;  // nothing left to hide: fail closed
    grid.at(*next).state = CellState::Suppressed;
  }
}

}  // namespace sdm
