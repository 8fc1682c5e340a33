// Hostile strings that are allowed through (category names, titles, labels, sources, footnotes)
// must come out inert: only our <script> elements, chart JSON without a raw '<' or U+2028, no
// event handlers, no javascript: links.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "site_fixture.h"

namespace sdm::security {
namespace {

// The text of every string inside the chart JSON of `html`, parsed back.
std::vector<std::string> chart_strings(const std::string& html) {
  std::vector<std::string> out;
  const std::string open = "<script type=\"application/json\" class=\"grafiek-data\">";
  for (size_t pos = html.find(open); pos != std::string::npos; pos = html.find(open, pos + 1)) {
    size_t start = pos + open.size();
    size_t end = html.find("</script>", start);
    if (end == std::string::npos) break;
    nlohmann::json data = nlohmann::json::parse(html.substr(start, end - start));
    std::function<void(const nlohmann::json&)> walk = [&](const nlohmann::json& j) {
      if (j.is_string()) out.push_back(j.get<std::string>());
      for (const auto& item : j)
        if (j.is_structured()) walk(item);
    };
    walk(data);
  }
  return out;
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

TEST(InertOutput, HostileEditionBuildsAndRendersInert) {
  SiteBuilder b;
  b.edition_from_disk("editions/hostile");
  SiteRun run = b.generate();
  ASSERT_TRUE(run.site) << run.messages();
  ASSERT_FALSE(run.html_files().empty());
  for (const auto* f : run.html_files()) expect_inert(f->path, f->bytes);

  // The hostile labels are kept as data, not dropped: the chart script reads them back exactly.
  const std::string& wmo = run.file("wmo.html")->bytes;
  auto strings = chart_strings(wmo);
  EXPECT_TRUE(contains(strings, "</script><script>alert(1)</script><!--"));
  EXPECT_TRUE(contains(strings, "<img src=x onerror=alert(2)>"));
  EXPECT_TRUE(contains(strings, "Jeugd & \"zorg\""));
  EXPECT_TRUE(contains(strings,
                       "Hulp\xE2\x80\xA8"
                       "bij het huishouden"));
  // In HTML text they are escaped.
  EXPECT_NE(wmo.find("&lt;/script&gt;&lt;script&gt;alert(1)"), std::string::npos);
  EXPECT_EQ(wmo.find("<img src=x"), std::string::npos);
}

TEST(InertOutput, ChartJsonEscapesEveryAngleBracketAndLineSeparator) {
  SiteBuilder b;
  b.dataset("test/x.csv", "personen", hostile("csv/u2028-label.csv"));
  b.dataset("test/y.csv", "personen", hostile("csv/script-category.csv"));
  b.page("pagina.md",
         "---\ntitel: P\n---\n\n```grafiek\ntitel: A\ndata: test/x.csv\nweergave: staaf\n```\n\n"
         "```grafiek\ntitel: B\ndata: test/y.csv\nweergave: staaf\n```\n");
  SiteRun run = b.generate();
  ASSERT_TRUE(run.site) << run.messages();
  const std::string& html = run.file("pagina.html")->bytes;
  expect_inert("pagina.html", html);
  EXPECT_NE(html.find("Regel\\u2028scheiding"), std::string::npos);
  EXPECT_NE(html.find("Alinea\\u2029scheiding"), std::string::npos);
  EXPECT_NE(
      html.find("\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e\\u003c!--"),
      std::string::npos);
  auto strings = chart_strings(html);
  EXPECT_TRUE(contains(strings, "Regel\xE2\x80\xA8scheiding"));
}

TEST(InertOutput, CsvDownloadQuotesHostileLabels) {
  SiteBuilder b;
  b.dataset("test/y.csv", "personen", hostile("csv/script-category.csv"));
  b.page("pagina.md",
         "---\ntitel: P\n---\n\n```grafiek\ntitel: B\ndata: test/y.csv\nweergave: staaf\n```\n");
  SiteRun run = b.generate();
  ASSERT_TRUE(run.site) << run.messages();
  const OutputFile* csv = run.file("data/grafiek-1.csv");
  ASSERT_TRUE(csv);
  EXPECT_NE(csv->bytes.find("\r\n\"Jeugd & \"\"zorg\"\"\";450\r\n"), std::string::npos)
      << csv->bytes;
  EXPECT_NE(csv->bytes.find("\r\n</script><script>alert(1)</script><!--;1200\r\n"),
            std::string::npos)
      << csv->bytes;
}

TEST(InertOutput, DemoContentIsInert) {
  SiteBuilder b;
  b.demo_content();
  SiteRun run = b.generate();
  ASSERT_TRUE(run.site) << run.messages();
  for (const auto* f : run.html_files()) expect_inert(f->path, f->bytes);
}

}  // namespace
}  // namespace sdm::security
