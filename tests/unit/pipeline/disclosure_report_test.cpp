// check --list-hidden: what disclosure control found in the demo's data and what it hid, and why;
// and what the tiles say of the previous edition.

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "load/file_system.h"
#include "pipeline/pipeline.h"

namespace sdm {
namespace {

std::optional<Generated> generated(const std::string& content) {
  const std::string root = SDM_SOURCE_DIR;
  BuildOptions options;
  options.content_dir = content.starts_with('/') ? content : root + "/" + content;
  options.theme = {root + "/site-templates", root + "/assets",
                   root + "/node_modules/chart.js/dist/chart.umd.js"};
  DiskFileSystem fs;
  Diagnostics diagnostics;
  auto out = generate(fs, options, diagnostics);
  EXPECT_TRUE(out) << format_diagnostics(diagnostics);
  return out;
}

std::vector<std::string> demo_report() {
  auto site = generated("content");
  return site ? site->disclosure_report : std::vector<std::string>{};
}

// The bytes of one generated file; empty when it was not made.
std::string file_of(const Generated& site, const std::string& path) {
  auto it = std::find_if(site.files.begin(), site.files.end(),
                         [&](const OutputFile& f) { return f.path == path; });
  return it == site.files.end() ? "" : it->bytes;
}

bool has_line(const std::vector<std::string>& lines, const std::string& part) {
  return std::any_of(lines.begin(), lines.end(),
                     [&](const std::string& l) { return l.find(part) != std::string::npos; });
}

TEST(DisclosureReport, SaysWhatWasFoundAndWhatWasHiddenWhy) {
  auto lines = demo_report();
  EXPECT_TRUE(has_line(lines, "Editie 2024-q1:"));
  // A total under a label that does not say so, with the declaration that would keep it checked.
  EXPECT_TRUE(has_line(lines,
                       "'Aantal aanmeldingen' in sociale-basis/welzijn-op-recept.csv is de "
                       "som van de andere regels"));
  EXPECT_TRUE(has_line(lines, "'totaal: Aantal aanmeldingen'"));
  // One group in two datasets, and what that made the audit hide.
  EXPECT_TRUE(
      has_line(lines, "in participatie/trede.csv telt dezelfde personen als 'Uitkeringen'"));
  EXPECT_TRUE(has_line(lines,
                       "Trede 5: betaald werk met ondersteuning: niet getoond (x), anders is "
                       "Grafiek 23 'Trede participatieladder': 2024-03, Trede 6"));
  // No true value of a hidden count in the report: it names cells, never their numbers.
  for (const auto& line : lines) EXPECT_EQ(line.find("= 7"), std::string::npos) << line;
}

TEST(DisclosureReport, NamesTheRelationsFoundAcrossEditions) {
  // 2024-q1 merges 'Begeleiding' and 'Dagbesteding' of 2023-h2; both editions show the periods
  // they share, so the new member is checked as the sum of the old ones. The report says so once.
  auto site = generated("tests/attack/sites/samengevoegde-categorieen");
  ASSERT_TRUE(site);
  const auto& lines = site->disclosure_report;
  EXPECT_TRUE(has_line(lines, "relaties met eerdere edities (beschermd):"));
  auto found = std::count_if(lines.begin(), lines.end(), [](const std::string& l) {
    return l.find("(deze editie) is de som van") != std::string::npos &&
           l.find("(editie 2023-h2), in ") != std::string::npos;
  });
  EXPECT_EQ(found, 1);
}

TEST(DisclosureReport, ATileLosesItsChangeWhereThisEditionHidesThePreviousFigure) {
  // The previous edition showed instroom per quarter only; this one hides December 2023 as x to
  // protect November. "22, +7 t.o.v. vorige monitor" would give December = 15, then November =
  // the quarter − October − 15.
  auto site = generated("tests/attack/sites/tegelverschil-vorige-kwartaal");
  ASSERT_TRUE(site);
  const std::string html = file_of(*site, "index.html");
  EXPECT_NE(html.find("Nieuwe jeugdigen in zorg"), std::string::npos);
  EXPECT_EQ(html.find("t.o.v. vorige monitor"), std::string::npos);
  EXPECT_EQ(html.find("(herzien)"), std::string::npos);
  EXPECT_TRUE(has_line(site->disclosure_report, "december 2023: niet getoond (x)"));
}

TEST(DisclosureReport, AChangeIsAgainstTheRevisedFigureTheChartShows) {
  // The previous monitor said 609 clients in December 2023; this one revised December to 616.
  // "612, +3 t.o.v. vorige monitor" stood beside a chart going down from 616 to 612.
  auto site = generated("content");
  ASSERT_TRUE(site);
  const std::string html = file_of(*site, "index.html");
  const size_t tile = html.find("Cliënten in zorg Jeugd");
  ASSERT_NE(tile, std::string::npos);
  EXPECT_NE(html.find("\u22124 t.o.v. december 2023 (herzien)", tile), std::string::npos);
  EXPECT_EQ(html.substr(tile, 400).find("+3"), std::string::npos);
}

TEST(DisclosureReport, ATileOnTwoPagesIsOneChange) {
  // The Jeugd tile of the overview again at the top of its chapter: "Wat is er veranderd" listed
  // it twice.
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("sdm-tile-twice-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::copy(std::string(SDM_SOURCE_DIR) + "/content", dir, fs::copy_options::recursive);
  std::ofstream(dir / "2024-q1" / "jeugd.md", std::ios::app)
      << "\n```kerncijfers\n- titel: Cliënten in zorg Jeugd\n  data: jeugd/clienten-in-zorg.csv\n"
         "  kolom: Totaal\n  toon: laatste\n```\n";
  auto site = generated(dir.string());
  fs::remove_all(dir);
  ASSERT_TRUE(site);
  const std::string html = file_of(*site, "veranderd.html");
  const std::string item = "<strong>Cliënten in zorg Jeugd</strong>";
  const size_t first = html.find(item);
  ASSERT_NE(first, std::string::npos);
  EXPECT_EQ(html.find(item, first + 1), std::string::npos);
}

TEST(DisclosureReport, ChartNumbersAreAsPreciseAsTheTextBesideThem) {
  // A rate per 1.000 to sixteen digits gives the population back, and with it every count.
  auto site = generated("tests/attack/sites/per1000-onafgerond");
  ASSERT_TRUE(site);
  int numbers = 0;
  for (const auto& file : site->files) {
    if (!file.path.ends_with(".html")) continue;
    for (size_t at = file.bytes.find("\"data\":["); at != std::string::npos;
         at = file.bytes.find("\"data\":[", at + 1)) {
      const size_t end = file.bytes.find(']', at);
      std::string list = file.bytes.substr(at + 8, end - at - 8);
      for (size_t from = 0; from < list.size();) {
        size_t comma = std::min(list.find(',', from), list.size());
        std::string number = list.substr(from, comma - from);
        size_t point = number.find('.');
        if (number != "null") ++numbers;
        EXPECT_TRUE(point == std::string::npos || number.size() - point - 1 <= 1)
            << file.path << ": " << number;
        from = comma + 1;
      }
    }
  }
  EXPECT_GT(numbers, 100);
}

}  // namespace
}  // namespace sdm
