#pragma once
// What a generation of the output folder holds besides the site: the list of the files sdmonitor
// wrote there (everything else is the web team's, carried into the next generation) and, in a
// folder of sites, each site's stamp. And the state of a folder, to know it is as it was left.

#include <sys/stat.h>

#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "write/write_site.h"

namespace sdm {

// In the root of a folder of sites: a header line, then one line per site, "<name> <fingerprint>
// <pages> <editions> <files> <warnings> <state of its files>". Published with the sites; holds no
// content.
constexpr const char* kStampsFile = ".sdmonitor-stempels";
constexpr const char* kStampsHeader = "sdmonitor-stempels 3";
// In the root of every generation of the output folder: a header line, then the path of every
// file that sdmonitor wrote there, one a line, sorted. Whatever else the published folder holds
// is the web team's and is carried over into the next generation. It also marks a spare folder
// as sdmonitor's.
constexpr const char* kManifestFile = ".sdmonitor-bestanden";
constexpr const char* kManifestHeader = "sdmonitor-bestanden 1";

bool is_bookkeeping(const std::string& name);

// What every site sdmonitor makes has at its root, whatever the theme: Chart.js and the
// accessibility statement.
bool is_our_site(const std::filesystem::path& dir);

// A folder sdmonitor made before it kept a list of its files: empty, one site, or a folder of
// sites.
bool is_our_old_output(const std::filesystem::path& dir);

bool has_manifest(const std::filesystem::path& dir);

// The files that the build which made `dir` wrote there; none when it has no list of ours.
std::optional<std::set<std::string>> read_manifest(const std::filesystem::path& dir);

// Writes the list of our files into `dir` in one step (beside it, then renamed): a killed build
// never leaves the folder without one. Returns 0 or an errno value.
int write_manifest(const std::filesystem::path& dir, const std::set<std::string>& paths);

// Every file below `dir` (not folders, not the bookkeeping in its root), by path below it.
std::set<std::string> files_below(const std::filesystem::path& dir);

// Every folder that holds one of `paths`.
std::set<std::string> folders_of(const std::set<std::string>& paths);

// Notes below `dir` every entry that is not one of `ours` nor a folder of theirs: the web team's.
void find_foreign(const std::filesystem::path& dir, const std::string& rel,
                  const std::set<std::string>& ours, const std::set<std::string>& our_folders,
                  ForeignEntries& out);

// The entries of `all` below the folder `prefix` ("" for all; else ending in '/'), by path below
// it.
ForeignEntries below(const ForeignEntries& all, const std::string& prefix);

// Makes the folder `root` of the spare hold the web team's `entries` as the published folder
// `from` has them: the same file (a hard link, or else a copy), folders with their own modes.
void carry(const std::filesystem::path& from, const std::filesystem::path& root,
           const ForeignEntries& entries, const std::filesystem::path& target);

// One entry of a folder's state: its path below the folder, size and modification time.
std::string state_entry(const std::string& rel, const struct stat& info);
std::string state_digest(std::vector<std::string> entries);

// A digest of every entry below `dir` (folders by name, files also with size and modification
// time) but the web team's: a file changed, added or removed by hand since it was recorded gives
// another one. "?" when it cannot be read.
std::string folder_state(const std::filesystem::path& dir, const ForeignEntries& foreign);

}  // namespace sdm
