#include "load/file_system.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <set>

namespace fs = std::filesystem;

namespace sdm {

std::string join_path(const std::string& a, const std::string& b) {
  if (a.empty() || a == ".") return b;
  if (a.back() == '/') return a + b;
  return a + "/" + b;
}

// One open, one fstat and reads straight into the string: a corpus of many sites reads tens of
// thousands of files, and streams cost a stat and a copy more each.
std::optional<std::string> DiskFileSystem::read(const std::string& path) const {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct stat info;
  std::optional<std::string> out;
  if (::fstat(fd, &info) == 0 && S_ISREG(info.st_mode)) {
    std::string bytes(static_cast<size_t>(info.st_size), '\0');
    size_t done = 0;
    for (;;) {
      if (done == bytes.size()) bytes.resize(done + 4096);  // the file grew meanwhile
      ssize_t n = ::read(fd, bytes.data() + done, bytes.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) break;
      if (n == 0) {
        bytes.resize(done);
        out = std::move(bytes);
        break;
      }
      done += static_cast<size_t>(n);
    }
  }
  ::close(fd);
  return out;
}

std::vector<std::string> DiskFileSystem::list_files(const std::string& dir) const {
  std::vector<std::string> out;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return out;
  // The iterator's paths start with `dir` and a separator; fs::relative would resolve every
  // component of both paths on disk.
  size_t prefix = fs::path(dir).string().size();
  if (prefix && dir.back() != '/') ++prefix;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    if (it->is_regular_file(ec)) out.push_back(it->path().generic_string().substr(prefix));
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> DiskFileSystem::list_dirs(const std::string& dir) const {
  std::vector<std::string> out;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return out;
  for (const auto& entry : fs::directory_iterator(dir, ec))
    if (entry.is_directory(ec)) out.push_back(entry.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

// The kernel starts reading each file into its cache and returns at once. A site's files are
// otherwise read one at a time, each read waiting for the disk when the cache does not have it.
void DiskFileSystem::prefetch(const std::string& dir) const {
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    int fd = ::open(it->path().c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) continue;
    ::posix_fadvise(fd, 0, 0, POSIX_FADV_WILLNEED);
    ::close(fd);
  }
}

std::optional<std::string> MemoryFileSystem::read(const std::string& path) const {
  auto it = files_.find(path);
  if (it == files_.end()) return std::nullopt;
  return it->second;
}

std::vector<std::string> MemoryFileSystem::list_files(const std::string& dir) const {
  std::vector<std::string> out;
  std::string prefix = dir.empty() ? "" : (dir.back() == '/' ? dir : dir + "/");
  for (const auto& [path, content] : files_)
    if (path.rfind(prefix, 0) == 0) out.push_back(path.substr(prefix.size()));
  return out;
}

std::vector<std::string> MemoryFileSystem::list_dirs(const std::string& dir) const {
  std::set<std::string> names;
  for (const auto& rel : list_files(dir)) {
    auto slash = rel.find('/');
    if (slash != std::string::npos) names.insert(rel.substr(0, slash));
  }
  return {names.begin(), names.end()};
}

}  // namespace sdm
