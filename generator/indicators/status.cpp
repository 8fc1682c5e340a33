#include "indicators/status.h"

#include <cmath>
#include <unordered_map>

namespace sdm {
namespace {

// Each dataset cell's marks, worked out once per block: the points of a chart share many of
// their cells (a cumulative year line sums every month before it again).
class CellMarks {
 public:
  CellMarks(const Edition& edition, const Edition* previous)
      : edition_(edition), previous_(previous) {}

  void mark(RawValue& v) {
    if (!v.value) return;
    for (const auto& cell : v.sources) {
      if (v.provisional && (v.revised || !previous_)) return;
      auto [it, added] = marks_.try_emplace(cell);
      if (added)
        it->second = {is_provisional(cell, edition_),
                      previous_ && is_revised(cell, edition_, *previous_)};
      v.provisional = v.provisional || it->second.provisional;
      v.revised = v.revised || it->second.revised;
    }
  }

 private:
  struct Marks {
    bool provisional = false, revised = false;
  };
  struct Hash {
    size_t operator()(const DataCell& c) const {
      std::hash<std::string> h;
      return h(c.dataset) ^ (h(c.row) * 31) ^ (h(c.column) * 961);
    }
  };
  const Edition& edition_;
  const Edition* previous_;
  std::unordered_map<DataCell, Marks, Hash> marks_;
};

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
  CellMarks marks(edition, previous);
  for (auto& s : chart.series)
    for (auto& p : s.points) marks.mark(p);
}

void mark_status(TableData& table, const Edition& edition, const Edition* previous) {
  CellMarks marks(edition, previous);
  for (auto& row : table.rows)
    for (auto& cell : row.cells) marks.mark(cell);
}

}  // namespace sdm
