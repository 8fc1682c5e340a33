#include "indicators/status.h"

#include <cmath>

namespace sdm {
namespace {

void mark(RawValue& v, const Edition& edition, const Edition* previous) {
  if (!v.value) return;
  for (const auto& cell : v.sources) {
    v.provisional = v.provisional || is_provisional(cell, edition);
    v.revised = v.revised || (previous && is_revised(cell, edition, *previous));
  }
}

}  // namespace

bool is_provisional(const DataCell& cell, const Edition& edition) {
  auto info = edition.config.datasets.find(cell.dataset);
  if (info == edition.config.datasets.end() || info->second.provisional_months <= 0) return false;
  auto period = Period::parse(cell.row);
  if (!period) period = Period::parse(cell.column);
  if (!period) return false;
  // Final up to the end of the month `voorlopig` months before the peildatum's month.
  const Period& peil = edition.config.reference_date;
  int month = peil.year * 12 + (peil.month - 1) - info->second.provisional_months;
  Period last_final = Period::of_month(month / 12, month % 12 + 1);
  return period->end_key() > last_final.end_key();
}

bool is_revised(const DataCell& cell, const Edition& edition, const Edition& previous) {
  // Only a figure about a fixed period can be revised; a count without a period ("Aantal
  // organisaties") is simply measured again in each edition.
  if (!Period::parse(cell.row) && !Period::parse(cell.column)) return false;
  auto now = value_of(edition.tables, cell), before = value_of(previous.tables, cell);
  return now && before && std::abs(*now - *before) > 1e-9;
}

void mark_status(ChartData& chart, const Edition& edition, const Edition* previous) {
  for (auto& s : chart.series)
    for (auto& p : s.points) mark(p, edition, previous);
}

void mark_status(TableData& table, const Edition& edition, const Edition* previous) {
  for (auto& row : table.rows)
    for (auto& cell : row.cells) mark(cell, edition, previous);
}

}  // namespace sdm
