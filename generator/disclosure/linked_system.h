#pragma once
// Internal to the linked audit (linked_audit.h): the figures of all editions as facts, the dataset
// cells as unknowns, and the linear system a reader can set up from what is published.

#include <algorithm>
#include <cmath>
#include <deque>
#include <limits>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "disclosure/interval_solver.h"
#include "disclosure/linked_audit.h"
#include "disclosure/policy.h"

namespace sdm::linked {

constexpr double kInfinity = std::numeric_limits<double>::infinity();
constexpr double kTolerance = 1e-6;

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

// Every figure of `facts` (one edition, number `edition`) that is a sum of dataset counts, in
// `out`; `groups` numbers the periods of the charts of shares across editions.
void collect(EditionFacts facts, int edition, std::vector<Fact>& out, int& groups);

inline bool counts_persons(const Edition& edition, const DataCell& cell) {
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

inline std::vector<LinearTerm> terms_of(const Fact& f, Unknowns& unknowns) {
  std::vector<LinearTerm> out;
  for (const auto& t : f.raw->terms) out.push_back({unknowns.of_term(f.edition, t.cell), t.coef});
  return out;
}

inline double evaluate(const std::vector<LinearTerm>& terms, const std::vector<double>& truth) {
  double v = 0;
  for (const auto& t : terms) v += t.coef * truth[t.var];
  return v;
}

inline bool holds(double truth, double lower, double upper) {
  double slack = kTolerance * std::max(1.0, std::abs(truth));
  return truth >= lower - slack && truth <= upper + slack;
}

struct System {
  std::vector<LinearRow> rows;
  std::vector<std::pair<double, double>> bounds;
};

// What a reader knows: every published and suppressed figure of `facts` and every relation between
// dataset cells, as rows over `unknowns`, folded to their real size.
System build_system(const std::vector<Fact>& facts,
                    const std::vector<std::vector<DataRelation>>& relations, Unknowns& unknowns);

}  // namespace sdm::linked
