#pragma once
// Reads the site templates, our static assets and the bundled Chart.js.

#include <string>

#include "load/file_system.h"
#include "model/output.h"
#include "util/diagnostic.h"

namespace sdm {

struct ThemePaths {
  std::string templates_dir = "site-templates";
  std::string assets_dir = "assets";
  std::string chartjs = "node_modules/chart.js/dist/chart.umd.js";
};

// Assets land under "assets/" in the site; Chart.js as "assets/chart.umd.js".
Theme load_theme(const FileSystem& fs, const ThemePaths& paths, Diagnostics& diagnostics);

}  // namespace sdm
