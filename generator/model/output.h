#pragma once
// What the site is made of: templates and static assets going in, files coming out.

#include <map>
#include <string>
#include <vector>

namespace sdm {

struct OutputFile {
  std::string path;  // relative to the site root, '/'-separated, never absolute or with ".."
  std::string bytes;
};

struct Theme {
  std::map<std::string, std::string> templates;  // name without ".mustache" -> template text
  std::vector<OutputFile> assets;                // copied to the site as they are
};

}  // namespace sdm
