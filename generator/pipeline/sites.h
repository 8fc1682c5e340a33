#pragma once
// A content folder holds one site (its subfolders are editions, each with an editie.yaml) or a
// folder of sites, one per municipality or region (DIR/<site>/<edition>/editie.yaml), which one
// run builds into OUT/<site>/.

#include <string>
#include <vector>

#include "load/file_system.h"
#include "util/diagnostic.h"

namespace sdm {

struct SiteFolder {
  std::string name;         // the site's folder in the output; "" when the content is one site
  std::string content_dir;  // the folder with its editions
};

struct SiteLayout {
  bool many = false;              // a folder of sites
  std::vector<SiteFolder> sites;  // sorted by name
};

// One site: `content_dir` itself when a subfolder has an editie.yaml (or when nothing does, so
// that loading reports the missing edition). A folder of sites when no subfolder is an edition
// but some sub-subfolder is. Reports a folder that mixes editions and sites, and a site name that
// cannot be a folder name in the output, as errors; a subfolder without editions as a warning.
SiteLayout find_sites(const FileSystem& fs, const std::string& content_dir,
                      Diagnostics& diagnostics);

// pdf, serve and check --list-figures work on one site: for a folder of sites, why `command`
// refuses it and which folder to give instead, in Dutch; empty for one site.
std::string one_site_only(const FileSystem& fs, const std::string& content_dir,
                          const std::string& command);

}  // namespace sdm
