#include "load/file_system.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <set>

#include "util/diagnostic.h"
#include "util/system_error.h"

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

std::string link_outside_reason(const std::string& link, const std::string& target,
                                const std::string& content_root) {
  return "het gaat via de symbolische koppeling " + link + " naar " + target +
         ", buiten de inhoudsmap " + content_root;
}

namespace {

// Whether `path` is `root` or below it; both lexically normal.
bool is_below(const std::string& path, const std::string& root) {
  if (root == ".") return !path.starts_with('/') && path != ".." && !path.starts_with("../");
  if (root == "/") return path.starts_with('/');
  return path == root || (path.starts_with(root) && path[root.size()] == '/');
}

std::string lexically_normal(const std::string& path) {
  std::string out = fs::path(path).lexically_normal().generic_string();
  if (out.size() > 1 && out.back() == '/') out.pop_back();
  return out.empty() ? "." : out;
}

}  // namespace

std::string join_path(const std::string& a, const std::string& b) {
  if (a.empty() || a == ".") return b;
  if (a.back() == '/') return a + b;
  return a + "/" + b;
}

DiskFileSystem::DiskFileSystem(std::string content_root) {
  if (content_root.empty()) return;
  root_ = lexically_normal(content_root);
  std::error_code ec;
  root_real_ = fs::weakly_canonical(root_, ec).string();
  if (ec || root_real_.empty()) root_real_ = root_;
}

std::string DiskFileSystem::leaves_root(const std::string& path) const {
  if (root_.empty()) return {};
  const std::string normal = lexically_normal(path);
  if (!is_below(normal, root_)) return {};
  char* resolved = ::realpath(normal.c_str(), nullptr);
  if (!resolved) return {};  // not there, or a dangling link: nothing is read either way
  const std::string real(resolved);
  std::free(resolved);
  if (is_below(real, root_real_)) return {};
  // Name the first link on the way that leads out: the one to replace by a copy.
  std::error_code ec;
  fs::path step = root_ == "." ? fs::path() : fs::path(root_);
  for (const auto& part : fs::path(root_ == "." ? normal : normal.substr(root_.size()))) {
    if (part.empty() || part == "/") continue;
    step /= part;
    if (!fs::is_symlink(step, ec)) continue;
    const std::string target = fs::weakly_canonical(step, ec).string();
    if (!ec && !is_below(target, root_real_))
      return link_outside_reason(step.generic_string(), fs::read_symlink(step, ec).string(), root_);
  }
  return link_outside_reason(normal, real, root_);
}

bool DiskFileSystem::folder_inside(const std::string& folder) const {
  {
    std::lock_guard lock(mutex_);
    if (auto it = inside_.find(folder); it != inside_.end()) return it->second;
  }
  char* resolved = ::realpath(folder.c_str(), nullptr);
  if (!resolved) return false;  // not there: not remembered, the slow path tells why
  const bool inside = is_below(resolved, root_real_);
  std::free(resolved);
  std::lock_guard lock(mutex_);
  inside_.emplace(folder, inside);
  return inside;
}

int DiskFileSystem::open_inside(const std::string& path) const {
  // Without blocking: a pipe in place of a file would wait for a writer forever.
  constexpr int kFlags = O_RDONLY | O_CLOEXEC | O_NONBLOCK;
  if (!root_.empty()) {
    const std::string normal = lexically_normal(path);
    const size_t slash = normal.rfind('/');
    // A file in a folder known to lie inside leads out only when it is a link itself, which
    // O_NOFOLLOW refuses: one resolution per folder instead of a system call per path component
    // per file, tens of thousands of files in a folder of sites.
    if (is_below(normal, root_) && slash != std::string::npos &&
        folder_inside(normal.substr(0, slash))) {
      int fd = ::open(path.c_str(), kFlags | O_NOFOLLOW);
      if (fd >= 0 || errno != ELOOP) return fd;
    }
  }
  if (!leaves_root(path).empty()) {
    errno = EACCES;
    return -1;
  }
  return ::open(path.c_str(), kFlags);
}

// One open, one fstat and reads straight into the string: a corpus of many sites reads tens of
// thousands of files, and streams cost a stat and a copy more each.
std::optional<std::string> DiskFileSystem::read(const std::string& path) const {
  int fd = open_inside(path);
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

// A reader is told about reading: "no permission" alone would leave them guessing which.
std::string reason(int error) {
  return error == EACCES || error == EPERM ? "er zijn geen leesrechten" : dutch_errno(error);
}

}  // namespace

std::string DiskFileSystem::unreadable(const std::string& path) const {
  if (std::string why = leaves_root(path); !why.empty()) return why;
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

void MemoryFileSystem::add_link(const std::string& path, const std::string& target,
                                const std::string& content_root) {
  const std::string folder = path.substr(0, path.find_last_of('/') + 1);
  links_[path] = {lexically_normal(target.starts_with('/') ? target : folder + target),
                  lexically_normal(content_root)};
}

std::pair<std::string, std::string> MemoryFileSystem::resolve(const std::string& path) const {
  std::string current = lexically_normal(path);
  // Each round replaces one link on the way; a bounded number of rounds ends a loop of links.
  for (int round = 0; round < 40; ++round) {
    bool followed = false;
    for (const auto& [link, to] : links_) {
      if (!is_below(current, link)) continue;
      if (!is_below(to.target, to.content_root))
        return {"", link_outside_reason(link, to.target, to.content_root)};
      current = to.target + current.substr(link.size());
      followed = true;
      break;
    }
    if (!followed) return {current, ""};
  }
  return {"", reason(ELOOP)};
}

std::optional<std::string> MemoryFileSystem::read(const std::string& path) const {
  auto it = files_.find(resolve(path).first);
  if (it == files_.end()) return std::nullopt;
  return it->second;
}

std::string MemoryFileSystem::unreadable(const std::string& path) const {
  if (auto [resolved, why] = resolve(path); !why.empty()) return why;
  auto it = unreadable_.find(path);
  return it == unreadable_.end() ? "" : it->second;
}

std::vector<std::string> MemoryFileSystem::list_files(const std::string& dir) const {
  std::vector<std::string> out;
  std::string prefix = dir.empty() ? "" : (dir.back() == '/' ? dir : dir + "/");
  for (const auto* files : {&files_, &unreadable_})
    for (const auto& [path, content] : *files)
      if (path.rfind(prefix, 0) == 0) out.push_back(path.substr(prefix.size()));
  for (const auto& [path, link] : links_)
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
