#pragma once
// What editors place in the Markdown: charts, tables, headline tiles and figure references.

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "model/table.h"
#include "util/diagnostic.h"

namespace sdm {

enum class ChartView {
  YearLines,  // jaarlijnen: months on the x-axis, one line per year
  Line,       // lijn: one line per column over time
  Bar,        // staaf: bars per row key
  InOut,      // in-uitstroom: grouped bars of inflow and outflow
  Shares,     // aandelen: 100% stacked bars of each row's categories
};

struct ChartSpec {
  std::string title;
  std::string dataset;
  ChartView view = ChartView::Line;
  std::vector<std::string> columns;  // empty: all value columns
  bool per_quarter = false;
  bool cumulative = false;
  std::string budget_dataset;           // begroting
  bool per_thousand = false;            // per1000: counts as a rate per 1.000 inhabitants
  std::string summary;                  // samenvatting
  std::vector<DimensionFilter> filter;  // a dataset in long form: the columns drawn
  SourceLocation where;                 // the opening fence
};

struct TableSpec {
  std::string title;  // empty: an unnumbered small table
  std::string dataset;
  bool total = false;                     // add "Eindtotaal"
  std::optional<double> other_threshold;  // overig: merge rows averaging below this
  std::string exclude_prefix;             // exclusief: add "Eindtotaal excl. …"
  std::string footnote;                   // voetnoot
  bool per_thousand = false;              // per1000: counts as a rate per 1.000 inhabitants
  // A dataset in long form: the dimension down the rows (regels; empty: the period) and which
  // values of each dimension are shown (filter); the others vary across the columns.
  std::string rows;
  SourceLocation rows_where;
  std::vector<DimensionFilter> filter;
  // A financial table: rows of the dataset that head a section (kopjes: [Inkomsten, Uitgaven])
  // and a computed row "Saldo", one section's rows minus another's (saldo: Inkomsten - Uitgaven).
  std::vector<std::string> sections;
  SourceLocation sections_where;
  std::string balance_plus, balance_minus;
  SourceLocation balance_where;
  // voetnoten: a note on a row, by the row's name; numbered across the edition.
  struct RowNote {
    std::string row, text;
    SourceLocation where;
  };
  std::vector<RowNote> row_notes;
  SourceLocation where;
};

enum class TileShow { Last, YearTotal, Forecast };

struct TileSpec {
  std::string title;
  std::string dataset;
  std::string column;
  TileShow show = TileShow::Last;
  std::string link;
  SourceLocation link_where;  // its 'link:' line
  SourceLocation where;       // the item
  // Its 'data:' and 'kolom:' lines, where a misspelt name is (the item's where without them).
  SourceLocation data_where, column_where;
  // data: as a list: the same figure of each further dataset is added ("Sociaal domein totaal").
  std::vector<std::string> more_datasets;
  // min: a column of the dataset, or a begroting dataset, whose figure for the same period is
  // subtracted (realisatie − begroting).
  std::string minus;
  SourceLocation minus_where;
};

struct TilesSpec {
  std::vector<TileSpec> tiles;
  SourceLocation where;
};

using Directive = std::variant<ChartSpec, TableSpec, TilesSpec>;

// The fence info strings that mark a directive block.
inline bool is_directive_info(std::string_view info) {
  return info == "grafiek" || info == "tabel" || info == "kerncijfers";
}

enum class FigureFunction {
  Change,
  ChangePercent,
  YearTotal,
  Last,
  Budget,
  Forecast,
  Balance,
  Value,
  Rate  // per1000: the last count per 1.000 inhabitants
};

// `{{ function data [kolom] [jaar] }}` in the text.
struct FigureRef {
  FigureFunction function = FigureFunction::Last;
  std::string dataset;
  std::string series;  // column (or row) name; empty when the dataset has one
  std::string row;     // waarde: the row key
  int year = 0;        // 0 when not given
  size_t offset = 0;   // byte offset of "{{" in the page's Markdown body
  size_t length = 0;   // up to and including "}}"
  SourceLocation where;
};

// A page's directives in text order, and its figure references.
// A local image a page shows, by its path relative to the edition folder.
struct ImageRef {
  std::string path;
  SourceLocation where;
};

// A relative link in the text, to a page of the edition or an anchor on one.
struct LinkRef {
  std::string url;
  SourceLocation where;
};

struct PageSpec {
  std::vector<Directive> directives;
  std::vector<FigureRef> figures;
  std::vector<ImageRef> images;
  std::vector<LinkRef> links;
  // The text of its headings h2–h6, in order, which their ids are made from
  // (markdown/heading_ids.h); unknown when a heading holds a figure, whose text is known only
  // after computing it.
  std::vector<std::string> headings;
  bool headings_known = true;
};

}  // namespace sdm
