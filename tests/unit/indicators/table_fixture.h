#pragma once
// Test helpers: a dataset as the load stage would give it, from keys, columns and values; an
// edition with such datasets, and what the validate stage says of it.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "load/load_edition.h"
#include "model/table.h"
#include "validate/check_edition.h"

namespace sdm {

// Keys and columns that read as periods also get their periods; every row has `unit`.
inline Table make_table(const std::string& name, std::vector<std::string> keys,
                        std::vector<std::string> columns, std::vector<std::vector<double>> values,
                        Unit unit) {
  Table t;
  t.name = name;
  t.key_header = "sleutel";
  t.columns = std::move(columns);
  t.row_keys = std::move(keys);
  for (const auto& key : t.row_keys)
    if (auto p = Period::parse(key)) t.row_periods.push_back(*p);
  for (const auto& c : t.columns)
    if (auto p = Period::parse(c)) t.column_periods.push_back(*p);
  for (const auto& row : values) {
    t.row_units.push_back(unit);
    t.cells.emplace_back();
    for (double v : row) t.cells.back().push_back({v, {}, 0, 0});
  }
  return t;
}

// Uitkeringen per gemeente and regeling in February and March 2024, in long form as the load stage
// reads it: a column per combination, "Bedum · IOAW".
inline Table long_uitkeringen(const std::string& name = "u.csv") {
  Diagnostics d;
  return read_table(name, "data/" + name,
                    "gemeente;regeling;maand;aantal\n"
                    "Bedum;PW;2024-02;250\nBedum;IOAW;2024-02;11\n"
                    "Winsum;PW;2024-02;300\nWinsum;IOAW;2024-02;7\n"
                    "Bedum;PW;2024-03;251\nBedum;IOAW;2024-03;12\n"
                    "Winsum;PW;2024-03;301\nWinsum;IOAW;2024-03;6\n",
                    Unit::Persons, d, true);
}

// An edition with peildatum 31 maart 2024 and no datasets yet.
inline Edition edition_2024_q1() {
  Edition e;
  e.config.id = "e";
  e.config.reference_date = *Period::parse("2024-03-31");
  return e;
}

// Declares `name` in `e` with `unit` and reads it from `csv`, as the load stage would.
inline void add_dataset(Edition& e, const std::string& name, const std::string& csv, Unit unit) {
  e.config.datasets[name].unit = unit;
  Diagnostics d;
  e.tables[name] = read_table(name, "data/" + name, csv, unit, d);
  EXPECT_FALSE(d.has_errors()) << format_diagnostics(d);
}

// What check_edition says of `e`, with a page for each of `specs`.
inline std::string check_messages(Edition e, const std::vector<PageSpec>& specs = {}) {
  for (const auto& spec : specs) e.pages.push_back({.spec = spec});
  Diagnostics d;
  check_edition(e, d);
  return format_diagnostics(d);
}

}  // namespace sdm
