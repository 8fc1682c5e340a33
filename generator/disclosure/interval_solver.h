#pragma once
// The smallest and largest value of a linear expression over a polytope
// {x : lower ≤ x ≤ upper, row_lower ≤ A·x ≤ row_upper}: the linear programs of the audit.
// GLPK's simplex solves them; one problem is kept for many objectives, so each solve starts from
// the previous basis.

#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace sdm {

struct LinearTerm {
  size_t var;
  double coef;
};

struct LinearRow {
  std::vector<LinearTerm> terms;
  double lower, upper;  // ±infinity for no bound
};

class IntervalSolver {
 public:
  IntervalSolver(const std::vector<std::pair<double, double>>& bounds,
                 const std::vector<LinearRow>& rows);
  ~IntervalSolver();
  IntervalSolver(const IntervalSolver&) = delete;
  IntervalSolver& operator=(const IntervalSolver&) = delete;

  // {min, max} of Σ coef·x, ±infinity where unbounded; empty when the polytope is empty or the
  // solver gave up (the audit then fails closed).
  std::optional<std::pair<double, double>> range(const std::vector<LinearTerm>& objective);
  // The largest (or smallest) value alone, as range() gives it: half the work when one side
  // already decides.
  std::optional<double> extreme(const std::vector<LinearTerm>& objective, bool maximize);

 private:
  std::optional<double> optimum(bool maximize);
  struct Problem;
  std::unique_ptr<Problem> problem_;
  size_t vars_;
};

}  // namespace sdm
