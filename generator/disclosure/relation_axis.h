#pragma once
// Internal to data_relations: a table read along one axis, and the helpers every kind of relation
// shares. Not for other stages: data_relations.h is the entry.

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "disclosure/data_relations.h"
#include "util/text.h"

namespace sdm::relation {

constexpr double kInfinity = std::numeric_limits<double>::infinity();
constexpr double kTolerance = 1e-9;

inline bool same(double a, double b) {
  return std::abs(a - b) < kTolerance * std::max(1.0, std::abs(a));
}

// Whether a cell of the row is of `unit`: a column may have a unit of its own (editie.yaml).
inline bool row_has(const Table& table, size_t row, Unit unit) {
  if (row >= table.row_units.size()) return false;
  if (table.column_units.empty()) return table.row_units[row] == unit;
  for (size_t c = 0; c < table.columns.size(); ++c)
    if (table.unit_at(row, c) == unit) return true;
  return false;
}

inline bool counts_persons(const Table& table, size_t row) {
  return row_has(table, row, Unit::Persons);
}

// "Totaal", "Eindtotaal", and what starts with them ("Totaal Wmo/Wvg", "Eindtotaal excl. …"): a
// reader takes such a row or column for a total of the others, whether it adds up or not.
inline bool names_a_total(std::string_view label) {
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

// Totals along one axis of a table: subtotals, those the content names (a "Totaal" label or
// `totaal:`) and every member that is the sum of the other parts, or of all other parts but one.
// The members that are parts of a total go to `parts_out`.
void axis_totals(const Axis& axis, const DatasetInfo* info, std::vector<DataRelation>& out,
                 std::vector<size_t>* parts_out);

}  // namespace sdm::relation
