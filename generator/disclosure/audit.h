#pragma once
// The audit, as in τ-ARGUS and sdcTable's attack(): for every suppressed cell, the tightest
// interval a reader can derive from everything the chart or table publishes (published cells
// fixed, hidden cells non-negative, a "<10" cell within 0–9, and every relation), by linear
// programming. A cell passes when that interval does not pin it down and is at least
// kProtectionWidth persons wide (policy.h). The same holds for the sum of the suppressed parts
// of a relation when that sum is a group under 10 persons: two small cells must not protect each
// other. docs/onthulling.md has the method and its limits.

#include <vector>

#include "disclosure/audit_grid.h"

namespace sdm {

struct AuditItem {
  std::vector<CellRef> cells;  // one cell, or the suppressed parts of one relation (their sum)
  double lo = 0, hi = 0;       // what a reader can derive, rounded inward to the cell's step
  double required = 0;         // the minimal width in the cells' own unit
  bool exact = false;          // lo == hi: the reader can recompute it
  bool passes = false;
};

struct AuditReport {
  std::vector<AuditItem> items;
  bool solver_failed = false;  // no trustworthy answer: counts as failing (fail closed)

  bool passed() const;
  const AuditItem* first_failure() const;  // nullptr when there is none
};

AuditReport audit(const AuditGrid& grid);

}  // namespace sdm
