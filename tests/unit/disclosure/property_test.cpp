// Property-based: over many random seeded tables, every pattern the disclosure stage chooses
// passes the audit, and attackers that share no code with the audit find nothing either.

#include <gtest/gtest.h>

#include <random>

#include "disclosure/audit.h"
#include "disclosure/disclosure.h"
#include "disclosure/secondary.h"
#include "independent_attacker.h"
#include "indicators/chart_data.h"
#include "indicators/table_data.h"
#include "two_way.h"

namespace sdm {
namespace {

constexpr int kSeeds = 500;

// Mostly ordinary counts, a good share of small ones (zeros included), now and then a row of
// small ones only.
std::vector<std::vector<double>> random_counts(std::mt19937& rng, size_t rows, size_t cols) {
  std::uniform_int_distribution<int> small(0, 9), large(10, 150), percent(0, 99);
  int small_share = percent(rng) / 2;  // 0–49% of the cells under 10
  std::vector<std::vector<double>> values(rows, std::vector<double>(cols));
  for (auto& row : values) {
    bool all_small = percent(rng) < 10;
    for (auto& v : row) v = all_small || percent(rng) < small_share ? small(rng) : large(rng);
  }
  return values;
}

// What the audit must guarantee, checked without the audit's code: no hidden cell, and no
// hidden group under 10 persons in one relation, follows from the published equations.
void expect_nothing_recomputable(const AuditGrid& grid, int seed) {
  for (size_t i = 0; i < grid.cells.size(); ++i)
    for (size_t j = 0; j < grid.cells[i].size(); ++j)
      if (grid.cells[i][j].state == CellState::Suppressed ||
          (grid.cells[i][j].state == CellState::Internal && grid.cells[i][j].primary())) {
        EXPECT_FALSE(test::determined_by_equations(grid, {{i, j}}))
            << "seed " << seed << " cell " << i << "," << j;
      }
  for (const auto& r : grid.relations) {
    std::vector<CellRef> hidden;
    double persons = 0;
    for (CellRef c : r.parts)
      if (grid.at(c).hidden()) {
        hidden.push_back(c);
        persons += grid.at(c).persons.value_or(kThreshold);
      }
    bool whole = r.constant && hidden.size() == r.parts.size();  // 100%: says nothing
    if (hidden.size() >= 2 && persons < kThreshold && !whole) {
      EXPECT_FALSE(test::determined_by_equations(grid, hidden)) << "seed " << seed;
    }
  }
}

TEST(DisclosureProperty, RandomTwoWayTablesPassAndResistAnIndependentAttack) {
  for (int seed = 0; seed < kSeeds; ++seed) {
    std::mt19937 rng(seed);
    std::uniform_int_distribution<size_t> size(2, 6);
    size_t rows = size(rng), cols = size(rng);
    AuditGrid grid = test::two_way(random_counts(rng, rows, cols));
    AuditReport report = protect(grid);
    ASSERT_TRUE(report.passed()) << "seed " << seed;
    expect_nothing_recomputable(grid, seed);
    // The exact range by max-flow agrees with the audit's linear programs, cell by cell, and
    // meets the policy.
    for (const auto& item : report.items) {
      if (item.cells.size() != 1) continue;
      auto [lo, hi] = test::two_way_interval(grid, item.cells.front());
      EXPECT_EQ(item.lo, lo) << "seed " << seed;
      EXPECT_EQ(item.hi, hi) << "seed " << seed;
      EXPECT_GE(hi - lo, kProtectionWidth) << "seed " << seed;
    }
  }
}

Table random_table(std::mt19937& rng, std::vector<std::vector<double>> values) {
  Table t;
  t.name = "test/random.csv";
  t.key_header = "categorie";
  for (size_t c = 0; c < values.front().size(); ++c) t.columns.push_back("k" + std::to_string(c));
  for (size_t r = 0; r < values.size(); ++r) {
    t.row_keys.push_back(r == 0 && rng() % 3 == 0 ? "Energie" : "rij " + std::to_string(r));
    t.row_units.push_back(Unit::Persons);
    t.cells.emplace_back();
    for (double v : values[r]) t.cells.back().push_back({v, {}, 0, 0});
  }
  return t;
}

AuditGrid published_grid(AuditGrid grid, const std::vector<std::vector<bool>>& suppressed) {
  for (size_t i = 0; i < suppressed.size(); ++i)
    for (size_t j = 0; j < suppressed[i].size(); ++j)
      if (suppressed[i][j]) grid.cells[i][j].state = CellState::Suppressed;
  return grid;
}

TEST(DisclosureProperty, RandomTablesAndShareChartsFromTheIndicatorStage) {
  const DatasetInfo persons{Unit::Persons, "", "", {}};
  for (int seed = 0; seed < kSeeds; ++seed) {
    std::mt19937 rng(seed + 100000);
    std::uniform_int_distribution<size_t> size(2, 6);
    size_t rows = size(rng), cols = size(rng);
    Table t = random_table(rng, random_counts(rng, rows, cols));

    TableSpec table_spec;
    table_spec.title = "Willekeurig";
    table_spec.total = true;
    if (rng() % 2) table_spec.exclude_prefix = "Energie";
    TableData table = table_data(table_spec, t, persons);
    Diagnostics diagnostics;
    PublishedTable published_table = Disclosure::table(table, diagnostics);
    ASSERT_FALSE(diagnostics.has_errors()) << "seed " << seed;
    std::vector<std::vector<bool>> hidden;
    for (const auto& row : published_table.rows) {
      hidden.emplace_back();
      for (const auto& cell : row.cells) {
        hidden.back().push_back(cell.suppressed);
        if (!cell.suppressed && cell.value) {
          EXPECT_GE(*cell.value, kThreshold) << "seed " << seed;
        }
      }
    }
    AuditGrid table_audit = published_grid(table_grid(table), hidden);
    EXPECT_TRUE(audit(table_audit).passed()) << "seed " << seed;
    expect_nothing_recomputable(table_audit, seed);

    ChartSpec chart_spec;
    chart_spec.title = "Aandelen";
    chart_spec.view = ChartView::Shares;
    ChartData chart = chart_data(chart_spec, t, persons, nullptr);
    PublishedChart published_chart = Disclosure::chart(chart, diagnostics);
    ASSERT_FALSE(diagnostics.has_errors())
        << "seed " << seed << ": " << format_diagnostic(diagnostics.items().front());
    hidden.clear();
    for (size_t k = 0; k < published_chart.series.size(); ++k) {
      hidden.emplace_back();
      for (size_t p = 0; p < published_chart.series[k].points.size(); ++p) {
        const auto& point = published_chart.series[k].points[p];
        hidden.back().push_back(point.suppressed);
        auto count = chart.series[k].points[p].persons;
        if (count && *count < kThreshold) {
          EXPECT_TRUE(point.suppressed) << "seed " << seed;
        }
      }
    }
    AuditGrid chart_audit = published_grid(chart_grid(chart), hidden);
    EXPECT_TRUE(audit(chart_audit).passed()) << "seed " << seed;
    expect_nothing_recomputable(chart_audit, seed);
  }
}

TEST(DisclosureProperty, RandomYearToDateLinesProtectEveryMonth) {
  const DatasetInfo persons{Unit::Persons, "", "", {}};
  int with_suppression = 0;  // the test must exercise the secondary cells, not only pass
  for (int seed = 0; seed < kSeeds; ++seed) {
    std::mt19937 rng(seed + 200000);
    std::uniform_int_distribution<int> months(2, 24);
    Table t;
    t.name = "test/instroom.csv";
    t.key_header = "maand";
    t.columns = {"instroom"};
    auto values = random_counts(rng, static_cast<size_t>(months(rng)), 1);
    for (size_t m = 0; m < values.size(); ++m) {
      Period p = Period::of_month(2023 + static_cast<int>(m / 12), static_cast<int>(m % 12) + 1);
      t.row_keys.push_back(std::to_string(p.year) + "-" + (p.month < 10 ? "0" : "") +
                           std::to_string(p.month));
      t.row_periods.push_back(p);
      t.row_units.push_back(Unit::Persons);
      t.cells.push_back({{values[m][0], {}, 0, 0}});
    }
    ChartSpec spec;
    spec.title = "Instroom cumulatief";
    spec.view = ChartView::YearLines;
    spec.cumulative = true;
    ChartData chart = chart_data(spec, t, persons, nullptr);
    Diagnostics diagnostics;
    PublishedChart published = Disclosure::chart(chart, diagnostics);
    ASSERT_FALSE(diagnostics.has_errors()) << "seed " << seed;
    std::vector<std::vector<bool>> hidden;
    for (const auto& series : published.series) {
      hidden.emplace_back();
      for (const auto& point : series.points) hidden.back().push_back(point.suppressed);
      for (const auto& point : series.points) with_suppression += point.suppressed;
    }
    AuditGrid grid = published_grid(chart_grid(chart), hidden);
    EXPECT_TRUE(audit(grid).passed()) << "seed " << seed;
    expect_nothing_recomputable(grid, seed);
  }
  EXPECT_GT(with_suppression, kSeeds);
}

}  // namespace
}  // namespace sdm
