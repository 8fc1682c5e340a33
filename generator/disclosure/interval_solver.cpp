#include "disclosure/interval_solver.h"

#include <glpk.h>

#include <cmath>
#include <limits>
#include <map>

namespace sdm {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

int bound_type(double lower, double upper) {
  bool has_lower = std::isfinite(lower), has_upper = std::isfinite(upper);
  if (has_lower && has_upper) return lower == upper ? GLP_FX : GLP_DB;
  if (has_lower) return GLP_LO;
  return has_upper ? GLP_UP : GLP_FR;
}

double finite_or_zero(double v) {
  return std::isfinite(v) ? v : 0;
}

}  // namespace

struct IntervalSolver::Problem {
  glp_prob* lp = glp_create_prob();
  bool empty = false;  // some lower bound exceeds its upper bound: nothing is feasible
  ~Problem() { glp_delete_prob(lp); }
};

IntervalSolver::IntervalSolver(const std::vector<std::pair<double, double>>& bounds,
                               const std::vector<LinearRow>& rows)
    : problem_(std::make_unique<Problem>()), vars_(bounds.size()) {
  glp_prob* lp = problem_->lp;
  // GLPK aborts the process on malformed input, so everything is checked here first.
  auto set = [&](auto setter, int index, double lower, double upper) {
    if (lower > upper || std::isnan(lower) || std::isnan(upper)) {
      problem_->empty = true;
      return;
    }
    setter(lp, index, bound_type(lower, upper), finite_or_zero(lower), finite_or_zero(upper));
  };
  if (!bounds.empty()) glp_add_cols(lp, static_cast<int>(bounds.size()));
  for (size_t j = 0; j < bounds.size(); ++j)
    set(glp_set_col_bnds, static_cast<int>(j + 1), bounds[j].first, bounds[j].second);
  if (!rows.empty()) glp_add_rows(lp, static_cast<int>(rows.size()));
  std::vector<int> ia{0}, ja{0};  // GLPK counts from 1
  std::vector<double> ar{0};
  for (size_t i = 0; i < rows.size(); ++i) {
    set(glp_set_row_bnds, static_cast<int>(i + 1), rows[i].lower, rows[i].upper);
    std::map<size_t, double> merged;  // GLPK refuses a variable twice in one row
    for (const auto& t : rows[i].terms) merged[t.var] += t.coef;
    for (const auto& [var, coef] : merged) {
      if (coef == 0 || var >= vars_) continue;
      ia.push_back(static_cast<int>(i + 1));
      ja.push_back(static_cast<int>(var + 1));
      ar.push_back(coef);
    }
  }
  glp_load_matrix(lp, static_cast<int>(ar.size() - 1), ia.data(), ja.data(), ar.data());
}

IntervalSolver::~IntervalSolver() = default;

std::optional<double> IntervalSolver::optimum(bool maximize) {
  glp_prob* lp = problem_->lp;
  glp_set_obj_dir(lp, maximize ? GLP_MAX : GLP_MIN);
  glp_smcp parm;
  glp_init_smcp(&parm);
  parm.msg_lev = GLP_MSG_OFF;  // the disclosure stage prints nothing
  int result = glp_simplex(lp, &parm);
  if (result != 0) {  // e.g. a basis left singular by an earlier solve: start afresh once
    glp_std_basis(lp);
    result = glp_simplex(lp, &parm);
  }
  if (result != 0) return std::nullopt;
  switch (glp_get_status(lp)) {
    case GLP_OPT:
      return glp_get_obj_val(lp);
    case GLP_UNBND:
      return maximize ? kInfinity : -kInfinity;
    default:
      return std::nullopt;
  }
}

std::optional<double> IntervalSolver::extreme(const std::vector<LinearTerm>& objective,
                                              bool maximize) {
  if (problem_->empty || vars_ == 0) return std::nullopt;
  for (size_t j = 0; j < vars_; ++j) glp_set_obj_coef(problem_->lp, static_cast<int>(j + 1), 0);
  std::map<size_t, double> merged;
  for (const auto& t : objective) merged[t.var] += t.coef;
  for (const auto& [var, coef] : merged)
    if (var < vars_) glp_set_obj_coef(problem_->lp, static_cast<int>(var + 1), coef);
  return optimum(maximize);
}

std::optional<std::pair<double, double>> IntervalSolver::range(
    const std::vector<LinearTerm>& objective) {
  auto low = extreme(objective, false);
  auto high = extreme(objective, true);
  if (!low || !high) return std::nullopt;
  return std::pair{*low, *high};
}

}  // namespace sdm
