#pragma once
// Test helpers: attacks on a suppression pattern that share no code with the audit, to check it.
//   determined_by_equations: Gaussian elimination on the published relations (no bounds).
//   two_way_interval: for a two-way table with totals, the exact range of one hidden cell by a
//     max-flow feasibility test (a circulation with bounds) and binary search.

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <queue>
#include <vector>

#include "disclosure/audit_grid.h"

namespace sdm::test {

// Whether Σ of `cells` (all hidden) follows from the additive relations alone: the indicator
// vector of `cells` lies in the row space of the equations over the hidden cells.
inline bool determined_by_equations(const AuditGrid& grid, const std::vector<CellRef>& cells) {
  std::map<CellRef, size_t> index;
  for (size_t i = 0; i < grid.cells.size(); ++i)
    for (size_t j = 0; j < grid.cells[i].size(); ++j)
      if (grid.cells[i][j].hidden()) index.emplace(CellRef{i, j}, index.size());
  std::vector<std::vector<double>> rows;
  for (const auto& r : grid.relations) {
    if (!r.additive) continue;
    std::vector<double> row(index.size());
    for (CellRef c : r.parts)
      if (index.count(c)) row[index[c]] += 1;
    if (r.total && index.count(*r.total)) row[index[*r.total]] -= 1;
    rows.push_back(row);
  }
  auto rank = [](std::vector<std::vector<double>> m) {
    size_t rank = 0;
    const size_t cols = m.empty() ? 0 : m.front().size();
    for (size_t col = 0; col < cols && rank < m.size(); ++col) {
      size_t pivot = rank;
      for (size_t r = rank; r < m.size(); ++r)
        if (std::abs(m[r][col]) > std::abs(m[pivot][col])) pivot = r;
      if (std::abs(m[pivot][col]) < 1e-9) continue;
      std::swap(m[pivot], m[rank]);
      for (size_t r = 0; r < m.size(); ++r) {
        if (r == rank) continue;
        double f = m[r][col] / m[rank][col];
        for (size_t k = 0; k < cols; ++k) m[r][k] -= f * m[rank][k];
      }
      ++rank;
    }
    return rank;
  };
  size_t before = rank(rows);
  std::vector<double> target(index.size());
  for (CellRef c : cells) target[index.at(c)] = 1;
  rows.push_back(target);
  return rank(rows) == before;
}

// Dinic's max-flow on integer capacities.
class MaxFlow {
 public:
  explicit MaxFlow(size_t nodes) : adjacent_(nodes) {}
  void add(size_t from, size_t to, long long capacity) {
    adjacent_[from].push_back(edges_.size());
    edges_.push_back({to, capacity});
    adjacent_[to].push_back(edges_.size());
    edges_.push_back({from, 0});
  }
  long long run(size_t source, size_t sink) {
    long long total = 0;
    while (levels(source, sink)) {
      next_.assign(adjacent_.size(), 0);
      while (long long pushed = push(source, sink, std::numeric_limits<long long>::max()))
        total += pushed;
    }
    return total;
  }

 private:
  struct Edge {
    size_t to;
    long long capacity;
  };
  bool levels(size_t source, size_t sink) {
    level_.assign(adjacent_.size(), -1);
    level_[source] = 0;
    std::queue<size_t> queue;
    queue.push(source);
    while (!queue.empty()) {
      size_t u = queue.front();
      queue.pop();
      for (size_t e : adjacent_[u])
        if (edges_[e].capacity > 0 && level_[edges_[e].to] < 0) {
          level_[edges_[e].to] = level_[u] + 1;
          queue.push(edges_[e].to);
        }
    }
    return level_[sink] >= 0;
  }
  long long push(size_t u, size_t sink, long long limit) {
    if (u == sink) return limit;
    for (; next_[u] < adjacent_[u].size(); ++next_[u]) {
      size_t e = adjacent_[u][next_[u]];
      Edge& edge = edges_[e];
      if (edge.capacity <= 0 || level_[edge.to] != level_[u] + 1) continue;
      if (long long pushed = push(edge.to, sink, std::min(limit, edge.capacity))) {
        edge.capacity -= pushed;
        edges_[e ^ 1].capacity += pushed;
        return pushed;
      }
    }
    return 0;
  }
  std::vector<Edge> edges_;
  std::vector<std::vector<size_t>> adjacent_;
  std::vector<int> level_;
  std::vector<size_t> next_;
};

constexpr long long kUnbounded = 1'000'000;

// A two-way table as made by two_way(): is there a table that agrees with everything published,
// respects the bounds of the hidden cells, and has `fixed` = v? A circulation s → rows → columns
// → t → s with lower and upper bounds on every edge.
inline bool two_way_feasible(const AuditGrid& grid, CellRef fixed, long long v) {
  const size_t rows = grid.cells.size() - 1, cols = grid.cells.front().size() - 1;
  const size_t s = 0, t = 1, row0 = 2, col0 = 2 + rows, super_s = col0 + cols,
               super_t = super_s + 1;
  MaxFlow flow(super_t + 1);
  std::vector<long long> excess(super_t + 1);
  auto edge = [&](size_t from, size_t to, CellRef c) {
    const AuditCell& cell = grid.at(c);
    long long lo, hi;
    if (c == fixed) {
      lo = hi = v;
    } else if (!cell.hidden()) {
      lo = hi = std::llround(cell.value);
    } else {
      lo = std::llround(cell.lower);
      hi = std::isfinite(cell.upper) ? std::llround(cell.upper) : kUnbounded;
    }
    if (lo > hi) return false;
    flow.add(from, to, hi - lo);
    excess[to] += lo;
    excess[from] -= lo;
    return true;
  };
  bool ok = true;
  for (size_t r = 0; r < rows; ++r) {
    ok = edge(s, row0 + r, {r, cols}) && ok;
    for (size_t c = 0; c < cols; ++c) ok = edge(row0 + r, col0 + c, {r, c}) && ok;
  }
  for (size_t c = 0; c < cols; ++c) ok = edge(col0 + c, t, {rows, c}) && ok;
  ok = edge(t, s, {rows, cols}) && ok;
  if (!ok) return false;
  long long need = 0;
  for (size_t n = 0; n < super_s; ++n) {
    if (excess[n] > 0) {
      flow.add(super_s, n, excess[n]);
      need += excess[n];
    } else if (excess[n] < 0) {
      flow.add(n, super_t, -excess[n]);
    }
  }
  return flow.run(super_s, super_t) == need;
}

// The exact range of hidden cell `c` within its own bounds (infinity when unbounded), by binary
// search around its true value, which is always feasible.
inline std::pair<double, double> two_way_interval(const AuditGrid& grid, CellRef c) {
  const AuditCell& cell = grid.at(c);
  long long truth = std::llround(cell.value), lo = std::llround(cell.lower), hi = truth;
  while (lo < hi) {  // smallest feasible value up to the truth
    long long mid = (lo + hi) / 2;
    if (two_way_feasible(grid, c, mid))
      hi = mid;
    else
      lo = mid + 1;
  }
  double low = static_cast<double>(lo);
  long long top = std::isfinite(cell.upper) ? std::llround(cell.upper) : kUnbounded - 1;
  if (top == kUnbounded - 1 && two_way_feasible(grid, c, top))
    return {low, std::numeric_limits<double>::infinity()};
  lo = truth, hi = top;
  while (lo < hi) {  // largest feasible value from the truth up
    long long mid = (lo + hi + 1) / 2;
    if (two_way_feasible(grid, c, mid))
      lo = mid;
    else
      hi = mid - 1;
  }
  return {low, static_cast<double>(lo)};
}

}  // namespace sdm::test
