#include "render/theme.h"

#include <gtest/gtest.h>

#include "load/load_theme.h"

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

TEST(ParseTheme, TemplatesAreParsedOnce) {
  MemoryFileSystem fs = theme_files();
  Diagnostics diagnostics;
  Theme theme = parse_theme(load_theme(fs, paths(), diagnostics), diagnostics);
  ASSERT_FALSE(diagnostics.has_errors()) << format_diagnostics(diagnostics);
  EXPECT_EQ(theme.templates->render("layout", {{"title", "a<b"}}), "<p>a&lt;b</p>\n");
}

TEST(ParseTheme, SyntaxErrorsNameFileAndLine) {
  MemoryFileSystem fs = theme_files();
  fs.add("t/tabel.mustache", "<table>\n{{#rows}}\n<tr>\n</table>\n");
  fs.add("t/layout.mustache", "{{> kop}}");
  Diagnostics diagnostics;
  parse_theme(load_theme(fs, paths(), diagnostics), diagnostics);
  ASSERT_EQ(diagnostics.items().size(), 1u) << format_diagnostics(diagnostics);
  const Diagnostic& d = diagnostics.items()[0];
  EXPECT_EQ(d.where.file, "t/tabel.mustache");
  EXPECT_EQ(d.where.line, 2);
  EXPECT_EQ(d.message, "'{{#rows}}' wordt niet gesloten met '{{/rows}}'");
}

TEST(ParseTheme, UnknownPartialIsReported) {
  MemoryFileSystem fs = theme_files();
  fs.add("t/layout.mustache", "<main>\n{{> kop}}\n</main>\n");
  Diagnostics diagnostics;
  parse_theme(load_theme(fs, paths(), diagnostics), diagnostics);
  ASSERT_EQ(diagnostics.items().size(), 1u) << format_diagnostics(diagnostics);
  EXPECT_EQ(diagnostics.items()[0].where.file, "t/layout.mustache");
  EXPECT_EQ(diagnostics.items()[0].where.line, 2);
}

TEST(ParseTheme, MissingTemplateIsReported) {
  MemoryFileSystem fs;
  fs.add("chart.js", "//");
  fs.add("t/layout.mustache", "x");
  Diagnostics diagnostics;
  parse_theme(load_theme(fs, paths(), diagnostics), diagnostics);
  // All but the layout.
  ASSERT_EQ(diagnostics.items().size(), kTemplates.size() - 1) << format_diagnostics(diagnostics);
  for (const auto& d : diagnostics.items()) EXPECT_EQ(d.message, "sjabloon ontbreekt");
}

}  // namespace
}  // namespace sdm
