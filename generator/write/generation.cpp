#include "write/generation.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <fstream>

#include "util/digest.h"
#include "write/disk.h"

namespace fs = std::filesystem;

namespace sdm {

bool is_bookkeeping(const std::string& name) {
  return name == kStampsFile || name == kManifestFile;
}

bool is_our_site(const fs::path& dir) {
  return type_of(dir / "assets" / "chart.umd.js") == fs::file_type::regular &&
         type_of(dir / "toegankelijkheid.html") == fs::file_type::regular;
}

bool is_our_old_output(const fs::path& dir) {
  if (is_our_site(dir)) return true;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (is_bookkeeping(entry.path().filename().string())) continue;
    if (entry.symlink_status().type() != fs::file_type::directory || !is_our_site(entry.path()))
      return false;
  }
  return true;  // empty, or only sites
}

bool has_manifest(const fs::path& dir) {
  return type_of(dir / kManifestFile) == fs::file_type::regular;
}

std::optional<std::set<std::string>> read_manifest(const fs::path& dir) {
  std::ifstream in(dir / kManifestFile);
  std::string line;
  if (!std::getline(in, line) || line != kManifestHeader) return std::nullopt;
  std::set<std::string> paths;
  while (std::getline(in, line))
    if (!line.empty()) paths.insert(line);
  return paths;
}

int write_manifest(const fs::path& dir, const std::set<std::string>& paths) {
  std::string text = std::string(kManifestHeader) + "\n";
  for (const auto& path : paths) text += path + "\n";
  const std::string scratch = (dir / kManifestFile).string() + kScratch;
  if (int error = write_file(AT_FDCWD, scratch.c_str(), text, kFileMode)) return error;
  return ::rename(scratch.c_str(), (dir / kManifestFile).c_str()) == 0 ? 0 : errno;
}

std::set<std::string> files_below(const fs::path& dir) {
  std::set<std::string> out;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    const std::string rel = it->path().lexically_relative(dir).string();
    if (it->symlink_status().type() != fs::file_type::directory && !is_bookkeeping(rel))
      out.insert(rel);
  }
  return out;
}

std::set<std::string> folders_of(const std::set<std::string>& paths) {
  std::set<std::string> out;
  for (const auto& path : paths)
    for (size_t slash = path.find('/'); slash != std::string::npos;
         slash = path.find('/', slash + 1))
      out.insert(path.substr(0, slash));
  return out;
}

void find_foreign(const fs::path& dir, const std::string& rel, const std::set<std::string>& ours,
                  const std::set<std::string>& our_folders, ForeignEntries& out) {
  for (const auto& entry : fs::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (rel.empty() && is_bookkeeping(name)) continue;
    const std::string path = rel + name;
    struct stat info;
    if (::lstat(entry.path().c_str(), &info) != 0) continue;  // gone meanwhile
    if (S_ISDIR(info.st_mode)) {
      if (!our_folders.count(path)) out[path] = {true, info.st_mode & 07777};
      find_foreign(entry.path(), path + "/", ours, our_folders, out);
    } else if (!ours.count(path)) {
      out[path] = {false, info.st_mode & 07777};
    }
  }
}

ForeignEntries below(const ForeignEntries& all, const std::string& prefix) {
  ForeignEntries out;
  for (auto it = all.lower_bound(prefix); it != all.end() && it->first.starts_with(prefix); ++it)
    if (it->first.size() > prefix.size()) out[it->first.substr(prefix.size())] = it->second;
  return out;
}

void carry(const fs::path& from, const fs::path& root, const ForeignEntries& entries,
           const fs::path& target) {
  for (const auto& [rel, entry] : entries) {  // a folder before what is in it
    const fs::path source = from / rel, dest = root / rel;
    struct stat have, want;
    bool exists = ::lstat(dest.c_str(), &have) == 0;
    if (entry.folder) {
      if (exists && !S_ISDIR(have.st_mode)) {
        remove_entry(dest, target);
        exists = false;
      }
      if (!exists && ::mkdir(dest.c_str(), kFolderMode) != 0) fail_with(errno, target, rel);
      if ((!exists || (have.st_mode & 07777) != entry.mode) && ::chmod(dest.c_str(), entry.mode))
        fail_with(errno, target, rel);
      continue;
    }
    if (::lstat(source.c_str(), &want) != 0) continue;  // removed meanwhile
    if (exists && have.st_dev == want.st_dev && have.st_ino == want.st_ino) continue;
    const fs::path scratch = dest.string() + kScratch;
    ::unlink(scratch.c_str());
    make_parents(root, rel, target);  // a folder of ours that this build has not made yet
    if (::linkat(AT_FDCWD, source.c_str(), AT_FDCWD, scratch.c_str(), 0) != 0 &&
        !copy_entry(source, scratch, want, target, rel))
      continue;
    if (exists && S_ISDIR(have.st_mode)) remove_entry(dest, target);
    if (::rename(scratch.c_str(), dest.c_str()) != 0) fail_with(errno, target, rel);
  }
}

std::string state_entry(const std::string& rel, const struct stat& info) {
  return rel + ":" + std::to_string(info.st_size) + ":" + std::to_string(info.st_mtim.tv_sec) +
         "." + std::to_string(info.st_mtim.tv_nsec);
}

std::string state_digest(std::vector<std::string> entries) {
  std::sort(entries.begin(), entries.end());
  Digest digest;
  for (const auto& entry : entries) digest.add(entry);
  return digest.hex();
}

std::string folder_state(const fs::path& dir, const ForeignEntries& foreign) {
  std::vector<std::string> entries;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    const std::string rel = it->path().lexically_relative(dir).string();
    if (foreign.count(rel)) continue;
    struct stat info;
    if (::lstat(it->path().c_str(), &info) != 0) return "?";
    entries.push_back(S_ISDIR(info.st_mode) ? rel + "/" : state_entry(rel, info));
  }
  if (ec) return "?";
  return state_digest(std::move(entries));
}

}  // namespace sdm
