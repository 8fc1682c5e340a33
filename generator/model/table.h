#pragma once
// A dataset as read from one CSV file: row keys down the first column, value columns across.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/period.h"
#include "model/unit.h"
#include "util/diagnostic.h"

namespace sdm {

struct Cell {
  std::optional<double> value;  // empty: no figure (or a text cell)
  std::string text;             // the cell's text for Unit::Text rows
  int line = 0;
  int column = 0;
};

struct Table {
  std::string name;                  // path under data/, e.g. "wmo/lasten.csv"
  std::string file;                  // path for diagnostics
  std::string key_header;            // header of the first column, e.g. "maand"
  std::vector<std::string> columns;  // value column headers
  std::vector<std::string> row_keys;
  std::vector<Unit> row_units;  // the dataset's unit, or the row's `eenheid`
  bool units_per_row = false;   // an `eenheid` column: a list of assorted figures
  // A unit per value column, declared in editie.yaml (`kolommen:` under the dataset): the mean
  // age beside counts of men and women. Empty, or an entry per column; it goes before the row's.
  std::vector<std::optional<Unit>> column_units;
  std::vector<std::vector<Cell>> cells;  // [row][column]
  std::vector<int> row_lines;
  std::vector<int> column_positions;  // 1-based column number of each value column in the header
  int header_line = 1;                // where the header is, for messages: its line and the
  std::vector<int> header_columns;    // character column of each value column's name

  // Parsed periods when every row key (or every column header) is a period.
  std::vector<Period> row_periods;
  std::vector<Period> column_periods;

  // A dataset in long form: the dimensions its columns combine besides the period ("gemeente",
  // "regeling") and each column's value of each ({"Bedum", "IOAW"} for "Bedum · IOAW"). Empty
  // for a dataset in wide form.
  std::vector<std::string> dimensions;
  std::vector<std::vector<std::string>> column_members;

  // The unit of one cell: its column's when declared, else its row's.
  Unit unit_at(size_t row, size_t column) const {
    if (column < column_units.size() && column_units[column]) return *column_units[column];
    return row < row_units.size() ? row_units[row] : Unit::Count;
  }

  bool rows_are_periods() const {
    return !row_keys.empty() && row_periods.size() == row_keys.size();
  }
  bool columns_are_periods() const {
    return !columns.empty() && column_periods.size() == columns.size();
  }
  // The first column (row) with this name. Through the index once build_index() has seen every
  // column (row), else by a search: other stages look up cells by name, and a search per cell
  // made a dataset of 100 000 rows take a minute.
  std::optional<size_t> column_index(const std::string& header) const;
  std::optional<size_t> row_index(const std::string& key) const;
  void build_index();
  // Whether every column and row name is in the index: the tests check that read_table() takes
  // the fast path.
  bool indexed() const {
    return indexed_columns_ == columns.size() && indexed_rows_ == row_keys.size();
  }

 private:
  std::unordered_map<std::string, size_t> column_of_;
  std::unordered_map<std::string, size_t> row_of_;
  size_t indexed_columns_ = 0;
  size_t indexed_rows_ = 0;
};

// A cell of a dataset, named as in its CSV: what a figure is computed from. Names rather than
// indices, so that the same cell is recognised in the previous edition.
struct DataCell {
  std::string dataset;  // path under data/
  std::string row;      // row key
  std::string column;   // column header
  auto operator<=>(const DataCell&) const = default;
};

// The value of `cell` among `tables` (by dataset name); empty when it is missing or blank.
std::optional<double> value_of(const std::map<std::string, Table>& tables, const DataCell& cell);

// One column (or row) of a table read along its periods.
struct TimeSeries {
  std::string name;
  Unit unit = Unit::Count;
  std::vector<Period> periods;
  std::vector<std::optional<double>> values;
};

// Whether adding up a series over a year means something: not for marks and percentages, nor for
// stands on a date ("7,6 + 7,9 = 15,5").
inline bool adds_up_over_time(const TimeSeries& s) {
  return s.unit != Unit::Mark && s.unit != Unit::Percent &&
         (s.periods.empty() || s.periods.front().kind != Period::Kind::Date);
}

// The series of a value column when rows are periods, or of a row when columns are periods.
std::optional<TimeSeries> series_of(const Table& table, const std::string& name);
// The names series_of accepts.
std::vector<std::string> series_names(const Table& table);

// `filter:` in a block: some values of one dimension of a dataset in long form ({ regeling: IOAW
// }), or of its period column ({ maand: [2017-12, 2018-03] }).
struct DimensionFilter {
  std::string dimension;
  std::vector<std::string> values;
  SourceLocation where;
};

// Whether a column's values of the dimensions (a row's period) pass every filter on them.
bool column_passes(const Table& table, size_t column, const std::vector<DimensionFilter>& filter);
bool row_passes(const Table& table, size_t row, const std::vector<DimensionFilter>& filter);
// A column's name without the values the filter fixes: "Bedum" for "Bedum · IOAW" under
// { regeling: IOAW }.
std::string column_label(const Table& table, size_t column,
                         const std::vector<DimensionFilter>& filter);

// The columns of a dataset in long form that differ in one dimension only: for each value of the
// other dimensions, a small table of its own (the gemeenten and the region for one regeling, the
// two sexes of one age group). None for a table of one dimension or in wide form.
struct TableSlice {
  std::string shared;              // what the columns have in common: "IOAW", "18 tot 27 jaar"
  std::vector<size_t> columns;     // value columns
  std::vector<std::string> names;  // each column's value of the one they differ in: "Bedum"
  size_t along = 0;                // the dimension they differ in
};
std::vector<TableSlice> slices_of(const Table& table);

// The columns of a dataset in long form with three or more dimensions that share the values of
// some and differ in at least two others: all regelingen and both sexes of Bedum, whose sum is
// Bedum's total elsewhere. Slices cover one dimension; these the rest.
struct TableMarginal {
  std::string shared;           // the values they share: "Bedum"
  std::vector<size_t> columns;  // value columns
  std::vector<size_t> varying;  // the dimensions they differ in
};
std::vector<TableMarginal> marginals_of(const Table& table);

// A row key or column header that names a total of the others: "Totaal", "Eindtotaal", "Total".
bool is_total_label(std::string_view label);

}  // namespace sdm
