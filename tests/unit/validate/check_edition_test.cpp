#include "validate/check_edition.h"

#include <gtest/gtest.h>

#include "../indicators/table_fixture.h"
#include "load/load_edition.h"

namespace sdm {
namespace {

Edition with_table(const std::string& name, const std::string& csv, Unit unit = Unit::Persons) {
  Edition e;
  e.config.id = "e";
  e.config.reference_date = *Period::parse("2024-03-31");
  e.config.datasets[name].unit = unit;
  Diagnostics d;
  e.tables[name] = read_table(name, "data/" + name, csv, unit, d);
  EXPECT_FALSE(d.has_errors());
  return e;
}

PageSpec chart(const std::string& dataset, ChartView view, std::vector<std::string> columns) {
  ChartSpec c;
  c.title = "C";
  c.dataset = dataset;
  c.view = view;
  c.columns = std::move(columns);
  c.where = {"p.md", 5, 1};
  return PageSpec{.directives = {c}};
}

TEST(CheckChart, BarsNeedColumnsAlsoWhenTheSeriesAreRows) {
  Edition e = with_table("v.csv", "voorziening;2023-12-31;2024-03-31\nHbh;755;784\nBeg;349;355\n");
  EXPECT_EQ(check_messages(e, {chart("v.csv", ChartView::Bar, {"Beg"})}),
            "p.md:5:1: fout: kolom 'Beg' bestaat niet in v.csv\n  tip: kolommen: 2023-12-31, "
            "2024-03-31\n");
  EXPECT_EQ(check_messages(e, {chart("v.csv", ChartView::Bar, {"2024-03-31"})}), "");
  // A line along the row's periods is what the row keys are for.
  EXPECT_EQ(check_messages(e, {chart("v.csv", ChartView::Line, {"Beg"})}),
            "p.md:5:1: fout: deze weergave vraagt perioden in de eerste kolom van v.csv\n  tip: "
            "gebruik 'staaf' voor categorieën\n");
}

TEST(CheckChart, PerQuarterIsNoOptionForYearLinesOrShares) {
  Edition e = with_table("m.csv", "maand;instroom\n2024-01;4\n2024-02;7\n2024-03;5\n");
  PageSpec spec = chart("m.csv", ChartView::YearLines, {});
  std::get<ChartSpec>(spec.directives.front()).per_quarter = true;
  EXPECT_EQ(check_messages(e, {spec}),
            "p.md:5:1: fout: 'per: kwartaal' kan niet bij weergave jaarlijnen\n  tip: jaarlijnen "
            "tonen maanden; gebruik 'lijn' of 'staaf' voor kwartalen\n");
  std::get<ChartSpec>(spec.directives.front()).view = ChartView::Bar;
  EXPECT_EQ(check_messages(e, {spec}), "");
}

// 54, 36 and 9 percent were shown as 54,5, 36,4 and 9,1.
TEST(CheckChart, SharesOfPercentagesAreAnErrorOrAWarning) {
  const std::string csv = "kwartaal;Thuis;Opvang;Anders\n2023-K4;55;36;9\n2024-K1;54;36;9\n";
  Edition declared = with_table("a.csv", csv, Unit::Percent);
  EXPECT_EQ(
      check_messages(declared, {chart("a.csv", ChartView::Shares, {})}),
      "p.md:5:1: fout: 'aandelen' rekent aantallen om naar procenten, maar a.csv bevat al "
      "procenten\n  tip: gebruik weergave 'staaf' of 'lijn' om de procenten te tonen zoals ze "
      "zijn\n");
  Edition undeclared = with_table("a.csv", csv, Unit::Count);
  EXPECT_NE(check_messages(undeclared, {chart("a.csv", ChartView::Shares, {})})
                .find("p.md:5:1: waarschuwing: de kolommen van a.csv tellen in elke periode op tot "
                      "ongeveer 100"),
            std::string::npos);
  Edition counts = with_table("a.csv", "kwartaal;Thuis;Opvang\n2023-K4;155;36\n2024-K1;54;36\n");
  EXPECT_EQ(check_messages(counts, {chart("a.csv", ChartView::Shares, {})}), "");
}

TEST(CheckData, PeriodColumnsRunFromOldToNew) {
  Diagnostics d;
  Edition e = with_table("j.csv", "regeling;2024;2019\nPW;588;530\n");
  EXPECT_EQ(check_messages(e),
            "data/j.csv:1:15: fout: kolom '2019' staat niet in volgorde: de perioden moeten "
            "oplopen\n  tip: zet de oudste periode links en de nieuwste rechts\n");
  EXPECT_EQ(check_messages(with_table("j.csv", "regeling;2019;2024\nPW;530;588\n")), "");
}

// "7,6 + 7,9 = 15,5": a year total of marks was accepted, and offered by --list-figures.
TEST(CheckFigure, AYearTotalOfMarksPercentagesOrStandsIsAnError) {
  auto year_total = [](const std::string& dataset) {
    FigureRef ref{FigureFunction::YearTotal, dataset, "", "", 2024};
    ref.where = {"p.md", 3, 10};
    return PageSpec{.figures = {ref}};
  };
  Edition marks =
      with_table("c.csv", "maand;Rapportcijfer\n2024-01;7,6\n2024-02;7,9\n", Unit::Mark);
  EXPECT_EQ(check_messages(marks, {year_total("c.csv")}),
            "p.md:3:10: fout: 'jaartotaal' telt de maanden van een jaar op, maar c.csv heeft "
            "cijfers, en die tellen niet op\n  tip: gebruik {{ laatste c.csv }} voor het nieuwste "
            "cijfer\n");
  Edition stands = with_table("s.csv", "datum;Cliënten\n2024-01-31;40\n2024-02-29;41\n");
  EXPECT_NE(check_messages(stands, {year_total("s.csv")}).find("standen op een datum"),
            std::string::npos);
  Edition flows = with_table("i.csv", "maand;Instroom\n2024-01;40\n2024-02;41\n");
  EXPECT_EQ(check_messages(flows, {year_total("i.csv")}), "");
}

TEST(CheckData, TotalRowLargerThanItsPartsIsAnError) {
  Edition e = with_table("t.csv",
                         "voorziening;2024-03-31;2024-06-30\nHbh;5;6\nBeg;120;130\n"
                         "Totaal;130;136\n");
  EXPECT_EQ(check_messages(e),
            "data/t.csv:4:8: fout: 'Totaal' (130) is groter dan de som van de andere regels (125)\n"
            "  tip: controleer de export: een totaal telt geen personen die in geen van de "
            "regels staan; horen er zulke personen bij, zet ze dan in een eigen regel "
            "(bijvoorbeeld 'Overig')\n");
}

TEST(CheckData, TotalsThatMayBeRightAreAccepted) {
  // Less than the sum: a person can be in several categories.
  EXPECT_EQ(check_messages(with_table("t.csv", "voorziening;aantal\nHbh;5\nBeg;120\nTotaal;118\n")),
            "");
  // A "Totaal" column beside some of its parts (docs/data.md: maand;Totaal;Hulp bij het
  // huishouden;Begeleiding) counts clients of the voorzieningen not listed too.
  EXPECT_EQ(check_messages(with_table("c.csv", "maand;Totaal;Hbh;Beg\n2024-01;1714;798;392\n")),
            "");
  // Amounts are no persons: a budget total is not checked.
  EXPECT_EQ(check_messages(with_table("e.csv", "post;bedrag\nA;5\nTotaal;130\n", Unit::Euro)), "");
}

}  // namespace
}  // namespace sdm

namespace sdm {
namespace {

TEST(CheckData, AGapNamesTheMissingPeriods) {
  EXPECT_EQ(check_messages(with_table("k.csv", "kwartaal;A\n2022-K1;11\n2022-K3;12\n")),
            "data/k.csv:3:1: fout: K2 2022 ontbreekt\n"
            "  tip: zet elk kwartaal op een eigen regel, oplopend en zonder gaten\n");
  EXPECT_EQ(check_messages(with_table("m.csv", "maand;A\n2022-06;11\n2022-10;12\n")),
            "data/m.csv:3:1: fout: jul 2022 tot en met sep 2022 ontbreken\n"
            "  tip: zet elke maand op een eigen regel, oplopend en zonder gaten\n");
}

}  // namespace
}  // namespace sdm

namespace sdm {
namespace {

Edition with_totals(const std::string& csv, std::vector<std::string> totals, bool additive) {
  Edition e = with_table("r.csv", csv);
  e.config.datasets["r.csv"].totals = std::move(totals);
  e.config.datasets["r.csv"].additive = additive;
  e.config.datasets["r.csv"].totals_where = {"editie.yaml", 7, 12};
  return e;
}

TEST(CheckData, ABlankBesideATotalThatAddsUpIsReadAsZero) {
  // 55 = 13 + 18 + 24: the reader takes De Marne as 0.
  Edition e = with_table("k.csv",
                         "kwartaal;Bedum;De Marne;Winsum;Eemsmond;Totaal\n"
                         "2023-K3;12;11;17;23;63\n2023-K4;13;;18;24;55\n");
  EXPECT_EQ(check_messages(e),
            "data/k.csv:3:12: waarschuwing: lege cel bij 'De Marne', terwijl 'Totaal' gelijk is "
            "aan de som van de andere: een lezer leest hier 0\n  tip: staat er echt 0, zet dan 0 "
            "in de cel: dan toont de monitor <10; is het cijfer onbekend, zet het dan ook niet in "
            "het totaal\n");
  // A total that is more than the others leaves the blank unknown.
  e = with_table("k.csv", "kwartaal;Bedum;De Marne;Winsum;Totaal\n2023-K4;13;;18;40\n");
  EXPECT_EQ(check_messages(e), "");
}

TEST(CheckData, ADeclaredTotalMustBeARowOrColumn) {
  EXPECT_EQ(
      check_messages(with_totals("kwartaal;Bedum;Winsum;BMWE\n2024-K1;8;28;36\n", {"BWME"}, true)),
      "editie.yaml:7:12: fout: totaal: 'BWME' is geen regel of kolom van r.csv\n"
      "  tip: bedoelde u 'BMWE'?\n");
}

TEST(CheckData, ADeclaredTotalAddsUpUnlessItSaysOtherwise) {
  const std::string csv = "kwartaal;Hulp;Begeleiding;Unieke cliënten\n2024-K1;20;9;27\n";
  EXPECT_EQ(check_messages(with_totals(csv, {"Unieke cliënten"}, true)),
            "data/r.csv:2:14: fout: 'Unieke cliënten' is bij K1 2024 niet de som van de andere "
            "kolommen\n  tip: kan een persoon in meer dan één deel zitten, zet dan 'optelbaar: "
            "nee' bij deze dataset in editie.yaml; anders klopt de export niet\n");
  EXPECT_EQ(check_messages(with_totals(csv, {"Unieke cliënten"}, false)), "");
  // Not additive, but more than the parts together: the export is wrong.
  EXPECT_NE(check_messages(with_totals("kwartaal;Hulp;Begeleiding;Uniek\n2024-K1;20;9;31\n",
                                       {"Uniek"}, false)),
            "");
  // A row as the total, and the sum it is.
  EXPECT_EQ(
      check_messages(with_totals("regio;2024-K1\nBedum;8\nWinsum;28\nBMWE;36\n", {"BMWE"}, true)),
      "");
}

TEST(CheckData, InLongFormATotalIsAValueOfOneDimension) {
  // BMWE is the total of the gemeenten for each regeling, not of every other column.
  Edition e = with_totals("kwartaal;BMWE\n2024-K1;1\n", {"BMWE"}, true);
  Diagnostics d;
  e.tables["r.csv"] = read_table("r.csv", "data/r.csv",
                                 "gemeente;regeling;kwartaal;aantal\n"
                                 "Bedum;PW;2024-K1;250\nBedum;IOAW;2024-K1;11\n"
                                 "Winsum;PW;2024-K1;300\nWinsum;IOAW;2024-K1;7\n"
                                 "BMWE;PW;2024-K1;550\nBMWE;IOAW;2024-K1;19\n",
                                 Unit::Persons, d, true);
  EXPECT_EQ(check_messages(e),
            "data/r.csv:7:19: fout: 'BMWE' is bij K1 2024 (IOAW) niet de som van de andere "
            "kolommen\n  tip: kan een persoon in meer dan één deel zitten, zet dan 'optelbaar: "
            "nee' bij deze dataset in editie.yaml; anders klopt de export niet\n");
  e.config.datasets["r.csv"].totals = {"BWME"};
  EXPECT_EQ(check_messages(e),
            "editie.yaml:7:12: fout: totaal: 'BWME' is geen regel of kolom van r.csv\n"
            "  tip: bedoelde u 'BMWE'?\n");
}

Edition long_uitkeringen_edition() {
  Edition e;
  e.config.reference_date = *Period::parse("2024-03-31");
  e.config.datasets["u.csv"].unit = Unit::Persons;
  e.tables["u.csv"] = long_uitkeringen();
  return e;
}

PageSpec table_by(std::string rows, std::vector<DimensionFilter> filter,
                  const std::string& dataset = "u.csv") {
  TableSpec t;
  t.dataset = dataset;
  t.rows = std::move(rows);
  t.rows_where = {"p.md", 4, 9};
  for (auto& f : filter) f.where = {"p.md", 5, 11};
  t.filter = std::move(filter);
  t.where = {"p.md", 2, 1};
  return PageSpec{.directives = {t}};
}

TEST(CheckTable, RegelsAndFilterNameDimensionsAndValuesOfALongDataset) {
  Edition e = long_uitkeringen_edition();
  EXPECT_EQ(check_messages(e, {table_by("regeling", {{"maand", {"2024-03"}, {}}})}), "");
  EXPECT_EQ(check_messages(e, {table_by("regelingen", {})}),
            "p.md:4:9: fout: dimensie 'regelingen' bestaat niet in u.csv\n"
            "  tip: bedoelde u 'regeling'?\n");
  EXPECT_EQ(check_messages(e, {table_by("", {{"gemeente", {"Bedun"}, {}}})}),
            "p.md:5:11: fout: 'Bedun' is geen gemeente in u.csv\n  tip: bedoelde u 'Bedum'?\n");
  EXPECT_EQ(check_messages(e, {table_by("", {{"maand", {"2024-04"}, {}}})}),
            "p.md:5:11: fout: '2024-04' is geen maand in u.csv\n  tip: bedoelde u '2024-02'?\n");
  // Two dimensions across the columns: two header rows.
  EXPECT_EQ(
      check_messages(e, {table_by("", {}), table_by("gemeente", {{"gemeente", {"Bedum"}, {}}})}),
      "");
  EXPECT_EQ(check_messages(e, {table_by("", {{"maand", {"2024-03"}, {}}})}), "");
  EXPECT_EQ(check_messages(e, {table_by("x", {})}),
            "p.md:4:9: fout: dimensie 'x' bestaat niet in u.csv\n"
            "  tip: dimensies: maand, gemeente, regeling\n");
}

TEST(CheckTable, ATableVaryingInThreeDimensionsNeedsAFilter) {
  Edition e = long_uitkeringen_edition();
  Diagnostics d;
  e.tables["u.csv"] = read_table("u.csv", "data/u.csv",
                                 "gemeente;regeling;geslacht;maand;aantal\n"
                                 "Bedum;PW;Man;2024-03;150\nBedum;PW;Vrouw;2024-03;101\n"
                                 "Bedum;IOAW;Man;2024-03;6\nBedum;IOAW;Vrouw;2024-03;6\n"
                                 "Winsum;PW;Man;2024-03;150\nWinsum;PW;Vrouw;2024-03;151\n",
                                 Unit::Persons, d, true);
  // Without regels or filter it is the table as widened, a column per combination.
  EXPECT_EQ(check_messages(e, {table_by("", {})}), "");
  EXPECT_EQ(check_messages(e, {table_by("", {{"gemeente", {"Bedum", "Winsum"}, {}}})}),
            "p.md:5:11: fout: de kolommen van deze tabel verschillen in gemeente, regeling, "
            "geslacht; een tabel heeft hoogstens twee kopregels\n  tip: kies één waarde met "
            "filter, bijvoorbeeld filter: { gemeente: Bedum }\n");
  EXPECT_EQ(check_messages(e, {table_by("geslacht", {})}), "");
}

TEST(CheckTable, AFilterNeedsADatasetInLongForm) {
  Edition e = with_table("w.csv", "maand;Bedum;Winsum\n2024-03;5;6\n");
  EXPECT_EQ(check_messages(e, {table_by("", {{"gemeente", {"Bedum"}, {}}}, "w.csv")}),
            "p.md:5:11: fout: 'filter' kan alleen bij een dataset in lange vorm; w.csv heeft geen "
            "dimensies\n  tip: geef de dataset 'vorm: lang' in editie.yaml (docs/data.md), of kies "
            "kolommen met 'kolommen:'\n");
}

TEST(CheckChart, AChartFiltersDimensionsButNotPeriods) {
  Edition e = long_uitkeringen_edition();
  PageSpec spec = chart("u.csv", ChartView::Line, {});
  auto& c = std::get<ChartSpec>(spec.directives.front());
  c.filter = {{"regeling", {"IOAW"}, {"p.md", 6, 11}}};
  EXPECT_EQ(check_messages(e, {spec}), "");
  c.filter = {{"maand", {"2024-03"}, {"p.md", 6, 11}}};
  EXPECT_EQ(check_messages(e, {spec}),
            "p.md:6:11: fout: 'filter' op 'maand' kiest regels, en dat kan alleen bij weergave "
            "'staaf' of 'aandelen'\n  tip: een lijn of jaarlijnen toont alle perioden; kies "
            "perioden in een tabel, of de reeksen met 'kolommen:'\n");
}

}  // namespace
}  // namespace sdm
