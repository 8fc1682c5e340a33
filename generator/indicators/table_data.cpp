#include "indicators/table_data.h"

#include <algorithm>
#include <map>

#include "model/data_terms.h"
#include "util/text.h"

namespace sdm {
namespace {

const char kOther[] = "Overig";

RawValue raw(std::optional<double> value, Unit unit) {
  RawValue v{value, std::nullopt, {}};
  if (unit == Unit::Persons && value) v.persons = value;
  return v;
}

bool is_section(const TableSpec& spec, const RawRow& row) {
  return std::find(spec.sections.begin(), spec.sections.end(), row.key.label) !=
         spec.sections.end();
}

// The unit of a cell of the table: its column's, or its row's.
Unit unit_of(const TableData& table, const RawRow& row, size_t column) {
  return column < table.formats.size() && table.formats[column].unit ? *table.formats[column].unit
                                                                     : row.unit;
}

// Whether a cell goes into a total: a mean, a mark or a percentage never does ("41 + 62 = 103").
bool counts_in_total(const TableData& table, const RawRow& row, size_t column) {
  return unit_adds_up(unit_of(table, row, column)) && row.cells[column].value.has_value();
}

// Column-wise sum of the cells that add up; a column without any stays empty. Summed from the
// exact figures: rounded once, when shown.
std::vector<RawValue> column_sums(const TableData& table, const std::vector<const RawRow*>& rows,
                                  Unit unit) {
  const size_t columns = table.columns.size();
  std::vector<RawValue> sums(columns);
  for (size_t c = 0; c < columns; ++c) {
    std::optional<double> sum;
    std::vector<DataTerm> terms;
    std::vector<DataCell> sources;
    for (const RawRow* row : rows)
      if (counts_in_total(table, *row, c)) {
        sum = sum.value_or(0) + *row->cells[c].value;
        terms = add_terms(std::move(terms), row->cells[c].terms);
        sources.insert(sources.end(), row->cells[c].sources.begin(), row->cells[c].sources.end());
      }
    const Unit column_unit =
        c < table.formats.size() && table.formats[c].unit ? *table.formats[c].unit : unit;
    sums[c] = raw(sum, column_unit);
    sums[c].sources = std::move(sources);
    if (sums[c].persons) sums[c].terms = std::move(terms);
  }
  return sums;
}

// The mean over the cells that add up (an empty one counts as 0), for `overig`.
double row_average(const TableData& table, const RawRow& row) {
  double sum = 0;
  size_t n = 0;
  for (size_t c = 0; c < row.cells.size(); ++c) {
    if (!unit_adds_up(unit_of(table, row, c))) continue;
    sum += row.cells[c].value.value_or(0);
    ++n;
  }
  return n == 0 ? 0 : sum / static_cast<double>(n);
}

RawValue dataset_value(const Table& table, size_t r, size_t c, Unit unit) {
  RawValue v = raw(table.cells[r][c].value, unit);
  v.text = table.cells[r][c].text;
  v.terms = cell_terms(table, r, c);
  if (v.value) v.sources = {{table.name, table.row_keys[r], table.columns[c]}};
  return v;
}

// The table as it is in the CSV file.
void as_in_file(TableData& out, const Table& table, const DatasetInfo& info) {
  for (size_t c = 0; c < table.columns.size(); ++c) {
    out.formats.push_back({c < table.column_units.size() ? table.column_units[c] : std::nullopt,
                           format_of(info, table.columns[c])});
    out.columns.push_back(
        {table.columns_are_periods() ? std::optional(table.column_periods[c]) : std::nullopt,
         table.columns[c]});
  }
  for (size_t r = 0; r < table.row_keys.size(); ++r) {
    RawRow row;
    row.key = {table.rows_are_periods() ? std::optional(table.row_periods[r]) : std::nullopt,
               table.row_keys[r]};
    row.unit = table.row_units[r];
    for (size_t c = 0; c < table.cells[r].size(); ++c)
      row.cells.push_back(dataset_value(table, r, c, table.unit_at(r, c)));
    out.rows.push_back(std::move(row));
  }
}

// A dataset in long form laid out by its dimensions: `regels` down the rows (the period by
// default), the dimensions the filter leaves open across the columns, the outer one as a second
// header row ("Bedum" over its months). Each cell is the dataset's own, so disclosure links it.
void by_dimensions(TableData& out, const Table& table, const TableSpec& spec,
                   const DatasetInfo& info) {
  const Unit unit = info.unit;
  // Each dimension's values that are shown, in file order; index 0 is the period.
  std::vector<std::string> names{table.key_header};
  names.insert(names.end(), table.dimensions.begin(), table.dimensions.end());
  std::vector<std::vector<std::string>> shown(names.size());
  for (size_t r = 0; r < table.row_keys.size(); ++r)
    if (row_passes(table, r, spec.filter)) shown[0].push_back(table.row_keys[r]);
  std::map<std::string, size_t> row_of;                  // by its period
  std::map<std::vector<std::string>, size_t> column_of;  // by its members
  for (size_t r = 0; r < table.row_keys.size(); ++r) row_of[table.row_keys[r]] = r;
  for (size_t c = 0; c < table.columns.size(); ++c) {
    column_of[table.column_members[c]] = c;
    if (!column_passes(table, c, spec.filter)) continue;
    for (size_t d = 1; d < names.size(); ++d) {
      auto& values = shown[d];
      const auto& v = table.column_members[c][d - 1];
      if (std::find(values.begin(), values.end(), v) == values.end()) values.push_back(v);
    }
  }
  const size_t down =
      spec.rows.empty()
          ? 0
          : static_cast<size_t>(std::find(names.begin(), names.end(), spec.rows) - names.begin());
  std::vector<size_t> across;  // the open dimensions, the period last: it reads under a gemeente
  for (size_t d = 1; d < names.size(); ++d)
    if (d != down && shown[d].size() > 1) across.push_back(d);
  if (down != 0 && shown[0].size() > 1) across.push_back(0);

  // Every combination of the open dimensions' values, the first varying slowest.
  std::vector<std::vector<size_t>> columns{{}};
  for (size_t d : across) {
    std::vector<std::vector<size_t>> more;
    for (const auto& combination : columns)
      for (size_t k = 0; k < shown[d].size(); ++k) {
        more.push_back(combination);
        more.back().push_back(k);
      }
    columns = std::move(more);
  }
  auto key = [&](size_t d, size_t k) {
    std::optional<Period> p;
    if (d == 0) p = Period::parse(shown[0][k]);
    return Key{p, shown[d][k], ""};
  };
  if (across.empty()) {  // one value of everything but the rows: the column is named after it
    std::vector<std::string> fixed;
    for (size_t d = 1; d < names.size(); ++d)
      if (d != down) fixed.push_back(shown[d].front());
    out.columns.push_back(
        {down == 0 ? std::nullopt : Period::parse(shown[0].front()), join(fixed, " · "), ""});
  }
  for (const auto& combination : columns) {
    if (combination.empty()) continue;  // named above
    Key k = key(across.back(), combination.back());
    if (across.size() == 2) k.group = shown[across.front()][combination.front()];
    out.columns.push_back(std::move(k));
  }
  out.key_header = names[down];
  for (size_t k = 0; k < shown[down].size(); ++k) {
    RawRow row{key(down, k), unit, false, {}};
    for (const auto& combination : columns) {
      // The value of each dimension at this cell: the row's, the column's, or the one shown.
      std::vector<std::string> at(names.size());
      for (size_t d = 0; d < names.size(); ++d) at[d] = shown[d].front();
      at[down] = shown[down][k];
      for (size_t i = 0; i < across.size(); ++i) at[across[i]] = shown[across[i]][combination[i]];
      auto r = row_of.find(at[0]);
      auto c = column_of.find(std::vector<std::string>(at.begin() + 1, at.end()));
      row.cells.push_back(
          r != row_of.end() && c != column_of.end()
              ? dataset_value(table, r->second, c->second, table.unit_at(r->second, c->second))
              : RawValue{});
    }
    out.rows.push_back(std::move(row));
  }
  // The combinations of a long form share the dataset's format.
  out.formats.assign(out.columns.size(), ColumnFormat{std::nullopt, info.format});
}

// kopjes: the rows that head a section; saldo: a row of one section's rows minus another's.
// Only amounts and counts that are no persons go into a saldo (check_edition refuses the rest):
// a difference is no sum the disclosure audit can take.
void add_sections_and_balance(TableData& out, const TableSpec& spec, Unit unit) {
  if (spec.sections.empty()) return;
  std::vector<std::string> section_of(out.rows.size());
  std::string current;
  for (size_t r = 0; r < out.rows.size(); ++r) {
    auto& row = out.rows[r];
    if (!row.total && std::find(spec.sections.begin(), spec.sections.end(), row.key.label) !=
                          spec.sections.end()) {
      row.section = true;
      current = row.key.label;
    } else if (!row.total) {
      section_of[r] = current;
    }
  }
  if (spec.balance_plus.empty()) return;
  RawRow balance{{std::nullopt, "Saldo"}, unit, true, {}};
  for (size_t c = 0; c < out.columns.size(); ++c) {
    std::optional<double> sum;
    std::vector<DataCell> sources;
    for (size_t r = 0; r < out.rows.size(); ++r) {
      const bool plus = section_of[r] == spec.balance_plus;
      if ((!plus && section_of[r] != spec.balance_minus) || !counts_in_total(out, out.rows[r], c))
        continue;
      const RawValue& cell = out.rows[r].cells[c];
      sum = sum.value_or(0) + (plus ? *cell.value : -*cell.value);
      sources.insert(sources.end(), cell.sources.begin(), cell.sources.end());
    }
    RawValue v{sum, std::nullopt, {}};
    v.sources = std::move(sources);
    balance.cells.push_back(std::move(v));
  }
  out.rows.push_back(std::move(balance));
}

}  // namespace

TableData table_data(const TableSpec& spec, const Table& table, const DatasetInfo& info) {
  TableData out;
  out.spec = spec;
  out.source = info.source;
  out.key_header = table.key_header;
  if (spec.rows.empty() && spec.filter.empty())
    as_in_file(out, table, info);
  else
    by_dimensions(out, table, spec, info);

  if (spec.other_threshold) {
    // Categories averaging below the threshold over all columns (an empty cell counts as 0)
    // are added to "Overig", which goes last.
    std::vector<RawRow> kept;
    std::vector<const RawRow*> merged;
    std::vector<RawRow> small;
    for (auto& row : out.rows) {
      bool other = row.key.label == kOther;
      if (row.unit != Unit::Text && !is_section(spec, row) &&
          (other || row_average(out, row) < *spec.other_threshold))
        small.push_back(row);
      else
        kept.push_back(row);
    }
    if (!small.empty()) {
      for (const auto& row : small) merged.push_back(&row);
      RawRow other{{std::nullopt, kOther},
                   small.front().unit,
                   false,
                   column_sums(out, merged, small.front().unit)};
      kept.push_back(other);
    }
    out.rows = std::move(kept);
  }

  // The unit of a total: that of the first row that adds up.
  Unit unit = info.unit;
  for (const auto& row : out.rows)
    if (unit_adds_up(row.unit)) {
      unit = row.unit;
      break;
    }
  std::vector<const RawRow*> all, excluding;
  for (const auto& row : out.rows) {
    if (row.unit == Unit::Text || is_section(spec, row)) continue;
    all.push_back(&row);
    if (spec.exclude_prefix.empty() || !starts_with_ci(row.key.label, spec.exclude_prefix))
      excluding.push_back(&row);
  }
  std::vector<RawRow> totals;
  if (spec.total || !spec.exclude_prefix.empty())
    totals.push_back({{std::nullopt, "Eindtotaal"}, unit, true, column_sums(out, all, unit)});
  if (!spec.exclude_prefix.empty())
    totals.push_back({{std::nullopt, "Eindtotaal excl. " + spec.exclude_prefix},
                      unit,
                      true,
                      column_sums(out, excluding, unit)});

  // Each total row is the sum of its rows, column by column: a relation a reader can use to
  // recompute a suppressed cell, so disclosure control must know it. Listed for every unit: the
  // audit only looks at relations that hold a suppressed cell.
  auto relate = [&](const std::vector<const RawRow*>& parts, size_t t) {
    const size_t total_row = out.rows.size() + t;
    for (size_t c = 0; c < out.columns.size(); ++c) {
      if (!totals[t].cells[c].value) continue;
      Relation sum{{}, CellRef{total_row, c}, std::nullopt};
      for (const RawRow* row : parts)
        if (counts_in_total(out, *row, c))
          sum.parts.push_back({static_cast<size_t>(row - out.rows.data()), c});
      out.relations.push_back(std::move(sum));
    }
  };
  if (!totals.empty()) relate(all, 0);
  if (totals.size() > 1) relate(excluding, 1);
  for (auto& t : totals) out.rows.push_back(std::move(t));
  add_sections_and_balance(out, spec, unit);
  return out;
}

}  // namespace sdm
