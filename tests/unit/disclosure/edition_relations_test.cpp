// Relations across editions: categories merged or split between two editions, and the audit that
// uses them.

#include "disclosure/edition_relations.h"

#include <gtest/gtest.h>

#include "disclosure/disclosure.h"
#include "disclosure/linked_audit.h"
#include "indicators/chart_data.h"

namespace sdm {
namespace {

// An edition with one dataset of monthly person counts, "clienten.csv": one column per member.
Edition monthly(const std::vector<std::string>& members, const std::vector<std::string>& months,
                const std::vector<std::vector<double>>& rows) {
  Table t;
  t.name = "clienten.csv";
  t.key_header = "maand";
  t.columns = members;
  for (size_t m = 0; m < months.size(); ++m) {
    t.row_keys.push_back(months[m]);
    t.row_periods.push_back(*Period::parse(months[m]));
    t.row_units.push_back(Unit::Persons);
    std::vector<Cell> cells;
    for (double v : rows[m]) cells.push_back({v, {}, 0, 0});
    t.cells.push_back(cells);
  }
  Edition e;
  e.tables[t.name] = t;
  e.config.datasets[t.name] = {Unit::Persons, "Registratie", "", {}};
  return e;
}

const std::vector<std::string> kBefore{"2023-10", "2023-11", "2023-12"};
const std::vector<std::string> kNow{"2023-10", "2023-11", "2023-12", "2024-01"};

Edition old_categories() {
  return monthly({"Begeleiding", "Dagbesteding", "Hulp"}, kBefore,
                 {{28, 11, 40}, {31, 12, 41}, {30, 6, 39}});
}

Edition merged(double december) {
  return monthly({"Begeleiding en dagbesteding", "Hulp"}, kNow,
                 {{39, 40}, {43, 41}, {december, 39}, {35, 42}});
}

TEST(EditionRelations, AMergedCategoryIsTheSumOfTheOldOnesInEveryPeriodBothHave) {
  auto relations = edition_relations(merged(36), old_categories());
  ASSERT_EQ(relations.size(), 3u);  // October, November, December
  const auto& december = relations[2];
  ASSERT_EQ(december.terms.size(), 3u);
  EXPECT_EQ(december.terms[0].cell.column, "Begeleiding en dagbesteding");
  EXPECT_EQ(december.terms[0].edition, 0);
  EXPECT_EQ(december.terms[1].cell.column, "Begeleiding");
  EXPECT_EQ(december.terms[1].edition, 1);
  EXPECT_EQ(december.terms[2].cell.column, "Dagbesteding");
  EXPECT_EQ(december.terms[2].coef, -1);
  EXPECT_EQ(december.lower, 0);
  EXPECT_EQ(december.upper, 0);
}

TEST(EditionRelations, ASplitCategoryToo) {
  auto relations = edition_relations(old_categories(), merged(36));
  ASSERT_EQ(relations.size(), 3u);
  EXPECT_EQ(relations[0].terms[0].cell.column, "Begeleiding en dagbesteding");
  EXPECT_EQ(relations[0].terms[0].edition, 1);
}

TEST(EditionRelations, NoneWhereTheSumDoesNotHoldInEveryPeriod) {
  // December revised: 37 is not 30 + 6, so the reader cannot verify the merge.
  EXPECT_TRUE(edition_relations(merged(37), old_categories()).empty());
}

TEST(EditionRelations, TheAuditHidesTheMergedFigureThatGivesAnOldSmallCountBack) {
  // The previous edition showed December's Dagbesteding as "<10" beside Begeleiding 30; this one
  // shows Begeleiding en dagbesteding 36: 36 − 30 = 6.
  Edition before = old_categories(), now = merged(36);
  auto chart_of = [](const Edition& e) {
    ChartSpec spec;
    spec.title = "Cliënten";
    spec.dataset = "clienten.csv";
    return chart_data(spec, e.tables.at("clienten.csv"), e.config.datasets.at("clienten.csv"),
                      nullptr);
  };
  std::vector<ComputedPage> computed_before(1), computed_now(1);
  computed_before[0].blocks.push_back(chart_of(before));
  computed_now[0].blocks.push_back(chart_of(now));
  Diagnostics diagnostics;
  auto published_before = Disclosure::edition(computed_before, diagnostics);
  auto published_now = Disclosure::edition(computed_now, diagnostics);
  ASSERT_FALSE(diagnostics.has_errors());
  const auto& old_chart = std::get<PublishedChart>(published_before[0].blocks[0]);
  ASSERT_TRUE(old_chart.series[1].points[2].suppressed);  // Dagbesteding, December
  auto& new_chart = std::get<PublishedChart>(published_now[0].blocks[0]);
  ASSERT_FALSE(new_chart.series[0].points[2].suppressed);

  EditionFacts previous{&before, &computed_before, &published_before};
  LinkedAuditResult result =
      link_editions({&now, &computed_now, &published_now}, &previous, diagnostics);
  EXPECT_FALSE(diagnostics.has_errors()) << format_diagnostics(diagnostics);
  EXPECT_TRUE(result.passed);
  EXPECT_TRUE(new_chart.series[0].points[2].suppressed);  // the merged December goes
  EXPECT_FALSE(new_chart.series[0].points[3].suppressed);
}

}  // namespace
}  // namespace sdm
