#pragma once
// Numbers that passed disclosure control. Only the disclosure stage can make these types (it
// alone holds a DisclosurePass), and the page model accepts nothing else, so an unsuppressed
// person count cannot reach the HTML, chart data or downloads by accident.

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "model/computed.h"

namespace sdm {

class DisclosurePass {
  friend class Disclosure;
  DisclosurePass() = default;
};

struct PublishedCell {
  std::optional<double> value;  // empty when suppressed or when there is no figure
  std::string text;             // text cells
  bool suppressed = false;      // not published: "<10", or "x" when secondary
  bool secondary = false;       // suppressed only so that a "<10" elsewhere cannot be recomputed
  bool provisional = false;     // voorlopig
  bool revised = false;         // herzien since the previous edition
};

struct PublishedSeries {
  std::string label;
  SeriesRole role = SeriesRole::Data;
  std::vector<PublishedCell> points;
};

class PublishedChart {
 public:
  explicit PublishedChart(DisclosurePass) {}
  int number = 0;
  ChartSpec spec;
  std::string source, reference_note;
  Unit unit = Unit::Count;
  NumberFormat format;
  bool bars = false, stacked = false, percent = false;
  std::string x_title;
  std::vector<Key> x;
  std::vector<PublishedSeries> series;
  std::vector<std::string> notes;
  bool any_suppressed = false;
};

struct PublishedRow {
  Key key;
  Unit unit = Unit::Count;
  bool total = false;
  std::vector<PublishedCell> cells;
  bool section = false;  // heads a section (kopjes)
};

class PublishedTable {
 public:
  explicit PublishedTable(DisclosurePass) {}
  int number = 0;
  TableSpec spec;
  std::string source;
  std::string key_header;
  std::vector<Key> columns;
  std::vector<ColumnFormat> formats;  // one per column
  int first_note = 0;                 // the number of the first of spec.row_notes
  std::vector<PublishedRow> rows;
  std::vector<std::string> notes;
  bool any_suppressed = false;
};

class PublishedTile {
 public:
  explicit PublishedTile(DisclosurePass) {}
  TileSpec spec;
  Unit unit = Unit::Count;
  PublishedCell value;
  std::optional<double> change;  // against the previous edition; empty if either is suppressed
  bool has_previous = false;
  std::optional<Period> revised;  // the change is against this period's revised figure
  std::optional<Period> period;
  std::optional<double> budget;
};

class PublishedFigure {
 public:
  explicit PublishedFigure(DisclosurePass) {}
  FigureRef ref;
  std::string rate_of;
  Unit unit = Unit::Count;
  PublishedCell value;
};

using PublishedBlock = std::variant<PublishedChart, PublishedTable, std::vector<PublishedTile>>;

struct PublishedPage {
  std::vector<PublishedBlock> blocks;
  std::vector<PublishedFigure> figures;
};

using PublishedEdition = std::vector<PublishedPage>;  // one per page of the edition

}  // namespace sdm
