#pragma once
// Reads the site templates, our static assets and the bundled Chart.js.

#include <string>

#include "load/file_system.h"
#include "model/output.h"
#include "util/diagnostic.h"

namespace sdm {

// Relative paths are taken from the working folder; these defaults are the source tree's layout.
struct ThemePaths {
  std::string templates_dir = "site-templates";
  std::string assets_dir = "assets";
  std::string chartjs = "node_modules/chart.js/dist/chart.umd.js";
};

// Where the theme is when no option names it. A binary installed as <prefix>/bin/sdmonitor (by
// `cmake --install`) finds it in <prefix>/share/sdmonitor; otherwise, when `source_dir` is given
// (a binary run from the build folder of that source tree), in the source tree; otherwise
// relative to the working folder. `executable`: the program's own absolute path.
ThemePaths default_theme_paths(const FileSystem& fs, const std::string& executable,
                               const std::string& source_dir);

// Every template (*.mustache) of the templates folder, unparsed. Assets land under "assets/" in
// the site; Chart.js as "assets/chart.umd.js".
ThemeFiles load_theme(const FileSystem& fs, const ThemePaths& paths, Diagnostics& diagnostics);

}  // namespace sdm
