#include "load/load_theme.h"

#include <gtest/gtest.h>

namespace sdm {
namespace {

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
