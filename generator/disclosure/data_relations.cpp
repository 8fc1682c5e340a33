#include "disclosure/data_relations.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include "util/text.h"

namespace sdm {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();
constexpr double kTolerance = 1e-9;

bool same(double a, double b) {
  return std::abs(a - b) < kTolerance * std::max(1.0, std::abs(a));
}

// Whether a cell of the row is of `unit`: a column may have a unit of its own (editie.yaml).
bool row_has(const Table& table, size_t row, Unit unit) {
  if (row >= table.row_units.size()) return false;
  if (table.column_units.empty()) return table.row_units[row] == unit;
  for (size_t c = 0; c < table.columns.size(); ++c)
    if (table.unit_at(row, c) == unit) return true;
  return false;
}

bool counts_persons(const Table& table, size_t row) {
  return row_has(table, row, Unit::Persons);
}

// "Totaal", "Eindtotaal", and what starts with them ("Totaal Wmo/Wvg", "Eindtotaal excl. …"): a
// reader takes such a row or column for a total of the others, whether it adds up or not.
bool names_a_total(std::string_view label) {
  label = trim(label);
  for (std::string_view word : {"totaal", "eindtotaal", "total"}) {
    if (label.size() < word.size()) continue;
    bool starts = std::equal(word.begin(), word.end(), label.begin(),
                             [](char a, char b) { return a == lower_ascii(b); });
    if (starts && (label.size() == word.size() || label[word.size()] == ' ')) return true;
  }
  return false;
}

// A table read along one axis: its members (rows, or columns) are the categories that may add up
// to a total; its lines run across them (the columns, or rows). Only person counts take part.
class Axis {
 public:
  // The rows of `unit` only: person counts, unless asked for amounts.
  Axis(const Table& table, bool members_are_columns, Unit unit = Unit::Persons)
      : table_(table), columns_(members_are_columns) {
    for (size_t r = 0; r < table.row_keys.size(); ++r)
      if (row_has(table, r, unit)) (columns_ ? lines_ : members_).push_back(r);
    // A column of another unit (a mean age beside counts) is no member and no line.
    for (size_t c = 0; c < table.columns.size(); ++c)
      if (table.column_units.empty() || table.unit_at(0, c) == unit)
        (columns_ ? members_ : lines_).push_back(c);
  }
  // Some columns only, each with its own name: a slice of a table in long form.
  Axis(const Table& table, std::vector<size_t> columns, std::vector<std::string> names)
      : table_(table), columns_(true), members_(std::move(columns)), names_(std::move(names)) {
    for (size_t r = 0; r < table.row_keys.size(); ++r)
      if (counts_persons(table, r)) lines_.push_back(r);
  }
  size_t members() const { return members_.size(); }
  size_t lines() const { return lines_.size(); }
  const std::string& label(size_t m) const {
    return columns_ ? table_.columns[members_[m]] : table_.row_keys[members_[m]];
  }
  // What the member is called among the others: its label, or in a slice the value of the one
  // dimension the slice runs along ("BMWE" of "BMWE · IOAW").
  const std::string& name(size_t m) const { return names_.empty() ? label(m) : names_[m]; }
  std::optional<double> at(size_t line, size_t m) const {
    auto [r, c] = position(line, m);
    return table_.cells[r][c].value;
  }
  DataCell cell(size_t line, size_t m) const {
    auto [r, c] = position(line, m);
    return {table_.name, table_.row_keys[r], table_.columns[c]};
  }
  bool members_are_columns() const { return columns_; }
  // The row (or column) of the table that a line is.
  size_t line_index(size_t line) const { return lines_[line]; }
  const std::string& table() const { return table_.name; }
  bool members_are_periods() const {
    return columns_ ? table_.columns_are_periods() : table_.rows_are_periods();
  }

 private:
  std::pair<size_t, size_t> position(size_t line, size_t m) const {
    return columns_ ? std::pair{lines_[line], members_[m]} : std::pair{members_[m], lines_[line]};
  }
  const Table& table_;
  bool columns_;
  std::vector<size_t> members_, lines_;
  std::vector<std::string> names_;
};

// How `total` compares with the sum of `parts` on the lines where all of them have a figure.
struct Comparison {
  int lines = 0;         // lines compared
  bool equal = true;     // total = Σ parts on every one
  bool within = true;    // each part ≤ total ≤ Σ parts on every one
  bool nonzero = false;  // the total is not 0 everywhere
};

Comparison compare(const Axis& axis, size_t total, const std::vector<size_t>& parts) {
  Comparison out;
  for (size_t line = 0; line < axis.lines(); ++line) {
    auto t = axis.at(line, total);
    if (!t) continue;
    double sum = 0, largest = 0;
    bool complete = true;
    for (size_t p : parts) {
      auto v = axis.at(line, p);
      if (!v) {
        complete = false;
        break;
      }
      sum += *v;
      largest = std::max(largest, *v);
    }
    if (!complete) continue;
    ++out.lines;
    out.equal = out.equal && same(*t, sum);
    out.within = out.within && *t <= sum + kTolerance && *t >= largest - kTolerance;
    out.nonzero = out.nonzero || *t != 0;
  }
  return out;
}

// The sum of a set of parts on every line, and which are missing there: whether one part is the
// sum of the others (but one) is asked for every pair, so the sums are made once.
class LineSums {
 public:
  LineSums(const Axis& axis, const std::vector<size_t>& parts) : axis_(axis) {
    for (size_t line = 0; line < axis.lines(); ++line) {
      Line l;
      for (size_t p : parts) {
        if (auto v = axis.at(line, p)) {
          l.sum += *v;
        } else if (++l.missing == 1) {
          l.absent = p;
        }
      }
      lines_.push_back(l);
    }
  }
  // Whether `m` is the sum of the other parts but `excluded` (SIZE_MAX: none) on every line where
  // they all have a figure, with at least one such line and a total not 0 everywhere: as
  // compare(axis, m, parts without m and excluded) would say.
  bool is_sum(size_t m, size_t excluded) const {
    int compared = 0;
    bool nonzero = false;
    for (size_t line = 0; line < lines_.size(); ++line) {
      const Line& l = lines_[line];
      auto total = axis_.at(line, m);
      if (!total || l.missing > 1 || (l.missing == 1 && l.absent != excluded)) continue;
      double rest = l.sum - *total;
      if (excluded != SIZE_MAX && l.missing == 0) rest -= *axis_.at(line, excluded);
      if (!same(*total, rest)) return false;
      ++compared;
      nonzero = nonzero || *total != 0;
    }
    return compared > 0 && nonzero;
  }

 private:
  struct Line {
    double sum = 0;
    int missing = 0;
    size_t absent = SIZE_MAX;
  };
  const Axis& axis_;
  std::vector<Line> lines_;
};

std::string quoted_list(const Axis& axis, const std::vector<size_t>& members) {
  std::string out;
  for (size_t k = 0; k < members.size(); ++k)
    out += (k == 0                    ? ""
            : k + 1 == members.size() ? " en "
                                      : ", ") +
           ("'" + axis.label(members[k]) + "'");
  return out;
}

// total − Σ parts within [lower, upper] on every line where all have a figure.
void relate_lines(const Axis& axis, size_t total, const std::vector<size_t>& parts,
                  RelationKind kind, const std::string& reason, std::vector<DataRelation>& out) {
  for (size_t line = 0; line < axis.lines(); ++line) {
    if (!axis.at(line, total)) continue;
    DataRelation r{kind, {{axis.cell(line, total), 1}}, 0, 0, reason};
    bool complete = true;
    for (size_t p : parts) {
      complete = complete && axis.at(line, p).has_value();
      r.terms.push_back({axis.cell(line, p), -1});
    }
    if (!complete) continue;
    if (kind == RelationKind::Total) {
      out.push_back(std::move(r));
      continue;
    }
    // A person in several parts: total ≤ Σ parts, and total ≥ each part.
    r.lower = -kInfinity;
    out.push_back(r);
    for (size_t p : parts)
      out.push_back(
          {kind, {{axis.cell(line, total), 1}, {axis.cell(line, p), -1}}, 0, kInfinity, reason});
  }
}

std::vector<size_t> without(const std::vector<size_t>& set, size_t a, size_t b = SIZE_MAX) {
  std::vector<size_t> out;
  for (size_t x : set)
    if (x != a && x != b) out.push_back(x);
  return out;
}

bool says_totaal(const std::string& label) {
  return to_lower_ascii(label).find("totaal") != std::string::npos;
}

// Subtotals: a member whose label says "totaal" ("Subtotaal maatwerk", "Totaal Wvg") and that is
// the sum of the members directly before it, back to the previous subtotal. Related to those,
// and no part of any other total.
std::vector<size_t> subtotals(const Axis& axis, std::vector<DataRelation>& out) {
  std::vector<size_t> found, block;
  for (size_t m = 0; m < axis.members(); ++m) {
    if (says_totaal(axis.name(m)) && block.size() >= 2) {
      Comparison c = compare(axis, m, block);
      if (c.lines > 0 && c.equal && c.nonzero) {
        relate_lines(axis, m, block, RelationKind::Total,
                     "'" + axis.label(m) + "' in " + axis.table() + " is de som van " +
                         quoted_list(axis, block),
                     out);
        found.push_back(m);
        block.clear();
        continue;
      }
    }
    block.push_back(m);
  }
  return found;
}

// Totals along one axis of a table: subtotals, those the content names (a "Totaal" label or
// `totaal:`) and every member that is the sum of the other parts, or of all other parts but one.
void axis_totals(const Axis& axis, const DatasetInfo* info, std::vector<DataRelation>& out,
                 std::vector<size_t>* parts_out) {
  const char* along = axis.members_are_columns() ? "kolommen" : "regels";
  std::vector<size_t> named, parts;
  // Without the subtotals, the grand total is the sum of what is left.
  const auto sub = axis.members_are_periods() ? std::vector<size_t>{} : subtotals(axis, out);
  for (size_t m = 0; m < axis.members(); ++m) {
    if (std::find(sub.begin(), sub.end(), m) != sub.end()) continue;
    bool declared = info && std::find(info->totals.begin(), info->totals.end(), axis.name(m)) !=
                                info->totals.end();
    (declared || names_a_total(axis.name(m)) ? named : parts).push_back(m);
  }
  // A sum the content does not name is found in the figures, whatever its label: a member equal
  // to the sum of the other parts, or (among categories) of all other parts but one.
  for (bool found = true; found;) {
    found = false;
    LineSums sums(axis, parts);
    for (size_t m : parts) {
      std::vector<size_t> excluded{SIZE_MAX};
      if (!axis.members_are_periods()) excluded.insert(excluded.end(), parts.begin(), parts.end());
      for (size_t e : excluded) {
        if (e == m || parts.size() - (e == SIZE_MAX ? 1 : 2) < 2 || !sums.is_sum(m, e)) continue;
        std::string reason =
            "'" + axis.label(m) + "' in " + axis.table() + " is de som van de andere " + along;
        if (e != SIZE_MAX) reason += " behalve '" + axis.label(e) + "'";
        size_t first = out.size();
        relate_lines(axis, m, without(parts, m, e), RelationKind::Total, reason, out);
        for (size_t k = first; k < out.size(); ++k) out[k].declaration = "totaal: " + axis.name(m);
        parts = without(parts, m);
        found = true;
        break;
      }
      if (found) break;
    }
  }
  for (size_t t : named) {
    for (size_t e = 0; e <= parts.size(); ++e) {
      size_t excluded = e < parts.size() ? parts[e] : SIZE_MAX;
      auto rest = without(parts, excluded);
      if (rest.empty()) continue;
      Comparison c = compare(axis, t, rest);
      if (c.lines == 0) continue;
      if (c.equal) {
        relate_lines(axis, t, rest, RelationKind::Total,
                     "'" + axis.label(t) + "' in " + axis.table() + " is de som van " +
                         quoted_list(axis, rest),
                     out);
        break;
      }
      if (excluded == SIZE_MAX && c.within) {
        relate_lines(axis, t, rest, RelationKind::Overlap,
                     "'" + axis.label(t) + "' in " + axis.table() +
                         " telt elke persoon één keer; " + quoted_list(axis, rest) +
                         " kunnen dezelfde personen bevatten",
                     out);
        break;
      }
    }
  }
  if (parts_out) *parts_out = parts;
}

// A person count along periods: one column (or row) of a table, or the sum of its parts.
struct Point {
  Period period;
  std::vector<DataCell> cells;
  double value = 0;
};

struct Series {
  std::string table;
  std::string label;
  std::vector<Point> points;  // in period order
  bool sum = false;           // the sum of a table's parts, not one of its members
  bool list = false;          // a row of a list of assorted figures (an `eenheid` column)
  // Each point by its period's kind and last day, sorted: every series is asked for many
  // periods.
  std::vector<std::pair<int, size_t>> index;

  static int key(Period::Kind kind, int end_key) { return end_key * 4 + static_cast<int>(kind); }
  void make_index() {
    index.clear();
    for (size_t k = 0; k < points.size(); ++k)
      index.push_back({key(points[k].period.kind, points[k].period.end_key()), k});
    // The first point of a key wins, as it did when the index was a map.
    std::stable_sort(index.begin(), index.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
  }
  const Point* at(Period::Kind kind, int end_key) const {
    const int k = key(kind, end_key);
    auto it = std::lower_bound(index.begin(), index.end(), k,
                               [](const auto& entry, int wanted) { return entry.first < wanted; });
    return it == index.end() || it->first != k ? nullptr : &points[it->second];
  }
};

// Each member over the periods, and the sum of the parts where all have a figure; a slice of a
// table in long form gives only that sum, named after what its members share.
void table_series(const Table& table, const Axis& axis, const std::vector<size_t>& parts,
                  const std::vector<Period>& periods, std::vector<Series>& out,
                  const std::string& slice = "") {
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

enum class Aggregate { Same, Last, Sum };

// The last days of the months (or quarters) of `outer`; empty when `inner` does not divide it.
// At most a year of months, without a heap allocation: asked for every point of every series.
template <typename T>
struct Few {
  std::array<T, 12> items{};
  size_t size = 0;
  void push_back(const T& item) { items[size++] = item; }
  const T* begin() const { return items.data(); }
  const T* end() const { return items.data() + size; }
  bool empty() const { return size == 0; }
};

Few<int> sub_period_ends(const Period& outer, Period::Kind inner) {
  Few<int> ends;
  if (inner == Period::Kind::Month && outer.kind == Period::Kind::Quarter)
    for (int m = outer.month - 2; m <= outer.month; ++m)
      ends.push_back(Period::of_month(outer.year, m).end_key());
  if (inner == Period::Kind::Month && outer.kind == Period::Kind::Year)
    for (int m = 1; m <= 12; ++m) ends.push_back(Period::of_month(outer.year, m).end_key());
  if (inner == Period::Kind::Quarter && outer.kind == Period::Kind::Year)
    for (int q = 1; q <= 4; ++q) ends.push_back(Period::of_quarter(outer.year, q).end_key());
  return ends;
}

// The same moment under other kinds: a period and its last day ("2024-03" and "2024-03-31",
// "2024-K1" and "2024-03-31"), which a count in March or in the first quarter and a count on
// 31 March are taken to share.
Few<Period> twins(const Period& p) {
  Few<Period> out;
  if (p.kind == Period::Kind::Month || p.kind == Period::Kind::Quarter) {
    out.push_back(Period{Period::Kind::Date, p.year, p.month, (p.month + 2) / 3,
                         days_in_month(p.year, p.month)});
    return out;
  }
  if (p.kind != Period::Kind::Date || p.day != days_in_month(p.year, p.month)) return out;
  out.push_back(Period::of_month(p.year, p.month));
  if (p.month % 3 == 0) out.push_back(Period::of_quarter(p.year, p.month / 3));
  return out;
}

// A series' points that make up its value over a longer period: the point itself, the last one,
// or all of them. Pointers into the series: it is asked for many periods, and mostly in vain.
struct Span {
  double value = 0;
  std::array<const Point*, 12> points{};
  size_t size = 0;

  void add(const Point* p) {
    points[size++] = p;
    value += p->value;
  }
  void append_cells(double coef, std::vector<DataTerm>& terms) const {
    for (size_t k = 0; k < size; ++k)
      for (const auto& c : points[k]->cells) terms.push_back({c, coef});
  }
};

// The value of `s` over `period`: its own point, its last point within the period, or the sum
// of all its points within it. Nothing when `s` does not cover the period that way.
std::optional<Span> over(const Series& s, const Period& period, Aggregate how) {
  Span out;
  if (how == Aggregate::Same) {
    const Point* p = s.at(period.kind, period.end_key());
    for (const Period& other : twins(period))
      if (!p) p = s.at(other.kind, other.end_key());
    if (!p) return std::nullopt;
    out.add(p);
    return out;
  }
  Period::Kind inner = s.points.front().period.kind;
  Few<int> ends = sub_period_ends(period, inner);
  if (ends.empty()) return std::nullopt;
  if (how == Aggregate::Last) ends = {{ends.items[ends.size - 1]}, 1};
  for (int end : ends) {
    const Point* p = s.at(inner, end);
    if (!p) return std::nullopt;
    out.add(p);
  }
  return out;
}

bool same_label(const std::string& a, const std::string& b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return lower_ascii(x) == lower_ascii(y);
         });
}

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

// The words of a label or file name that say what is counted: lowered, at least five letters,
// without the ones every count has ("aantal", "cliënten").
std::set<std::string> content_words(std::string_view text) {
  static const std::set<std::string> common{"aantal",   "totaal",   "nieuwe",  "personen",
                                            "clienten", "cliënten", "inwoners"};
  std::set<std::string> out;
  std::string word;
  for (size_t i = 0; i <= text.size(); ++i) {
    unsigned char c = i < text.size() ? static_cast<unsigned char>(text[i]) : ' ';
    if (std::isalnum(c) || c >= 0x80) {
      word += lower_ascii(static_cast<char>(c));
      continue;
    }
    if (word.size() >= 5 && !common.count(word)) out.insert(word);
    word.clear();
  }
  return out;
}

// Whether two names speak of the same thing ("Nieuwe cliënten hulpmiddelen" and 'Hulpmiddelen',
// "Jeugdigen in zorg" and jeugd/jeugdigen-per-vorm.csv): where one equal number alone links two
// figures, or every small number in a list would match some month.
bool share_a_word(std::string_view a, std::string_view b) {
  auto theirs = content_words(b);
  for (const auto& w : content_words(a))
    if (theirs.count(w)) return true;
  return false;
}

// A table without periods (leeftijd × geslacht on one peildatum) says nothing of when; a reader
// still links the sum of its row "18 tot 27 jaar" to the series "18 tot 27 jaar" elsewhere where
// they agree: Vrouw = the age group's count − Man. Each row's and column's sum is linked to every
// point of a series of another table with the same name and the same figure, and to the newest
// point of one whose names share a word with it (the column Bedum and 'Cliënten Wmo' in
// wmo/bedum-clienten.csv).
void find_named_margins(const Edition& edition, const std::vector<Series>& series,
                        std::vector<DataRelation>& out) {
  for (const auto& [name, table] : edition.tables) {
    if (table.rows_are_periods() || table.columns_are_periods()) continue;
    for (bool columns : {false, true}) {
      Axis axis(table, columns);
      for (size_t m = 0; m < axis.members(); ++m) {
        std::vector<DataCell> cells;
        double sum = 0;
        for (size_t line = 0; line < axis.lines(); ++line) {
          auto v = axis.at(line, m);
          if (!v) {
            cells.clear();
            break;
          }
          cells.push_back(axis.cell(line, m));
          sum += *v;
        }
        if (cells.empty() || sum == 0) continue;
        for (const Series& s : series) {
          if (s.table == name) continue;
          const bool named = same_label(s.label, axis.label(m));
          // A list's figures are linked one by one (find_period_spans), not as a sum.
          if (!named && (table.units_per_row || !same(s.points.back().value, sum) ||
                         !share_a_word(axis.label(m) + " " + name, s.label + " " + s.table)))
            continue;
          for (const auto& p : s.points) {
            if (!same(p.value, sum) || (!named && &p != &s.points.back())) continue;
            DataRelation r{RelationKind::SameGroup,
                           {},
                           0,
                           0,
                           "'" + axis.label(m) + "' in " + name + " telt dezelfde personen als '" +
                               s.label + "' in " + s.table + " (" + p.period.iso() + ")"};
            for (const auto& c : cells) r.terms.push_back({c, 1});
            for (const auto& c : p.cells) r.terms.push_back({c, -1});
            out.push_back(std::move(r));
          }
        }
      }
    }
  }
}

// A run of consecutive points of a series: one point, or whole quarters of months (a quarter, a
// half year, …), or up to four quarters.
struct Run {
  size_t first, last;  // points, inclusive
  double value;
};

// The runs that end at point `last`, shortest first.
std::vector<Run> runs_ending(const Series& s, size_t last) {
  std::vector<Run> out{{last, last, s.points[last].value}};
  const Period& end = s.points[last].period;
  const bool months = end.kind == Period::Kind::Month;
  if ((!months && end.kind != Period::Kind::Quarter) || (months && end.month % 3 != 0)) return out;
  const size_t per_quarter = months ? 3 : 1;
  double value = 0;
  for (size_t first = last + 1; first-- > 0 && last - first < 4 * per_quarter;) {
    const Period& p = s.points[first].period;
    // Consecutive: a run stops at a gap in the series.
    const int back = (end.year - p.year) * 12 + end.month - p.month;
    if (p.kind != end.kind || back != static_cast<int>(last - first) * (months ? 1 : 3)) break;
    value += s.points[first].value;
    if (last > first && (last - first + 1) % per_quarter == 0) out.push_back({first, last, value});
  }
  return out;
}

// A figure that may span months: in a list of assorted figures (an `eenheid` column), or in a
// column whose header names a time ("deze monitor", "jaar"). In a cross table of voorzieningen ×
// gemeenten on one peildatum an equal number is chance.
bool may_span_months(const Table& table, size_t column) {
  if (table.units_per_row) return true;
  const std::string header = to_lower_ascii(table.columns[column]);
  for (const char* word : {"monitor", "maand", "kwartaal", "jaar", "periode", "editie"})
    if (header.find(word) != std::string::npos) return true;
  return false;
}

// The runs a figure without a period may stand for: those up to the series' last point, and its
// calendar years and half years ("Nieuwe cliënten 2023", a jaarverslag over July to December).
std::vector<Run> spans_of(const Series& s) {
  std::vector<Run> out;
  for (size_t last = 0; last < s.points.size(); ++last)
    for (const Run& run : runs_ending(s, last)) {
      const Period &from = s.points[run.first].period, &to = s.points[run.last].period;
      // Of months only: quarters are mostly stands, and a sum of stands is chance.
      bool calendar = from.kind == Period::Kind::Month && from.year == to.year &&
                      ((from.month == 1 && (to.month == 6 || to.month == 12)) ||
                       (from.month == 7 && to.month == 12));
      if (last + 1 == s.points.size() || calendar) out.push_back(run);
    }
  return out;
}

// A table without periods may hold a count over the last months ("Nieuwe cliënten Wmo, deze
// monitor: 41", a footnote saying January to March), and the months before in another column
// ("vorige monitor: 96", July to December); a reader who adds up those months in a chart finds
// both and then February = 41 − 18 − 16. Such a figure is linked only by its number: to a run of
// whole quarters that ends at a series' last point, the row's other figures to the runs just
// before it, or to a calendar year or half year; to the last point alone only where the names
// agree.
void find_period_spans(const Edition& edition, const std::vector<Series>& series,
                       std::vector<DataRelation>& out) {
  std::unordered_map<long long, std::vector<std::pair<const Series*, Run>>> spans;
  for (const auto& s : series)
    for (const Run& run : spans_of(s)) spans[std::llround(run.value)].push_back({&s, run});
  for (const auto& [name, table] : edition.tables) {
    if (table.rows_are_periods() || table.columns_are_periods()) continue;
    for (size_t r = 0; r < table.row_keys.size(); ++r) {
      if (!counts_persons(table, r)) continue;
      std::vector<std::pair<size_t, long long>> cells;  // column, count
      for (size_t c = 0; c < table.columns.size(); ++c)
        if (auto v = table.cells[r][c].value; v && *v != 0 && may_span_months(table, c))
          cells.push_back({c, std::llround(*v)});
      auto relation = [&](size_t c, const Series& s, const Run& run) {
        DataRelation rel{
            RelationKind::SameGroup,
            {{{name, table.row_keys[r], table.columns[c]}, 1}},
            0,
            0,
            "'" + table.row_keys[r] + "' (" + table.columns[c] + ") in " + name +
                " is gelijk aan '" + s.label + "' in " + s.table +
                (run.first == run.last ? " in " + s.points[run.last].period.iso()
                                       : " van " + s.points[run.first].period.iso() + " t/m " +
                                             s.points[run.last].period.iso())};
        for (size_t k = run.first; k <= run.last; ++k)
          for (const auto& cell : s.points[k].cells) rel.terms.push_back({cell, -1});
        return rel;
      };
      for (const auto& [c, count] : cells) {
        auto it = spans.find(count);
        if (it == spans.end()) continue;
        for (const auto& [s, run] : it->second) {
          if (run.first == run.last && !share_a_word(table.row_keys[r], s->label + " " + s->table))
            continue;
          out.push_back(relation(c, *s, run));
          // The row's other cells, each over the run before: the previous monitor's months.
          for (Run now = run; now.first > 0;) {
            auto before = runs_ending(*s, now.first - 1);
            auto match = std::find_if(before.begin(), before.end(), [&](const Run& b) {
              return std::any_of(cells.begin(), cells.end(), [&](const auto& other) {
                return other.first != c && other.second == std::llround(b.value);
              });
            });
            if (match == before.end()) break;
            for (const auto& [other, value] : cells)
              if (other != c && value == std::llround(match->value))
                out.push_back(relation(other, *s, *match));
            now = *match;
          }
        }
      }
    }
  }
}

// The same figure in two lists ("Volwassen mantelzorgers 221" on two pages): a reader takes
// equal numbers under rows that name the same thing for one figure, so what one list hides the
// other must not show.
void find_equal_list_figures(const Edition& edition, std::vector<DataRelation>& out) {
  struct Figure {
    const Table* table;
    size_t row, column;
  };
  std::map<long long, std::vector<Figure>> by_value;  // in order: relations come in a fixed order
  for (const auto& [name, table] : edition.tables) {
    if (table.rows_are_periods() || table.columns_are_periods()) continue;
    for (size_t r = 0; r < table.row_keys.size(); ++r)
      for (size_t c = 0; c < table.columns.size() && counts_persons(table, r); ++c)
        if (auto v = table.cells[r][c].value; v && may_span_months(table, c))
          by_value[std::llround(*v)].push_back({&table, r, c});
  }
  for (const auto& [value, figures] : by_value)
    for (size_t a = 0; a < figures.size(); ++a)
      for (size_t b = a + 1; b < figures.size(); ++b) {
        const Figure &x = figures[a], &y = figures[b];
        if (x.table == y.table) continue;
        if (!share_a_word(x.table->row_keys[x.row], y.table->row_keys[y.row])) continue;
        auto cell = [](const Figure& f) {
          return DataCell{f.table->name, f.table->row_keys[f.row], f.table->columns[f.column]};
        };
        out.push_back({RelationKind::SameGroup,
                       {{cell(x), 1}, {cell(y), -1}},
                       0,
                       0,
                       "'" + x.table->row_keys[x.row] + "' in " + x.table->name + " is '" +
                           y.table->row_keys[y.row] + "' in " + y.table->name});
      }
}

// "Gemiddeld aantal jeugdigen in crisisopvang per maand: 12,8" (eenheid cijfer) beside the
// months of 2023, one of them <10: the year adds up to 12 × 12,75 … 12 × 12,85, which bounds the
// hidden month to two values. A mark in a list whose name a series shares, and that is the mean
// of that series over a span to within its rounding, bounds the span's sum so.
void find_averages(const Edition& edition, const std::vector<Series>& series,
                   std::vector<DataRelation>& out) {
  for (const auto& [name, table] : edition.tables) {
    if (table.rows_are_periods()) continue;
    auto info = edition.config.datasets.find(name);
    for (size_t r = 0; r < table.row_keys.size(); ++r) {
      for (size_t c = 0; c < table.columns.size(); ++c) {
        if (table.unit_at(r, c) != Unit::Mark) continue;
        auto v = table.cells[r][c].value;
        const bool period = table.columns_are_periods();
        if (!v || (!period && !may_span_months(table, c))) continue;
        // As precise as it is published: one decimal, or the dataset's `decimalen`.
        const int decimals = info == edition.config.datasets.end()
                                 ? 1
                                 : format_of(info->second, table.columns[c]).decimals.value_or(1);
        const double step = std::pow(10.0, -decimals);
        const double half = step / 2;
        const double shown = std::round(*v / step) * step;
        for (const auto& s : series) {
          if (!share_a_word(table.row_keys[r], s.label + " " + s.table)) continue;
          // The months the mark is over: its column's period, or a span of the series.
          std::vector<Span> spans;
          if (!period) {
            for (const Run& run : spans_of(s)) {
              Span span;
              for (size_t k = run.first; k <= run.last; ++k) span.add(&s.points[k]);
              spans.push_back(span);
            }
          } else if (auto span = over(s, table.column_periods[c], Aggregate::Sum)) {
            spans.push_back(*span);
          }
          for (const Span& span : spans) {
            const double n = static_cast<double>(span.size);
            if (n < 2 || std::abs(span.value / n - shown) > half + kTolerance) continue;
            DataRelation rel{RelationKind::Average,
                             {},
                             n * (shown - half),
                             n * (shown + half),
                             "'" + table.row_keys[r] + "' in " + name + " is het gemiddelde van '" +
                                 s.label + "' in " + s.table + " van " +
                                 span.points[0]->period.iso() + " t/m " +
                                 span.points[span.size - 1]->period.iso()};
            span.append_cells(1, rel.terms);
            out.push_back(std::move(rel));
          }
        }
      }
    }
  }
}

// A category that is a number of things: "2 voorzieningen" (k = 2), "4 of meer" (k = 4, open),
// "3+"; not an age group ("0 tot 4 jaar", a second number).
struct CountLabel {
  int k = 0;
  bool open = false;
  std::string counted;  // what is counted: "voorzieningen"
};

std::optional<CountLabel> count_label(std::string_view label) {
  label = trim(label);
  CountLabel out;
  size_t i = 0;
  for (; i < label.size() && i < 4 && std::isdigit(static_cast<unsigned char>(label[i])); ++i)
    out.k = out.k * 10 + (label[i] - '0');
  if (i == 0) return std::nullopt;
  std::string_view rest = trim(label.substr(i));
  for (std::string_view more : {"+", "of meer", "en meer"})
    if (rest.substr(0, more.size()) == more) {
      out.open = true;
      rest = trim(rest.substr(more.size()));
    }
  if (std::any_of(rest.begin(), rest.end(),
                  [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
    return std::nullopt;
  out.counted = std::string(rest);
  return out;
}

// Two names share a word, singular or plural ("voorziening" and "voorzieningen").
bool words_meet(const std::set<std::string>& a, const std::set<std::string>& b) {
  for (const auto& x : a)
    for (const auto& y : b)
      if (x.rfind(y, 0) == 0 || y.rfind(x, 0) == 0) return true;
  return false;
}

// Clients by their number of voorzieningen ("1 voorziening", "2 voorzieningen", … "4 of meer")
// beside the clients of each voorziening, where a client with two counts twice: the second sums
// to 1·n1 + 2·n2 + …, or to at least that with an open last category. Each such table is set
// beside every series of another table over the periods both have; an open sum only beside one
// whose names say what is counted.
void find_weighted_sums(const Edition& edition, const std::vector<Series>& series,
                        std::vector<DataRelation>& out) {
  for (const auto& [name, table] : edition.tables) {
    const bool columns = table.rows_are_periods();
    if (!columns && !table.columns_are_periods()) continue;
    Axis axis(table, columns);
    std::vector<std::pair<size_t, CountLabel>> parts;
    std::set<std::string> counted;
    bool open = false;
    for (size_t m = 0; m < axis.members(); ++m) {
      if (names_a_total(axis.label(m))) continue;
      auto label = count_label(axis.label(m));
      if (!label) {
        parts.clear();
        break;
      }
      open = open || label->open;
      counted.merge(content_words(label->counted));
      parts.push_back({m, *label});
    }
    std::set<int> ks;
    for (const auto& [m, label] : parts) ks.insert(label.k);
    if (parts.size() < 2 || ks.size() != parts.size()) continue;
    if (std::any_of(parts.begin(), parts.end(),
                    [&](const auto& p) { return p.second.open && p.second.k != *ks.rbegin(); }))
      continue;
    const std::vector<Period>& periods = columns ? table.row_periods : table.column_periods;
    for (const Series& s : series) {
      if (s.table == name) continue;
      if (open && !words_meet(counted, content_words(s.label + " " + s.table))) continue;
      std::vector<std::pair<double, DataRelation>> found;  // weighted sum, relation
      bool holds = true;
      for (size_t line = 0; line < axis.lines() && holds; ++line) {
        auto other = over(s, periods[axis.line_index(line)], Aggregate::Same);
        if (!other) continue;
        DataRelation r{RelationKind::Weighted, {}, open ? -kInfinity : 0, 0, ""};
        double sum = 0;
        for (const auto& [m, label] : parts) {
          auto v = axis.at(line, m);
          if (!v) break;
          sum += label.k * *v;
          r.terms.push_back({axis.cell(line, m), static_cast<double>(label.k)});
        }
        if (r.terms.size() != parts.size()) continue;
        holds = open ? sum <= other->value + kTolerance : same(sum, other->value);
        other->append_cells(-1, r.terms);
        found.push_back({sum, std::move(r)});
      }
      if (!holds || std::none_of(found.begin(), found.end(), [](auto& f) { return f.first; }))
        continue;
      std::string terms;  // "1 × '1 voorziening' + 2 × '2 voorzieningen' + …"
      for (size_t k = 0; k < std::min<size_t>(parts.size(), 2); ++k)
        terms += (k ? " + " : "") + std::to_string(parts[k].second.k) + " × '" +
                 axis.label(parts[k].first) + "'";
      if (parts.size() > 2) terms += " + …";
      const std::string reason = "'" + s.label + "' in " + s.table +
                                 (open ? " is minstens " : " is ") + terms + " in " + name;
      for (auto& [sum, r] : found) {
        r.reason = reason;
        out.push_back(std::move(r));
      }
    }
  }
}

// "Gemiddeld per cliënt", "Kosten per client", "Bedrag per persoon": an amount that is a mean
// over people, not a part of the others.
bool per_person(std::string_view label) {
  const std::string lower = to_lower_ascii(label);
  for (std::string_view word : {"per cli", "per persoon", "gemiddeld"})
    if (lower.find(word) != std::string::npos) return true;
  return false;
}

// An amount per client beside the amounts it is the mean of: the lasten of all voorzieningen
// divided by all their clients. A reader who has the lasten and the mean, shown in whole euros,
// knows the number of clients to within lasten / (mean ± 0,5): one more equation over the
// counts, and the count of the smallest voorziening follows from the others. Each mean is set
// beside the sum of every amount table's parts and every person series, in each period the three
// share, where the true figures agree.
void find_amounts_per_client(const Edition& edition, const std::vector<Series>& series,
                             std::vector<DataRelation>& out) {
  constexpr double kHalf = 0.5;
  std::vector<Series> means, lasten;
  for (const auto& [name, table] : edition.tables) {
    const bool columns = table.rows_are_periods();
    if (!columns && !table.columns_are_periods()) continue;
    Axis axis(table, columns, Unit::Euro);
    std::vector<Period> periods;
    for (size_t line = 0; line < axis.lines(); ++line)
      periods.push_back(columns ? table.row_periods[axis.line_index(line)]
                                : table.column_periods[axis.line_index(line)]);
    std::vector<size_t> parts;
    std::vector<Series> members;
    table_series(table, axis, {}, periods, members);
    for (size_t m = 0; m < axis.members(); ++m)
      if (!per_person(axis.label(m)) && !names_a_total(axis.label(m))) parts.push_back(m);
    for (auto& s : members)
      if (per_person(s.label)) means.push_back(std::move(s));
    if (parts.size() < 2) continue;
    std::vector<Series> sums;
    table_series(table, axis, parts, periods, sums, "de som van de andere bedragen");
    for (auto& s : sums) lasten.push_back(std::move(s));
  }
  for (const Series& mean : means)
    for (const Point& a : mean.points) {
      if (a.value <= kHalf) continue;
      for (const Series& cost : lasten) {
        const Point* l = cost.at(a.period.kind, a.period.end_key());
        if (!l) continue;
        for (const Series& s : series) {
          const Point* n = s.at(a.period.kind, a.period.end_key());
          if (!n || n->value <= 0 || std::abs(l->value / n->value - a.value) > kHalf + kTolerance)
            continue;
          DataRelation rel{RelationKind::Average,
                           {},
                           l->value / (a.value + kHalf),
                           l->value / (a.value - kHalf),
                           "'" + mean.label + "' in " + mean.table + " is " + cost.label + " in " +
                               cost.table + " gedeeld door '" + s.label + "' in " + s.table + " (" +
                               a.period.iso() + ")"};
          for (const auto& c : n->cells) rel.terms.push_back({c, 1});
          out.push_back(std::move(rel));
        }
      }
    }
}

}  // namespace

std::vector<DataRelation> data_relations(const Edition& edition) {
  std::vector<DataRelation> out;
  std::vector<Series> series;
  for (const auto& [name, table] : edition.tables) {
    auto info = edition.config.datasets.find(name);
    const DatasetInfo* declared = info == edition.config.datasets.end() ? nullptr : &info->second;
    Axis by_column(table, true), by_row(table, false);
    std::vector<size_t> column_parts, row_parts;
    axis_totals(by_column, declared, out, &column_parts);
    axis_totals(by_row, declared, out, &row_parts);
    if (table.rows_are_periods()) {
      std::vector<Period> periods;
      for (size_t r = 0; r < table.row_keys.size(); ++r)
        if (counts_persons(table, r)) periods.push_back(table.row_periods[r]);
      table_series(table, by_column, column_parts, periods, series);
      // Each slice of a table in long form may have a total under any name, and its sum is a
      // group a reader finds in other datasets (the young = Man + Vrouw of one age group).
      std::vector<std::set<std::string>> totals(table.dimensions.size());  // per dimension
      for (auto& slice : slices_of(table)) {
        Axis axis(table, slice.columns, slice.names);
        std::vector<size_t> parts;
        axis_totals(axis, declared, out, &parts);
        for (size_t m = 0; m < slice.names.size(); ++m)
          if (std::find(parts.begin(), parts.end(), m) == parts.end())
            totals[slice.along].insert(slice.names[m]);
        table_series(table, axis, parts, periods, series, slice.shared);
      }
      // A total over two dimensions or more (all regelingen and sexes of Bedum), without the
      // totals found above: the region is no gemeente.
      for (const auto& marginal : marginals_of(table)) {
        std::vector<size_t> columns;
        for (size_t c : marginal.columns)
          if (std::none_of(marginal.varying.begin(), marginal.varying.end(), [&](size_t d) {
                return totals[d].count(table.column_members[c][d]) > 0;
              }))
            columns.push_back(c);
        std::vector<std::string> names;
        for (size_t c : columns) names.push_back(table.columns[c]);
        std::vector<size_t> parts(columns.size());
        for (size_t k = 0; k < parts.size(); ++k) parts[k] = k;
        table_series(table, Axis(table, columns, names), parts, periods, series, marginal.shared);
      }
    } else if (table.columns_are_periods()) {
      table_series(table, by_row, row_parts, table.column_periods, series);
    }
  }
  find_same_groups(series, out);
  find_stock_flows(series, quarter_ends(series), out);
  find_named_margins(edition, series, out);
  find_period_spans(edition, series, out);
  find_equal_list_figures(edition, out);
  find_averages(edition, series, out);
  find_weighted_sums(edition, series, out);
  find_amounts_per_client(edition, series, out);
  return out;
}

}  // namespace sdm
