#include "model/table.h"

#include <algorithm>
#include <bit>
#include <cctype>
#include <map>

#include "util/text.h"

namespace sdm {

namespace {

std::optional<size_t> find_name(const std::vector<std::string>& names,
                                const std::unordered_map<std::string, size_t>& index,
                                size_t indexed, const std::string& name) {
  if (indexed == names.size() && indexed > 0) {
    auto it = index.find(name);
    if (it == index.end()) return std::nullopt;
    return it->second;
  }
  for (size_t i = 0; i < names.size(); ++i)
    if (names[i] == name) return i;
  return std::nullopt;
}

void index_names(const std::vector<std::string>& names,
                 std::unordered_map<std::string, size_t>& index, size_t& indexed) {
  index.clear();
  index.reserve(names.size());
  for (size_t i = 0; i < names.size(); ++i) index.try_emplace(names[i], i);  // the first
  indexed = names.size();
}

}  // namespace

std::optional<size_t> Table::column_index(const std::string& header) const {
  return find_name(columns, column_of_, indexed_columns_, header);
}

std::optional<size_t> Table::row_index(const std::string& key) const {
  return find_name(row_keys, row_of_, indexed_rows_, key);
}

void Table::build_index() {
  index_names(columns, column_of_, indexed_columns_);
  index_names(row_keys, row_of_, indexed_rows_);
}

std::optional<TimeSeries> series_of(const Table& table, const std::string& name) {
  TimeSeries s;
  s.name = name;
  if (table.rows_are_periods()) {
    auto col = table.column_index(name);
    if (!col) return std::nullopt;
    s.periods = table.row_periods;
    s.unit = table.unit_at(0, *col);
    for (const auto& row : table.cells) s.values.push_back(row[*col].value);
    return s;
  }
  if (table.columns_are_periods()) {
    auto row = table.row_index(name);
    if (!row) return std::nullopt;
    s.periods = table.column_periods;
    s.unit = table.unit_at(*row, 0);
    for (const auto& cell : table.cells[*row]) s.values.push_back(cell.value);
    return s;
  }
  return std::nullopt;
}

std::vector<std::string> series_names(const Table& table) {
  if (table.rows_are_periods()) return table.columns;
  if (table.columns_are_periods()) return table.row_keys;
  return {};
}

namespace {

const DimensionFilter* filter_on(const std::vector<DimensionFilter>& filter,
                                 const std::string& dimension) {
  for (const auto& f : filter)
    if (f.dimension == dimension) return &f;
  return nullptr;
}

bool fixed(const std::vector<DimensionFilter>& filter, const std::string& dimension) {
  const DimensionFilter* f = filter_on(filter, dimension);
  return f && f->values.size() == 1;
}

}  // namespace

bool column_passes(const Table& table, size_t column, const std::vector<DimensionFilter>& filter) {
  for (size_t d = 0; d < table.dimensions.size(); ++d)
    if (const DimensionFilter* f = filter_on(filter, table.dimensions[d]))
      if (std::find(f->values.begin(), f->values.end(), table.column_members[column][d]) ==
          f->values.end())
        return false;
  return true;
}

bool row_passes(const Table& table, size_t row, const std::vector<DimensionFilter>& filter) {
  const DimensionFilter* f = filter_on(filter, table.key_header);
  if (!f) return true;
  return std::any_of(f->values.begin(), f->values.end(), [&](const std::string& v) {
    if (v == table.row_keys[row]) return true;  // a category, or a period as written
    auto p = Period::parse(v);
    return p && row < table.row_periods.size() && *p == table.row_periods[row];
  });
}

std::string column_label(const Table& table, size_t column,
                         const std::vector<DimensionFilter>& filter) {
  if (table.dimensions.empty()) return table.columns[column];
  std::string out;
  for (size_t d = 0; d < table.dimensions.size(); ++d)
    if (!fixed(filter, table.dimensions[d]))
      out += (out.empty() ? "" : " · ") + table.column_members[column][d];
  return out.empty() ? table.columns[column] : out;
}

std::vector<TableSlice> slices_of(const Table& table) {
  std::vector<TableSlice> out;
  const size_t dimensions = table.dimensions.size();
  if (dimensions < 2) return out;
  for (size_t along = 0; along < dimensions; ++along) {
    std::map<std::string, size_t> slice_of;  // by the other dimensions' values
    for (size_t c = 0; c < table.column_members.size(); ++c) {
      const auto& members = table.column_members[c];
      std::string shared;
      for (size_t d = 0; d < dimensions; ++d)
        if (d != along) shared += (shared.empty() ? "" : " · ") + members[d];
      auto [it, added] = slice_of.try_emplace(shared, out.size());
      if (added) out.push_back({shared, {}, {}, along});
      out[it->second].columns.push_back(c);
      out[it->second].names.push_back(members[along]);
    }
  }
  std::erase_if(out, [](const TableSlice& s) { return s.columns.size() < 2; });
  return out;
}

std::vector<TableMarginal> marginals_of(const Table& table) {
  std::vector<TableMarginal> out;
  const size_t dimensions = table.dimensions.size();
  // Each set of shared dimensions as a bit mask: at least one shared, at least two varying.
  for (unsigned fixed = 1; dimensions >= 3 && fixed + 1 < (1u << dimensions); ++fixed) {
    if (dimensions - std::popcount(fixed) < 2) continue;
    std::vector<size_t> varying;
    for (size_t d = 0; d < dimensions; ++d)
      if (!(fixed >> d & 1)) varying.push_back(d);
    std::map<std::string, size_t> marginal_of;
    for (size_t c = 0; c < table.column_members.size(); ++c) {
      std::string shared;
      for (size_t d = 0; d < dimensions; ++d)
        if (fixed >> d & 1) shared += (shared.empty() ? "" : " · ") + table.column_members[c][d];
      auto [it, added] = marginal_of.try_emplace(shared, out.size());
      if (added) out.push_back({shared, {}, varying});
      out[it->second].columns.push_back(c);
    }
  }
  return out;
}

bool is_total_label(std::string_view label) {
  // Without a lowered copy: every row and column of every table is asked.
  label = trim(label);
  auto is = [&](std::string_view word) {
    return label.size() == word.size() &&
           std::equal(label.begin(), label.end(), word.begin(),
                      [](char a, char b) { return lower_ascii(a) == b; });
  };
  return is("totaal") || is("eindtotaal") || is("total");
}

std::optional<double> value_of(const std::map<std::string, Table>& tables, const DataCell& cell) {
  auto it = tables.find(cell.dataset);
  if (it == tables.end()) return std::nullopt;
  auto r = it->second.row_index(cell.row);
  auto c = it->second.column_index(cell.column);
  if (!r || !c) return std::nullopt;
  return it->second.cells[*r][*c].value;
}

}  // namespace sdm
