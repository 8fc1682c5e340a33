#include "render/chart_json.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace sdm {
namespace {

// What the page model used to hold as a JSON tree; the writer must give the same text as
// nlohmann's dump of it.
json as_tree(const ChartNumbers& n) {
  json series = json::array();
  for (const auto& s : n.series) {
    json data = json::array();
    for (const auto& v : s.data) data.push_back(v ? json(*v) : json(nullptr));
    json one = {{"label", s.label}, {"role", s.role}, {"data", data}, {"display", s.display}};
    if (!s.marks.empty()) one["marks"] = s.marks;
    series.push_back(one);
  }
  return {{"type", n.type},   {"stacked", n.stacked}, {"percent", n.percent},
          {"unit", n.unit},   {"labels", n.labels},   {"spoken", n.spoken},
          {"series", series}, {"xTitle", n.x_title}};
}

// The same JSON as nlohmann::json would write, read back: strings escaped alike, every number
// the very same double.
TEST(ChartJson, ReadsBackAsWhatNlohmannWouldDump) {
  ChartNumbers n;
  n.type = "bar";
  n.stacked = true;
  n.unit = "personen";
  n.labels = {"K1 2024",
              "jan \"quote\" \\ back",
              "tab\there\nline",
              std::string("nul\x01\x1f", 5),
              "Cliënten – € 1.234 \xE2\x80\xA8",
              "kapot \xC3\x28 UTF-8",
              ""};
  n.series.push_back({"Hulp bij het huishouden",
                      "data",
                      {12.0, std::nullopt, 0.1, -944.5, 1e20, 1.5e-7, 1234567.0, -0.0, 0.1 + 0.2,
                       1e-5, 123456789012345.6, std::numeric_limits<double>::infinity(),
                       std::numeric_limits<double>::quiet_NaN()},
                      {"12", "<10", "0,1", "-944,5", "x", "y", "1.234.567"},
                      {"", "", "voorlopig", "", "", "", "herzien"}});
  n.series.push_back({"Begroting 2024", "begroting", {}, {}, {}});
  n.spoken = {"1e kwartaal 2024", "januari"};
  n.x_title = "Kwartaal";
  const json written = json::parse(chart_json(n));
  EXPECT_EQ(written, json::parse(as_tree(n).dump(-1, ' ', false, json::error_handler_t::replace)));
  const json& data = written["series"][0]["data"];
  for (size_t i = 0; i < n.series[0].data.size(); ++i) {
    const std::optional<double>& value = n.series[0].data[i];
    if (value && std::isfinite(*value)) {
      EXPECT_EQ(data[i].get<double>(), *value) << i;
    }
  }
  EXPECT_EQ(data[0].dump(), "12") << "whole numbers without a fraction";
}

TEST(ChartJson, AnEmptyChartIsStillAnObject) {
  ChartNumbers n;
  EXPECT_EQ(chart_json(n), as_tree(n).dump());
}

}  // namespace
}  // namespace sdm
