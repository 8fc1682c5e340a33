// Builds the demo content in content/ and compares the <main> of every page with the reviewed
// files in tests/golden/. After an intended change: `make golden-update` and review the diff.
// Also checks site-wide promises on the same output: charts with tables, no leaked small counts,
// no reference to another host.

#include <gtest/gtest.h>

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "load/file_system.h"
#include "pipeline/pipeline.h"

namespace sdm {
namespace {

const std::string kRoot = SDM_SOURCE_DIR;

const Generated& demo_site() {
  static Generated generated = [] {
    BuildOptions options;
    options.content_dir = kRoot + "/content";
    options.theme = {kRoot + "/site-templates", kRoot + "/assets",
                     kRoot + "/node_modules/chart.js/dist/chart.umd.js"};
    Diagnostics diagnostics;
    DiskFileSystem fs;
    auto result = generate(fs, options, diagnostics);
    if (!result)
      throw std::runtime_error("demo does not build:\n" + format_diagnostics(diagnostics));
    return *result;
  }();
  return generated;
}

std::string main_region(const std::string& html) {
  auto begin = html.find("<main");
  auto end = html.find("</main>");
  if (begin == std::string::npos || end == std::string::npos) return html;
  return html.substr(begin, end + 7 - begin) + "\n";
}

std::string read(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(Golden, EveryPageMatchesItsReviewedMain) {
  const bool update = std::getenv("UPDATE_GOLDEN") != nullptr;
  std::filesystem::path dir = kRoot + "/tests/golden/pages";
  int compared = 0;
  for (const auto& file : demo_site().files) {
    if (!file.path.ends_with(".html")) continue;
    std::filesystem::path expected = dir / (file.path + ".main");
    std::string actual = main_region(file.bytes);
    if (update) {
      std::filesystem::create_directories(expected.parent_path());
      std::ofstream(expected, std::ios::binary) << actual;
      continue;
    }
    ASSERT_TRUE(std::filesystem::exists(expected))
        << expected << " missing: run `make golden-update` and review the new file";
    EXPECT_EQ(read(expected), actual) << file.path << " differs from " << expected
                                      << "; if intended run `make golden-update` and review";
    ++compared;
  }
  if (!update) {
    EXPECT_GT(compared, 5);
  }
}

TEST(DemoSite, HasOverviewChaptersAndAtLeast24ChartsEachWithATable) {
  int charts = 0, pages = 0;
  bool index = false;
  for (const auto& file : demo_site().files) {
    if (!file.path.ends_with(".html") || file.path.find('/') != std::string::npos) continue;
    ++pages;
    index = index || file.path == "index.html";
    std::regex figure(R"(<figure class="grafiek"[\s\S]*?</figure>)");
    for (auto it = std::sregex_iterator(file.bytes.begin(), file.bytes.end(), figure);
         it != std::sregex_iterator(); ++it) {
      std::string f = it->str();
      ++charts;
      EXPECT_NE(f.find("<table"), std::string::npos) << file.path;
      EXPECT_NE(f.find("<canvas"), std::string::npos) << file.path;
      EXPECT_NE(f.find("application/json"), std::string::npos) << file.path;
    }
  }
  EXPECT_TRUE(index);
  EXPECT_GE(pages, 5);
  EXPECT_GE(charts, 24);
}

TEST(DemoSite, NoPersonCountUnderTenInChartDataTablesOrDownloads) {
  std::regex data(R"(<script type="application/json" class="grafiek-data">([\s\S]*?)</script>)");
  std::regex person_row(R"(<tr data-eenheid="personen"[^>]*>([\s\S]*?)</tr>)");
  std::regex cell(R"(<td[^>]*>([\s\S]*?)</td>)");
  // A cell's number without its voorlopig/herzien mark and the words for screen readers.
  std::regex extras(R"(<sup[\s\S]*?</sup>|<span class="sr-only">[\s\S]*?</span>)");
  int checked = 0;
  for (const auto& file : demo_site().files) {
    if (!file.path.ends_with(".html")) continue;
    for (auto it = std::sregex_iterator(file.bytes.begin(), file.bytes.end(), data);
         it != std::sregex_iterator(); ++it) {
      auto chart = nlohmann::json::parse((*it)[1].str());
      if (chart["unit"] != "personen") continue;
      for (const auto& s : chart["series"])
        for (const auto& v : s["data"]) {
          ++checked;
          if (!v.is_null()) {
            EXPECT_GE(v.get<double>(), 10) << file.path << " " << s["label"];
          }
        }
    }
    for (auto it = std::sregex_iterator(file.bytes.begin(), file.bytes.end(), person_row);
         it != std::sregex_iterator(); ++it) {
      std::string row = (*it)[1].str();
      for (auto c = std::sregex_iterator(row.begin(), row.end(), cell); c != std::sregex_iterator();
           ++c) {
        std::string inner = (*c)[1].str();
        // "<10" and "x", and the change against a year before (a percentage), are no counts.
        if (inner.find("class=\"klein\"") != std::string::npos ||
            inner.find("class=\"trend") != std::string::npos)
          continue;
        std::string text = std::regex_replace(inner, extras, "");
        std::string digits;
        for (char ch : text)
          if (ch >= '0' && ch <= '9') digits += ch;
        ++checked;
        if (!digits.empty()) {
          EXPECT_GE(std::stoll(digits), 10) << file.path << ": " << row;
        }
      }
    }
  }
  EXPECT_GT(checked, 100);
}

TEST(DemoSite, NoReferenceToAnotherHost) {
  std::regex attr(R"((src|href)=\"([^\"]*)\")");
  for (const auto& file : demo_site().files) {
    if (!file.path.ends_with(".html")) continue;
    for (auto it = std::sregex_iterator(file.bytes.begin(), file.bytes.end(), attr);
         it != std::sregex_iterator(); ++it) {
      std::string url = (*it)[2].str();
      bool external =
          url.rfind("http:", 0) == 0 || url.rfind("https:", 0) == 0 || url.rfind("//", 0) == 0;
      EXPECT_FALSE(external) << file.path << ": " << url;
    }
  }
}

// A reader sees "maart 2024" or "K1 2024", never the export's code: in text, in what a screen
// reader reads out, in chart labels and in the downloads.
TEST(DemoSite, NoRawPeriodCodeWhereAReaderLooks) {
  std::regex code(R"((^|[^\w/.-])(20\d\d-([KkQqHh][1-4]|0[1-9]|1[0-2]))(?![\w]))");
  std::regex read_out(R"re(>([^<]*)<|(aria-label|title|alt)="([^"]*)")re");
  int files = 0;
  for (const auto& file : demo_site().files) {
    std::vector<std::string> texts;
    if (file.path.ends_with(".csv")) texts.push_back(file.bytes);
    if (file.path.ends_with(".html"))
      for (auto it = std::sregex_iterator(file.bytes.begin(), file.bytes.end(), read_out);
           it != std::sregex_iterator(); ++it)
        texts.push_back((*it)[1].matched ? (*it)[1].str() : (*it)[3].str());
    if (texts.empty()) continue;
    ++files;
    for (const auto& text : texts) {
      std::smatch m;
      EXPECT_FALSE(std::regex_search(text, m, code)) << file.path << ": " << m[2];
    }
  }
  EXPECT_GT(files, 100);
}

// Every page, embeddable charts too, has one h1 and a description a search engine or a shared
// link can show; the description names the page and the edition.
TEST(DemoSite, EveryPageHasOneHeadingOneAndADescription) {
  std::regex h1("<h1[ >]");
  std::regex description(R"re(<meta name="description" content="([^"]+)">)re");
  int pages = 0;
  for (const auto& file : demo_site().files) {
    if (!file.path.ends_with(".html") || file.path.ends_with("afdrukken.html")) continue;
    ++pages;
    auto headings = std::distance(std::sregex_iterator(file.bytes.begin(), file.bytes.end(), h1),
                                  std::sregex_iterator());
    EXPECT_EQ(headings, 1) << file.path;
    std::smatch m;
    ASSERT_TRUE(std::regex_search(file.bytes, m, description)) << file.path;
    const char* edition =
        file.path.starts_with("2023-h2/") ? "2e halfjaar 2023" : "1e kwartaal 2024";
    EXPECT_NE(m[1].str().find("Weststellingwerf, " + std::string(edition)), std::string::npos)
        << file.path << ": " << m[1];
  }
  EXPECT_GT(pages, 60);
}

// What a cell says, reduced to what a download must say too: "<10", "x", or its digits.
std::string cell_says(std::string cell) {
  if (cell.find("&lt;10") != std::string::npos || cell == "<10") return "<10";
  if (cell.find(">x</span>") != std::string::npos || cell == "x") return "x";
  cell = std::regex_replace(
      cell, std::regex(R"re(<sup[\s\S]*?</sup>|<span class="sr-only">[\s\S]*?</span>)re"), "");
  cell = std::regex_replace(cell, std::regex("<[^>]*>"), "");
  cell = std::regex_replace(cell, std::regex("\u2212"), "-");  // the page's minus sign
  std::string out;
  for (char c : cell)
    if (std::isdigit(static_cast<unsigned char>(c)) || c == ',' || c == '-') out += c;
  return out;
}

// Every table and chart links a CSV download that exists and holds the same cells, hidden ones
// hidden the same way.
TEST(DemoSite, EveryTableAndChartHasADownloadWithItsNumbers) {
  std::map<std::string, const std::string*> files;
  for (const auto& file : demo_site().files) files[file.path] = &file.bytes;
  std::regex figure(R"re(<figure class="(tabel|grafiek)"[\s\S]*?</figure>)re");
  std::regex link(R"re(href="([^"]*\.csv)" download)re");
  std::regex row(R"(<tbody>([\s\S]*?)</tbody>)"), tr(R"(<tr[^>]*>([\s\S]*?)</tr>)");
  std::regex td(R"(<td[^>]*>([\s\S]*?)</td>)");
  int checked = 0;
  for (const auto& file : demo_site().files) {
    if (!file.path.ends_with(".html") || file.path.ends_with("afdrukken.html")) continue;
    const std::string dir = file.path.substr(0, file.path.find_last_of('/') + 1);
    for (auto f = std::sregex_iterator(file.bytes.begin(), file.bytes.end(), figure);
         f != std::sregex_iterator(); ++f) {
      const std::string html = f->str();
      std::smatch href, body;
      ASSERT_TRUE(std::regex_search(html, href, link)) << file.path << ": a figure without CSV";
      std::filesystem::path target = dir + href[1].str();
      auto csv = files.find(target.lexically_normal().generic_string());
      ASSERT_NE(csv, files.end()) << file.path << " links " << target;
      if (!std::regex_search(html, body, row)) continue;  // a chart without a table of its own
      std::istringstream lines(*csv->second);
      std::string line;
      std::getline(lines, line);  // the header
      const std::string cells = body[1].str();
      for (auto r = std::sregex_iterator(cells.begin(), cells.end(), tr);
           r != std::sregex_iterator(); ++r) {
        ASSERT_TRUE(std::getline(lines, line)) << target << " has fewer rows than its table";
        if (line.ends_with('\r')) line.pop_back();
        std::vector<std::string> fields;
        std::stringstream split(line);
        for (std::string field; std::getline(split, field, ';');) fields.push_back(field);
        const std::string tds = (*r)[1].str();
        size_t k = 1;  // after the row's name
        for (auto c = std::sregex_iterator(tds.begin(), tds.end(), td); c != std::sregex_iterator();
             ++c, ++k) {
          ASSERT_LT(k, fields.size() + 1) << target << ": " << line;
          EXPECT_EQ(cell_says(k < fields.size() ? fields[k] : ""), cell_says((*c)[1].str()))
              << target << ": " << line;
        }
      }
      ++checked;
    }
  }
  EXPECT_GT(checked, 60);
}

TEST(DemoSite, ChartJsIsBundled) {
  bool found = false;
  for (const auto& file : demo_site().files) found = found || file.path == "assets/chart.umd.js";
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace sdm
