#pragma once
// `sdmonitor serve`: one rebuild of the preview after a change on disk.

#include <string>

#include "pipeline/pipeline.h"
#include "serve/preview_site.h"

namespace sdm {

// Builds the site in options.content_dir again and shows it in `site`, or its errors when it has
// some. Returns what to tell the editor, in Dutch: the diagnostics and how long it took.
std::string rebuild_preview(const BuildOptions& options, PreviewSite& site);

}  // namespace sdm
