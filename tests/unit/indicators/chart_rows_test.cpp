// A chart chooses its rows with a filter on the first column, as a table chooses its periods.
#include <gtest/gtest.h>

#include "indicators/chart_data.h"
#include "load/load_edition.h"
#include "table_fixture.h"

namespace sdm {
namespace {

const std::string kClients =
    "voorziening;2023-12-31;2024-03-31\nHulp bij het huishouden;789;784\nBegeleiding;349;355\n"
    "Beschermd Wonen;7;12\n";

Edition edition() {
  Edition e;
  e.config.id = "e";
  e.config.reference_date = *Period::parse("2024-03-31");
  e.config.datasets["v.csv"].unit = Unit::Persons;
  Diagnostics d;
  e.tables["v.csv"] = read_table("v.csv", "data/v.csv", kClients, Unit::Persons, d);
  return e;
}

ChartSpec bars(std::vector<std::string> rows) {
  ChartSpec c;
  c.title = "C";
  c.dataset = "v.csv";
  c.view = ChartView::Bar;
  c.filter = {{"voorziening", std::move(rows), {"p.md", 9, 9}}};
  c.where = {"p.md", 5, 1};
  return c;
}

std::string messages(const ChartSpec& chart) {
  return check_messages(edition(), {PageSpec{.directives = {chart}}});
}

TEST(ChartRows, AFilterOnTheFirstColumnChoosesTheBars) {
  ChartSpec spec = bars({"Begeleiding", "Hulp bij het huishouden"});
  EXPECT_EQ(messages(spec), "");
  Edition e = edition();
  ChartData chart = chart_data(spec, e.tables.at("v.csv"), e.config.datasets.at("v.csv"), nullptr);
  // In the order of the file; each bar still the cell it is, for disclosure control.
  ASSERT_EQ(chart.x.size(), 2u);
  EXPECT_EQ(chart.x[0].label, "Hulp bij het huishouden");
  EXPECT_EQ(chart.x[1].label, "Begeleiding");
  ASSERT_EQ(chart.series.size(), 2u);
  ASSERT_EQ(chart.series[1].points.size(), 2u);
  EXPECT_EQ(chart.series[1].points[1].value, 355);
  EXPECT_EQ(chart.series[1].points[1].terms.front().cell.row, "Begeleiding");
}

TEST(ChartRows, AnUnknownRowOrALineIsAnError) {
  EXPECT_EQ(messages(bars({"Begeleidng"})),
            "p.md:9:9: fout: 'Begeleidng' is geen regel van v.csv\n  tip: bedoelde u "
            "'Begeleiding'?\n");
  ChartSpec line = bars({"Begeleiding"});
  line.view = ChartView::Line;
  EXPECT_NE(messages(line).find("p.md:9:9: fout: 'filter' op 'voorziening' kiest regels, en dat "
                                "kan alleen bij weergave 'staaf' of 'aandelen'"),
            std::string::npos);
}

}  // namespace
}  // namespace sdm
