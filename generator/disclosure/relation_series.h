#pragma once
// Internal to data_relations: the person counts of the tables as series over periods, and the
// value of a series over a longer period, which the relations between series and those of single
// figures share.

#include <array>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "disclosure/relation_axis.h"

namespace sdm::relation {

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
                  const std::string& slice = "");

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

inline Few<int> sub_period_ends(const Period& outer, Period::Kind inner) {
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
inline Few<Period> twins(const Period& p) {
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
inline std::optional<Span> over(const Series& s, const Period& period, Aggregate how) {
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

inline bool same_label(const std::string& a, const std::string& b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return lower_ascii(x) == lower_ascii(y);
         });
}

// Series of different tables that count the same people (one group broken down in several
// datasets), in the same period or over a longer one.
void find_same_groups(const std::vector<Series>& series, std::vector<DataRelation>& out);

// A stand per month read at the ends of its quarters: what changes by a quarter's instroom and
// uitstroom when those are counted per quarter.
std::vector<Series> quarter_ends(const std::vector<Series>& series);

// A stand that changes by the instroom minus the uitstroom of a table of two or three members;
// the stand may be anywhere, also among `stands` only (a stand per month read per quarter).
void find_stock_flows(const std::vector<Series>& series, const std::vector<Series>& stands,
                      std::vector<DataRelation>& out);

}  // namespace sdm::relation
