#include "load/file_system.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <set>

#include "util/diagnostic.h"

namespace fs = std::filesystem;

namespace sdm {

std::optional<std::string> read_or_report(const FileSystem& fs, const std::string& path,
                                          Diagnostics& diagnostics) {
  auto bytes = fs.read(path);
  if (!bytes) {
    const std::string why = fs.unreadable(path);
    if (!why.empty())
      diagnostics.error({path, 0, 0}, "dit bestand kan niet gelezen worden: " + why,
                        "maak er een gewoon bestand van dat leesbaar is voor wie sdmonitor "
                        "draait, of haal het weg");
  }
  return bytes;
}

bool is_there(const FileSystem& fs, const std::string& path) {
  return fs.read(path) || !fs.unreadable(path).empty();
}

std::string join_path(const std::string& a, const std::string& b) {
  if (a.empty() || a == ".") return b;
  if (a.back() == '/') return a + b;
  return a + "/" + b;
}

// One open, one fstat and reads straight into the string: a corpus of many sites reads tens of
// thousands of files, and streams cost a stat and a copy more each.
std::optional<std::string> DiskFileSystem::read(const std::string& path) const {
  // Without blocking: a pipe in place of a file would wait for a writer forever.
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
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

namespace {

std::string reason(int error) {
  switch (error) {
    case EACCES:
    case EPERM:
      return "er zijn geen leesrechten";
    case EISDIR:
      return "het is een map, geen bestand";
    case ELOOP:
      return "het is een symbolische koppeling die naar zichzelf verwijst";
    case EIO:
      return "de schijf gaf een leesfout";
    case ENAMETOOLONG:
      return "de naam is te lang";
    default:
      return "het besturingssysteem gaf foutcode " + std::to_string(error);
  }
}

}  // namespace

std::string DiskFileSystem::unreadable(const std::string& path) const {
  struct stat info;
  if (::stat(path.c_str(), &info) != 0)
    return errno == ENOENT || errno == ENOTDIR ? "" : reason(errno);
  if (S_ISDIR(info.st_mode)) return reason(EISDIR);
  if (!S_ISREG(info.st_mode)) return "het is geen gewoon bestand, maar bijvoorbeeld een pipe";
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return reason(errno);
  char byte;
  const bool failed = ::read(fd, &byte, 1) < 0;
  const int error = errno;
  ::close(fd);
  return failed ? reason(error) : "";
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
    if (!it->is_directory(ec)) out.push_back(it->path().generic_string().substr(prefix));
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

std::string MemoryFileSystem::unreadable(const std::string& path) const {
  auto it = unreadable_.find(path);
  return it == unreadable_.end() ? "" : it->second;
}

std::vector<std::string> MemoryFileSystem::list_files(const std::string& dir) const {
  std::vector<std::string> out;
  std::string prefix = dir.empty() ? "" : (dir.back() == '/' ? dir : dir + "/");
  for (const auto* files : {&files_, &unreadable_})
    for (const auto& [path, content] : *files)
      if (path.rfind(prefix, 0) == 0) out.push_back(path.substr(prefix.size()));
  std::sort(out.begin(), out.end());
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
