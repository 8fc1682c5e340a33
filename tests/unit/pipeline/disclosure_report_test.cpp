// check --list-hidden: what disclosure control found in the demo's data and what it hid, and why.

#include <gtest/gtest.h>

#include <algorithm>

#include "load/file_system.h"
#include "pipeline/pipeline.h"

namespace sdm {
namespace {

std::vector<std::string> demo_report() {
  const std::string root = SDM_SOURCE_DIR;
  BuildOptions options;
  options.content_dir = root + "/content";
  options.theme = {root + "/site-templates", root + "/assets",
                   root + "/node_modules/chart.js/dist/chart.umd.js"};
  DiskFileSystem fs;
  Diagnostics diagnostics;
  auto generated = generate(fs, options, diagnostics);
  EXPECT_TRUE(generated) << format_diagnostics(diagnostics);
  return generated ? generated->disclosure_report : std::vector<std::string>{};
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

}  // namespace
}  // namespace sdm
