#include "disclosure/audit.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>

#include "disclosure/interval_solver.h"

namespace sdm {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();
constexpr double kTolerance = 1e-6;

// The hidden cells are the unknowns; published cells are constants.
struct Unknowns {
  std::map<CellRef, size_t> index;
  std::vector<std::pair<double, double>> bounds;

  explicit Unknowns(const AuditGrid& grid) {
    for (size_t i = 0; i < grid.cells.size(); ++i)
      for (size_t j = 0; j < grid.cells[i].size(); ++j) {
        const AuditCell& cell = grid.cells[i][j];
        if (!cell.hidden()) continue;
        index[{i, j}] = bounds.size();
        bounds.emplace_back(cell.lower, cell.upper);
      }
  }
};

// Σ coef·cell as known part (published) plus unknown terms.
struct Expression {
  double known = 0;
  double truth = 0;  // the value with the true figures, to keep only facts that hold
  std::vector<LinearTerm> terms;

  void add(const AuditGrid& grid, const Unknowns& unknowns, CellRef c, double coef) {
    const AuditCell& cell = grid.at(c);
    truth += coef * cell.value;
    if (cell.hidden())
      terms.push_back({unknowns.index.at(c), coef});
    else
      known += coef * cell.value;
  }
};

// Relative to the size of the figures: the simplex works in floating point.
bool holds(double truth, double lower, double upper) {
  double slack = kTolerance * std::max(1.0, std::abs(truth));
  return truth >= lower - slack && truth <= upper + slack;
}

// expression ∈ [lower, upper] as a row over the unknowns, if it holds and says something.
void add_row(std::vector<LinearRow>& rows, const Expression& e, double lower, double upper) {
  if (e.terms.empty() || !holds(e.truth, lower, upper)) return;
  rows.push_back({e.terms, lower - e.known, upper - e.known});
}

std::vector<LinearRow> relation_rows(const AuditGrid& grid, const Unknowns& unknowns) {
  std::vector<LinearRow> rows;
  for (const auto& r : grid.relations) {
    auto absent = [&](CellRef c) { return grid.at(c).state == CellState::Absent; };
    if (std::any_of(r.parts.begin(), r.parts.end(), absent) || (r.total && absent(*r.total)))
      continue;      // a relation over a missing figure states nothing a reader can use
    Expression sum;  // Σ parts − total (or − constant)
    for (CellRef c : r.parts) sum.add(grid, unknowns, c, 1);
    if (r.total) {
      sum.add(grid, unknowns, *r.total, -1);
    } else if (r.constant) {
      sum.known -= *r.constant;
      sum.truth -= *r.constant;
    } else {
      continue;
    }
    if (r.additive) {
      // Kept even if the figures do not satisfy it: the data are then wrong, and the truth check
      // of every interval turns that into a failure instead of a guess.
      if (!sum.terms.empty()) rows.push_back({sum.terms, -sum.known, -sum.known});
      continue;
    }
    // Overlapping parts: a reader may assume total ≤ Σ parts and part ≤ total. Only what the
    // true figures satisfy is added: assuming more than is true would not be knowledge.
    if (!r.total) continue;
    add_row(rows, sum, 0, kInfinity);
    for (CellRef c : r.parts) {
      Expression gap;  // total − part
      gap.add(grid, unknowns, *r.total, 1);
      gap.add(grid, unknowns, c, -1);
      add_row(rows, gap, 0, kInfinity);
    }
  }
  return rows;
}

// The cells whose (summed) interval must be wide: every suppressed cell, every hidden cell under
// the threshold, and the suppressed parts of a relation when together they count under 10.
std::vector<std::vector<CellRef>> items_to_check(const AuditGrid& grid) {
  std::vector<std::vector<CellRef>> items;
  for (size_t i = 0; i < grid.cells.size(); ++i)
    for (size_t j = 0; j < grid.cells[i].size(); ++j) {
      const AuditCell& cell = grid.cells[i][j];
      if (cell.state == CellState::Suppressed ||
          (cell.state == CellState::Internal && cell.primary()))
        items.push_back({{i, j}});
    }
  std::set<std::vector<CellRef>> groups;
  for (const auto& r : grid.relations) {
    if (!r.additive) continue;  // overlapping parts: their sum counts nobody in particular
    std::vector<CellRef> hidden;
    double persons = 0;
    bool counted = true;
    for (CellRef c : r.parts) {
      const AuditCell& cell = grid.at(c);
      if (!cell.hidden()) continue;
      hidden.push_back(c);
      counted = counted && cell.persons;
      persons += cell.persons.value_or(0);
    }
    // All shares of a period add up to 100 whatever is published: that says nothing.
    bool whole = r.constant && hidden.size() == r.parts.size();
    if (hidden.size() >= 2 && counted && persons < kThreshold && !whole &&
        groups.insert(hidden).second)
      items.push_back(hidden);
  }
  return items;
}

double round_inward(double v, double step, bool up) {
  if (step <= 0 || !std::isfinite(v)) return v;
  double units = v / step;
  return (up ? std::ceil(units - kTolerance) : std::floor(units + kTolerance)) * step;
}

AuditItem judge(const AuditGrid& grid, std::vector<CellRef> cells, double lo, double hi) {
  AuditItem item{std::move(cells)};
  double truth = 0, prior = 0, step = grid.at(item.cells.front()).step;
  double persons_per_unit = kInfinity;
  for (CellRef c : item.cells) {
    const AuditCell& cell = grid.at(c);
    truth += cell.value;
    prior += cell.upper - cell.lower;
    if (cell.step != step) step = 0;
    persons_per_unit = std::min(persons_per_unit, cell.persons_per_unit);
  }
  // A reader knows counts are whole numbers and shares are shown to one decimal.
  item.lo = round_inward(lo, step, true);
  item.hi = round_inward(hi, step, false);
  double tolerance = step > 0 ? step / 2 : kTolerance * std::max(1.0, std::abs(truth));
  item.exact = item.hi - item.lo <= tolerance;
  // Never ask for more width than the cell has without any published figure (a share of a
  // period with 3 persons cannot be 5 persons wide).
  if (persons_per_unit > 0)
    item.required = std::min(kProtectionWidth, prior * persons_per_unit) / persons_per_unit;
  item.passes = !item.exact && item.hi - item.lo >= item.required - kTolerance;
  return item;
}

}  // namespace

bool AuditReport::passed() const {
  return !solver_failed && first_failure() == nullptr;
}

const AuditItem* AuditReport::first_failure() const {
  for (const auto& item : items)
    if (!item.passes) return &item;
  return nullptr;
}

AuditReport audit(const AuditGrid& grid) {
  AuditReport report;
  auto items = items_to_check(grid);
  if (items.empty()) return report;
  Unknowns unknowns(grid);
  IntervalSolver solver(unknowns.bounds, relation_rows(grid, unknowns));
  for (auto& cells : items) {
    std::vector<LinearTerm> objective;
    double truth = 0;
    for (CellRef c : cells) {
      objective.push_back({unknowns.index.at(c), 1});
      truth += grid.at(c).value;
    }
    auto range = solver.range(objective);
    // The true figures are always a solution; an interval without them means the relations or
    // the solver cannot be trusted, so the audit fails rather than guess.
    if (!range || !holds(truth, range->first, range->second)) {
      report.solver_failed = true;
      report.items.push_back(AuditItem{std::move(cells)});
      continue;
    }
    report.items.push_back(judge(grid, std::move(cells), range->first, range->second));
  }
  return report;
}

}  // namespace sdm
