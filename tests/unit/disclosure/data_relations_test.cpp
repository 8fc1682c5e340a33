// Relations between dataset cells, declared or found in the figures: one test per kind.

#include "disclosure/data_relations.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <iostream>
#include <limits>

#include "load/file_system.h"
#include "load/load_edition.h"

namespace sdm {
namespace {

// A table of person counts: a header line, then rows of a key and figures ("" for none).
Table counts(const std::string& name, const std::vector<std::string>& header,
             const std::vector<std::vector<std::string>>& rows) {
  Table t;
  t.name = name;
  t.key_header = header.front();
  t.columns.assign(header.begin() + 1, header.end());
  for (const auto& column : t.columns)
    if (auto p = Period::parse(column)) t.column_periods.push_back(*p);
  for (const auto& row : rows) {
    t.row_keys.push_back(row.front());
    if (auto p = Period::parse(row.front())) t.row_periods.push_back(*p);
    t.row_units.push_back(Unit::Persons);
    t.cells.emplace_back();
    for (size_t k = 1; k < row.size(); ++k)
      t.cells.back().push_back(
          {row[k].empty() ? std::nullopt : std::optional<double>(std::stod(row[k])), {}, 0, 0});
  }
  if (t.column_periods.size() != t.columns.size()) t.column_periods.clear();
  if (t.row_periods.size() != t.row_keys.size()) t.row_periods.clear();
  return t;
}

// "Bedum · IOAW" → {"Bedum", "IOAW"}: a column of a dataset in long form.
std::vector<std::string> split_dots(const std::string& column) {
  std::vector<std::string> out;
  for (size_t from = 0;;) {
    size_t dot = column.find(" · ", from);
    out.push_back(column.substr(from, dot - from));
    if (dot == std::string::npos) return out;
    from = dot + std::string(" · ").size();
  }
}

Edition edition_of(std::vector<Table> tables) {
  Edition e;
  for (auto& t : tables) {
    e.config.datasets[t.name] = {Unit::Persons, "Registratie", "", {}};
    e.tables[t.name] = std::move(t);
  }
  return e;
}

// The true value of Σ coef·cell.
double evaluate(const Edition& e, const DataRelation& r) {
  double sum = 0;
  for (const auto& t : r.terms) sum += t.coef * value_of(e.tables, t.cell).value();
  return sum;
}

std::vector<DataRelation> of_kind(const std::vector<DataRelation>& all, RelationKind kind) {
  std::vector<DataRelation> out;
  for (const auto& r : all)
    if (r.kind == kind) out.push_back(r);
  return out;
}

bool mentions(const DataRelation& r, const DataCell& cell) {
  for (const auto& t : r.terms)
    if (t.cell == cell) return true;
  return false;
}

// Every relation returned holds for the true figures: a reader cannot know what is not true.
void expect_true(const Edition& e, const std::vector<DataRelation>& relations) {
  for (const auto& r : relations) {
    double v = evaluate(e, r);
    EXPECT_GE(v, r.lower - 1e-9) << r.reason;
    EXPECT_LE(v, r.upper + 1e-9) << r.reason;
  }
}

TEST(DataRelations, ARegionColumnNamedAfterTheRegionIsItsTotal) {
  Edition e = edition_of(
      {counts("wmo/clienten.csv", {"kwartaal", "Bedum", "Winsum", "Eemsmond", "BMWE"},
              {{"2024-K1", "18", "28", "34", "80"}, {"2024-K2", "8", "27", "33", "68"}})});
  auto totals = of_kind(data_relations(e), RelationKind::Total);
  ASSERT_EQ(totals.size(), 2u);  // one per quarter
  expect_true(e, totals);
  EXPECT_NE(totals[0].reason.find("'BMWE' in wmo/clienten.csv is de som"), std::string::npos)
      << totals[0].reason;
  EXPECT_TRUE(mentions(totals[1], {"wmo/clienten.csv", "2024-K2", "Bedum"}));
}

TEST(DataRelations, ARowThatIsTheSumOfTheOthersIsFoundWhateverItsLabel) {
  Edition e = edition_of({counts("welzijn.csv", {"omschrijving", "aantal"},
                                 {{"Aantal aanmeldingen", "41"},
                                  {"Lopende trajecten", "27"},
                                  {"Succesvol afgesloten", "5"},
                                  {"Voortijdig afgesloten", "9"}})});
  auto totals = of_kind(data_relations(e), RelationKind::Total);
  ASSERT_EQ(totals.size(), 1u);
  expect_true(e, totals);
  EXPECT_EQ(totals[0].terms.size(), 4u);
  EXPECT_EQ(totals[0].terms[0].cell.row, "Aantal aanmeldingen");
}

TEST(DataRelations, ATotalExcludingOneCategoryIsFound) {
  Edition e = edition_of(
      {counts("bijstand.csv", {"kwartaal", "PW", "IOAW", "Energietoeslag", "Excl. energietoeslag"},
              {{"2024-K1", "600", "30", "120", "630"}, {"2024-K2", "610", "29", "80", "639"}})});
  auto totals = of_kind(data_relations(e), RelationKind::Total);
  ASSERT_EQ(totals.size(), 2u);
  expect_true(e, totals);
  EXPECT_NE(totals[0].reason.find("behalve 'Energietoeslag'"), std::string::npos)
      << totals[0].reason;
}

TEST(DataRelations, FiguresThatDoNotAddUpGiveNoRelation) {
  Edition e =
      edition_of({counts("a.csv", {"kwartaal", "Hulp", "Begeleiding", "Vervoer"},
                         {{"2024-K1", "120", "45", "80"}, {"2024-K2", "118", "47", "81"}})});
  EXPECT_TRUE(data_relations(e).empty());
}

TEST(DataRelations, ATotalThatCountsEachPersonOnceBoundsItsParts) {
  Edition e = edition_of({counts("wmo.csv", {"kwartaal", "Hulp", "Begeleiding", "Unieke cliënten"},
                                 {{"2024-K1", "20", "9", "27"}, {"2024-K2", "22", "8", "28"}})});
  e.config.datasets["wmo.csv"].totals = {"Unieke cliënten"};
  e.config.datasets["wmo.csv"].additive = false;
  auto overlap = of_kind(data_relations(e), RelationKind::Overlap);
  // Per quarter: total ≤ Σ parts, total ≥ each of the two parts.
  ASSERT_EQ(overlap.size(), 6u);
  expect_true(e, overlap);
  EXPECT_EQ(overlap[0].upper, 0);
  EXPECT_TRUE(std::isinf(overlap[0].lower));
}

TEST(DataRelations, AnUndeclaredTotaalLabelThatDoesNotAddUpIsStillATotal) {
  Edition e = edition_of({counts("wmo.csv", {"kwartaal", "Hulp", "Begeleiding", "Totaal Wmo"},
                                 {{"2024-K1", "20", "9", "27"}})});
  e.config.datasets["wmo.csv"].totals = {"Totaal Wmo"};
  EXPECT_EQ(of_kind(data_relations(e), RelationKind::Overlap).size(), 3u);
}

TEST(DataRelations, OneGroupBrokenDownInTwoDatasetsIsOneGroup) {
  // Benefits per month (a stand), and by duration per quarter: each quarter's parts add up to
  // the stand of the quarter's last month.
  Edition e = edition_of({counts("uitkeringen.csv", {"maand", "Uitkeringen"},
                                 {{"2024-01", "580"}, {"2024-02", "585"}, {"2024-03", "588"}}),
                          counts("looptijd.csv", {"kwartaal", "Kort", "Middel", "Lang"},
                                 {{"2024-K1", "116", "317", "155"}}),
                          counts("trede.csv", {"trede", "2024-03"},
                                 {{"Trede 1", "300"}, {"Trede 5", "281"}, {"Trede 6", "7"}})});
  auto same = of_kind(data_relations(e), RelationKind::SameGroup);
  expect_true(e, same);
  bool looptijd = false, trede = false;
  for (const auto& r : same) {
    if (mentions(r, {"looptijd.csv", "2024-K1", "Kort"}) &&
        mentions(r, {"uitkeringen.csv", "2024-03", "Uitkeringen"}))
      looptijd = true;
    if (mentions(r, {"trede.csv", "Trede 6", "2024-03"}) &&
        mentions(r, {"uitkeringen.csv", "2024-03", "Uitkeringen"}))
      trede = true;
  }
  EXPECT_TRUE(looptijd);
  EXPECT_TRUE(trede);
}

TEST(DataRelations, AColumnNamedTotaalSomethingBoundsItsPartsWithoutADeclaration) {
  Edition e = edition_of({counts("wmo.csv", {"kwartaal", "Hulp", "Begeleiding", "Totaal Wmo/Wvg"},
                                 {{"2024-K1", "20", "9", "27"}})});
  EXPECT_EQ(of_kind(data_relations(e), RelationKind::Overlap).size(), 3u);
}

TEST(DataRelations, AMonthAndItsLastDayAreOneMoment) {
  // Clients in care in March, and the same clients by form of care on 31 March.
  Edition e = edition_of(
      {counts("in-zorg.csv", {"maand", "Totaal"}, {{"2024-02", "458"}, {"2024-03", "461"}}),
       counts("per-vorm.csv", {"vorm", "2023-12-31", "2024-03-31"},
              {{"Zonder verblijf", "381", "391"},
               {"Met verblijf", "38", "37"},
               {"Bescherming", "19", "27"},
               {"Reclassering", "12", "6"}})});
  auto same = of_kind(data_relations(e), RelationKind::SameGroup);
  expect_true(e, same);
  ASSERT_EQ(same.size(), 1u);
  EXPECT_TRUE(mentions(same[0], {"per-vorm.csv", "Reclassering", "2024-03-31"}));
  EXPECT_TRUE(mentions(same[0], {"in-zorg.csv", "2024-03", "Totaal"}));
}

TEST(DataRelations, TheSameFigureInTwoDatasetsIsOneFigure) {
  Edition e = edition_of({counts("regeling-per-maand.csv", {"maand", "PW", "IOAW", "IOAZ"},
                                 {{"2023-11", "640", "31", "3"}, {"2023-12", "647", "30", "2"}}),
                          counts("december.csv", {"regeling", "2023-12"},
                                 {{"PW", "647"}, {"IOAW", "30"}, {"IOAZ", "2"}})});
  auto same = of_kind(data_relations(e), RelationKind::SameGroup);
  expect_true(e, same);
  bool ioaw = false;
  for (const auto& r : same)
    ioaw = ioaw || (r.terms.size() == 2 && mentions(r, {"december.csv", "IOAW", "2023-12"}) &&
                    mentions(r, {"regeling-per-maand.csv", "2023-12", "IOAW"}));
  EXPECT_TRUE(ioaw);
}

TEST(DataRelations, AStandChangesByInflowMinusOutflow) {
  Edition e = edition_of(
      {counts("stand.csv", {"kwartaal", "Cliënten"},
              {{"2024-K1", "100"}, {"2024-K2", "104"}, {"2024-K3", "101"}}),
       counts("stromen.csv", {"kwartaal", "Instroom", "Uitstroom"},
              {{"2024-K1", "12", "9"}, {"2024-K2", "14", "10"}, {"2024-K3", "5", "8"}})});
  auto flow = of_kind(data_relations(e), RelationKind::StockFlow);
  ASSERT_EQ(flow.size(), 2u);  // K1→K2 and K2→K3
  expect_true(e, flow);
  EXPECT_TRUE(mentions(flow[1], {"stromen.csv", "2024-K3", "Uitstroom"}));
}

TEST(DataRelations, AStandPerMonthChangesByTheFlowsPerQuarter) {
  // The stand at the end of each quarter moves with the quarter's instroom − uitstroom.
  Edition e = edition_of({counts("stand.csv", {"maand", "Lopende uitkeringen"},
                                 {{"2023-12", "412"},
                                  {"2024-01", "413"},
                                  {"2024-02", "411"},
                                  {"2024-03", "417"},
                                  {"2024-04", "420"},
                                  {"2024-05", "421"},
                                  {"2024-06", "425"}}),
                          counts("stromen.csv", {"kwartaal", "instroom", "uitstroom"},
                                 {{"2024-K1", "24", "19"}, {"2024-K2", "24", "16"}})});
  auto flow = of_kind(data_relations(e), RelationKind::StockFlow);
  expect_true(e, flow);
  ASSERT_EQ(flow.size(), 2u);
  EXPECT_TRUE(mentions(flow[1], {"stand.csv", "2024-06", "Lopende uitkeringen"}));
  EXPECT_TRUE(mentions(flow[1], {"stromen.csv", "2024-K2", "uitstroom"}));
}

TEST(DataRelations, TwoColumnsOfAWideTableAreNoFlows) {
  // PW − IOAW follows the stand by chance; in- and uitstroom are two of at most three members
  // (instroom;uitstroom;saldo).
  Edition e = edition_of({counts("stand.csv", {"kwartaal", "Cliënten"},
                                 {{"2024-K1", "100"}, {"2024-K2", "104"}, {"2024-K3", "101"}}),
                          counts("regelingen.csv", {"kwartaal", "PW", "IOAW", "IOAZ", "Bbz"},
                                 {{"2024-K1", "12", "9", "5", "3"},
                                  {"2024-K2", "14", "10", "5", "3"},
                                  {"2024-K3", "5", "8", "6", "3"}})});
  EXPECT_TRUE(of_kind(data_relations(e), RelationKind::StockFlow).empty());
  Table& three = e.tables["regelingen.csv"];
  three.columns.pop_back();
  for (auto& row : three.cells) row.pop_back();
  EXPECT_FALSE(of_kind(data_relations(e), RelationKind::StockFlow).empty());
}

TEST(DataRelations, AStandOnTheLastDayOfAQuarterChangesByThatQuartersFlows) {
  Edition e =
      edition_of({counts("stand.csv", {"peildatum", "Uitkeringen"},
                         {{"2023-06-30", "421"}, {"2023-09-30", "417"}, {"2023-12-31", "425"}}),
                  counts("stromen.csv", {"kwartaal", "instroom", "uitstroom"},
                         {{"2023-K3", "14", "18"}, {"2023-K4", "16", "8"}})});
  auto flow = of_kind(data_relations(e), RelationKind::StockFlow);
  ASSERT_EQ(flow.size(), 2u);
  expect_true(e, flow);
  EXPECT_TRUE(mentions(flow[1], {"stromen.csv", "2023-K4", "uitstroom"}));
}

TEST(DataRelations, ARowOfATableWithoutPeriodsIsTheSeriesOfTheSameName) {
  // Leeftijd × geslacht on one peildatum beside the age groups per quarter: the row's sum is
  // the age group's count, so Vrouw = 30 − Man.
  Edition e =
      edition_of({counts("kruistabel.csv", {"leeftijd", "Man", "Vrouw"},
                         {{"18 tot 27 jaar", "24", "6"}, {"27 tot 45 jaar", "70", "69"}}),
                  counts("leeftijd.csv", {"leeftijd", "2023-K4", "2024-K1"},
                         {{"18 tot 27 jaar", "32", "30"}, {"27 tot 45 jaar", "137", "139"}})});
  auto same = of_kind(data_relations(e), RelationKind::SameGroup);
  expect_true(e, same);
  bool young = false;
  for (const auto& r : same)
    young = young || (mentions(r, {"kruistabel.csv", "18 tot 27 jaar", "Vrouw"}) &&
                      mentions(r, {"leeftijd.csv", "18 tot 27 jaar", "2024-K1"}));
  EXPECT_TRUE(young);
}

// Instroom per month from January 2023, `count` months, the m-th (from 1) being value(m).
Table monthly_instroom(int count, const std::function<std::string(int)>& value) {
  std::vector<std::vector<std::string>> rows;
  for (int m = 1; m <= count; ++m) {
    int month = (m - 1) % 12 + 1;
    rows.push_back(
        {std::to_string(2023 + (m - 1) / 12) + (month < 10 ? "-0" : "-") + std::to_string(month),
         value(m)});
  }
  return counts("instroom.csv", {"maand", "instroom"}, rows);
}

// Whether a relation of one group, true on the figures, links the two cells.
bool linked(const Edition& e, const DataCell& a, const DataCell& b) {
  auto same = of_kind(data_relations(e), RelationKind::SameGroup);
  expect_true(e, same);
  return std::any_of(same.begin(), same.end(),
                     [&](const DataRelation& r) { return mentions(r, a) && mentions(r, b); });
}

TEST(DataRelations, ACountOverSomeMonthsInATableWithoutPeriodsIsTheirSum) {
  // "Nieuwe cliënten, deze monitor: 41" beside instroom per month: February = 41 − 18 − 16. The
  // previous monitor's 96 is July to December.
  Edition e =
      edition_of({counts("kerngegevens.csv", {"omschrijving", "vorige monitor", "deze monitor"},
                         {{"Nieuwe cliënten", "96", "41"}}),
                  counts("in-uitstroom.csv", {"maand", "instroom", "uitstroom"},
                         {{"2023-07", "15", "12"},
                          {"2023-08", "13", "11"},
                          {"2023-09", "22", "20"},
                          {"2023-10", "19", "17"},
                          {"2023-11", "16", "15"},
                          {"2023-12", "11", "10"},
                          {"2024-01", "18", "14"},
                          {"2024-02", "7", "13"},
                          {"2024-03", "16", "15"}})});
  auto same = of_kind(data_relations(e), RelationKind::SameGroup);
  expect_true(e, same);
  bool quarter = false, half_year = false;
  for (const auto& r : same) {
    quarter = quarter || (mentions(r, {"kerngegevens.csv", "Nieuwe cliënten", "deze monitor"}) &&
                          mentions(r, {"in-uitstroom.csv", "2024-02", "instroom"}));
    half_year = half_year ||
                (mentions(r, {"kerngegevens.csv", "Nieuwe cliënten", "vorige monitor"}) &&
                 mentions(r, {"in-uitstroom.csv", "2023-07", "instroom"}) && r.terms.size() == 7);
  }
  EXPECT_TRUE(quarter);
  EXPECT_TRUE(half_year);
}

TEST(DataRelations, AYearInAListIsTheSumOfItsMonths) {
  // "Nieuwe cliënten in 2023: 147" beside instroom per month up to March 2024: May = 147 − the
  // other eleven months.
  Edition e = edition_of(
      {counts("kerngegevens.csv", {"omschrijving", "jaar 2023"}, {{"Nieuwe cliënten", "147"}}),
       monthly_instroom(15, [](int m) { return m == 5    ? "4"
                                               : m <= 12 ? "13"
                                                         : "20"; })});
  EXPECT_TRUE(linked(e, {"kerngegevens.csv", "Nieuwe cliënten", "jaar 2023"},
                     {"instroom.csv", "2023-05", "instroom"}));
}

TEST(DataRelations, AListFigureIsTheLastPointOfASeriesItNames) {
  // "Nieuwe cliënten hulpmiddelen, deze monitor: 11" is the last quarter of 'Hulpmiddelen'; the
  // same 11 as the last quarter of 'Woonvoorziening' is chance: the names differ.
  Table list = counts("kerngegevens.csv", {"omschrijving", "deze monitor"},
                      {{"Nieuwe cliënten hulpmiddelen", "11"}});
  list.units_per_row = true;
  Edition e =
      edition_of({list, counts("instroom.csv", {"kwartaal", "Hulpmiddelen", "Woonvoorziening"},
                               {{"2023-K4", "13", "7"}, {"2024-K1", "11", "11"}})});
  auto same = of_kind(data_relations(e), RelationKind::SameGroup);
  expect_true(e, same);
  int hulpmiddelen = 0, woon = 0;
  for (const auto& r : same) {
    hulpmiddelen += mentions(r, {"instroom.csv", "2024-K1", "Hulpmiddelen"});
    woon += mentions(r, {"instroom.csv", "2024-K1", "Woonvoorziening"});
  }
  EXPECT_EQ(hulpmiddelen, 1);
  EXPECT_EQ(woon, 0);
}

TEST(DataRelations, AListWithAYearColumnIsThatYearOfASeries) {
  // "omschrijving;2023;eenheid": December = 147 − the other eleven months, though the list and
  // the series agree in one period only.
  Table list = counts("jaarcijfers.csv", {"omschrijving", "2023"}, {{"Nieuwe cliënten", "147"}});
  list.units_per_row = true;
  Edition e = edition_of({list, monthly_instroom(12, [](int m) { return m == 12 ? "4" : "13"; })});
  EXPECT_TRUE(linked(e, {"jaarcijfers.csv", "Nieuwe cliënten", "2023"},
                     {"instroom.csv", "2023-12", "instroom"}));
}

TEST(DataRelations, TheSameFigureInTwoListsIsOneFigure) {
  Table a = counts("mantelzorg.csv", {"omschrijving", "aantal"},
                   {{"Geregistreerde mantelzorgers", "229"},
                    {"Volwassen mantelzorgers", "221"},
                    {"Jonge mantelzorgers", "8"}});
  Table b = counts("waardering.csv", {"omschrijving", "aantal"},
                   {{"Volwassen mantelzorgers", "221"}, {"Aanvragen", "164"}});
  a.units_per_row = b.units_per_row = true;
  Edition e = edition_of({a, b});
  auto same = of_kind(data_relations(e), RelationKind::SameGroup);
  expect_true(e, same);
  ASSERT_EQ(same.size(), 1u);
  EXPECT_TRUE(mentions(same[0], {"waardering.csv", "Volwassen mantelzorgers", "aantal"}));
}

TEST(DataRelations, ATotalOverTwoDimensionsOfALongTableIsAGroup) {
  // Bedum's total in one dataset is the sum of its regelingen and sexes in the other: Bedum ·
  // IOAW · Vrouw = 210 − the other three.
  Table detail = counts("detail.csv",
                        {"kwartaal", "Bedum · PW · Man", "Bedum · PW · Vrouw", "Bedum · IOAW · Man",
                         "Bedum · IOAW · Vrouw", "Winsum · PW · Man", "Winsum · PW · Vrouw",
                         "Winsum · IOAW · Man", "Winsum · IOAW · Vrouw"},
                        {{"2024-K1", "88", "102", "14", "6", "90", "95", "11", "12"},
                         {"2024-K2", "90", "99", "15", "7", "91", "96", "12", "11"}});
  detail.dimensions = {"gemeente", "regeling", "geslacht"};
  for (const auto& column : detail.columns) detail.column_members.push_back(split_dots(column));
  Edition e = edition_of({detail, counts("gemeenten.csv", {"kwartaal", "Bedum", "Winsum"},
                                         {{"2024-K1", "210", "208"}, {"2024-K2", "211", "210"}})});
  auto same = of_kind(data_relations(e), RelationKind::SameGroup);
  expect_true(e, same);
  bool bedum = false;
  for (const auto& r : same)
    bedum = bedum || (mentions(r, {"detail.csv", "2024-K2", "Bedum · IOAW · Vrouw"}) &&
                      mentions(r, {"gemeenten.csv", "2024-K2", "Bedum"}) && r.terms.size() == 5);
  EXPECT_TRUE(bedum);
}

TEST(DataRelations, AHalfYearInAListIsTheSumOfItsMonths) {
  // A jaarverslag over July to December 2023 (17 + 18 + 19 + 20 + 21 + 7) beside months up to
  // March 2024.
  Table list = counts("jaarverslag.csv", {"omschrijving", "aantal"}, {{"Nieuwe cliënten", "102"}});
  list.units_per_row = true;
  Edition e = edition_of(
      {list, monthly_instroom(15, [](int m) { return m == 12 ? "7" : std::to_string(10 + m); })});
  EXPECT_TRUE(linked(e, {"jaarverslag.csv", "Nieuwe cliënten", "aantal"},
                     {"instroom.csv", "2023-12", "instroom"}));
}

TEST(DataRelations, ASubtotalIsTheSumOfTheRowsAboveIt) {
  // The Totaal is the sum of the voorzieningen, not of the subtotals as well: it adds up.
  Edition e = edition_of({counts("voorzieningen.csv", {"voorziening", "2023-12-31", "2024-03-31"},
                                 {{"Hulp bij het huishouden", "746", "760"},
                                  {"Begeleiding", "322", "319"},
                                  {"Kortdurend verblijf", "7", "9"},
                                  {"Subtotaal maatwerk", "1075", "1088"},
                                  {"Hulpmiddelen", "409", "418"},
                                  {"Woonvoorzieningen", "66", "63"},
                                  {"Subtotaal Wvg", "475", "481"},
                                  {"Totaal", "1550", "1569"}})});
  auto relations = data_relations(e);
  expect_true(e, relations);
  EXPECT_TRUE(of_kind(relations, RelationKind::Overlap).empty());
  int maatwerk = 0, totaal = 0;
  for (const auto& r : of_kind(relations, RelationKind::Total)) {
    maatwerk += mentions(r, {"voorzieningen.csv", "Subtotaal maatwerk", "2024-03-31"}) &&
                r.terms.size() == 4;
    totaal += mentions(r, {"voorzieningen.csv", "Totaal", "2024-03-31"}) && r.terms.size() == 6;
  }
  EXPECT_EQ(maatwerk, 1);
  EXPECT_EQ(totaal, 1);
}

TEST(DataRelations, AColumnOfACrossTableIsTheNewestPointOfASeriesItNames) {
  // Bedum's clients in its own file are the column Bedum of the regional table: Kortdurend
  // verblijf = 397 − 231 − 96 − 64.
  Edition e = edition_of({counts("wmo/clienten-regio.csv", {"voorziening", "Bedum", "Winsum"},
                                 {{"Hulp bij het huishouden", "231", "250"},
                                  {"Begeleiding", "96", "101"},
                                  {"Hulpmiddelen", "64", "70"},
                                  {"Kortdurend verblijf", "6", "12"}}),
                          counts("wmo/bedum-clienten.csv", {"maand", "Cliënten Wmo"},
                                 {{"2024-02", "395"}, {"2024-03", "397"}})});
  EXPECT_TRUE(linked(e, {"wmo/clienten-regio.csv", "Kortdurend verblijf", "Bedum"},
                     {"wmo/bedum-clienten.csv", "2024-03", "Cliënten Wmo"}));
}

TEST(DataRelations, AnAverageBoundsTheSumOfItsMonths) {
  // "Gemiddeld aantal jeugdigen in crisisopvang per maand, 2023: 12,8": the year is 12 × 12,75
  // … 12 × 12,85 = 153 … 154,2, so August (7) is 6 or 7 given the other eleven months.
  Table marks = counts("jeugd/kengetallen.csv", {"omschrijving", "2023"},
                       {{"Gemiddeld aantal jeugdigen in crisisopvang per maand", "12.8"}});
  marks.row_units = {Unit::Mark};
  Edition e = edition_of({marks, counts("jeugd/crisisopvang.csv", {"maand", "Crisisopvang"},
                                        {{"2023-01", "14"},
                                         {"2023-02", "12"},
                                         {"2023-03", "15"},
                                         {"2023-04", "13"},
                                         {"2023-05", "12"},
                                         {"2023-06", "14"},
                                         {"2023-07", "13"},
                                         {"2023-08", "7"},
                                         {"2023-09", "14"},
                                         {"2023-10", "15"},
                                         {"2023-11", "13"},
                                         {"2023-12", "12"}})});
  auto averages = of_kind(data_relations(e), RelationKind::Average);
  expect_true(e, averages);
  ASSERT_EQ(averages.size(), 1u);
  EXPECT_EQ(averages[0].terms.size(), 12u);
  EXPECT_NEAR(averages[0].lower, 153, 1e-9);
  EXPECT_NEAR(averages[0].upper, 154.2, 1e-9);
}

// Clients by their number of voorzieningen beside the clients of each voorziening, where a client
// with three counts three times: 1·198 + 2·40 + 3·12 + 4·3 = 326 = 196 + 130.
Table stapeling(const std::string& last) {
  return counts("wmo/stapeling.csv", {"aantal", "2023-12-31", "2024-03-31"},
                {{"1 voorziening", "198", "200"},
                 {"2 voorzieningen", "40", "40"},
                 {"3 voorzieningen", "12", "12"},
                 {last, "3", "3"},
                 {"Totaal", "253", "255"}});
}

TEST(DataRelations, ClientsByTheirNumberOfVoorzieningenWeighTheVoorzieningen) {
  Edition e = edition_of({stapeling("4 voorzieningen"),
                          counts("wmo/soorten.csv", {"soort", "2023-12-31", "2024-03-31"},
                                 {{"Hulp", "196", "199"}, {"Vervoer", "130", "129"}})});
  auto weighted = of_kind(data_relations(e), RelationKind::Weighted);
  expect_true(e, weighted);
  ASSERT_EQ(weighted.size(), 2u);  // one per period
  EXPECT_EQ(weighted[0].lower, 0);
  EXPECT_EQ(weighted[0].upper, 0);
  EXPECT_TRUE(mentions(weighted[1], {"wmo/stapeling.csv", "4 voorzieningen", "2024-03-31"}));
  EXPECT_TRUE(mentions(weighted[1], {"wmo/soorten.csv", "Vervoer", "2024-03-31"}));
  EXPECT_NE(weighted[0].reason.find("2 × '2 voorzieningen'"), std::string::npos)
      << weighted[0].reason;
}

TEST(DataRelations, AnOpenLastCategoryBoundsOnlyWhatItsWordsName) {
  // "4 of meer" counts 4 or more: the voorzieningen are at least the weighted sum, and only a
  // table whose names speak of voorzieningen is such a count; visits are not.
  Edition e = edition_of(
      {stapeling("4 of meer"),
       counts("wmo/voorzieningen-per-soort.csv", {"soort", "2024-03-31"},
              {{"Hulp", "199"}, {"Vervoer", "140"}}),
       counts("wmo/bezoeken.csv", {"locatie", "2024-03-31"}, {{"Noord", "199"}, {"Zuid", "140"}})});
  auto weighted = of_kind(data_relations(e), RelationKind::Weighted);
  expect_true(e, weighted);
  ASSERT_EQ(weighted.size(), 1u);
  EXPECT_EQ(weighted[0].lower, -std::numeric_limits<double>::infinity());
  EXPECT_EQ(weighted[0].upper, 0);
  EXPECT_TRUE(mentions(weighted[0], {"wmo/voorzieningen-per-soort.csv", "Hulp", "2024-03-31"}));
}

// The lasten per voorziening with their mean per client in whole euros: 731.000 / 207 = 3.531,4.
Table lasten(const std::string& mean_label) {
  Table t = counts("wmo/lasten.csv", {"voorziening", "2023", "2024"},
                   {{"Hulp", "450000", "480000"},
                    {"Vervoer", "150000", "160000"},
                    {"Begeleiding", "90000", "91000"},
                    {mean_label, "3450", "3531"}});
  t.row_units.assign(t.row_keys.size(), Unit::Euro);
  return t;
}

// Clients per voorziening beside their lasten: 200 clients in 2023, 207 in 2024.
Edition clients_and_lasten(const std::string& mean_label) {
  Edition e = edition_of(
      {counts("wmo/clienten.csv", {"voorziening", "2023", "2024"},
              {{"Hulp", "118", "120"}, {"Vervoer", "75", "80"}, {"Begeleiding", "7", "7"}}),
       lasten(mean_label)});
  e.config.datasets["wmo/lasten.csv"].unit = Unit::Euro;
  return e;
}

TEST(DataRelations, AnAmountPerClientGivesTheNumberOfClients) {
  Edition e = clients_and_lasten("Gemiddeld per cliënt");
  auto averages = of_kind(data_relations(e), RelationKind::Average);
  expect_true(e, averages);
  // 2023: 690.000 / 200 = 3.450; 2024: 731.000 / 207. Each pins the clients of all voorzieningen.
  ASSERT_EQ(averages.size(), 2u);
  const DataRelation& r = averages[1];
  EXPECT_TRUE(mentions(r, {"wmo/clienten.csv", "Begeleiding", "2024"}));
  EXPECT_GT(r.lower, 206);
  EXPECT_LT(r.upper, 208);
  EXPECT_NE(
      r.reason.find("'Gemiddeld per cliënt' in wmo/lasten.csv is de som van de andere bedragen in "
                    "wmo/lasten.csv gedeeld door 'de som van de delen' in wmo/clienten.csv"),
      std::string::npos)
      << r.reason;
}

TEST(DataRelations, AnAmountThatIsNoMeanGivesNoNumberOfClients) {
  // The same figures under a name that is one more voorziening: no mean, no relation.
  Edition e = clients_and_lasten("Woningaanpassing");
  EXPECT_TRUE(of_kind(data_relations(e), RelationKind::Average).empty());
}

TEST(DataRelations, AgeGroupsAreNoNumbersOfThings) {
  // "0 tot 4 jaar" starts with a number, but is a range: no weighted sum, even where one
  // happens to match.
  Edition e = edition_of(
      {counts("jeugd/leeftijd.csv", {"leeftijd", "2024-03-31"},
              {{"0 tot 4 jaar", "10"}, {"4 tot 12 jaar", "20"}}),
       counts("jeugd/vorm.csv", {"vorm", "2024-03-31"}, {{"Ambulant", "40"}, {"Verblijf", "40"}})});
  EXPECT_TRUE(of_kind(data_relations(e), RelationKind::Weighted).empty());
}

TEST(DataRelations, AnEqualNumberInACrossTableIsChance) {
  // Begeleiding in Bedum on the peildatum is no sum of months, though instroom over the last
  // quarter happens to be 41 too.
  Edition e = edition_of({counts("voorzieningen.csv", {"voorziening", "Bedum", "Winsum"},
                                 {{"Begeleiding", "41", "52"}}),
                          counts("in-uitstroom.csv", {"maand", "instroom"},
                                 {{"2024-01", "18"}, {"2024-02", "7"}, {"2024-03", "16"}})});
  for (const auto& r : data_relations(e))
    EXPECT_FALSE(mentions(r, {"voorzieningen.csv", "Begeleiding", "Bedum"})) << r.reason;
}

// A dataset in long form with two dimensions besides the period, as the load stage widens it:
// a column per combination, "Bedum · IOAW".
Edition long_form(std::vector<Table> tables) {
  for (auto& t : tables) {
    t.dimensions = {"eerste", "tweede"};
    for (const auto& column : t.columns) t.column_members.push_back(split_dots(column));
  }
  return edition_of(std::move(tables));
}

TEST(DataRelations, ARegionInALongTableIsTheTotalOfItsGemeentenPerRegeling) {
  // BMWE · IOAW is the sum of the gemeenten's IOAW, not of every other column.
  Edition e = long_form({counts("uitkeringen.csv",
                                {"kwartaal", "Bedum · PW", "Bedum · IOAW", "Winsum · PW",
                                 "Winsum · IOAW", "BMWE · PW", "BMWE · IOAW"},
                                {{"2024-K1", "250", "11", "300", "7", "550", "18"},
                                 {"2024-K2", "251", "12", "301", "6", "552", "18"}})});
  auto totals = of_kind(data_relations(e), RelationKind::Total);
  expect_true(e, totals);
  bool ioaw = false;
  for (const auto& r : totals)
    ioaw = ioaw ||
           (mentions(r, {"uitkeringen.csv", "2024-K2", "BMWE · IOAW"}) &&
            mentions(r, {"uitkeringen.csv", "2024-K2", "Winsum · IOAW"}) && r.terms.size() == 3);
  EXPECT_TRUE(ioaw);
  EXPECT_EQ(totals.front().declaration, "totaal: BMWE");
}

TEST(DataRelations, PartOfALongTableIsAGroupInAnotherDataset) {
  // The young people of one dataset are Man + Vrouw of one age group in the other: Vrouw =
  // jongeren − Man, though two of four columns are no total of anything in their own table.
  Edition e = long_form(
      {counts("leeftijd-geslacht.csv",
              {"kwartaal", "18-27 · Man", "18-27 · Vrouw", "27-45 · Man", "27-45 · Vrouw"},
              {{"2023-K4", "26", "7", "70", "69"}, {"2024-K1", "24", "6", "71", "70"}})});
  e.tables["jongeren.csv"] =
      counts("jongeren.csv", {"kwartaal", "Jongeren"}, {{"2023-K4", "33"}, {"2024-K1", "30"}});
  e.config.datasets["jongeren.csv"] = {Unit::Persons, "Registratie", "", {}};
  auto same = of_kind(data_relations(e), RelationKind::SameGroup);
  expect_true(e, same);
  int linked = 0;
  for (const auto& r : same)
    linked += mentions(r, {"leeftijd-geslacht.csv", "2024-K1", "18-27 · Vrouw"}) &&
              mentions(r, {"jongeren.csv", "2024-K1", "Jongeren"});
  EXPECT_EQ(linked, 1);
}

TEST(DataRelations, EveryRelationFoundInTheDemoHolds) {
  DiskFileSystem fs;
  Diagnostics diagnostics;
  auto editions = load_editions(fs, std::string(SDM_SOURCE_DIR) + "/content", diagnostics);
  ASSERT_EQ(editions.size(), 2u);
  for (const auto& e : editions) {
    auto relations = data_relations(e);
    expect_true(e, relations);
    std::set<std::string> reasons;
    for (const auto& r : relations) reasons.insert(r.reason);
    std::cout << e.config.id << ": " << relations.size() << " relations\n";
    for (const auto& reason : reasons) std::cout << "  " << reason << "\n";
  }
}

}  // namespace
}  // namespace sdm
