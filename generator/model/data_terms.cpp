#include "model/data_terms.h"

namespace sdm {

std::vector<DataTerm> series_terms(const Table& table, const std::string& name, int from, int to) {
  std::vector<DataTerm> out;
  auto inside = [&](const Period& p) { return p.start_key() >= from && p.end_key() <= to; };
  if (table.rows_are_periods()) {
    auto c = table.column_index(name);
    if (!c) return out;
    for (size_t r = 0; r < table.row_periods.size(); ++r)
      if (inside(table.row_periods[r]) && table.cells[r][*c].value)
        out.push_back({{table.name, table.row_keys[r], name}, 1});
  } else if (table.columns_are_periods()) {
    auto r = table.row_index(name);
    if (!r) return out;
    for (size_t c = 0; c < table.column_periods.size(); ++c)
      if (inside(table.column_periods[c]) && table.cells[*r][c].value)
        out.push_back({{table.name, name, table.columns[c]}, 1});
  }
  return out;
}

std::vector<DataTerm> cell_terms(const Table& table, size_t row, size_t column) {
  if (table.unit_at(row, column) != Unit::Persons || !table.cells[row][column].value) return {};
  return {{{table.name, table.row_keys[row], table.columns[column]}, 1}};
}

std::vector<DataCell> cells_of(const std::vector<DataTerm>& terms) {
  std::vector<DataCell> out;
  for (const auto& t : terms) out.push_back(t.cell);
  return out;
}

std::vector<DataTerm> add_terms(std::vector<DataTerm> a, const std::vector<DataTerm>& b) {
  for (const auto& t : b) {
    bool merged = false;
    for (auto& s : a)
      if (s.cell == t.cell) {
        s.coef += t.coef;
        merged = true;
      }
    if (!merged) a.push_back(t);
  }
  return a;
}

std::vector<DataCell> client_cells(const Table& counts, const std::string& category,
                                   const Period& period) {
  std::vector<DataCell> out;
  for (const auto& t : series_terms(counts, category, period.start_key(), period.end_key()))
    out.push_back(t.cell);
  return out;
}

}  // namespace sdm
