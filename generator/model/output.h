#pragma once
// What the site is made of: templates and static assets going in, files coming out.

#include <memory>
#include <string>
#include <vector>

namespace sdm {

class TemplateSet;  // render/template.h

struct OutputFile {
  std::string path;  // relative to the site root, '/'-separated, never absolute or with ".."
  std::string bytes;
};

struct Theme {
  // Parsed once when the theme is loaded, shared by every page and edition of the run.
  std::shared_ptr<const TemplateSet> templates;
  std::vector<OutputFile> assets;  // copied to the site as they are
  std::string fingerprint;         // of every template and asset: a site made with another differs
};

}  // namespace sdm
