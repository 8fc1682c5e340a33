#pragma once
// The theme of the running program: found from where the program itself is on disk.

#include <string>

#include "load/load_theme.h"

namespace sdm {

// The templates, assets and Chart.js next to the installed program, or in `source_dir` when the
// program runs from `build_dir`, the build folder of that source tree (see default_theme_paths).
// Both may be empty. The defaults of ThemePaths when the program's own path cannot be read.
ThemePaths program_theme(const std::string& source_dir, const std::string& build_dir);

}  // namespace sdm
