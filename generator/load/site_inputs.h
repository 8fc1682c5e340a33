#pragma once
// Every file of one site's content folder, read once: what the site is built from, and the
// fingerprint by which a later build knows that nothing it is built from has changed.

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "load/file_system.h"

namespace sdm {

class SiteInputs : public FileSystem {
 public:
  // Reads every file below `dir` through `disk`.
  SiteInputs(const FileSystem& disk, const std::string& dir);

  // A file read at construction comes from memory; anything else from `disk`.
  std::optional<std::string> read(const std::string& path) const override;
  std::string unreadable(const std::string& path) const override { return disk_.unreadable(path); }
  std::vector<std::string> list_files(const std::string& dir) const override;
  std::vector<std::string> list_dirs(const std::string& dir) const override;

  // SHA-256 of `context` (what else decides the output: program, theme, options) and of every
  // file's path and bytes.
  std::string fingerprint(std::string_view context) const;

 private:
  const FileSystem& disk_;
  std::string dir_;                           // with a '/' at the end
  std::vector<std::string> listed_;           // every file below dir_, sorted, as disk_ listed it
  std::map<std::string, std::string> files_;  // path below dir_ -> bytes
};

// A fingerprint of the running program, so that a site made by another build of it is made anew.
std::string program_fingerprint(const FileSystem& disk);

}  // namespace sdm
