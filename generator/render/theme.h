#pragma once
// The theme as the render stage uses it: every template parsed once per run and shared, read-only,
// by every page, edition and site of the run.

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "model/output.h"
#include "render/template.h"
#include "util/diagnostic.h"

namespace sdm {

struct Theme {
  std::shared_ptr<const TemplateSet> templates;
  std::vector<OutputFile> assets;  // copied to the site as they are
  std::string fingerprint;         // of every template and asset: a site made with another differs
  std::set<std::string> ids;       // the ids templates write as they are: no heading may take one
};

// Parses every template and binds its partials. A template with a syntax error, a partial that is
// not there and a template the site needs but the folder lacks are reported at their file.
Theme parse_theme(ThemeFiles files, Diagnostics& diagnostics);

}  // namespace sdm
