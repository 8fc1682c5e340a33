#pragma once
// The whole build as one short sequence of stages:
// load -> validate -> indicators -> disclosure -> page model -> render -> write.

#include <optional>
#include <string>
#include <vector>

#include "load/file_system.h"
#include "load/load_theme.h"
#include "model/output.h"
#include "util/diagnostic.h"

namespace sdm {

struct BuildOptions {
  std::string content_dir = "content";
  std::string out_dir = "site";
  ThemePaths theme;
  bool integrity = false;  // Subresource Integrity on our assets (breaks file://)
};

struct Generated {
  std::vector<OutputFile> files;
  size_t pages = 0;
  size_t editions = 0;
  std::string latest_edition;  // id of the edition at the site root
};

// Runs every stage but write. Returns nothing when any stage reported an error; all problems
// found up to that stage are in `diagnostics`.
std::optional<Generated> generate(const FileSystem& fs, const BuildOptions& options,
                                  Diagnostics& diagnostics);

// generate(), then write the site. Returns false (and writes nothing) on content errors.
bool build(const FileSystem& fs, const BuildOptions& options, Diagnostics& diagnostics,
           Generated* generated = nullptr);

}  // namespace sdm
