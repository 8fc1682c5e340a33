#pragma once
// Test helper: an edition with one dataset of monthly person counts, "instroom.csv", from
// January 2024 on, and its charts per month and per quarter.

#include <string>
#include <vector>

#include "indicators/chart_data.h"
#include "model/edition.h"

namespace sdm::test {

inline Edition monthly_counts(const std::vector<double>& months) {
  Edition e;
  Table t;
  t.name = "instroom.csv";
  t.key_header = "maand";
  t.columns = {"instroom"};
  for (size_t m = 0; m < months.size(); ++m) {
    t.row_keys.push_back("2024-" + std::string(m < 9 ? "0" : "") + std::to_string(m + 1));
    t.row_periods.push_back(*Period::parse(t.row_keys.back()));
    t.row_units.push_back(Unit::Persons);
    t.cells.push_back({{months[m], {}, 0, 0}});
  }
  e.tables[t.name] = t;
  e.config.datasets[t.name] = {Unit::Persons, "Registratie", "", {}};
  return e;
}

inline ChartData monthly_chart(const Edition& e, bool per_quarter) {
  ChartSpec spec;
  spec.title = per_quarter ? "Instroom per kwartaal" : "Instroom per maand";
  spec.dataset = "instroom.csv";
  spec.per_quarter = per_quarter;
  return chart_data(spec, e.tables.at("instroom.csv"), e.config.datasets.at("instroom.csv"),
                    nullptr);
}

}  // namespace sdm::test
