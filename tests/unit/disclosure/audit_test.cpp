// Hand cases for the audit and the secondary suppression it drives.

#include "disclosure/audit.h"

#include <gtest/gtest.h>

#include "disclosure/implied_relations.h"
#include "disclosure/secondary.h"
#include "two_way.h"

namespace sdm {
namespace {

// A column of counts with its total in the last row.
AuditGrid column(const std::vector<double>& parts) {
  AuditGrid grid;
  Relation sum{{}, CellRef{parts.size(), 0}, std::nullopt};
  double total = 0;
  for (size_t r = 0; r < parts.size(); ++r) {
    grid.cells.push_back({count_cell(parts[r])});
    sum.parts.push_back({r, 0});
    total += parts[r];
  }
  grid.cells.push_back({count_cell(total)});
  grid.relations.push_back(sum);
  return grid;
}

AuditItem item_for(const AuditReport& report, std::vector<CellRef> cells) {
  for (const auto& item : report.items)
    if (item.cells == cells) return item;
  throw std::runtime_error("no audit item for these cells");
}

TEST(Audit, SingleSmallCellBesideItsTotalIsRecomputable) {
  AuditGrid grid = column({5, 30, 40});
  test::suppress(grid, {{0, 0}});
  AuditReport report = audit(grid);
  EXPECT_FALSE(report.passed());
  const AuditItem& item = item_for(report, {{0, 0}});
  EXPECT_TRUE(item.exact);
  EXPECT_EQ(item.lo, 5);
  EXPECT_EQ(item.hi, 5);
}

TEST(Audit, ProtectHidesAComplementaryCellAndPasses) {
  AuditGrid grid = column({5, 30, 40});
  AuditReport report = protect(grid);
  EXPECT_TRUE(report.passed());
  EXPECT_EQ(grid.cells[0][0].state, CellState::Suppressed);
  EXPECT_EQ(grid.cells[1][0].state, CellState::Suppressed);  // the smallest other cell
  EXPECT_EQ(grid.cells[2][0].state, CellState::Published);
  EXPECT_EQ(grid.cells[3][0].state, CellState::Published);
  const AuditItem& item = item_for(report, {{0, 0}});
  EXPECT_EQ(item.lo, 0);
  EXPECT_EQ(item.hi, 9);
}

TEST(Audit, TwoSmallCellsDoNotProtectEachOther) {
  // 3 + 4 = 7 = 57 − 50: each cell has a wide interval, but their sum, a group of 7 persons,
  // is exact.
  AuditGrid grid = column({3, 4, 50});
  test::suppress(grid, {{0, 0}, {1, 0}});
  AuditReport report = audit(grid);
  EXPECT_TRUE(item_for(report, {{0, 0}}).passes);
  EXPECT_TRUE(item_for(report, {{1, 0}}).passes);
  const AuditItem& sum = item_for(report, {{0, 0}, {1, 0}});
  EXPECT_TRUE(sum.exact);
  EXPECT_FALSE(report.passed());

  AuditGrid fixed = column({3, 4, 50});
  EXPECT_TRUE(protect(fixed).passed());
  EXPECT_EQ(fixed.cells[2][0].state, CellState::Suppressed);
}

TEST(Audit, SmallCellsSummingToTenOrMoreStillNeedWidth) {
  // 8 + 9 = 17 is a publishable group, but then each cell lies in 8–9: too narrow.
  AuditGrid grid = column({8, 9});
  test::suppress(grid, {{0, 0}, {1, 0}});
  AuditReport report = audit(grid);
  const AuditItem& item = item_for(report, {{0, 0}});
  EXPECT_FALSE(item.exact);
  EXPECT_EQ(item.lo, 8);
  EXPECT_EQ(item.hi, 9);
  EXPECT_FALSE(item.passes);

  AuditGrid fixed = column({8, 9});
  EXPECT_TRUE(protect(fixed).passed());
  EXPECT_EQ(fixed.cells[2][0].state, CellState::Suppressed);  // the total: nothing else left
}

TEST(Audit, APublishedZeroNarrowsTheSmallCellBesideIt) {
  // Publishing the 0 would leave the 6 alone beside its total.
  AuditGrid grid = column({6, 0, 25});
  test::suppress(grid, {{0, 0}});
  EXPECT_TRUE(item_for(audit(grid), {{0, 0}}).exact);

  AuditGrid fixed = column({6, 0, 25});
  EXPECT_TRUE(protect(fixed).passed());
  EXPECT_EQ(fixed.cells[1][0].state, CellState::Suppressed);  // 0 is under 10 as well
  EXPECT_EQ(fixed.cells[2][0].state, CellState::Suppressed);  // 6 + 0 alone would be exact
}

TEST(Audit, TwoPerRowAndColumnIsNotEnough) {
  // The pattern of sdcTable's tests: two blocks of four hidden cells, joined by one hidden cell
  // (1,2). Every row and column hides at least two cells, yet (1,2) is the hidden sum of rows 0
  // and 1 minus the hidden sum of columns 0 and 1.
  AuditGrid grid =
      test::two_way({{20, 25, 30, 35}, {22, 28, 3, 40}, {31, 33, 24, 26}, {36, 38, 27, 29}});
  test::suppress(grid, {{0, 0}, {0, 1}, {1, 0}, {1, 1}, {1, 2}, {2, 2}, {2, 3}, {3, 2}, {3, 3}});
  for (size_t i = 0; i < 4; ++i) {
    int in_row = 0, in_column = 0;
    for (size_t j = 0; j < 4; ++j) {
      in_row += grid.cells[i][j].hidden();
      in_column += grid.cells[j][i].hidden();
    }
    EXPECT_GE(in_row, 2);
    EXPECT_GE(in_column, 2);
  }
  AuditReport report = audit(grid);
  const AuditItem& bridge = item_for(report, {{1, 2}});
  EXPECT_TRUE(bridge.exact);
  EXPECT_EQ(bridge.lo, 3);
  EXPECT_TRUE(item_for(report, {{0, 0}}).passes);  // cells on a cycle are protected

  AuditGrid fixed =
      test::two_way({{20, 25, 30, 35}, {22, 28, 3, 40}, {31, 33, 24, 26}, {36, 38, 27, 29}});
  EXPECT_TRUE(protect(fixed).passed());
}

TEST(Audit, SharesOfAPeriodAddUpToAHundred) {
  // One period of 125 persons: 60, 59 and 6, shown as 48.0%, 47.2% and 4.8%.
  AuditGrid grid;
  auto share = [](double percent, double persons) {
    AuditCell cell{CellState::Published, percent, persons, 0, 100};
    cell.step = 0.1;
    cell.persons_per_unit = 125.0 / 100;
    return cell;
  };
  grid.cells = {{share(48.0, 60)}, {share(47.2, 59)}, {share(4.8, 6)}};
  grid.relations.push_back({{{0, 0}, {1, 0}, {2, 0}}, std::nullopt, 100.0});
  test::suppress(grid, {{2, 0}});
  const AuditItem& alone = item_for(audit(grid), {{2, 0}});
  EXPECT_TRUE(alone.exact);
  EXPECT_NEAR(alone.lo, 4.8, 1e-9);

  grid.cells[2][0].state = CellState::Published;
  AuditReport report = protect(grid);
  EXPECT_TRUE(report.passed());
  EXPECT_EQ(grid.cells[1][0].state, CellState::Suppressed);
  EXPECT_NEAR(item_for(report, {{2, 0}}).hi, 52.0, 1e-9);
}

TEST(Audit, ATotalThatCountsPersonsOnceStillNarrowsTheParts) {
  // Clients per voorziening: 20 + 9 = 29, but 2 have both, so Totaal = 27: not a sum, yet
  // Totaal ≤ Σ parts gives Begeleiding ≥ 7.
  AuditGrid grid;
  grid.cells = {{count_cell(27), count_cell(20), count_cell(9)}};
  add_total_lines(grid, {"2024-03"}, {"Totaal", "Hulp bij het huishouden", "Begeleiding"}, {true});
  ASSERT_EQ(grid.relations.size(), 1u);
  EXPECT_FALSE(grid.relations[0].additive);
  test::suppress(grid, {{0, 2}});
  const AuditItem& item = item_for(audit(grid), {{0, 2}});
  EXPECT_EQ(item.lo, 7);
  EXPECT_EQ(item.hi, 9);
  EXPECT_FALSE(item.passes);

  grid.cells[0][2].state = CellState::Published;
  EXPECT_TRUE(protect(grid).passed());
}

TEST(Audit, YearToDateRevealsTheMonthInBetween) {
  // Running totals 30, 34, 59: the 4 of February is 34 − 30.
  AuditGrid grid;
  grid.cells = {{count_cell(30), count_cell(34), count_cell(59)}};
  add_year_to_date(grid, {0});
  ASSERT_EQ(grid.cells.size(), 2u);
  EXPECT_EQ(grid.cells[1][1].state, CellState::Internal);
  EXPECT_EQ(grid.cells[1][1].value, 4);
  AuditReport before = audit(grid);
  EXPECT_TRUE(item_for(before, {{1, 1}}).exact);

  EXPECT_TRUE(protect(grid).passed());
  int hidden = 0;
  for (const auto& cell : grid.cells[0]) hidden += cell.state == CellState::Suppressed;
  EXPECT_EQ(hidden, 1);
}

TEST(Audit, InconsistentFiguresFailClosed) {
  AuditGrid grid = column({5, 30, 40});
  grid.cells[3][0].value = 80;  // the total does not match its parts
  AuditReport report = protect(grid);
  EXPECT_TRUE(report.solver_failed);
  EXPECT_FALSE(report.passed());
}

TEST(Audit, NothingSuppressedNothingToCheck) {
  AuditGrid grid = column({15, 30, 40});
  AuditReport report = protect(grid);
  EXPECT_TRUE(report.passed());
  EXPECT_TRUE(report.items.empty());
}

}  // namespace
}  // namespace sdm
