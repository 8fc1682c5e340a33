#include "disclosure/linked_audit.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <limits>
#include <map>
#include <memory>
#include <set>
#include <tuple>
#include <unordered_map>

#include "disclosure/data_relations.h"
#include "disclosure/disclosure.h"
#include "disclosure/edition_relations.h"
#include "disclosure/interval_solver.h"
#include "disclosure/policy.h"
#include "format/dutch.h"

namespace sdm {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();
constexpr double kTolerance = 1e-6;
constexpr double kShareSlack = 0.1;    // a largest-remainder share is within 0,1 of the truth
constexpr double kRateSlack = 0.05;    // a rate is rounded to one decimal
constexpr double kChangeSlack = 0.05;  // so is a percentage change in the text

// A published or suppressed figure that is a sum of dataset counts.
struct Fact {
  int edition = 0;  // 0 current, 1 the edition before it, 2 the one before that, …
  const RawValue* raw = nullptr;
  PublishedCell* cell = nullptr;
  bool share = false;
  int group = -1;  // the shares of one period of one chart
  std::string name;
  const SourceLocation* where = nullptr;
  // A {{ … }} in the text: the editor asked for this figure. A count is never hidden there; a
  // change or rate may read "niet te publiceren" (docs/redactie.md), as when it is computed from
  // a count under 10.
  enum class Text { None, Count, Derived } text = Text::None;
};

Fact::Text text_kind(const FigureRef& ref) {
  bool derived = ref.function == FigureFunction::Change ||
                 ref.function == FigureFunction::ChangePercent ||
                 ref.function == FigureFunction::Rate;
  return derived ? Fact::Text::Derived : Fact::Text::Count;
}

void collect(EditionFacts facts, int edition, std::vector<Fact>& out, int& groups) {
  auto& published = *facts.published;
  const auto& computed = *facts.computed;
  for (size_t p = 0; p < computed.size(); ++p) {
    for (size_t b = 0; b < computed[p].blocks.size(); ++b) {
      const auto& block = computed[p].blocks[b];
      if (const auto* c = std::get_if<ChartData>(&block)) {
        auto& pc = std::get<PublishedChart>(published[p].blocks[b]);
        std::string block_name =
            "Grafiek " + std::to_string(c->number) + " '" + c->spec.title + "'";
        int first_group = groups;
        if (c->percent) groups += static_cast<int>(c->x.size());
        for (size_t i = 0; i < c->series.size(); ++i)
          for (size_t j = 0; j < c->series[i].points.size(); ++j)
            if (!c->series[i].points[j].terms.empty())
              out.push_back({edition, &c->series[i].points[j], &pc.series[i].points[j], c->percent,
                             c->percent ? first_group + static_cast<int>(j) : -1,
                             block_name + ": " + c->series[i].label + ", " + key_text(c->x[j]),
                             &c->spec.where});
      } else if (const auto* t = std::get_if<TableData>(&block)) {
        auto& pt = std::get<PublishedTable>(published[p].blocks[b]);
        std::string block_name =
            t->number ? "Tabel " + std::to_string(t->number) + " '" + t->spec.title + "'"
                      : "de tabel met " + t->spec.dataset;
        for (size_t r = 0; r < t->rows.size(); ++r)
          for (size_t k = 0; k < t->rows[r].cells.size(); ++k)
            if (!t->rows[r].cells[k].terms.empty())
              out.push_back(
                  {edition, &t->rows[r].cells[k], &pt.rows[r].cells[k], false, -1,
                   block_name + ": " + t->rows[r].key.label + ", " + key_text(t->columns[k]),
                   &t->spec.where});
      } else if (const auto* tiles = std::get_if<std::vector<TileData>>(&block)) {
        auto& pt = std::get<std::vector<PublishedTile>>(published[p].blocks[b]);
        for (size_t k = 0; k < tiles->size(); ++k)
          if (!(*tiles)[k].value.terms.empty())
            out.push_back({edition, &(*tiles)[k].value, &pt[k].value, false, -1,
                           "kerncijfer '" + (*tiles)[k].spec.title + "'", &(*tiles)[k].spec.where});
      }
    }
    for (size_t f = 0; f < computed[p].figures.size(); ++f)
      if (!computed[p].figures[f].value.terms.empty())
        out.push_back({edition, &computed[p].figures[f].value, &published[p].figures[f].value,
                       false, -1,
                       "verwijzing in de tekst naar " + computed[p].figures[f].ref.dataset,
                       &computed[p].figures[f].ref.where, text_kind(computed[p].figures[f].ref)});
  }
}

bool counts_persons(const Edition& edition, const DataCell& cell) {
  auto table = edition.tables.find(cell.dataset);
  if (table == edition.tables.end()) return false;
  auto row = table->second.row_index(cell.row);
  auto column = table->second.column_index(cell.column);
  return row && column && *row < table->second.row_units.size() &&
         table->second.unit_at(*row, *column) == Unit::Persons;
}

// The dataset cells are the unknowns. A cell of an earlier edition with the same value as in
// the edition after it is the same unknown; a revised one is another.
class Unknowns {
 public:
  // The current edition first, then the earlier ones, the nearest first.
  explicit Unknowns(std::vector<const Edition*> editions) : editions_(std::move(editions)) {}

  // A term of a figure: asked again for every system built from it, so remembered by address.
  size_t of_term(int edition, const DataCell& cell) {
    auto [it, added] = terms_.try_emplace({edition, &cell}, 0);
    if (added) it->second = of(edition, cell);
    return it->second;
  }

  size_t of(int edition, const DataCell& cell) {
    auto value = [&](int e) { return value_of(editions_[e]->tables, cell); };
    while (edition > 0) {
      auto before = value(edition), after = value(edition - 1);
      if (!before || !after || *before != *after) break;
      --edition;
    }
    if (auto it = index_.find(CellKey{edition, &cell}); it != index_.end()) return it->second;
    const size_t var = truth_.size();
    cells_.push_back(cell);
    index_.emplace(CellKey{edition, &cells_.back()}, var);
    truth_.push_back(value(edition).value_or(0));
    small_.push_back(truth_.back() < kThreshold && counts_persons(*editions_[edition], cell));
    return var;
  }
  const std::vector<double>& truth() const { return truth_; }
  const DataCell& cell(size_t var) const { return cells_[var]; }
  // A count of persons under 10: what must never be recomputed, shown or not.
  bool small_count(size_t var) const { return small_[var]; }

 private:
  std::vector<const Edition*> editions_;
  struct TermHash {
    size_t operator()(const std::pair<int, const DataCell*>& key) const {
      return std::hash<const DataCell*>()(key.second) ^ static_cast<size_t>(key.first);
    }
  };
  // A cell by reference: looked up without copying its three strings, stored as the copy in
  // cells_ (a deque, so the reference stays valid).
  struct CellKey {
    int edition;
    const DataCell* cell;
    bool operator==(const CellKey& o) const { return edition == o.edition && *cell == *o.cell; }
  };
  struct CellHash {
    size_t operator()(const CellKey& key) const {
      std::hash<std::string> h;
      return h(key.cell->dataset) ^ (h(key.cell->row) * 31) ^ (h(key.cell->column) * 961) ^
             static_cast<size_t>(key.edition);
    }
  };
  std::unordered_map<CellKey, size_t, CellHash> index_;
  std::unordered_map<std::pair<int, const DataCell*>, size_t, TermHash> terms_;
  std::vector<double> truth_;
  std::deque<DataCell> cells_;
  std::vector<bool> small_;
};

std::vector<LinearTerm> terms_of(const Fact& f, Unknowns& unknowns) {
  std::vector<LinearTerm> out;
  for (const auto& t : f.raw->terms) out.push_back({unknowns.of_term(f.edition, t.cell), t.coef});
  return out;
}

double evaluate(const std::vector<LinearTerm>& terms, const std::vector<double>& truth) {
  double v = 0;
  for (const auto& t : terms) v += t.coef * truth[t.var];
  return v;
}

bool holds(double truth, double lower, double upper) {
  double slack = kTolerance * std::max(1.0, std::abs(truth));
  return truth >= lower - slack && truth <= upper + slack;
}

// What a reader knows of the dataset cells themselves (data_relations.h), in both editions.
void relation_rows(const std::vector<std::vector<DataRelation>>& relations, Unknowns& unknowns,
                   std::vector<LinearRow>& rows) {
  for (size_t e = 0; e < relations.size(); ++e)
    for (const auto& relation : relations[e]) {
      LinearRow row{{}, relation.lower, relation.upper};
      for (const auto& t : relation.terms)
        row.terms.push_back({unknowns.of(static_cast<int>(e) + t.edition, t.cell), t.coef});
      rows.push_back(std::move(row));
    }
}

struct System {
  std::vector<LinearRow> rows;
  std::vector<std::pair<double, double>> bounds;
};

// The same figure shown in a chart, its table, a tile and the previous edition is one row many
// times, and a row of one cell is a bound on that cell. Folded, the linear programs shrink to
// their real size: the largest part of the demo had 683 rows for 252 cells.
void fold_rows(System& s) {
  std::vector<LinearRow> kept;
  std::set<std::tuple<std::vector<std::pair<size_t, double>>, double, double>> seen;
  std::vector<std::pair<size_t, double>> merged;
  for (auto& row : s.rows) {
    // The terms by variable, each once with its coefficients added up.
    merged.clear();
    for (const auto& t : row.terms) merged.push_back({t.var, t.coef});
    std::sort(merged.begin(), merged.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    size_t n = 0;
    for (size_t i = 0; i < merged.size(); ++i) {
      if (n > 0 && merged[n - 1].first == merged[i].first)
        merged[n - 1].second += merged[i].second;
      else
        merged[n++] = merged[i];
    }
    merged.resize(n);
    std::erase_if(merged, [](const auto& t) { return t.second == 0; });
    if (merged.empty()) continue;  // a cell of the previous edition that is the same unknown
    if (merged.size() == 1) {
      auto [var, coef] = merged.front();
      double lower = coef > 0 ? row.lower / coef : row.upper / coef;
      double upper = coef > 0 ? row.upper / coef : row.lower / coef;
      auto& bound = s.bounds[var];
      bound = {std::max(bound.first, lower), std::min(bound.second, upper)};
      continue;
    }
    if (!seen.insert({merged, row.lower, row.upper}).second) continue;
    row.terms.clear();
    for (const auto& [var, coef] : merged) row.terms.push_back({var, coef});
    kept.push_back(std::move(row));
  }
  s.rows = std::move(kept);
}

System build_system(const std::vector<Fact>& facts,
                    const std::vector<std::vector<DataRelation>>& relations, Unknowns& unknowns) {
  System s;
  std::map<int, std::vector<LinearTerm>> group_total;
  for (const auto& f : facts)
    if (f.share) {
      auto t = terms_of(f, unknowns);
      auto& g = group_total[f.group];
      g.insert(g.end(), t.begin(), t.end());
    }
  for (const auto& f : facts) {
    auto terms = terms_of(f, unknowns);
    const PublishedCell& cell = *f.cell;
    if (!f.raw->change_base.empty()) {
      // A change p% shown to one decimal: (p ∓ 0,05)% of the average before bounds the change.
      if (cell.suppressed || !cell.value) continue;
      for (double side : {-1.0, 1.0}) {
        std::vector<LinearTerm> row = terms;
        for (const auto& t : f.raw->change_base)
          row.push_back({unknowns.of_term(f.edition, t.cell),
                         -(*cell.value + side * kChangeSlack) / 100 * t.coef});
        double lower = side < 0 ? 0 : -kInfinity, upper = side < 0 ? kInfinity : 0;
        if (holds(evaluate(row, unknowns.truth()), lower, upper))
          s.rows.push_back({row, lower, upper});
      }
      continue;
    }
    if (cell.suppressed) {
      if (!cell.secondary) s.rows.push_back({terms, 0, kThreshold - 1});  // "<10"
      continue;
    }
    if (!cell.value) continue;
    if (f.raw->rate_base) {
      // A rate r per 1.000 of P, shown to one decimal: the count is within (r ± 0,05)·P/1.000.
      double scale = *f.raw->rate_base / 1000;
      s.rows.push_back(
          {terms, (*cell.value - kRateSlack) * scale, (*cell.value + kRateSlack) * scale});
      continue;
    }
    if (!f.share) {
      s.rows.push_back({terms, *cell.value, *cell.value});
      continue;
    }
    // share p of the period total T: (p − slack)·T ≤ 100·x ≤ (p + slack)·T
    for (double side : {-1.0, 1.0}) {
      std::vector<LinearTerm> row;
      for (const auto& t : terms) row.push_back({t.var, 100 * t.coef});
      for (const auto& t : group_total[f.group])
        row.push_back({t.var, -(*cell.value + side * kShareSlack) * t.coef});
      double truth = evaluate(row, unknowns.truth());
      double lower = side < 0 ? 0 : -kInfinity, upper = side < 0 ? kInfinity : 0;
      if (holds(truth, lower, upper)) s.rows.push_back({row, lower, upper});
    }
  }
  relation_rows(relations, unknowns, s.rows);
  s.bounds.assign(unknowns.truth().size(), {0, kInfinity});
  fold_rows(s);
  return s;
}

struct Failure {
  size_t fact;  // the figure that holds what fails
  bool solver = false;
  std::string name;  // what fails: the figure, or a count inside it
};

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

// What to hide next: a figure of the current edition, or nothing (the audit fails). When the only
// figures left to hide are counts the text asks for, the text is what gives the count away:
// `prose` is the nearest of them and `beside` figures shown with it.
struct NextToHide {
  std::optional<size_t> hide;
  std::optional<size_t> prose;
  std::vector<size_t> beside;
};

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

// A tile whose figure is hidden has no change against the previous edition either.
void drop_hidden_changes(std::vector<PublishedPage>& pages) {
  for (auto& page : pages)
    for (auto& block : page.blocks)
      if (auto* tiles = std::get_if<std::vector<PublishedTile>>(&block))
        for (auto& tile : *tiles)
          if (tile.value.suppressed) tile.change.reset();
}

}  // namespace

LinkedAuditResult link_editions(const EditionFacts& current,
                                const std::vector<EditionFacts>& earlier,
                                Diagnostics& diagnostics) {
  std::vector<EditionFacts> all{current};
  all.insert(all.end(), earlier.begin(), earlier.end());
  std::vector<Fact> facts;
  std::vector<std::vector<DataRelation>> relations;
  std::vector<const Edition*> editions;
  int groups = 0;
  for (size_t e = 0; e < all.size(); ++e) {
    collect(all[e], static_cast<int>(e), facts, groups);
    relations.push_back(all[e].relations ? *all[e].relations : data_relations(*all[e].edition));
    editions.push_back(all[e].edition);
  }
  LinkedAuditResult result;
  for (size_t e = 0; e + 1 < all.size(); ++e)
    for (auto& relation : edition_relations(*all[e].edition, *all[e + 1].edition)) {
      if (std::find(result.across_editions.begin(), result.across_editions.end(),
                    relation.reason) == result.across_editions.end())
        result.across_editions.push_back(relation.reason);
      relations[e].push_back(std::move(relation));
    }
  for (;;) {
    Unknowns unknowns(editions);
    auto failure = first_failure(facts, relations, unknowns, result.checked);
    if (!failure) {
      drop_hidden_changes(*current.published);
      return result;
    }
    NextToHide next;
    if (!failure->solver) next = next_to_hide(facts, relations, failure->fact);
    if (next.prose) {
      // The editor asked for this figure in the text: refuse, rather than print a sentence
      // without it, and name what it would be combined with.
      const Fact& text = facts[*next.prose];
      std::string with;
      for (size_t k = 0; k < next.beside.size(); ++k)
        with += (k == 0 ? "" : "; ") + facts[next.beside[k]].name;
      diagnostics.error(*text.where,
                        "deze verwijzing in de tekst maakt " + failure->name + " terug te rekenen" +
                            (with.empty() ? "" : ", samen met " + with),
                        "laat de verwijzing weg, of verwijs naar een cijfer dat geen klein aantal "
                        "prijsgeeft; sdmonitor check --list-hidden toont wat er verborgen is");
      result.passed = false;
      return result;
    }
    auto hide = next.hide;
    if (!hide) {
      const Fact& f = facts[failure->fact];
      diagnostics.error(*f.where,
                        "onthullingscontrole over de hele editie faalt: " + failure->name +
                            (failure->solver ? " (de controle gaf geen betrouwbare uitkomst)"
                                             : " is terug te rekenen uit cijfers elders op de "
                                               "site of in de vorige editie"),
                        "toon deze cijfers op één manier (één grafiek of tabel per dataset), "
                        "laat de verwijzing in de tekst weg of voeg categorieën samen; zie "
                        "docs/onthulling.md");
      result.passed = false;
      return result;
    }
    // Hidden as "x", or a "<10" turned into "x".
    PublishedCell& cell = *facts[*hide].cell;
    result.hidden.push_back(
        facts[*hide].name + (cell.suppressed ? ": x in plaats van <10" : ": niet getoond (x)") +
        ", anders is " + failure->name + " terug te rekenen of te nauw te begrenzen");
    cell.value.reset();
    cell.suppressed = true;
    cell.secondary = true;
    ++result.added;
  }
}

}  // namespace sdm
