#include "load/site_inputs.h"

#include "util/digest.h"

namespace sdm {

SiteInputs::SiteInputs(const FileSystem& disk, const std::string& dir)
    : disk_(disk), dir_(join_path(dir, "")) {
  for (auto& rel : disk.list_files(dir))
    if (auto bytes = disk.read(dir_ + rel)) files_.emplace(std::move(rel), std::move(*bytes));
}

std::optional<std::string> SiteInputs::read(const std::string& path) const {
  if (path.starts_with(dir_))
    if (auto it = files_.find(path.substr(dir_.size())); it != files_.end()) return it->second;
  return disk_.read(path);
}

std::vector<std::string> SiteInputs::list_files(const std::string& dir) const {
  return disk_.list_files(dir);
}

std::vector<std::string> SiteInputs::list_dirs(const std::string& dir) const {
  return disk_.list_dirs(dir);
}

std::string SiteInputs::fingerprint(std::string_view context) const {
  Digest digest;
  digest.add(context);
  // Paths relative to the site: the same site moved elsewhere is the same site.
  for (const auto& [path, bytes] : files_) digest.add(path).add(bytes);
  return digest.hex();
}

std::string program_fingerprint(const FileSystem& disk) {
  Digest digest;
  digest.add(disk.read("/proc/self/exe").value_or("sdmonitor"));
  return digest.hex();
}

}  // namespace sdm
