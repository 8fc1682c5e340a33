#pragma once
// What the site is made of: templates and static assets going in, files coming out.

#include <string>
#include <vector>

namespace sdm {

struct OutputFile {
  std::string path;  // relative to the site root, '/'-separated, never absolute or with ".."
  std::string bytes;
};

struct TemplateFile {
  std::string name;  // "layout", as partials name it
  std::string file;  // for diagnostics
  std::string text;
};

// The theme as read from disk; the render stage parses its templates (render/theme.h).
struct ThemeFiles {
  std::string templates_dir;  // where a missing template belongs
  std::vector<TemplateFile> templates;
  std::vector<OutputFile> assets;  // copied to the site as they are
  std::string fingerprint;         // of every template and asset: a site made with another differs
};

}  // namespace sdm
