// Property-based, across blocks and editions: a random year of monthly counts shown per month, per
// quarter, as a year total in the text and per quarter in the previous edition. After both audits
// every block passes, and an attacker that shares no code with the audits (Gaussian elimination
// over everything published) cannot recompute any hidden month.

#include <gtest/gtest.h>

#include <random>

#include "disclosure/disclosure.h"
#include "disclosure/linked_audit.h"
#include "independent_attacker.h"
#include "indicators/chart_data.h"
#include "indicators/figures.h"
#include "monthly_counts.h"

namespace sdm {
namespace {

constexpr int kLinkedSeeds = 200;

Edition year_of_months(std::mt19937& rng) {
  std::uniform_int_distribution<int> small(0, 9), large(10, 60), percent(0, 99);
  int small_share = percent(rng) / 2;
  std::vector<double> months;
  for (int m = 0; m < 12; ++m)
    months.push_back(percent(rng) < small_share ? small(rng) : large(rng));
  return test::monthly_counts(months);
}

ChartData chart(const Edition& e, bool quarters) {
  return test::monthly_chart(e, quarters);
}

// The published state of a cell for the attacker's grid.
AuditCell seen(const PublishedCell& p, double truth) {
  return count_cell(truth, p.suppressed ? CellState::Suppressed : CellState::Published);
}

TEST(LinkedDisclosureProperty, RandomLinkedBlocksResistAnIndependentAttack) {
  int refused = 0;
  for (int seed = 0; seed < kLinkedSeeds; ++seed) {
    std::mt19937 rng(seed);
    std::bernoulli_distribution coin(0.5);
    Edition e = year_of_months(rng);
    bool quarter_chart = coin(rng), year_total = coin(rng), previous_quarters = coin(rng);

    // The previous edition published the quarters of the same (unrevised) months.
    const ChartData by_month = chart(e, false), by_quarter = chart(e, true);
    std::vector<ComputedPage> before_computed(1);
    if (previous_quarters) before_computed[0].blocks.push_back(by_quarter);
    Diagnostics diagnostics;
    auto before_published = Disclosure::edition(before_computed, diagnostics);
    EditionFacts before{&e, &before_computed, &before_published};
    LinkedAuditResult first = link_editions(before, nullptr, diagnostics);
    ASSERT_TRUE(first.passed) << "seed " << seed;

    std::vector<ComputedPage> computed(1);
    computed[0].blocks.push_back(by_month);
    if (quarter_chart) computed[0].blocks.push_back(by_quarter);
    if (year_total) {
      FigureRef ref;
      ref.function = FigureFunction::YearTotal;
      ref.dataset = "instroom.csv";
      ref.year = 2024;
      computed[0].figures.push_back(*figure_data(ref, e, diagnostics));
    }
    auto published = Disclosure::edition(computed, diagnostics);
    EditionFacts now{&e, &computed, &published};
    LinkedAuditResult result = link_editions(now, &before, diagnostics);
    if (!result.passed) {
      // Only when nothing else can be hidden: the year total the text asks for gives a count
      // away, and the build refuses at that reference rather than drop it from the sentence.
      ASSERT_TRUE(year_total) << "seed " << seed << "\n" << format_diagnostics(diagnostics);
      ASSERT_NE(format_diagnostics(diagnostics).find("deze verwijzing in de tekst maakt"),
                std::string::npos)
          << "seed " << seed << "\n"
          << format_diagnostics(diagnostics);
      ++refused;
      continue;
    }
    ASSERT_FALSE(diagnostics.has_errors()) << "seed " << seed;

    // The attacker's view: row 0 the months, then one row per block that shows quarters, and
    // the year total, each related to its months.
    const Table& t = e.tables.at("instroom.csv");
    auto month = [&](int m) { return *t.cells[m][0].value; };
    AuditGrid grid;
    grid.cells.emplace_back();
    const auto& months = std::get<PublishedChart>(published[0].blocks[0]).series[0].points;
    for (int m = 0; m < 12; ++m) grid.cells[0].push_back(seen(months[m], month(m)));
    auto add_quarters = [&](const std::vector<PublishedCell>& quarters) {
      size_t row = grid.cells.size();
      grid.cells.emplace_back();
      for (int q = 0; q < 4; ++q) {
        grid.cells[row].push_back(
            seen(quarters[q], month(3 * q) + month(3 * q + 1) + month(3 * q + 2)));
        grid.relations.push_back(
            {{{0, 3 * q}, {0, 3 * q + 1}, {0, 3 * q + 2}}, CellRef{row, size_t(q)}, std::nullopt});
      }
    };
    if (quarter_chart)
      add_quarters(std::get<PublishedChart>(published[0].blocks[1]).series[0].points);
    if (previous_quarters)
      add_quarters(std::get<PublishedChart>(before_published[0].blocks[0]).series[0].points);
    if (year_total) {
      double sum = 0;
      Relation r{{}, CellRef{grid.cells.size(), 0}, std::nullopt};
      for (int m = 0; m < 12; ++m) {
        sum += month(m);
        r.parts.push_back({0, size_t(m)});
      }
      grid.cells.push_back({seen(published[0].figures[0].value, sum)});
      grid.relations.push_back(r);
    }
    for (size_t i = 0; i < grid.cells.size(); ++i) {
      for (size_t j = 0; j < grid.cells[i].size(); ++j) {
        // The small counts must stay hidden; a larger figure hidden for their sake may follow.
        if (grid.cells[i][j].state != CellState::Suppressed || !grid.cells[i][j].primary())
          continue;
        EXPECT_FALSE(test::determined_by_equations(grid, {{i, j}}))
            << "seed " << seed << " cell " << i << "," << j;
      }
    }
  }
  // Refusing is the exception: mostly a chart cell can be hidden instead.
  EXPECT_LT(refused, kLinkedSeeds / 10);
  RecordProperty("refused", refused);
}

}  // namespace
}  // namespace sdm
