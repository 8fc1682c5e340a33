#include "disclosure/linked_search.h"

#include <map>
#include <memory>
#include <set>

namespace sdm::linked {
namespace {

// The system falls apart into independent parts (mostly one per dataset and its copies in the
// previous edition). A figure's interval depends only on its own part, and a linear program over
// one part is far smaller than over all of them, so each part gets its own solver.
class PartSolvers {
 public:
  PartSolvers(const System& system, const std::vector<std::vector<LinearTerm>>& objectives)
      : system_(system), parent_(system.bounds.size()) {
    for (size_t v = 0; v < parent_.size(); ++v) parent_[v] = v;
    for (const auto& row : system.rows) join(row.terms);
    for (const auto& terms : objectives) join(terms);
  }

  // The largest (or smallest) value of `objective` within its part of the system.
  std::optional<double> extreme(const std::vector<LinearTerm>& objective, bool maximize) {
    if (objective.empty()) return std::nullopt;
    size_t part = root(objective.front().var);
    auto it = solvers_.find(part);
    if (it == solvers_.end()) it = solvers_.emplace(part, solver_for(part)).first;
    auto& part_of = it->second;
    std::vector<LinearTerm> terms;
    for (const auto& t : objective) terms.push_back({part_of.local.at(t.var), t.coef});
    return part_of.solver->extreme(terms, maximize);
  }

 private:
  struct Part {
    std::unique_ptr<IntervalSolver> solver;
    std::map<size_t, size_t> local;  // variable of the whole system -> of this part
  };

  size_t root(size_t v) {
    while (parent_[v] != v) v = parent_[v] = parent_[parent_[v]];
    return v;
  }
  void join(const std::vector<LinearTerm>& terms) {
    for (size_t i = 1; i < terms.size(); ++i) parent_[root(terms[i].var)] = root(terms[0].var);
  }

  Part solver_for(size_t part) {
    std::map<size_t, size_t> local;
    std::vector<std::pair<double, double>> bounds;
    for (size_t v = 0; v < parent_.size(); ++v)
      if (root(v) == part) {
        local.emplace(v, bounds.size());
        bounds.push_back(system_.bounds[v]);
      }
    std::vector<LinearRow> rows;
    for (const auto& row : system_.rows) {
      if (row.terms.empty() || root(row.terms.front().var) != part) continue;
      LinearRow copy{{}, row.lower, row.upper};
      for (const auto& t : row.terms) copy.terms.push_back({local.at(t.var), t.coef});
      rows.push_back(std::move(copy));
    }
    return {std::make_unique<IntervalSolver>(bounds, rows), std::move(local)};
  }

  const System& system_;
  std::vector<size_t> parent_;
  std::map<size_t, Part> solvers_;
};

// Two hidden counts of one relation protect each other only as much as their sum is hidden: 3
// and 4 beside a total and the other parts are a count of 7 of a group together. For every
// equation between dataset cells (a total and its parts, two breakdowns of one group), the hidden
// cells on one side whose sum is under 10 are an item of their own, checked like a hidden count;
// it fails as the first of its cells. A cell is hidden when some figure hides it and none shows it.
void small_sums(const std::vector<Fact>& facts,
                const std::vector<std::vector<DataRelation>>& relations, Unknowns& unknowns,
                std::vector<size_t>& items, std::vector<std::vector<LinearTerm>>& objectives) {
  std::map<size_t, size_t> hidden;  // variable -> a fact that hides it
  std::set<size_t> shown;
  for (size_t k = 0; k < facts.size(); ++k) {
    const auto& terms = facts[k].raw->terms;
    if (terms.size() != 1 || terms[0].coef != 1 || !facts[k].raw->change_base.empty()) continue;
    size_t var = unknowns.of_term(facts[k].edition, terms[0].cell);
    if (!facts[k].cell->suppressed)
      shown.insert(var);
    else
      hidden.emplace(var, k);
  }
  for (size_t e = 0; e < relations.size(); ++e)
    for (const auto& relation : relations[e]) {
      if (relation.lower != relation.upper) continue;
      for (double side : {1.0, -1.0}) {
        std::vector<LinearTerm> sum;
        double truth = 0;
        std::optional<size_t> first;
        for (const auto& t : relation.terms) {
          if (t.coef != side) continue;
          size_t var = unknowns.of(static_cast<int>(e) + t.edition, t.cell);
          auto it = hidden.find(var);
          if (it == hidden.end() || shown.count(var)) continue;
          sum.push_back({var, 1});
          truth += unknowns.truth()[var];
          if (!first) first = it->second;
        }
        if (sum.size() < 2 || truth >= kThreshold) continue;
        items.push_back(*first);
        objectives.push_back(std::move(sum));
      }
    }
}

std::string cell_name(const DataCell& cell) {
  return cell.dataset + ": " + cell.row + ", " + cell.column;
}

}  // namespace

std::optional<Failure> first_failure(const std::vector<Fact>& facts,
                                     const std::vector<std::vector<DataRelation>>& relations,
                                     Unknowns& unknowns, int& checked) {
  std::vector<size_t> items;
  std::vector<std::string> names;  // empty: the item is the figure itself
  // The small counts are what must stay hidden. A figure of 10 or more hidden to protect them
  // may well follow from elsewhere: the intervals of the small counts already account for that.
  for (size_t k = 0; k < facts.size(); ++k)
    if (facts[k].cell->suppressed && facts[k].raw->persons && *facts[k].raw->persons < kThreshold &&
        facts[k].raw->change_base.empty())
      items.push_back(k);
  // Unknowns first, so the solver knows every variable the items name.
  std::vector<std::vector<LinearTerm>> objectives;
  for (size_t k : items) objectives.push_back(terms_of(facts[k], unknowns));
  names.resize(items.size());
  // Every other count of persons under 10 behind a figure: a month inside a published quarter, a
  // category inside its total, the old figure of a revised cell. No figure shows it, yet the
  // figures around it may give it back. Each is an item of its own, failing as the figure that
  // holds it; a count only a relation between dataset cells holds fails as a figure of that
  // relation. Only a figure that counts persons holds one (a figure with no count behind it is
  // never hidden).
  std::set<size_t> small;
  auto add_small = [&](size_t var, size_t fact) {
    if (!unknowns.small_count(var) || !small.insert(var).second) return;
    items.push_back(fact);
    objectives.push_back({{var, 1}});
    names.push_back(cell_name(unknowns.cell(var)));
  };
  std::map<size_t, size_t> holder;  // an unknown -> a figure computed from it
  for (size_t k = 0; k < facts.size(); ++k) {
    if (!facts[k].raw->persons || !facts[k].raw->change_base.empty()) continue;
    for (const auto& t : facts[k].raw->terms) {
      size_t var = unknowns.of_term(facts[k].edition, t.cell);
      holder.emplace(var, k);
      add_small(var, k);
    }
  }
  for (size_t e = 0; e < relations.size(); ++e)
    for (const auto& relation : relations[e]) {
      std::vector<size_t> vars;
      std::optional<size_t> fact;
      for (const auto& t : relation.terms) {
        vars.push_back(unknowns.of(static_cast<int>(e) + t.edition, t.cell));
        if (auto it = holder.find(vars.back()); it != holder.end() && !fact) fact = it->second;
      }
      if (!fact) continue;  // nothing published is computed from it
      for (size_t var : vars) add_small(var, *fact);
    }
  small_sums(facts, relations, unknowns, items, objectives);
  names.resize(items.size());
  System system = build_system(facts, relations, unknowns);
  PartSolvers solvers(system, objectives);
  std::set<std::vector<std::pair<size_t, double>>> seen;
  checked = 0;
  for (size_t i = 0; i < items.size(); ++i) {
    size_t k = items[i];
    const auto& terms = objectives[i];
    std::vector<std::pair<size_t, double>> key;
    for (const auto& t : terms) key.push_back({t.var, t.coef});
    std::sort(key.begin(), key.end());
    if (!seen.insert(key).second) continue;
    ++checked;
    std::string name = names[i].empty() ? facts[k].name : names[i];
    double truth = evaluate(terms, unknowns.truth());
    // A count no figure shows was never said to be under 10: the reader knows nothing of it.
    bool marked = names[i].empty() && !facts[k].cell->secondary;
    double prior = marked ? kThreshold - 1 : kInfinity;
    double required = std::min(kProtectionWidth, prior) - kTolerance;
    auto high = solvers.extreme(terms, true);
    if (!high || !holds(truth, -kInfinity, *high)) return Failure{k, true, name};
    double hi = std::floor(*high + kTolerance);
    // The smallest value is at most the true one: a largest value far enough above it decides.
    if (hi - truth >= required) continue;
    auto low = solvers.extreme(terms, false);
    if (!low || !holds(truth, *low, kInfinity)) return Failure{k, true, name};
    if (hi - std::ceil(*low - kTolerance) < required) return Failure{k, false, name};
  }
  return std::nullopt;
}

// The figure of the current edition to hide next: one that shares a dataset cell with the failing
// figure (or, when none is left, with a figure linked to it by a shared cell or a relation between
// dataset cells), the smallest count first. A figure in a chart or table goes before a change or
// rate in the text, and a count the text asks for is never hidden: the editor wrote a sentence
// around it. When every other linked figure is hidden already, a "<10" among them becomes "x":
// that it is under 10 is then no longer published, which is what narrowed the failing figure (a
// quarter of the previous edition beside three months "<10").
NextToHide next_to_hide(const std::vector<Fact>& facts,
                        const std::vector<std::vector<DataRelation>>& relations, size_t failing) {
  std::map<DataCell, std::vector<const DataRelation*>> related;
  for (const auto& edition : relations)
    for (const auto& r : edition)
      for (const auto& t : r.terms) related[t.cell].push_back(&r);
  std::set<DataCell> reached;
  for (const auto& t : facts[failing].raw->terms) reached.insert(t.cell);
  auto size = [](const Fact& f) { return f.raw->persons.value_or(f.raw->value.value_or(0)); };
  std::optional<size_t> small, derived, prose;
  std::vector<size_t> shown;
  for (;;) {
    std::optional<size_t> best;
    std::set<DataCell> next = reached;
    for (const auto& cell : reached)
      if (auto it = related.find(cell); it != related.end())
        for (const DataRelation* r : it->second)
          for (const auto& t : r->terms) next.insert(t.cell);
    for (size_t k = 0; k < facts.size(); ++k) {
      bool touches = false;
      for (const auto& t : facts[k].raw->terms) touches = touches || reached.count(t.cell);
      if (!touches) continue;
      for (const auto& t : facts[k].raw->terms) next.insert(t.cell);
      const Fact& f = facts[k];
      bool published = !f.cell->suppressed && f.cell->value;
      if (published && f.text == Fact::Text::None && shown.size() < 3 &&
          std::find(shown.begin(), shown.end(), k) == shown.end())
        shown.push_back(k);
      if (f.edition != 0) continue;
      auto smaller = [&](std::optional<size_t> than) {
        return !than || size(f) < size(facts[*than]);
      };
      if (f.cell->suppressed && !f.cell->secondary && smaller(small)) small = k;
      if (!published) continue;
      if (f.text == Fact::Text::None && smaller(best)) best = k;
      if (f.text == Fact::Text::Derived && !derived) derived = k;
      if (f.text == Fact::Text::Count && !prose) prose = k;
    }
    if (best) return {best, {}, {}};
    if (next.size() == reached.size()) break;
    reached = std::move(next);
  }
  if (derived || small || !prose) return {derived ? derived : small, {}, {}};
  return {{}, prose, shown};
}

}  // namespace sdm::linked
