#include "disclosure/data_relations.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <set>

#include "util/text.h"

namespace sdm {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();
constexpr double kTolerance = 1e-9;

bool same(double a, double b) {
  return std::abs(a - b) < kTolerance * std::max(1.0, std::abs(a));
}

bool counts_persons(const Table& table, size_t row) {
  return row < table.row_units.size() && table.row_units[row] == Unit::Persons;
}

// A table read along one axis: its members (rows, or columns) are the categories that may add up
// to a total; its lines run across them (the columns, or rows). Only person counts take part.
class Axis {
 public:
  Axis(const Table& table, bool members_are_columns)
      : table_(table), columns_(members_are_columns) {
    for (size_t r = 0; r < table.row_keys.size(); ++r)
      if (counts_persons(table, r)) (columns_ ? lines_ : members_).push_back(r);
    for (size_t c = 0; c < table.columns.size(); ++c) (columns_ ? members_ : lines_).push_back(c);
  }
  size_t members() const { return members_.size(); }
  size_t lines() const { return lines_.size(); }
  const std::string& label(size_t m) const {
    return columns_ ? table_.columns[members_[m]] : table_.row_keys[members_[m]];
  }
  std::optional<double> at(size_t line, size_t m) const {
    auto [r, c] = position(line, m);
    return table_.cells[r][c].value;
  }
  DataCell cell(size_t line, size_t m) const {
    auto [r, c] = position(line, m);
    return {table_.name, table_.row_keys[r], table_.columns[c]};
  }
  bool members_are_columns() const { return columns_; }

 private:
  std::pair<size_t, size_t> position(size_t line, size_t m) const {
    return columns_ ? std::pair{lines_[line], members_[m]} : std::pair{members_[m], lines_[line]};
  }
  const Table& table_;
  bool columns_;
  std::vector<size_t> members_, lines_;
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

// Totals along one axis of a table: those the content names (a "Totaal" label or `totaal:`) and
// every member that is the sum of the other parts, or of all other parts but one.
void axis_totals(const Axis& axis, const DatasetInfo* info, std::vector<DataRelation>& out,
                 std::vector<size_t>* parts_out) {
  const char* along = axis.members_are_columns() ? "kolommen" : "regels";
  std::vector<size_t> named, parts;
  for (size_t m = 0; m < axis.members(); ++m) {
    bool declared = info && std::find(info->totals.begin(), info->totals.end(), axis.label(m)) !=
                                info->totals.end();
    (declared || is_total_label(axis.label(m)) ? named : parts).push_back(m);
  }
  // A sum the content does not name is found in the figures, whatever its label.
  for (bool found = true; found;) {
    found = false;
    for (size_t m : parts) {
      for (size_t e = 0; e <= parts.size() && !found; ++e) {
        size_t excluded = e < parts.size() ? parts[e] : SIZE_MAX;
        if (excluded == m) continue;
        auto rest = without(parts, m, excluded);
        if (rest.size() < 2) continue;
        Comparison c = compare(axis, m, rest);
        if (c.lines == 0 || !c.equal || !c.nonzero) continue;
        std::string reason = "'" + axis.label(m) + "' is de som van de andere " + along;
        if (excluded != SIZE_MAX) reason += " behalve '" + axis.label(excluded) + "'";
        relate_lines(axis, m, rest, RelationKind::Total, reason, out);
        parts = without(parts, m);
        found = true;
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
                     "'" + axis.label(t) + "' is de som van " + quoted_list(axis, rest), out);
        break;
      }
      if (excluded == SIZE_MAX && c.within) {
        relate_lines(axis, t, rest, RelationKind::Overlap,
                     "'" + axis.label(t) + "' telt elke persoon één keer; " +
                         quoted_list(axis, rest) + " kunnen dezelfde personen bevatten",
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
};

// Each member over the periods, and the sum of the parts where all have a figure.
void table_series(const Table& table, const Axis& axis, const std::vector<size_t>& parts,
                  const std::vector<Period>& periods, std::vector<Series>& out) {
  for (size_t m = 0; m < axis.members(); ++m) {
    Series s{table.name, axis.label(m), {}};
    for (size_t line = 0; line < axis.lines(); ++line)
      if (auto v = axis.at(line, m)) s.points.push_back({periods[line], {axis.cell(line, m)}, *v});
    if (!s.points.empty()) out.push_back(std::move(s));
  }
  if (parts.size() < 2) return;
  Series sum{table.name, "de som van de delen", {}, true};
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
  if (!sum.points.empty()) out.push_back(std::move(sum));
}

enum class Aggregate { Same, Last, Sum };

int sub_periods(const Period& outer, Period::Kind inner) {
  if (outer.kind == Period::Kind::Quarter && inner == Period::Kind::Month) return 3;
  if (outer.kind == Period::Kind::Year && inner == Period::Kind::Month) return 12;
  if (outer.kind == Period::Kind::Year && inner == Period::Kind::Quarter) return 4;
  return 0;
}

// The value of `s` over `period`: its own point, its last point within the period, or the sum
// of all its points within it. Nothing when `s` does not cover the period that way.
std::optional<Point> over(const Series& s, const Period& period, Aggregate how) {
  if (how == Aggregate::Same) {
    for (const auto& p : s.points)
      if (p.period == period) return p;
    return std::nullopt;
  }
  if (s.points.empty() || !sub_periods(period, s.points.front().period.kind)) return std::nullopt;
  Point out{period, {}, 0};
  int found = 0;
  bool has_last = false;
  for (const auto& p : s.points) {
    if (p.period.kind != s.points.front().period.kind || !p.period.within(period)) continue;
    ++found;
    if (how == Aggregate::Sum) {
      out.cells.insert(out.cells.end(), p.cells.begin(), p.cells.end());
      out.value += p.value;
    } else if (p.period.end_key() == period.end_key()) {
      out.cells = p.cells;
      out.value = p.value;
      has_last = true;
    }
  }
  if (how == Aggregate::Sum && found == sub_periods(period, s.points.front().period.kind))
    return out;
  if (how == Aggregate::Last && has_last) return out;
  return std::nullopt;
}

bool same_label(const std::string& a, const std::string& b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return lower_ascii(x) == lower_ascii(y);
         });
}

void add_equal(RelationKind kind, const std::vector<DataCell>& a, const std::vector<DataCell>& b,
               const std::string& reason, std::vector<DataRelation>& out) {
  DataRelation r{kind, {}, 0, 0, reason};
  for (const auto& c : a) r.terms.push_back({c, 1});
  for (const auto& c : b) r.terms.push_back({c, -1});
  out.push_back(std::move(r));
}

// `a` and `b` count the same people wherever both have a figure: in the same period, or with `b`
// summed (a flow) or taken at the end (a stand) over each period of `a`.
void same_group(const Series& a, const Series& b, std::vector<DataRelation>& out) {
  for (Aggregate how : {Aggregate::Same, Aggregate::Last, Aggregate::Sum}) {
    std::vector<std::pair<const Point*, Point>> pairs;
    bool equal = true, nonzero = false;
    for (const auto& p : a.points) {
      auto q = over(b, p.period, how);
      if (!q) continue;
      equal = same(p.value, q->value);
      if (!equal) break;
      nonzero = nonzero || p.value != 0;
      pairs.emplace_back(&p, std::move(*q));
    }
    if (!equal || !nonzero || pairs.empty()) continue;
    // Two categories under different names that agree in one period agree by chance; a reader
    // links them only when the labels say so or the figures agree more than once.
    if (!a.sum && !b.sum && pairs.size() < 2 && !same_label(a.label, b.label)) continue;
    std::string reason = "'" + a.label + "' in " + a.table + " telt dezelfde personen als '" +
                         b.label + "' in " + b.table;
    for (const auto& [p, q] : pairs)
      add_equal(RelationKind::SameGroup, p->cells, q.cells, reason, out);
    return;
  }
}

// stand(t) − stand(t−1) = Σ instroom − Σ uitstroom over the periods after t−1 up to t.
void stock_flow(const Series& stand, const Series& in, const Series& outflow,
                std::vector<DataRelation>& out) {
  std::vector<DataRelation> found;
  bool moved = false;
  for (size_t k = 1; k < stand.points.size(); ++k) {
    const Point& before = stand.points[k - 1];
    const Point& now = stand.points[k];
    if (before.period.kind != now.period.kind) return;
    std::optional<Point> i, u;
    for (Aggregate how : {Aggregate::Same, Aggregate::Sum}) {
      if (!i) i = over(in, now.period, how);
      if (!u) u = over(outflow, now.period, how);
    }
    if (!i || !u) continue;
    if (!same(now.value - before.value, i->value - u->value)) return;
    moved = moved || i->value != 0 || u->value != 0;
    DataRelation r{RelationKind::StockFlow,
                   {},
                   0,
                   0,
                   "'" + stand.label + "' in " + stand.table + " verandert met '" + in.label +
                       "' min '" + outflow.label + "' in " + in.table};
    for (const auto& c : now.cells) r.terms.push_back({c, 1});
    for (const auto& c : before.cells) r.terms.push_back({c, -1});
    for (const auto& c : i->cells) r.terms.push_back({c, -1});
    for (const auto& c : u->cells) r.terms.push_back({c, 1});
    found.push_back(std::move(r));
  }
  if (moved && found.size() >= 2) out.insert(out.end(), found.begin(), found.end());
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
    } else if (table.columns_are_periods()) {
      table_series(table, by_row, row_parts, table.column_periods, series);
    }
  }
  for (size_t a = 0; a < series.size(); ++a)
    for (size_t b = 0; b < series.size(); ++b)
      if (series[a].table != series[b].table &&
          (a < b || series[a].points.front().period.kind != series[b].points.front().period.kind))
        same_group(series[a], series[b], out);
  // Instroom and uitstroom are two members of one table; the stand may be anywhere.
  for (size_t i = 0; i < series.size(); ++i)
    for (size_t u = 0; u < series.size(); ++u) {
      if (i == u || series[i].table != series[u].table) continue;
      for (size_t s = 0; s < series.size(); ++s)
        if (s != i && s != u) stock_flow(series[s], series[i], series[u], out);
    }
  return out;
}

}  // namespace sdm
