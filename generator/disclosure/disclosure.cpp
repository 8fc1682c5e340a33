#include "disclosure/disclosure.h"

#include <limits>
#include <string>

#include "disclosure/implied_relations.h"
#include "disclosure/secondary.h"
#include "format/dutch.h"

namespace sdm {
namespace {

constexpr double kShareStep = 0.1;  // shares are published to one decimal (chart_data.cpp)

bool below_threshold(const RawValue& v) {
  return v.persons && *v.persons < kThreshold;
}

// A count hidden elsewhere (in another block, or in the previous edition with the same figure),
// or an amount whose client count is hidden: the costs of a small group are its average cost too.
bool tied_to_hidden(const RawValue& v, const std::set<DataCell>& hidden_counts) {
  if (v.client_count && *v.client_count < kThreshold) return true;
  if (v.terms.size() == 1 && v.terms[0].coef == 1 && hidden_counts.count(v.terms[0].cell))
    return true;
  if (v.terms.empty() && v.sources.size() == 1 && hidden_counts.count(v.sources[0])) return true;
  for (const auto& c : v.clients)
    if (hidden_counts.count(c)) return true;
  return false;
}

PublishedCell publish(const RawValue& v, bool suppressed) {
  // A hidden cell that is not itself under 10 must not claim "<10": it is marked as secondary.
  // Nor a rate: "<10" would read as a rate under 10.
  if (suppressed) return {std::nullopt, {}, true, !below_threshold(v) || v.rate_base.has_value()};
  PublishedCell cell{v.value, v.text, false};
  cell.provisional = v.provisional;
  cell.revised = v.revised;
  return cell;
}

// One cell as the audit sees it, with what a reader knows of it without the figure.
AuditCell audit_cell(const RawValue& v, bool share, double period_persons) {
  if (!v.value) return {};
  if (share && v.persons) {
    AuditCell cell{CellState::Published, *v.value, v.persons, 0, 100};
    cell.step = kShareStep;
    cell.persons_per_unit = period_persons / 100;
    return cell;
  }
  if (v.persons && *v.persons == *v.value) return count_cell(*v.value);
  AuditCell cell{CellState::Published, *v.value, v.persons};
  if (*v.value < 0) cell.lower = -std::numeric_limits<double>::infinity();  // a correction
  return cell;
}

// "onthullingscontrole faalt voor Grafiek 3 …: 'x' is terug te rekenen …", naming no true value:
// build logs are read by more people than the data.
template <typename NameCell>
std::string failure_message(const std::string& block, const AuditReport& report, NameCell name) {
  std::string out = "onthullingscontrole faalt voor " + block + ": ";
  const AuditItem* item = report.first_failure();
  if (report.solver_failed || !item)
    return out + "de controle gaf geen betrouwbare uitkomst; kloppen de totalen met de delen?";
  std::string cells;
  for (size_t k = 0; k < item->cells.size(); ++k) {
    if (k > 0) cells += k + 1 == item->cells.size() ? " en " : ", ";
    cells += "'" + name(item->cells[k]) + "'";
  }
  if (item->cells.size() > 1) cells = "de som van " + cells;
  if (item->exact) return out + cells + " is terug te rekenen uit de gepubliceerde cijfers";
  return out + cells + " is nauwkeuriger dan " + format_number(kProtectionWidth) +
         " personen te bepalen uit de gepubliceerde cijfers";
}

const char kFailureHint[] =
    "voeg kleine categorieën samen (bij een tabel: overig: …), toon maandcijfers per kwartaal "
    "(per: kwartaal) of laat dit blok weg; zie docs/onthulling.md";

// Suppresses cells of `grid` until the audit passes; when it cannot, reports the block and
// hides every person count in it (fail closed, in case the error were ever ignored).
template <typename NameCell>
void protect_block(AuditGrid& grid, const std::string& block, const SourceLocation& where,
                   NameCell name, Diagnostics& diagnostics) {
  AuditReport report = protect(grid);
  if (report.passed()) return;
  diagnostics.error(where, failure_message(block, report, name), kFailureHint);
  for (auto& row : grid.cells)
    for (auto& cell : row)
      if (cell.persons && cell.state == CellState::Published) cell.state = CellState::Suppressed;
}

// Lines of running totals of person counts, whose monthly increments are counts too.
std::vector<size_t> year_to_date_rows(const ChartData& data) {
  std::vector<size_t> rows;
  if (!data.spec.cumulative) return rows;
  for (size_t i = 0; i < data.series.size(); ++i) {
    bool persons = false;
    for (const auto& p : data.series[i].points) persons = persons || p.persons;
    if (data.series[i].role == SeriesRole::Data && persons) rows.push_back(i);
  }
  return rows;
}

}  // namespace

std::string key_text(const Key& key) {
  // A month of a jaarlijnen chart, under the line's year: "2023, augustus".
  if (key.period && key.period->year == kYearLinesYear) return month_long(key.period->month);
  return (key.group.empty() ? "" : key.group + " · ") +
         (key.period ? format_period(*key.period, PeriodStyle::Long) : key.label);
}

AuditGrid chart_grid(const ChartData& data) {
  AuditGrid grid;
  std::vector<double> period_persons(data.x.size());
  for (const auto& s : data.series)
    for (size_t j = 0; j < s.points.size() && j < period_persons.size(); ++j)
      period_persons[j] += s.points[j].persons.value_or(0);
  std::vector<std::string> row_labels, column_labels;
  std::vector<bool> is_data;
  for (const auto& s : data.series) {
    grid.cells.emplace_back();
    for (size_t j = 0; j < s.points.size(); ++j)
      grid.cells.back().push_back(
          audit_cell(s.points[j], data.percent, j < period_persons.size() ? period_persons[j] : 0));
    row_labels.push_back(s.label);
    is_data.push_back(s.role == SeriesRole::Data);
  }
  for (const auto& key : data.x) column_labels.push_back(key_text(key));
  grid.relations = data.relations;
  if (!data.percent) add_total_lines(grid, row_labels, column_labels, is_data);
  add_year_to_date(grid, year_to_date_rows(data));
  return grid;
}

AuditGrid table_grid(const TableData& data) {
  AuditGrid grid;
  std::vector<std::string> row_labels, column_labels;
  std::vector<bool> is_data;
  for (const auto& row : data.rows) {
    grid.cells.emplace_back();
    for (const auto& cell : row.cells)
      grid.cells.back().push_back(row.unit == Unit::Text ? AuditCell{}
                                                         : audit_cell(cell, false, 0));
    row_labels.push_back(row.key.label);
    is_data.push_back(!row.total);
  }
  for (const auto& key : data.columns) column_labels.push_back(key_text(key));
  grid.relations = data.relations;
  add_total_lines(grid, row_labels, column_labels, is_data);
  return grid;
}

PublishedChart Disclosure::chart(const ChartData& data, Diagnostics& diagnostics,
                                 const std::set<DataCell>& hidden_counts) {
  PublishedChart out{DisclosurePass()};
  out.number = data.number;
  out.spec = data.spec;
  out.source = data.source;
  out.reference_note = data.reference_note;
  out.unit = data.unit;
  out.format = data.format;
  out.bars = data.bars;
  out.stacked = data.stacked;
  out.percent = data.percent;
  out.x_title = data.x_title;
  out.x = data.x;
  out.notes = data.notes;
  AuditGrid grid = chart_grid(data);
  for (size_t i = 0; i < data.series.size(); ++i)
    for (size_t j = 0; j < data.series[i].points.size(); ++j)
      grid.cells[i][j].forced = tied_to_hidden(data.series[i].points[j], hidden_counts);
  auto running = year_to_date_rows(data);  // their increments are the rows after the series
  auto name = [&](CellRef c) {
    bool increment = c.first >= data.series.size();
    const auto& series = data.series[increment ? running[c.first - data.series.size()] : c.first];
    const Key& key = data.x[c.second];
    std::string where = data.spec.view == ChartView::YearLines && key.period
                            ? month_long(key.period->month) + " " + series.label
                            : series.label + ", " + key_text(key);
    return increment ? "de maandwaarde in " + where : where;
  };
  protect_block(grid, "Grafiek " + std::to_string(data.number) + " '" + data.spec.title + "'",
                data.spec.where, name, diagnostics);
  for (size_t i = 0; i < data.series.size(); ++i) {
    PublishedSeries series{data.series[i].label, data.series[i].role, {}};
    for (size_t j = 0; j < data.series[i].points.size(); ++j) {
      // A count under 10 without a figure (its share of a period of nobody) still says "<10":
      // an empty bar would tell the reader the count is 0.
      bool hidden = grid.cells[i][j].state == CellState::Suppressed || grid.cells[i][j].forced ||
                    below_threshold(data.series[i].points[j]);
      series.points.push_back(publish(data.series[i].points[j], hidden));
      out.any_suppressed = out.any_suppressed || hidden;
    }
    out.series.push_back(std::move(series));
  }
  return out;
}

PublishedTable Disclosure::table(const TableData& data, Diagnostics& diagnostics,
                                 const std::set<DataCell>& hidden_counts) {
  PublishedTable out{DisclosurePass()};
  out.number = data.number;
  out.spec = data.spec;
  out.source = data.source;
  out.key_header = data.key_header;
  out.columns = data.columns;
  out.formats = data.formats;
  out.first_note = data.first_note;
  out.notes = data.notes;
  AuditGrid grid = table_grid(data);
  for (size_t r = 0; r < data.rows.size(); ++r)
    for (size_t c = 0; c < data.rows[r].cells.size(); ++c)
      grid.cells[r][c].forced = tied_to_hidden(data.rows[r].cells[c], hidden_counts);
  auto name = [&](CellRef c) {
    return data.rows[c.first].key.label + ", " + key_text(data.columns[c.second]);
  };
  std::string block = data.number > 0
                          ? "Tabel " + std::to_string(data.number) + " '" + data.spec.title + "'"
                          : "de tabel met " + data.spec.dataset;
  protect_block(grid, block, data.spec.where, name, diagnostics);
  for (size_t r = 0; r < data.rows.size(); ++r) {
    PublishedRow row{data.rows[r].key, data.rows[r].unit, data.rows[r].total, {}};
    row.section = data.rows[r].section;
    for (size_t c = 0; c < data.rows[r].cells.size(); ++c) {
      bool hidden = grid.cells[r][c].state == CellState::Suppressed || grid.cells[r][c].forced ||
                    below_threshold(data.rows[r].cells[c]);
      row.cells.push_back(publish(data.rows[r].cells[c], hidden));
      out.any_suppressed = out.any_suppressed || hidden;
    }
    out.rows.push_back(std::move(row));
  }
  return out;
}

PublishedTile Disclosure::tile(const TileData& data) {
  PublishedTile out{DisclosurePass()};
  out.spec = data.spec;
  out.unit = data.unit;
  out.period = data.period;
  out.budget = data.budget;
  bool hidden = below_threshold(data.value);
  out.value = publish(data.value, hidden);
  out.has_previous = data.previous.has_value();
  out.revised = data.revised;
  // The change reveals the previous value too, so both must be publishable.
  if (data.previous && !hidden && !below_threshold(*data.previous) && data.value.value &&
      data.previous->value)
    out.change = *data.value.value - *data.previous->value;
  return out;
}

PublishedFigure Disclosure::figure(const FigureData& data) {
  PublishedFigure out{DisclosurePass()};
  out.ref = data.ref;
  out.rate_of = data.rate_of;
  out.unit = data.unit;
  // For a change, `persons` is the smallest count it was computed from.
  out.value = publish(data.value, below_threshold(data.value));
  return out;
}

namespace {

bool tied(const std::vector<RawValue>& cells) {
  for (const auto& v : cells)
    if (!v.clients.empty()) return true;
  return false;
}

bool has_tied_cells(const ComputedBlock& block) {
  if (const auto* c = std::get_if<ChartData>(&block)) {
    for (const auto& s : c->series)
      if (tied(s.points)) return true;
  } else if (const auto* t = std::get_if<TableData>(&block)) {
    for (const auto& r : t->rows)
      if (tied(r.cells)) return true;
  }
  return false;
}

// The dataset cells a published block hides as they are (a count shown as "<10" or "x").
void collect_hidden(const std::vector<RawValue>& raw, const std::vector<PublishedCell>& published,
                    std::set<DataCell>& out) {
  for (size_t k = 0; k < raw.size() && k < published.size(); ++k) {
    if (!published[k].suppressed) continue;
    if (raw[k].terms.size() == 1 && raw[k].terms[0].coef == 1) out.insert(raw[k].terms[0].cell);
    // An amount as it is: hidden in one block, it stays hidden in the others.
    if (raw[k].terms.empty() && raw[k].sources.size() == 1) out.insert(raw[k].sources[0]);
  }
}

std::vector<PublishedSeries>& lines(PublishedChart& chart) {
  return chart.series;
}
std::vector<PublishedRow>& lines(PublishedTable& table) {
  return table.rows;
}
std::vector<PublishedCell>& cells(PublishedSeries& series) {
  return series.points;
}
std::vector<PublishedCell>& cells(PublishedRow& row) {
  return row.cells;
}

// Replaces `block` with `now`, protected again, keeping every cell `block` hid, with its mark.
template <typename Block>
void keep_hidden(Block& block, Block now) {
  for (size_t k = 0; k < lines(now).size(); ++k)
    for (size_t j = 0; j < cells(lines(now)[k]).size(); ++j)
      if (const PublishedCell& before = cells(lines(block)[k])[j]; before.suppressed)
        cells(lines(now)[k])[j] = before;
  now.any_suppressed = now.any_suppressed || block.any_suppressed;
  block = std::move(now);
}

}  // namespace

std::set<DataCell> hidden_cells(const std::vector<ComputedPage>& pages,
                                const std::vector<PublishedPage>& published) {
  std::set<DataCell> out;
  for (size_t i = 0; i < pages.size(); ++i)
    for (size_t b = 0; b < pages[i].blocks.size(); ++b) {
      const ComputedBlock& block = pages[i].blocks[b];
      if (const auto* c = std::get_if<ChartData>(&block)) {
        const auto& p = std::get<PublishedChart>(published[i].blocks[b]);
        for (size_t k = 0; k < c->series.size(); ++k)
          collect_hidden(c->series[k].points, p.series[k].points, out);
      } else if (const auto* t = std::get_if<TableData>(&block)) {
        const auto& p = std::get<PublishedTable>(published[i].blocks[b]);
        for (size_t r = 0; r < t->rows.size(); ++r)
          collect_hidden(t->rows[r].cells, p.rows[r].cells, out);
      }
    }
  return out;
}

std::vector<PublishedPage> Disclosure::edition(const std::vector<ComputedPage>& pages,
                                               Diagnostics& diagnostics,
                                               const std::set<DataCell>& hidden_before) {
  // Counts first: an amount tied to a count hides with it wherever the count is hidden, so the
  // blocks of amounts are protected again (tie_amounts) once every count's pattern is known.
  std::vector<PublishedPage> out;
  for (const auto& page : pages) {
    PublishedPage published;
    for (const auto& block : page.blocks) {
      Diagnostics redone;  // a block of tied amounts is protected again below; report it there
      Diagnostics& report = has_tied_cells(block) ? redone : diagnostics;
      if (const auto* c = std::get_if<ChartData>(&block)) {
        published.blocks.push_back(chart(*c, report, hidden_before));
      } else if (const auto* t = std::get_if<TableData>(&block)) {
        published.blocks.push_back(table(*t, report, hidden_before));
      } else if (const auto* tiles = std::get_if<std::vector<TileData>>(&block)) {
        std::vector<PublishedTile> list;
        for (const auto& tile_data : *tiles) list.push_back(tile(tile_data));
        published.blocks.push_back(std::move(list));
      }
    }
    for (const auto& f : page.figures) published.figures.push_back(figure(f));
    out.push_back(std::move(published));
  }
  tie_amounts(pages, out, diagnostics);
  return out;
}

void Disclosure::tie_amounts(const std::vector<ComputedPage>& pages,
                             std::vector<PublishedPage>& published, Diagnostics& diagnostics) {
  // Until nothing more is hidden: an amount one block hides to protect another is hidden in
  // every block that shows it, which may need more there.
  std::set<DataCell> hidden = hidden_cells(pages, published);
  for (;;) {
    Diagnostics round;  // only the last round's problems are the build's
    // Protected again, a block keeps every cell hidden before: what the audit across the edition
    // hid in it is not undone.
    for (size_t i = 0; i < pages.size(); ++i)
      for (size_t b = 0; b < pages[i].blocks.size(); ++b) {
        const ComputedBlock& block = pages[i].blocks[b];
        if (!has_tied_cells(block)) continue;
        if (const auto* c = std::get_if<ChartData>(&block))
          keep_hidden(std::get<PublishedChart>(published[i].blocks[b]), chart(*c, round, hidden));
        else if (const auto* t = std::get_if<TableData>(&block))
          keep_hidden(std::get<PublishedTable>(published[i].blocks[b]), table(*t, round, hidden));
      }
    std::set<DataCell> now = hidden_cells(pages, published);
    if (now == hidden) {
      diagnostics.append(round);
      return;
    }
    hidden = std::move(now);
  }
}

}  // namespace sdm
