// The disclosure stage on what the indicator stage produces: relations of totals and shares,
// year-to-date lines, derived figures, and failing closed.

#include "disclosure/disclosure.h"

#include <gtest/gtest.h>

#include "disclosure/audit.h"
#include "indicators/chart_data.h"
#include "indicators/table_data.h"

namespace sdm {
namespace {

Table persons_table(std::vector<std::string> keys, std::vector<std::string> columns,
                    std::vector<std::vector<double>> values) {
  Table t;
  t.name = "test/aantallen.csv";
  t.key_header = "categorie";
  t.columns = std::move(columns);
  t.row_keys = std::move(keys);
  for (const auto& key : t.row_keys)
    if (auto p = Period::parse(key)) t.row_periods.push_back(*p);
  for (const auto& row : values) {
    t.row_units.push_back(Unit::Persons);
    t.cells.emplace_back();
    for (double v : row) t.cells.back().push_back({v, {}, 0, 0});
  }
  return t;
}

const DatasetInfo kPersons{Unit::Persons, "Registratie", "", {}};

int suppressed_in_column(const PublishedTable& t, size_t c) {
  int n = 0;
  for (const auto& row : t.rows) n += row.cells[c].suppressed;
  return n;
}

TEST(Disclosure, TableTotalsAreRelationsAndTheSmallCellGetsAPartner) {
  TableSpec spec;
  spec.title = "Cliënten per voorziening";
  spec.total = true;
  Table t = persons_table({"Hulp bij het huishouden", "Begeleiding", "Beschermd Wonen"},
                          {"2024-03-31"}, {{784}, {355}, {6}});
  TableData data = table_data(spec, t, kPersons);
  ASSERT_EQ(data.relations.size(), 1u);
  EXPECT_EQ(data.relations[0].total, (CellRef{3, 0}));
  EXPECT_EQ(data.relations[0].parts.size(), 3u);
  Diagnostics diagnostics;
  PublishedTable published = Disclosure::table(data, diagnostics);
  EXPECT_FALSE(diagnostics.has_errors());
  EXPECT_TRUE(published.rows[2].cells[0].suppressed);
  EXPECT_TRUE(published.rows[1].cells[0].suppressed);   // Begeleiding: the smallest partner
  EXPECT_FALSE(published.rows[3].cells[0].suppressed);  // Eindtotaal stays
  EXPECT_EQ(suppressed_in_column(published, 0), 2);
}

TEST(Disclosure, BothTotalsOfAnExclusionAreRelations) {
  TableSpec spec;
  spec.title = "Aantal";
  spec.exclude_prefix = "Energie";
  Table t = persons_table({"Energietoeslag", "Individuele toeslag", "Overige"}, {"2024"},
                          {{120}, {7}, {45}});
  TableData data = table_data(spec, t, kPersons);
  ASSERT_EQ(data.relations.size(), 2u);
  Diagnostics diagnostics;
  PublishedTable published = Disclosure::table(data, diagnostics);
  EXPECT_FALSE(diagnostics.has_errors());
  // Eindtotaal − Eindtotaal excl. = Energietoeslag, so hiding 7 needs more than one partner.
  EXPECT_TRUE(audit([&] {
                AuditGrid grid = table_grid(data);
                for (size_t r = 0; r < published.rows.size(); ++r)
                  if (published.rows[r].cells[0].suppressed)
                    grid.cells[r][0].state = CellState::Suppressed;
                return grid;
              }())
                  .passed());
  EXPECT_TRUE(published.rows[1].cells[0].suppressed);
}

TEST(Disclosure, SharesOfAPeriodAreRelatedToAHundred) {
  ChartSpec spec;
  spec.title = "Uitkeringen naar leefsituatie";
  spec.view = ChartView::Shares;
  Table t = persons_table({"2024-K1"}, {"Alleenstaand", "Paar", "Tehuisbewoner"}, {{324, 49, 7}});
  ChartData data = chart_data(spec, t, kPersons, nullptr);
  ASSERT_EQ(data.relations.size(), 1u);
  EXPECT_EQ(data.relations[0].constant, 100.0);
  Diagnostics diagnostics;
  PublishedChart published = Disclosure::chart(data, diagnostics);
  EXPECT_FALSE(diagnostics.has_errors());
  EXPECT_FALSE(published.series[0].points[0].suppressed);
  EXPECT_TRUE(published.series[1].points[0].suppressed);
  EXPECT_TRUE(published.series[2].points[0].suppressed);
}

TEST(Disclosure, YearToDateLinesProtectTheMonths) {
  ChartSpec spec;
  spec.title = "Instroom";
  spec.view = ChartView::YearLines;
  spec.cumulative = true;
  Table t = persons_table({"2024-01", "2024-02", "2024-03", "2024-04"}, {"instroom"},
                          {{30}, {4}, {25}, {12}});
  ChartData data = chart_data(spec, t, kPersons, nullptr);
  Diagnostics diagnostics;
  PublishedChart published = Disclosure::chart(data, diagnostics);
  EXPECT_FALSE(diagnostics.has_errors());
  // Running totals 30, 34, 59, 71: January or February must go, or 34 − 30 shows the 4.
  const auto& line = published.series[0].points;
  EXPECT_TRUE(line[0].suppressed || line[1].suppressed);
  EXPECT_FALSE(line[3].suppressed);
}

TEST(Disclosure, ATableThatCannotPassIsAnErrorAndHidesItsCounts) {
  TableData data;
  data.number = 2;
  data.spec.title = "Kapot";
  data.spec.where = {"content/2024-q1/wmo.md", 12, 1};
  data.columns = {{std::nullopt, "2024"}};
  for (double v : {5.0, 30.0, 80.0})  // 80 is not 5 + 30
    data.rows.push_back({{std::nullopt, "r"}, Unit::Persons, false, {{v, v, {}}}});
  data.rows.back().total = true;
  data.relations.push_back({{{0, 0}, {1, 0}}, CellRef{2, 0}, std::nullopt});
  Diagnostics diagnostics;
  PublishedTable published = Disclosure::table(data, diagnostics);
  ASSERT_TRUE(diagnostics.has_errors());
  const Diagnostic& d = diagnostics.items().front();
  EXPECT_EQ(d.where.line, 12);
  EXPECT_EQ(d.message.rfind("onthullingscontrole faalt voor Tabel 2 'Kapot'", 0), 0u) << d.message;
  EXPECT_FALSE(d.hint.empty());
  for (const auto& row : published.rows) EXPECT_TRUE(row.cells[0].suppressed);
}

TEST(Disclosure, FiguresDerivedFromASmallCountAreSuppressed) {
  FigureData change;
  change.unit = Unit::Percent;
  change.value = {12.5, 4, {}};  // a change computed from a month with 4 persons
  PublishedFigure figure = Disclosure::figure(change);
  EXPECT_TRUE(figure.value.suppressed);
  EXPECT_FALSE(figure.value.value);

  TileData tile;
  tile.unit = Unit::Persons;
  tile.value = {25, 25, {}};
  tile.previous = RawValue{7, 7, {}};
  PublishedTile published = Disclosure::tile(tile);
  EXPECT_FALSE(published.value.suppressed);
  EXPECT_FALSE(published.change);  // 25 − change would reveal the 7
}

}  // namespace
}  // namespace sdm

namespace sdm {
namespace {

TableData tied_amounts() {
  TableSpec spec;
  spec.title = "Lasten per voorziening";
  Table t = persons_table({"Hulp bij het huishouden", "Begeleiding", "Beschermd Wonen"},
                          {"2024-K1"}, {{708765}, {506331}, {13024}});
  for (auto& u : t.row_units) u = Unit::Euro;
  TableData data = table_data(spec, t, {Unit::Euro, "iWmo", "", {}});
  const double clients[] = {784, 355, 6};
  for (size_t r = 0; r < 3; ++r) {
    data.rows[r].cells[0].clients = {{"wmo/clienten.csv", data.rows[r].key.label, "2024-03-31"}};
    data.rows[r].cells[0].client_count = clients[r];
  }
  return data;
}

TEST(Disclosure, AnAmountOfFewerThanTenClientsIsHiddenAsX) {
  Diagnostics diagnostics;
  PublishedTable published = Disclosure::table(tied_amounts(), diagnostics);
  EXPECT_FALSE(diagnostics.has_errors());
  EXPECT_TRUE(published.rows[2].cells[0].suppressed);
  EXPECT_TRUE(published.rows[2].cells[0].secondary);  // "x": an amount is not "<10"
  EXPECT_FALSE(published.rows[2].cells[0].value);
  EXPECT_FALSE(published.rows[0].cells[0].suppressed);
}

TEST(Disclosure, AnAmountHidesWhenItsCountIsHiddenElsewhere) {
  std::set<DataCell> hidden{{"wmo/clienten.csv", "Begeleiding", "2024-03-31"}};
  Diagnostics diagnostics;
  PublishedTable published = Disclosure::table(tied_amounts(), diagnostics, hidden);
  EXPECT_TRUE(published.rows[1].cells[0].suppressed);
  EXPECT_TRUE(published.rows[2].cells[0].suppressed);
  EXPECT_FALSE(published.rows[0].cells[0].suppressed);
}

TEST(Disclosure, TiedSharesGetAPartnerSoTheyDoNotAddUpTo100) {
  Table t =
      persons_table({"2024-K1"}, {"Hulp bij het huishouden", "Begeleiding", "Beschermd Wonen"},
                    {{708765, 506331, 13024}});
  for (auto& u : t.row_units) u = Unit::Euro;
  ChartSpec spec;
  spec.title = "Lasten per voorziening";
  spec.view = ChartView::Shares;
  ChartData chart = chart_data(spec, t, {Unit::Euro, "iWmo", "", {}}, nullptr);
  chart.series[2].points[0].client_count = 6;
  Diagnostics diagnostics;
  PublishedChart published = Disclosure::chart(chart, diagnostics);
  EXPECT_FALSE(diagnostics.has_errors());
  EXPECT_TRUE(published.series[2].points[0].suppressed);
  EXPECT_TRUE(published.series[1].points[0].suppressed);  // the smaller remaining share
  EXPECT_FALSE(published.series[0].points[0].suppressed);
}

TEST(Disclosure, EditionHidesAmountsWhoseCountAnotherBlockHides) {
  // Counts: Beschermd Wonen 6 beside a total hides a partner (Begeleiding, 355) as "x"; the
  // amounts of both are then hidden in the other block.
  TableSpec count_spec;
  count_spec.title = "Cliënten per voorziening";
  count_spec.total = true;
  Table counts = persons_table({"Hulp bij het huishouden", "Begeleiding", "Beschermd Wonen"},
                               {"2024-03-31"}, {{784}, {355}, {6}});
  counts.name = "wmo/clienten.csv";
  ComputedPage page;
  page.blocks.push_back(table_data(count_spec, counts, kPersons));
  page.blocks.push_back(tied_amounts());
  Diagnostics diagnostics;
  auto published = Disclosure::edition({page}, diagnostics);
  EXPECT_FALSE(diagnostics.has_errors());
  const auto& amounts = std::get<PublishedTable>(published[0].blocks[1]);
  EXPECT_TRUE(amounts.rows[1].cells[0].suppressed);
  EXPECT_TRUE(amounts.rows[2].cells[0].suppressed);
  EXPECT_FALSE(amounts.rows[0].cells[0].suppressed);
}

}  // namespace
}  // namespace sdm
