#include "disclosure/data_relations.h"

#include <algorithm>
#include <set>

#include "disclosure/relation_axis.h"
#include "disclosure/relation_figures.h"
#include "disclosure/relation_series.h"

namespace sdm {

// Each kind of relation has a file of its own (relation_*.cpp); this reads the tables into axes
// and series and asks them in a fixed order.
std::vector<DataRelation> data_relations(const Edition& edition) {
  using namespace relation;
  std::vector<DataRelation> out;
  std::vector<Series> series;
  for (const auto& [name, table] : edition.tables) {
    auto info = edition.config.datasets.find(name);
    const DatasetInfo* declared = info == edition.config.datasets.end() ? nullptr : &info->second;
    Axis by_column(table, true), by_row(table, false);
    std::vector<size_t> column_parts, row_parts;
    axis_totals(by_column, declared, out, &column_parts);
    axis_totals(by_row, declared, out, &row_parts);
    if (table.rows_are_periods()) {
      std::vector<Period> periods;
      for (size_t r = 0; r < table.row_keys.size(); ++r)
        if (counts_persons(table, r)) periods.push_back(table.row_periods[r]);
      table_series(table, by_column, column_parts, periods, series);
      // Each slice of a table in long form may have a total under any name, and its sum is a
      // group a reader finds in other datasets (the young = Man + Vrouw of one age group).
      std::vector<std::set<std::string>> totals(table.dimensions.size());  // per dimension
      for (auto& slice : slices_of(table)) {
        Axis axis(table, slice.columns, slice.names);
        std::vector<size_t> parts;
        axis_totals(axis, declared, out, &parts);
        for (size_t m = 0; m < slice.names.size(); ++m)
          if (std::find(parts.begin(), parts.end(), m) == parts.end())
            totals[slice.along].insert(slice.names[m]);
        table_series(table, axis, parts, periods, series, slice.shared);
      }
      // A total over two dimensions or more (all regelingen and sexes of Bedum), without the
      // totals found above: the region is no gemeente.
      for (const auto& marginal : marginals_of(table)) {
        std::vector<size_t> columns;
        for (size_t c : marginal.columns)
          if (std::none_of(marginal.varying.begin(), marginal.varying.end(), [&](size_t d) {
                return totals[d].count(table.column_members[c][d]) > 0;
              }))
            columns.push_back(c);
        std::vector<std::string> names;
        for (size_t c : columns) names.push_back(table.columns[c]);
        std::vector<size_t> parts(columns.size());
        for (size_t k = 0; k < parts.size(); ++k) parts[k] = k;
        table_series(table, Axis(table, columns, names), parts, periods, series, marginal.shared);
      }
    } else if (table.columns_are_periods()) {
      table_series(table, by_row, row_parts, table.column_periods, series);
    }
  }
  find_same_groups(series, out);
  find_stock_flows(series, quarter_ends(series), out);
  find_named_margins(edition, series, out);
  find_period_spans(edition, series, out);
  find_equal_list_figures(edition, out);
  find_averages(edition, series, out);
  find_weighted_sums(edition, series, out);
  find_amounts_per_client(edition, series, out);
  return out;
}

}  // namespace sdm
