#pragma once
// Relations a reader can see in a chart or table that the indicator stage does not list:
// a year-to-date line, whose monthly increments are counts too, and a "Totaal" line or column
// beside its parts. Added to the audit grid so that the audit covers them.

#include <string>
#include <vector>

#include "disclosure/audit_grid.h"

namespace sdm {

// Each row in `rows` holds running totals within a year (a cumulative line): adds a row of
// Internal cells with the increments, each a count in its own right, and relates them.
void add_year_to_date(AuditGrid& grid, const std::vector<size_t>& rows);

// A row or column labelled "Totaal" (or "Eindtotaal") beside other rows or columns of person
// counts. Additive where the figures add up; otherwise (a person counted in several parts) the
// inequalities total ≤ Σ parts and part ≤ total. `row_is_data[i]` false: skip that row (a total
// the indicator stage made and already related).
void add_total_lines(AuditGrid& grid, const std::vector<std::string>& row_labels,
                     const std::vector<std::string>& column_labels,
                     const std::vector<bool>& row_is_data);

}  // namespace sdm
