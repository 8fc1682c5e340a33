#pragma once
// Indicator results before disclosure control: numbers still exact, person counts still visible.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/directive.h"
#include "model/period.h"
#include "model/table.h"
#include "model/unit.h"

namespace sdm {

// coef × a person count of a dataset: figures that are sums of counts (a quarter of months, a
// year-to-date total, an Eindtotaal) are Σ terms, which the edition-wide audit links.
struct DataTerm {
  DataCell cell;
  double coef = 1;
  int edition = 0;  // in a relation across editions: 1 for a cell of the edition before
};

// One number as computed, with the count of persons it reveals (if any).
struct RawValue {
  std::optional<double> value;    // empty: no figure
  std::optional<double> persons;  // the person count behind the value: the value itself for a
                                  // count, the category count for a share
  std::string text;               // for text cells
  std::vector<DataTerm> terms;    // a count as Σ coef·cell of its dataset; empty otherwise
  std::vector<DataCell> sources;  // every dataset cell the value is computed from, any unit
  bool provisional = false;       // voorlopig: a source may still change (editie.yaml)
  bool revised = false;           // herzien: a source differs from the previous edition
  // An amount (or other figure) that belongs to client counts (editie.yaml `clienten:`): the
  // count cells, and the smallest of their counts. Hidden when one of them is hidden.
  std::vector<DataCell> clients;
  std::optional<double> client_count;
  // A rate per 1.000 inhabitants: the population it was divided by (value = 1000·count / this).
  std::optional<double> rate_base;
  // A percentage change of a monthly average: `terms` is the change (average now − average
  // before) and this the average before, both over the dataset's cells, so that a published
  // change links the months it is computed from: value% × base ≈ terms.
  std::vector<DataTerm> change_base;
};

// The year of the months along a jaarlijnen chart, whose lines are the years.
constexpr int kYearLinesYear = 2000;

// An x-axis position or a table heading: a period, or a category label.
struct Key {
  std::optional<Period> period;
  std::string label;
  // In a table with two header rows, the upper one: "Bedum" over its months.
  std::string group;
};

// A cell of a chart (series, point) or a table (row, column).
using CellRef = std::pair<size_t, size_t>;

// A fact that links published cells, so that a reader could recompute a suppressed cell from the
// cells beside it: the parts add up to the total cell (a column and its Eindtotaal) or to a known
// constant (the shares of one period add up to 100). Disclosure control audits every relation.
struct Relation {
  std::vector<CellRef> parts;
  std::optional<CellRef> total;    // the cell that holds the sum, itself maybe suppressed
  std::optional<double> constant;  // or the sum is this number
  // false: a person can be in several parts (clients across voorzieningen), so the total is at
  // most the sum of the parts and at least each part; those inequalities still narrow a cell.
  bool additive = true;
};

enum class SeriesRole { Data, Budget, Forecast };

struct RawSeries {
  std::string label;
  SeriesRole role = SeriesRole::Data;
  std::vector<RawValue> points;
};

struct ChartData {
  int number = 0;
  ChartSpec spec;
  std::string source;          // bron
  std::string reference_note;  // peildatum of the dataset, free text
  Unit unit = Unit::Count;     // unit of the plotted values
  NumberFormat format;         // decimalen and notatie of the first column drawn
  bool bars = false;
  bool stacked = false;
  bool percent = false;
  std::string x_title;
  std::vector<Key> x;
  std::vector<RawSeries> series;
  std::vector<Relation> relations;  // cells are (series, point)
  std::vector<std::string> notes;   // e.g. why months were grouped into quarters
};

struct RawRow {
  Key key;
  Unit unit = Unit::Count;
  bool total = false;
  std::vector<RawValue> cells;
  bool section = false;  // heads a section of a financial table (kopjes): no figures
};

// How a table column's figures are shown: a unit of its own (a mean age beside counts), and the
// decimals and notation of editie.yaml.
struct ColumnFormat {
  std::optional<Unit> unit;  // empty: each row's unit
  NumberFormat format;
};

struct TableData {
  int number = 0;  // 0: untitled small table
  TableSpec spec;
  std::string source;
  std::string key_header;
  std::vector<Key> columns;
  std::vector<ColumnFormat> formats;  // one per column
  int first_note = 0;                 // the edition-wide number of the first of spec.row_notes
  std::vector<RawRow> rows;
  std::vector<Relation> relations;  // cells are (row, column)
  std::vector<std::string> notes;   // e.g. what a rate is measured against
};

struct TileData {
  TileSpec spec;
  Unit unit = Unit::Count;
  RawValue value;
  std::optional<RawValue> previous;  // the same figure in the previous edition
  // Set when this edition revised the previous edition's figure: `previous` is then this
  // edition's figure for that period, the one the chart beside the tile shows.
  std::optional<Period> revised;
  std::optional<Period> period;  // what the value refers to
  std::optional<double> budget;  // for a forecast tile
};

struct FigureData {
  FigureRef ref;
  std::string rate_of;  // a rate: "inwoners" or "inwoners van 0–17 jaar"
  Unit unit = Unit::Count;
  RawValue value;  // for Change/ChangePercent the percentage change
};

using ComputedBlock = std::variant<ChartData, TableData, std::vector<TileData>>;

struct ComputedPage {
  std::vector<ComputedBlock> blocks;  // in text order, one per directive
  std::vector<FigureData> figures;
};

using ComputedEdition = std::vector<ComputedPage>;  // one per page of the edition

}  // namespace sdm
