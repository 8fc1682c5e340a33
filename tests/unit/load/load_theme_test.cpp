#include "load/load_theme.h"

#include <gtest/gtest.h>

#include "render/template.h"

namespace sdm {
namespace {

// Every template the site needs.
const std::vector<std::string> kTemplates = {
    "layout",    "grafiek", "tabel",     "kerncijfers",      "cel",
    "veranderd", "afdruk",  "insluiten", "toegankelijkheid", "kwartalen"};

MemoryFileSystem theme_files() {
  MemoryFileSystem fs;
  for (const auto& name : kTemplates)
    fs.add(std::string("t/") + name + ".mustache", "<p>{{title}}</p>\n");
  fs.add("chart.js", "//");
  return fs;
}

ThemePaths paths() {
  return {"t", "a", "chart.js"};
}

TEST(LoadTheme, TemplatesAreParsedOnce) {
  MemoryFileSystem fs = theme_files();
  Diagnostics diagnostics;
  Theme theme = load_theme(fs, paths(), diagnostics);
  ASSERT_FALSE(diagnostics.has_errors()) << format_diagnostics(diagnostics);
  EXPECT_EQ(theme.templates->render("layout", {{"title", "a<b"}}), "<p>a&lt;b</p>\n");
}

TEST(LoadTheme, SyntaxErrorsNameFileAndLine) {
  MemoryFileSystem fs = theme_files();
  fs.add("t/tabel.mustache", "<table>\n{{#rows}}\n<tr>\n</table>\n");
  fs.add("t/layout.mustache", "{{> kop}}");
  Diagnostics diagnostics;
  load_theme(fs, paths(), diagnostics);
  ASSERT_EQ(diagnostics.items().size(), 1u) << format_diagnostics(diagnostics);
  const Diagnostic& d = diagnostics.items()[0];
  EXPECT_EQ(d.where.file, "t/tabel.mustache");
  EXPECT_EQ(d.where.line, 2);
  EXPECT_EQ(d.message, "'{{#rows}}' wordt niet gesloten met '{{/rows}}'");
}

TEST(LoadTheme, UnknownPartialIsReported) {
  MemoryFileSystem fs = theme_files();
  fs.add("t/layout.mustache", "<main>\n{{> kop}}\n</main>\n");
  Diagnostics diagnostics;
  load_theme(fs, paths(), diagnostics);
  ASSERT_EQ(diagnostics.items().size(), 1u) << format_diagnostics(diagnostics);
  EXPECT_EQ(diagnostics.items()[0].where.file, "t/layout.mustache");
  EXPECT_EQ(diagnostics.items()[0].where.line, 2);
}

TEST(LoadTheme, MissingTemplateIsReported) {
  MemoryFileSystem fs;
  fs.add("chart.js", "//");
  fs.add("t/layout.mustache", "x");
  Diagnostics diagnostics;
  load_theme(fs, paths(), diagnostics);
  // All but the layout.
  ASSERT_EQ(diagnostics.items().size(), kTemplates.size() - 1) << format_diagnostics(diagnostics);
  for (const auto& d : diagnostics.items()) EXPECT_EQ(d.message, "sjabloon ontbreekt");
}

// An installed binary takes the theme from <prefix>/share/sdmonitor, one in its build folder from
// the source tree, any other the paths relative to the working folder.
TEST(DefaultThemePaths, InstalledThenSourceTreeThenWorkingFolder) {
  MemoryFileSystem fs;
  fs.add("/opt/sdm/share/sdmonitor/site-templates/layout.mustache", "x");
  fs.add("/src/site-templates/layout.mustache", "x");
  const ThemePaths relative;
  struct Case {
    std::string executable, source_dir;
    ThemePaths expected;
  };
  const Case cases[] = {
      {"/opt/sdm/bin/sdmonitor",
       "/src",
       {"/opt/sdm/share/sdmonitor/site-templates", "/opt/sdm/share/sdmonitor/assets",
        "/opt/sdm/share/sdmonitor/chart.js/chart.umd.js"}},
      {"/src/build/sdmonitor",
       "/src",
       {"/src/site-templates", "/src/assets", "/src/node_modules/chart.js/dist/chart.umd.js"}},
      {"/usr/local/bin/sdmonitor", "", relative},
      {"", "/gone", relative},
  };
  for (const auto& c : cases) {
    ThemePaths found = default_theme_paths(fs, c.executable, c.source_dir);
    EXPECT_EQ(found.templates_dir, c.expected.templates_dir) << c.executable;
    EXPECT_EQ(found.assets_dir, c.expected.assets_dir) << c.executable;
    EXPECT_EQ(found.chartjs, c.expected.chartjs) << c.executable;
  }
}

}  // namespace
}  // namespace sdm
