#include "indicators/table_data.h"

#include "indicators/data_terms.h"
#include "util/text.h"

namespace sdm {
namespace {

const char kOther[] = "Overig";

RawValue raw(std::optional<double> value, Unit unit) {
  RawValue v{value, std::nullopt, {}};
  if (unit == Unit::Persons && value) v.persons = value;
  return v;
}

// Column-wise sum; a column where every row is empty stays empty.
std::vector<RawValue> column_sums(const std::vector<const RawRow*>& rows, size_t columns,
                                  Unit unit) {
  std::vector<RawValue> sums(columns);
  for (size_t c = 0; c < columns; ++c) {
    std::optional<double> sum;
    std::vector<DataTerm> terms;
    std::vector<DataCell> sources;
    for (const RawRow* row : rows)
      if (row->cells[c].value) {
        sum = sum.value_or(0) + *row->cells[c].value;
        terms = add_terms(std::move(terms), row->cells[c].terms);
        sources.insert(sources.end(), row->cells[c].sources.begin(), row->cells[c].sources.end());
      }
    sums[c] = raw(sum, unit);
    sums[c].sources = std::move(sources);
    if (sums[c].persons) sums[c].terms = std::move(terms);
  }
  return sums;
}

double row_average(const RawRow& row) {
  double sum = 0;
  for (const auto& cell : row.cells) sum += cell.value.value_or(0);
  return row.cells.empty() ? 0 : sum / static_cast<double>(row.cells.size());
}

}  // namespace

TableData table_data(const TableSpec& spec, const Table& table, const DatasetInfo& info) {
  TableData out;
  out.spec = spec;
  out.source = info.source;
  out.key_header = table.key_header;
  for (size_t c = 0; c < table.columns.size(); ++c)
    out.columns.push_back(
        {table.columns_are_periods() ? std::optional(table.column_periods[c]) : std::nullopt,
         table.columns[c]});
  for (size_t r = 0; r < table.row_keys.size(); ++r) {
    RawRow row;
    row.key = {table.rows_are_periods() ? std::optional(table.row_periods[r]) : std::nullopt,
               table.row_keys[r]};
    row.unit = table.row_units[r];
    for (size_t c = 0; c < table.cells[r].size(); ++c) {
      RawValue v = raw(table.cells[r][c].value, row.unit);
      v.text = table.cells[r][c].text;
      v.terms = cell_terms(table, r, c);
      if (v.value) v.sources = {{table.name, table.row_keys[r], table.columns[c]}};
      row.cells.push_back(v);
    }
    out.rows.push_back(std::move(row));
  }

  if (spec.other_threshold) {
    // Categories averaging below the threshold over all columns (an empty cell counts as 0)
    // are added to "Overig", which goes last.
    std::vector<RawRow> kept;
    std::vector<const RawRow*> merged;
    std::vector<RawRow> small;
    for (auto& row : out.rows) {
      bool other = row.key.label == kOther;
      if (row.unit != Unit::Text && (other || row_average(row) < *spec.other_threshold))
        small.push_back(row);
      else
        kept.push_back(row);
    }
    if (!small.empty()) {
      for (const auto& row : small) merged.push_back(&row);
      RawRow other{{std::nullopt, kOther},
                   small.front().unit,
                   false,
                   column_sums(merged, out.columns.size(), small.front().unit)};
      kept.push_back(other);
    }
    out.rows = std::move(kept);
  }

  Unit unit = out.rows.empty() ? info.unit : out.rows.front().unit;
  std::vector<const RawRow*> all, excluding;
  for (const auto& row : out.rows) {
    if (row.unit == Unit::Text) continue;
    all.push_back(&row);
    if (spec.exclude_prefix.empty() || !starts_with_ci(row.key.label, spec.exclude_prefix))
      excluding.push_back(&row);
  }
  std::vector<RawRow> totals;
  if (spec.total || !spec.exclude_prefix.empty())
    totals.push_back(
        {{std::nullopt, "Eindtotaal"}, unit, true, column_sums(all, out.columns.size(), unit)});
  if (!spec.exclude_prefix.empty())
    totals.push_back({{std::nullopt, "Eindtotaal excl. " + spec.exclude_prefix},
                      unit,
                      true,
                      column_sums(excluding, out.columns.size(), unit)});

  // Each total row is the sum of its rows, column by column: a relation a reader can use to
  // recompute a suppressed cell, so disclosure control must know it. Listed for every unit: the
  // audit only looks at relations that hold a suppressed cell.
  auto relate = [&](const std::vector<const RawRow*>& parts, size_t t) {
    const size_t total_row = out.rows.size() + t;
    for (size_t c = 0; c < out.columns.size(); ++c) {
      if (!totals[t].cells[c].value) continue;
      Relation sum{{}, CellRef{total_row, c}, std::nullopt};
      for (const RawRow* row : parts)
        if (row->cells[c].value)
          sum.parts.push_back({static_cast<size_t>(row - out.rows.data()), c});
      out.relations.push_back(std::move(sum));
    }
  };
  if (!totals.empty()) relate(all, 0);
  if (totals.size() > 1) relate(excluding, 1);
  for (auto& t : totals) out.rows.push_back(std::move(t));
  return out;
}

}  // namespace sdm
