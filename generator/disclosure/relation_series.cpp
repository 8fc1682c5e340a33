#include "disclosure/relation_series.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

namespace sdm::relation {

void table_series(const Table& table, const Axis& axis, const std::vector<size_t>& parts,
                  const std::vector<Period>& periods, std::vector<Series>& out,
                  const std::string& slice) {
  for (size_t m = 0; m < axis.members() && slice.empty(); ++m) {
    Series s{table.name, axis.label(m), {}};
    s.list = table.units_per_row;
    for (size_t line = 0; line < axis.lines(); ++line)
      if (auto v = axis.at(line, m)) s.points.push_back({periods[line], {axis.cell(line, m)}, *v});
    if (s.points.empty()) continue;
    s.make_index();
    out.push_back(std::move(s));
  }
  if (parts.size() < 2) return;
  Series sum{table.name, slice.empty() ? "de som van de delen" : slice, {}, true};
  for (size_t line = 0; line < axis.lines(); ++line) {
    Point p{periods[line], {}, 0};
    bool complete = true;
    for (size_t m : parts) {
      auto v = axis.at(line, m);
      complete = complete && v.has_value();
      if (!complete) break;
      p.cells.push_back(axis.cell(line, m));
      p.value += *v;
    }
    if (complete) sum.points.push_back(std::move(p));
  }
  if (sum.points.empty()) return;
  sum.make_index();
  out.push_back(std::move(sum));
}

namespace {

// `a` and `b` count the same people wherever both have a figure: in the same period, or with `b`
// summed (a flow) or taken at the end (a stand) over each period of `a`.
// Sums of cells known to be equal, as classes: a group broken down in six datasets needs five
// equations per period, not fifteen, and the audit's linear programs grow with every row.
class EqualSums {
 public:
  // Joins the two sums; false when they were known to be equal already.
  bool join(size_t series_a, const Period& period, size_t series_b, Aggregate how) {
    size_t a = root(node(series_a, period, Aggregate::Same)), b = root(node(series_b, period, how));
    if (a == b) return false;
    parent_[a] = b;
    return true;
  }

 private:
  size_t node(size_t series, const Period& period, Aggregate how) {
    // By the last day: a period and its last day are one moment (twins).
    const Key key{series, period.end_key() * 4LL + static_cast<int>(how)};
    auto [it, added] = nodes_.try_emplace(key, parent_.size());
    if (added) parent_.push_back(it->second);
    return it->second;
  }
  size_t root(size_t n) {
    while (parent_[n] != n) n = parent_[n] = parent_[parent_[n]];
    return n;
  }
  using Key = std::pair<size_t, long long>;
  struct KeyHash {
    size_t operator()(const Key& k) const {
      return std::hash<long long>()(static_cast<long long>(k.first) * 1000003 + k.second);
    }
  };
  std::unordered_map<Key, size_t, KeyHash> nodes_;
  std::vector<size_t> parent_;
};

void same_group(const std::vector<Series>& series, size_t ia, size_t ib, EqualSums& known,
                std::vector<DataRelation>& out) {
  const Series& a = series[ia];
  const Series& b = series[ib];
  for (Aggregate how : {Aggregate::Same, Aggregate::Last, Aggregate::Sum}) {
    std::vector<std::pair<const Point*, Span>> pairs;
    bool equal = true, nonzero = false;
    for (const auto& p : a.points) {
      auto q = over(b, p.period, how);
      if (!q) continue;
      equal = same(p.value, q->value);
      if (!equal) break;
      nonzero = nonzero || p.value != 0;
      pairs.emplace_back(&p, *q);
    }
    if (!equal || !nonzero || pairs.empty()) continue;
    // Two categories under different names that agree in one period agree by chance; a reader
    // links them only when the labels say so or the figures agree more than once. A list of
    // assorted figures names its period ("Nieuwe cliënten, 2023"): its figure is what the
    // series shows over that period.
    if (!a.sum && !b.sum && !a.list && !b.list && pairs.size() < 2 && !same_label(a.label, b.label))
      continue;
    std::string reason = "'" + a.label + "' in " + a.table + " telt dezelfde personen als '" +
                         b.label + "' in " + b.table;
    for (const auto& [p, q] : pairs) {
      if (!known.join(ia, p->period, ib, how)) continue;
      DataRelation r{RelationKind::SameGroup, {}, 0, 0, reason};
      for (const auto& c : p->cells) r.terms.push_back({c, 1});
      q.append_cells(-1, r.terms);
      out.push_back(std::move(r));
    }
    return;
  }
}

// stand(t) − stand(t−1) = Σ instroom − Σ uitstroom over the periods after t−1 up to t.
void stock_flow(const Series& stand, const Series& in, const Series& outflow,
                std::vector<DataRelation>& out) {
  struct Step {
    const Point* now;
    const Point* before;
    Span in, out;
  };
  std::vector<Step> steps;
  bool moved = false;
  for (size_t k = 1; k < stand.points.size(); ++k) {
    const Point& before = stand.points[k - 1];
    const Point& now = stand.points[k];
    if (before.period.kind != now.period.kind) return;
    std::optional<Span> i, u;
    for (Aggregate how : {Aggregate::Same, Aggregate::Sum}) {
      if (!i) i = over(in, now.period, how);
      if (!u) u = over(outflow, now.period, how);
    }
    if (!i || !u) continue;
    if (!same(now.value - before.value, i->value - u->value)) return;
    moved = moved || i->value != 0 || u->value != 0;
    steps.push_back({&now, &before, *i, *u});
  }
  if (!moved || steps.size() < 2) return;
  std::string reason = "'" + stand.label + "' in " + stand.table + " verandert met '" + in.label +
                       "' min '" + outflow.label + "' in " + in.table;
  for (const Step& step : steps) {
    DataRelation r{RelationKind::StockFlow, {}, 0, 0, reason};
    for (const auto& c : step.now->cells) r.terms.push_back({c, 1});
    for (const auto& c : step.before->cells) r.terms.push_back({c, -1});
    step.in.append_cells(-1, r.terms);
    step.out.append_cells(1, r.terms);
    out.push_back(std::move(r));
  }
}

// Which series show a value, by the period's kind, its last day and the value: a relation needs
// figures that agree, so only series sharing such a key are compared, not every pair. Filled
// first, then searched: one sorted list, not a list per key.
class ValueIndex {
 public:
  void add(const Period& period, double value, size_t id) {
    entries_.push_back({key(period, value), id});
  }
  // The ids under any of the keys, each once, in order.
  std::vector<size_t> find(const std::vector<std::pair<Period, double>>& keys) {
    if (!sorted_) {
      std::sort(entries_.begin(), entries_.end());
      entries_.erase(std::unique(entries_.begin(), entries_.end()), entries_.end());
      sorted_ = true;
    }
    std::vector<size_t> out;
    for (const auto& [period, value] : keys) {
      const Key k = key(period, value);
      for (auto it = std::lower_bound(entries_.begin(), entries_.end(), std::pair{k, size_t{0}});
           it != entries_.end() && it->first == k; ++it)
        out.push_back(it->second);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }

 private:
  // The kind and last day of the period, and the count: no two periods share both.
  using Key = std::pair<long long, long long>;
  static Key key(const Period& period, double value) {
    return {period.end_key() * 4LL + static_cast<int>(period.kind), std::llround(value)};
  }
  std::vector<std::pair<Key, size_t>> entries_;
  bool sorted_ = false;
};

// The quarters and years that hold a point of `s`: the periods a longer series may compare with.
std::vector<Period> longer_periods(const Series& s) {
  std::vector<Period> out;
  for (const auto& p : s.points) {
    Few<Period> outer;
    outer.push_back(Period::of_year(p.period.year));
    if (p.period.kind == Period::Kind::Month) outer.push_back(p.period.quarter_of());
    for (const auto& o : outer)
      if (o.kind != p.period.kind && std::find(out.begin(), out.end(), o) == out.end())
        out.push_back(o);
  }
  return out;
}

// Every value `s` has over a period: its own points, and the last and the sum over each quarter
// and year.
template <typename Add>
void each_value(const Series& s, Add add) {
  for (const auto& p : s.points) {
    add(p.period, p.value);
    for (const Period& other : twins(p.period)) add(other, p.value);
  }
  for (const auto& o : longer_periods(s))
    for (Aggregate how : {Aggregate::Last, Aggregate::Sum})
      if (auto span = over(s, o, how)) add(o, span->value);
}

}  // namespace

void find_same_groups(const std::vector<Series>& series, std::vector<DataRelation>& out) {
  ValueIndex index;
  EqualSums known;
  for (size_t b = 0; b < series.size(); ++b)
    each_value(series[b], [&](const Period& p, double v) { index.add(p, v, b); });
  for (size_t a = 0; a < series.size(); ++a) {
    std::vector<std::pair<Period, double>> keys;
    for (const auto& p : series[a].points) keys.push_back({p.period, p.value});
    for (size_t b : index.find(keys))
      if (series[a].table != series[b].table &&
          (a < b || series[a].points.front().period.kind != series[b].points.front().period.kind))
        same_group(series, a, b, known, out);
  }
}

// A stand per month read at the ends of its quarters: what changes by a quarter's instroom and
// uitstroom when those are counted per quarter.
std::vector<Series> quarter_ends(const std::vector<Series>& series) {
  std::vector<Series> out;
  for (const auto& s : series) {
    if (s.points.front().period.kind != Period::Kind::Month) continue;
    Series q{s.table, s.label, {}, s.sum, s.list};
    for (const auto& p : s.points)
      if (p.period.month % 3 == 0) q.points.push_back({p.period.quarter_of(), p.cells, p.value});
    if (q.points.size() < 2) continue;
    q.make_index();
    out.push_back(std::move(q));
  }
  return out;
}

// Instroom and uitstroom are two of the two or three members of one table (maand;instroom;
// uitstroom, perhaps with saldo); in a wider table two columns whose difference follows some
// stand are chance. The stand may be anywhere,
// also among `stands` only (a stand per month read per quarter).
void find_stock_flows(const std::vector<Series>& series, const std::vector<Series>& stands,
                      std::vector<DataRelation>& out) {
  std::map<std::string, int> members;  // of each table
  for (const auto& s : series) members[s.table] += !s.sum;
  std::vector<std::pair<size_t, size_t>> flows;
  ValueIndex index;  // of each pair's net flow: instroom − uitstroom
  for (size_t i = 0; i < series.size(); ++i)
    for (size_t u = 0; u < series.size(); ++u) {
      if (i == u || series[i].table != series[u].table || series[i].sum || series[u].sum ||
          members[series[i].table] > 3)
        continue;
      each_value(series[i], [&](const Period& p, double in) {
        for (Aggregate how : {Aggregate::Same, Aggregate::Sum})
          if (auto span = over(series[u], p, how)) {
            index.add(p, in - span->value, flows.size());
            break;
          }
      });
      flows.push_back({i, u});
    }
  auto try_stand = [&](const Series& stand) {
    std::vector<std::pair<Period, double>> changes;
    const auto& points = stand.points;
    for (size_t k = 1; k < points.size(); ++k)
      changes.push_back({points[k].period, points[k].value - points[k - 1].value});
    for (size_t f : index.find(changes)) {
      auto [i, u] = flows[f];
      if (&stand != &series[i] && &stand != &series[u])
        stock_flow(stand, series[i], series[u], out);
    }
  };
  for (const auto& stand : series) try_stand(stand);
  for (const auto& stand : stands) try_stand(stand);
}

}  // namespace sdm::relation
