#pragma once
// The whole build as one short sequence of whole-site stages, each a folder of generator/:
// load -> validate -> indicators -> disclosure -> pagemodel -> render -> write.
// Every command runs it: build and check (run_sites), pdf, serve and check --list-hidden
// (generate); check --list-figures runs its first stage.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "load/file_system.h"
#include "load/load_theme.h"
#include "model/computed.h"
#include "model/output.h"
#include "render/theme.h"
#include "util/diagnostic.h"
#include "write/write_site.h"

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
  // Per edition, what disclosure control found and hid, in Dutch (check --list-hidden).
  std::vector<std::string> disclosure_report;
};

// The theme, read from disk and its templates parsed: once per run.
Theme prepare_theme(const FileSystem& fs, const ThemePaths& paths, Diagnostics& diagnostics);

// Runs every stage but write for the one site in options.content_dir. Returns nothing when any
// stage reported an error; all problems found up to that stage are in `diagnostics`.
std::optional<Generated> generate(const FileSystem& fs, const BuildOptions& options,
                                  Diagnostics& diagnostics);

// Changes an edition's computed figures before disclosure control. Only the attacker test uses
// one: it builds the same site with every count published, to know what each hidden cell holds.
using ComputedHook = std::function<void(ComputedEdition&)>;

// The same for the editions in `content_dir`, with a theme loaded before: sites built at the
// same time share it, read-only.
std::optional<Generated> generate_site(const FileSystem& fs, const std::string& content_dir,
                                       const Theme& theme, bool integrity, Diagnostics& diagnostics,
                                       const ComputedHook& before_disclosure = {});

struct SiteOutcome {
  std::string name;  // folder in the output; "" when the content folder is one site
  Diagnostics diagnostics;
  bool ok = false;
  bool unchanged = false;  // left as the previous build made it: nothing it is made from changed
  size_t pages = 0, editions = 0, files = 0;
  size_t warnings_not_shown = 0;  // of an unchanged site: the warnings its build gave
};

struct RunOutcome {
  bool many = false;               // the content folder is a folder of sites
  Diagnostics diagnostics;         // about the content folder and the theme
  std::vector<SiteOutcome> sites;  // sorted by name
  WriteStats written;
  bool ok() const;  // no errors anywhere
  std::vector<std::string> failed_sites() const;
  size_t pages() const;
  size_t editions() const;
  size_t files() const;
  size_t unchanged() const;
  size_t warnings_not_shown() const;
};

// Checks (write == false) or builds every site of options.content_dir (one site, or a folder of
// sites), the sites in parallel. Writes options.out_dir (one site, or one folder per site) only
// when no site has an error; otherwise the published output stays as it was.
RunOutcome run_sites(const FileSystem& fs, const BuildOptions& options, bool write);

}  // namespace sdm
