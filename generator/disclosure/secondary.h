#pragma once
// Choosing the cells to suppress. Primary: every count under kThreshold. Secondary: a simple
// deterministic heuristic proposes cells, the audit judges, and while a cell fails the smallest
// published cell linked to it is suppressed as well. The audit is the gate: when even that finds
// no passing pattern, the result says so and the build stops (fail closed).

#include "disclosure/audit.h"
#include "disclosure/audit_grid.h"

namespace sdm {

// Turns Published cells of `grid` into Suppressed ones; returns the audit of the final pattern.
AuditReport protect(AuditGrid& grid);

}  // namespace sdm
