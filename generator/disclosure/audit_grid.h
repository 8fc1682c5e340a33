#pragma once
// The input of disclosure control for one chart or table: every cell with its true value, what a
// reader knows of it without the figure, and the relations that link the cells.

#include <limits>
#include <optional>
#include <vector>

#include "disclosure/policy.h"
#include "model/computed.h"

namespace sdm {

enum class CellState {
  Absent,      // no figure: not part of any fact
  Published,   // the reader knows the value
  Suppressed,  // shown as "<10"
  Internal,    // never shown, but linked to what is (a month inside a year-to-date total)
};

struct AuditCell {
  CellState state = CellState::Absent;
  double value = 0;               // the true value
  std::optional<double> persons;  // the person count behind it
  // What any reader knows without the figure: 0–9 for a count under 10, 0–100 for a share.
  double lower = 0;
  double upper = std::numeric_limits<double>::infinity();
  double step = 0;  // published values are multiples of this (1 for counts); 0: continuous
  // Persons per unit of value, to measure an interval in persons: 1 for a count, total/100 for a
  // share. 0: not a person measure, then the cell only needs to stay undetermined.
  double persons_per_unit = 0;

  // Hidden whatever its value: an amount whose client count is hidden (editie.yaml `clienten:`).
  bool forced = false;

  bool hidden() const { return state == CellState::Suppressed || state == CellState::Internal; }
  bool primary() const { return forced || (persons && *persons < kThreshold); }
};

struct AuditGrid {
  std::vector<std::vector<AuditCell>> cells;
  std::vector<Relation> relations;

  AuditCell& at(CellRef c) { return cells[c.first][c.second]; }
  const AuditCell& at(CellRef c) const { return cells[c.first][c.second]; }
};

// A count of persons: value and person count coincide, and "<10" bounds it to 0–9.
inline AuditCell count_cell(double value, CellState state = CellState::Published) {
  AuditCell cell{state, value, value};
  cell.step = 1;
  cell.persons_per_unit = 1;
  if (value < kThreshold) cell.upper = kThreshold - 1;
  return cell;
}

}  // namespace sdm
