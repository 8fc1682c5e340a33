#include "write/write_site.h"

#include <fcntl.h>
#include <stdio.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include "util/diagnostic.h"
#include "util/digest.h"
#include "util/system_error.h"
#include "util/text.h"

namespace fs = std::filesystem;

namespace sdm {
namespace {

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
constexpr const char* kScratch = ".sdmonitor-tmp";

// Files 0644 and folders 0755 whatever the umask: the web server reading the site may run as
// another user.
constexpr mode_t kFileMode = 0644, kFolderMode = 0755;

bool is_bookkeeping(const std::string& name) {
  return name == kStampsFile || name == kManifestFile;
}

fs::file_type type_of(const fs::path& path) {
  std::error_code ec;
  return fs::symlink_status(path, ec).type();
}

// A tip for the usual causes, safe to follow: it never asks to remove anything.
std::string tip_for(int error) {
  switch (error) {
    case EACCES:
    case EPERM:
    case EROFS:
      return "kies met --out een map waarin u mag schrijven, of vraag de beheerder om "
             "schrijfrechten";
    case ENOSPC:
    case EDQUOT:
      return "maak ruimte vrij op de schijf en bouw opnieuw";
    default:
      return "los dit op en bouw opnieuw";
  }
}

// A failure in writing the site in `target`, before it was published: the message names the
// output folder (and `detail` when it helps) and says that the published site is as it was.
[[noreturn]] void fail_with(int error, const fs::path& target, const std::string& detail = {}) {
  const bool exists = type_of(target) == fs::file_type::directory;
  throw FatalError(
      "kan de site in " + target.string() + " niet schrijven" +
      (detail.empty() ? "" : " (" + detail + ")") + ": " + dutch_errno(error) +
      "\n  tip: " + tip_for(error) +
      (exists ? "; de gepubliceerde site is niet veranderd" : "; er is niets gepubliceerd"));
}

[[noreturn]] void fail_fs(const fs::filesystem_error& e, const fs::path& target) {
  fail_with(e.code().value(), target, e.path1().filename().string());
}

// Writes `bytes` as the file `name` in the folder `dir` (a descriptor, or AT_FDCWD with a whole
// path), with `mode` unless that is 0; with `info`, also notes the file's size and modification
// time as written. Returns 0 or the errno value of the failure.
int write_file(int dir, const char* name, const std::string& bytes, mode_t mode,
               struct stat* info = nullptr) {
  int fd = ::openat(dir, name, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode ? mode : 0644);
  if (fd < 0) return errno;
  int error = 0;
  for (size_t done = 0; done < bytes.size() && !error;) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno != EINTR) error = errno;
    if (n > 0) done += static_cast<size_t>(n);
  }
  if (!error && mode && ::fchmod(fd, mode) != 0) error = errno;
  if (!error && info && ::fstat(fd, info) != 0) error = errno;
  if (::close(fd) != 0 && !error) error = errno;
  return error;
}

// True when the file `name` in the folder `dir` (known to have bytes.size() bytes) holds exactly
// `bytes`.
bool same_bytes(int dir, const char* name, const std::string& bytes, std::string& buffer) {
  int fd = ::openat(dir, name, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  buffer.resize(bytes.size() + 1);  // one more, to notice a file that grew meanwhile
  size_t done = 0;
  for (ssize_t n; done < buffer.size(); done += static_cast<size_t>(n)) {
    n = ::read(fd, buffer.data() + done, buffer.size() - done);
    if (n < 0 && errno == EINTR)
      n = 0;
    else if (n <= 0)
      break;
  }
  ::close(fd);
  return done == bytes.size() && std::memcmp(buffer.data(), bytes.data(), done) == 0;
}

// What every site sdmonitor makes has at its root, whatever the theme: Chart.js and the
// accessibility statement.
bool is_our_site(const fs::path& dir) {
  return type_of(dir / "assets" / "chart.umd.js") == fs::file_type::regular &&
         type_of(dir / "toegankelijkheid.html") == fs::file_type::regular;
}

// A folder sdmonitor made before it kept a list of its files: empty, one site, or a folder of
// sites.
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

// The files that the build which made `dir` wrote there; none when it has no list of ours.
std::optional<std::set<std::string>> read_manifest(const fs::path& dir) {
  std::ifstream in(dir / kManifestFile);
  std::string line;
  if (!std::getline(in, line) || line != kManifestHeader) return std::nullopt;
  std::set<std::string> paths;
  while (std::getline(in, line))
    if (!line.empty()) paths.insert(line);
  return paths;
}

// Writes the list of our files into `dir` in one step (beside it, then renamed): a killed build
// never leaves the folder without one.
int write_manifest(const fs::path& dir, const std::set<std::string>& paths) {
  std::string text = std::string(kManifestHeader) + "\n";
  for (const auto& path : paths) text += path + "\n";
  const std::string scratch = (dir / kManifestFile).string() + kScratch;
  if (int error = write_file(AT_FDCWD, scratch.c_str(), text, kFileMode)) return error;
  return ::rename(scratch.c_str(), (dir / kManifestFile).c_str()) == 0 ? 0 : errno;
}

// Every file below `dir` (not folders, not the bookkeeping in its root), by path below it.
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

// Every folder that holds one of `paths`.
std::set<std::string> folders_of(const std::set<std::string>& paths) {
  std::set<std::string> out;
  for (const auto& path : paths)
    for (size_t slash = path.find('/'); slash != std::string::npos;
         slash = path.find('/', slash + 1))
      out.insert(path.substr(0, slash));
  return out;
}

// Notes below `dir` every entry that is not one of `ours` nor a folder of theirs: the web team's.
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

// The entries of `all` below the folder `prefix` ("" for all; else ending in '/'), by path below
// it.
ForeignEntries below(const ForeignEntries& all, const std::string& prefix) {
  ForeignEntries out;
  for (auto it = all.lower_bound(prefix); it != all.end() && it->first.starts_with(prefix); ++it)
    if (it->first.size() > prefix.size()) out[it->first.substr(prefix.size())] = it->second;
  return out;
}

void remove_entry(const fs::path& path, const fs::path& target) {
  std::error_code ec;
  fs::remove_all(path, ec);
  if (ec) fail_with(ec.value(), target, path.filename().string());
}

// A copy of the web team's file `from` as `to`, where a hard link is not possible (another file
// system, or a file system without them). Returns false for what is neither a file nor a link.
bool copy_entry(const fs::path& from, const fs::path& to, const struct stat& info,
                const fs::path& target, const std::string& rel) {
  if (S_ISLNK(info.st_mode)) {
    std::error_code ec;
    fs::path link = fs::read_symlink(from, ec);
    if (ec) fail_with(ec.value(), target, rel);
    if (::symlink(link.c_str(), to.c_str()) != 0) fail_with(errno, target, rel);
    return true;
  }
  if (!S_ISREG(info.st_mode)) return false;
  std::ifstream in(from, std::ios::binary);
  if (!in) fail_with(EACCES, target, rel);
  std::stringstream bytes;
  bytes << in.rdbuf();
  if (int error = write_file(AT_FDCWD, to.c_str(), bytes.str(), info.st_mode & 07777))
    fail_with(error, target, rel);
  return true;
}

// Makes the folders that hold `rel` below `root`, where missing.
void make_parents(const fs::path& root, const std::string& rel, const fs::path& target) {
  for (size_t slash = rel.find('/'); slash != std::string::npos; slash = rel.find('/', slash + 1)) {
    const fs::path folder = root / rel.substr(0, slash);
    if (::mkdir(folder.c_str(), kFolderMode) == 0) {
      if (::chmod(folder.c_str(), kFolderMode) != 0) fail_with(errno, target, rel);
    } else if (errno != EEXIST) {
      fail_with(errno, target, rel);
    }
  }
}

// Makes the folder `root` of the spare hold the web team's `entries` as the published folder
// `from` has them: the same file (a hard link, or else a copy), folders with their own modes.
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

// Opens and locks the spare folder, creating it when missing. Loops because another build may
// swap it away between opening and locking.
int lock_spare(const fs::path& spare, const fs::path& target) {
  for (int attempt = 0; attempt < 1000; ++attempt) {
    if (::mkdir(spare.c_str(), kFolderMode) != 0 && errno != EEXIST) fail_with(errno, target);
    int fd = ::open(spare.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0 && errno == ENOENT) continue;
    if (fd < 0) return -1;
    struct stat locked, now;
    if (::flock(fd, LOCK_EX) == 0 && ::fstat(fd, &locked) == 0 &&
        ::lstat(spare.c_str(), &now) == 0 && locked.st_ino == now.st_ino &&
        locked.st_dev == now.st_dev)
      return fd;
    ::close(fd);
  }
  throw FatalError("kan de reservemap " + spare.string() + " niet vergrendelen: steeds kwam een " +
                   "andere build ertussen\n  tip: wacht tot de andere build klaar is en bouw "
                   "opnieuw");
}

fs::path absolute_target(const std::string& out_dir) {
  fs::path target = fs::absolute(out_dir).lexically_normal();
  if (target.filename().empty()) target = target.parent_path();
  return target;
}

// One entry of a folder's state: its path below the folder, size and modification time.
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

// A digest of every entry below `dir` (folders by name, files also with size and modification
// time) but the web team's: a file changed, added or removed by hand since it was recorded gives
// another one.
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

}  // namespace

// The theme's assets, the same bytes in every site of a folder of sites: written once per build
// and hard-linked into the other sites. Writing the bytes is most of the cost of a file here.
class SharedFiles {
 public:
  explicit SharedFiles(const std::vector<OutputFile>& files) {
    for (const auto& file : files) entries_[file.path].bytes = file.bytes;
  }

  // Makes `name` in the folder `dir` a link to the copy written before, when there is one with
  // these bytes, and gives that copy's size and modification time, which are the link's.
  bool link(const std::string& rel, const std::string& bytes, int dir, const char* name,
            struct stat& info) {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(rel);
    if (it == entries_.end() || it->second.first.empty() || it->second.bytes != bytes ||
        ::linkat(AT_FDCWD, it->second.first.c_str(), dir, name, 0) != 0)
      return false;
    info = it->second.info;
    return true;
  }

  void written(const std::string& rel, const std::string& bytes, const fs::path& at,
               const struct stat& info) {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(rel);
    if (it != entries_.end() && it->second.first.empty() && it->second.bytes == bytes) {
      it->second.first = at;
      it->second.info = info;
    }
  }

 private:
  struct Entry {
    std::string bytes;
    fs::path first;  // the copy written in this build
    struct stat info {};
  };
  std::mutex mutex_;
  std::map<std::string, Entry> entries_;
};

namespace {

// Where a SpareUpdate works: a folder of the spare, the same folder of the published site, and
// the web team's entries there.
struct UpdatePlace {
  fs::path root;       // in the spare
  fs::path published;  // the same folder in the published site
  fs::path target;     // the output folder, for messages
  ForeignEntries foreign;
  bool top = false;  // root is the spare itself, with the bookkeeping
};

// Brings one folder of the spare to the wanted files plus the web team's, and notes the size and
// modification time of everything in it on the way: its state (folder_state) without walking it
// once more.
class SpareUpdate {
 public:
  SpareUpdate(UpdatePlace place, const std::vector<OutputFile>& files, SharedFiles* shared)
      : place_(std::move(place)), root_(place_.root), shared_(shared) {
    // Every path is checked before anything is touched.
    for (const auto& file : files) {
      if (!safe_relative_path(file.path)) throw FatalError("onveilig pad in uitvoer: " + file.path);
      if (!wanted_.insert(file.path).second)
        throw FatalError("pad twee keer in uitvoer: " + file.path);
      for (size_t slash = file.path.find('/'); slash != std::string::npos;
           slash = file.path.find('/', slash + 1))
        folders_.insert(file.path.substr(0, slash));
    }
    for (const auto& folder : folders_)
      if (wanted_.count(folder)) throw FatalError("pad is zowel map als bestand: " + folder);
    // The web team's files are never overwritten, not even by a file that sdmonitor now makes.
    for (const auto& [rel, entry] : place_.foreign)
      if (wanted_.count(rel) || (!entry.folder && folders_.count(rel))) {
        const fs::path theirs = place_.published / rel;
        throw FatalError(theirs.string() +
                         " is niet door sdmonitor gemaakt, maar de site heeft nu zelf een " +
                         (wanted_.count(rel) ? "bestand" : "map") +
                         " met die naam; sdmonitor overschrijft het niet\n  tip: verplaats of "
                         "hernoem " +
                         theirs.string() +
                         " en bouw opnieuw; de gepubliceerde site is niet "
                         "veranderd");
      }
  }

  ~SpareUpdate() {
    for (const auto& [folder, fd] : folder_fds_) ::close(fd);
  }

  WriteStats run(const std::vector<OutputFile>& files) {
    if (type_of(root_) != fs::file_type::directory) {
      remove(root_);
      make_folder(root_);
    }
    prune(root_, "");
    carry(place_.published, root_, place_.foreign, place_.target);
    std::string buffer;
    for (const auto& file : files) {
      size_t slash = file.path.rfind('/');
      const std::string folder = slash == std::string::npos ? "" : file.path.substr(0, slash);
      const char* name = file.path.c_str() + (slash == std::string::npos ? 0 : slash + 1);
      auto kept = kept_.find(file.path);
      if (kept == kept_.end()) {
        put(file, folder, name);
      } else if (static_cast<size_t>(kept->second.st_size) != file.bytes.size() ||
                 !same_bytes(folder_fd(folder), name, file.bytes, buffer)) {
        // A changed file gets a new inode (written beside it, then renamed over it), so a reader
        // that still has the previous generation's file open keeps reading that one whole.
        std::string scratch = std::string(name) + kScratch;
        put(file, folder, scratch.c_str());
        if (::renameat(folder_fd(folder), scratch.c_str(), folder_fd(folder), name) != 0)
          fail_with(errno, place_.target, file.path);
      } else {
        continue;
      }
      ++stats_.written;
    }
    return stats_;
  }

  // The folder's state as folder_state() reads it from the disk; after run().
  std::string state() {
    std::vector<std::string> entries;
    for (const auto& [path, info] : kept_) entries.push_back(state_entry(path, info));
    for (const auto& folder : folders_) entries.push_back(folder + "/");
    return state_digest(std::move(entries));
  }

 private:
  // Removes whatever below `dir` is neither wanted nor the web team's (also symbolic links and
  // scratch files of a killed build), and notes the size and modification time of every wanted
  // file that is there. What stays gets the modes of a site.
  void prune(const fs::path& dir, const std::string& rel) {
    std::vector<fs::path> unwanted;
    for (const auto& entry : fs::directory_iterator(dir)) {
      const std::string name = entry.path().filename().string();
      if (place_.top && rel.empty() && is_bookkeeping(name)) continue;
      std::string path = rel + name;
      fs::file_type type = entry.symlink_status().type();
      auto theirs = place_.foreign.find(path);
      struct stat info;
      if (type == fs::file_type::directory &&
          (folders_.count(path) || (theirs != place_.foreign.end() && theirs->second.folder))) {
        if (folders_.count(path)) {
          present_.insert(path);
          set_mode(entry.path(), kFolderMode);
        }
        prune(entry.path(), path + "/");
      } else if (type == fs::file_type::regular && wanted_.count(path) &&
                 ::lstat(entry.path().c_str(), &info) == 0) {
        if ((info.st_mode & 07777) != kFileMode) set_mode(entry.path(), kFileMode);
        kept_[path] = info;
      } else if (theirs == place_.foreign.end()) {
        unwanted.push_back(entry.path());
      }  // else the web team's: carry() makes it theirs again
    }
    for (const auto& path : unwanted) remove(path);
  }

  void set_mode(const fs::path& path, mode_t mode) {
    if (::chmod(path.c_str(), mode) != 0) fail_with(errno, place_.target, path.filename());
  }

  void make_folder(const fs::path& path) {
    if (::mkdir(path.c_str(), kFolderMode) != 0 && errno != EEXIST)
      fail_with(errno, place_.target, path.filename());
    set_mode(path, kFolderMode);  // the umask may have taken bits away
  }

  void remove(const fs::path& path) {
    std::error_code ec;
    if (fs::remove_all(path, ec) > 0) ++stats_.removed;
    if (ec) fail_with(ec.value(), place_.target, path.filename());
  }

  // The folder `rel` of the spare ("" for its root), made when missing and opened once: a file
  // named relative to it spares the kernel a walk down the whole path.
  int folder_fd(const std::string& rel) {
    if (auto it = folder_fds_.find(rel); it != folder_fds_.end()) return it->second;
    const fs::path path = rel.empty() ? root_ : root_ / rel;
    if (!rel.empty() && !present_.count(rel)) {
      for (size_t slash = rel.find('/');; slash = rel.find('/', slash + 1)) {
        const std::string folder = rel.substr(0, slash);
        if (!present_.count(folder)) make_folder(root_ / folder);
        present_.insert(folder);
        if (slash == std::string::npos) break;
      }
    }
    int fd = ::open(path.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) fail_with(errno, place_.target, rel);
    folder_fds_.emplace(rel, fd);
    return fd;
  }

  // Writes (or links) the file as `name` in its folder; its final name's state is noted.
  void put(const OutputFile& file, const std::string& folder, const char* name) {
    int dir = folder_fd(folder);
    struct stat info;
    if (!shared_ || !shared_->link(file.path, file.bytes, dir, name, info)) {
      if (int error = write_file(dir, name, file.bytes, kFileMode, &info))
        fail_with(error, place_.target, file.path);
      const fs::path path = (folder.empty() ? root_ : root_ / folder) / name;
      if (shared_) shared_->written(file.path, file.bytes, path, info);
    }
    kept_[file.path] = info;
  }

  UpdatePlace place_;
  fs::path root_;
  SharedFiles* shared_;
  std::unordered_set<std::string> wanted_;   // paths of the files to have
  std::unordered_set<std::string> folders_;  // every folder that holds a wanted file
  std::unordered_set<std::string> present_;  // folders that exist in the spare
  std::unordered_map<std::string, int> folder_fds_;
  std::unordered_map<std::string, struct stat> kept_;  // wanted files present, as they are
  WriteStats stats_;
};

}  // namespace

bool safe_relative_path(const std::string& path) {
  if (path.empty() || path[0] == '/' || path.find_first_of("\\\n\r") != std::string::npos)
    return false;
  for (const auto& part : split(path, '/'))
    if (part.empty() || part == "." || part == "..") return false;
  return true;
}

std::string spare_dir(const std::string& out_dir) {
  fs::path target = absolute_target(out_dir);
  return (target.parent_path() / ("." + target.filename().string() + ".reserve")).string();
}

SiteWriter::SiteWriter(const std::string& out_dir)
    : target_(absolute_target(out_dir).string()), spare_(spare_dir(out_dir)) {
  const fs::path target = target_, spare = spare_;
  try {
    switch (type_of(target)) {
      case fs::file_type::not_found:
        fs::create_directories(target.parent_path());
        break;
      case fs::file_type::directory:
        if (!has_manifest(target) && !is_our_old_output(target))
          throw FatalError(
              target_ +
              " bestaat al en is niet door sdmonitor gemaakt; sdmonitor schrijft daar niet in, "
              "zodat er niets van een ander verloren gaat\n  tip: kies met --out een nieuwe of "
              "lege map; eigen bestanden (zoals .htaccess of robots.txt) kunt u daarna in die map "
              "zetten: sdmonitor laat ze staan");
        break;
      default:
        throw FatalError(target_ + " is geen map; kies met --out een nieuwe of lege map");
    }
    struct stat spare_info;
    const bool spare_exists = ::lstat(spare.c_str(), &spare_info) == 0;
    if (!spare_exists && errno != ENOENT) fail_with(errno, target);
    if (!spare_exists || S_ISDIR(spare_info.st_mode)) lock_fd_ = lock_spare(spare, target);
    // Only a folder that sdmonitor made may be the spare: it is emptied and swapped in.
    if (lock_fd_ < 0 || (!has_manifest(spare) && !is_our_old_output(spare))) {
      if (lock_fd_ >= 0) ::close(lock_fd_);
      lock_fd_ = -1;
      throw FatalError(spare_ + " heeft de naam van de reservemap van " + target_ +
                       ", maar sdmonitor heeft het niet gemaakt; sdmonitor verandert er niets "
                       "aan\n  tip: verplaats of hernoem " +
                       spare_ + " (bekijk eerst wat erin staat) en bouw opnieuw");
    }
    if (auto listed = read_manifest(spare)) spare_files_ = std::move(*listed);
    if (!has_manifest(spare))
      if (int error = write_manifest(spare, {})) fail_with(error, target, spare.filename());
    read_stamps();
    // What the published folder holds that sdmonitor did not write there is the web team's. A
    // site made before sdmonitor listed its files: what the spare (the generation before) has.
    if (type_of(target) == fs::file_type::directory) {
      auto ours = read_manifest(target);
      if (!ours) ours = files_below(spare);
      find_foreign(target, "", *ours, folders_of(*ours), foreign_);
    }
  } catch (const fs::filesystem_error& e) {
    fail_fs(e, target);
  }
}

// The spare's stamps hold only until this build changes the spare: they are taken out now, and a
// build that stops before publishing leaves none.
void SiteWriter::read_stamps() {
  fs::path file = fs::path(spare_) / kStampsFile;
  std::ifstream in(file);
  std::string line, name;
  Recorded r;
  if (std::getline(in, line) && line == kStampsHeader)  // another version: make every site anew
    while (in >> name >> r.stamp.fingerprint >> r.stamp.pages >> r.stamp.editions >>
           r.stamp.files >> r.stamp.warnings >> r.state)
      spare_stamps_[name] = r;
  if (::unlink(file.c_str()) != 0 && errno != ENOENT) fail_with(errno, target_);
}

std::optional<SiteStamp> SiteWriter::keep_unchanged(const std::string& subdir,
                                                    const std::string& fingerprint) {
  if (!safe_relative_path(subdir) || subdir.find('/') != std::string::npos) return std::nullopt;
  auto it = spare_stamps_.find(subdir);
  if (it == spare_stamps_.end() || it->second.stamp.fingerprint != fingerprint) return std::nullopt;
  const std::string prefix = subdir + "/";
  ForeignEntries foreign = below(foreign_, prefix);
  std::set<std::string> files;
  for (auto f = spare_files_.lower_bound(prefix); f != spare_files_.end() && f->starts_with(prefix);
       ++f) {
    if (foreign.count(f->substr(prefix.size()))) return std::nullopt;  // made when updated
    files.insert(*f);
  }
  if (foreign_.count(subdir)) return std::nullopt;
  std::string state = folder_state(fs::path(spare_) / subdir, foreign);
  if (state == "?" || state != it->second.state) return std::nullopt;
  try {
    carry(fs::path(target_) / subdir, fs::path(spare_) / subdir, foreign, target_);
  } catch (const fs::filesystem_error& e) {
    fail_fs(e, target_);
  }
  std::lock_guard lock(mutex_);
  updated_.insert(subdir);
  stamps_[subdir] = it->second;
  written_.insert(files.begin(), files.end());
  return it->second.stamp;
}

void SiteWriter::share(const std::vector<OutputFile>& files) {
  shared_ = std::make_unique<SharedFiles>(files);
}

SiteWriter::~SiteWriter() {
  if (lock_fd_ >= 0) ::close(lock_fd_);
}

WriteStats SiteWriter::update(const std::string& subdir, const std::vector<OutputFile>& files,
                              const SiteStamp* stamp) {
  if (!subdir.empty() && (!safe_relative_path(subdir) || subdir.find('/') != std::string::npos))
    throw FatalError("onveilige mapnaam in uitvoer: " + subdir);
  const std::string prefix = subdir.empty() ? "" : subdir + "/";
  if (auto theirs = foreign_.find(subdir);
      !subdir.empty() && theirs != foreign_.end() && !theirs->second.folder)
    throw FatalError((fs::path(target_) / subdir).string() +
                     " is niet door sdmonitor gemaakt, maar de site heeft nu zelf een map met die "
                     "naam; sdmonitor overschrijft het niet\n  tip: verplaats of hernoem het en "
                     "bouw opnieuw; de gepubliceerde site is niet veranderd");
  UpdatePlace place{subdir.empty() ? fs::path(spare_) : fs::path(spare_) / subdir,
                    subdir.empty() ? fs::path(target_) : fs::path(target_) / subdir, target_,
                    below(foreign_, prefix), subdir.empty()};
  SpareUpdate update(std::move(place), files, shared_.get());
  {
    std::lock_guard lock(mutex_);
    updated_.insert(subdir);
  }
  try {
    WriteStats stats = update.run(files);
    std::lock_guard lock(mutex_);
    for (const auto& file : files) written_.insert(prefix + file.path);
    if (stamp && !subdir.empty()) stamps_[subdir] = Recorded{*stamp, update.state()};
    return stats;
  } catch (const fs::filesystem_error& e) {
    fail_fs(e, target_);
  }
}

void SiteWriter::publish() {
  const fs::path target = target_, spare = spare_;
  try {
    if (!updated_.count("")) {
      // A folder of sites: what is not one of this build's sites nor the web team's goes; the
      // web team's entries outside the sites are carried over.
      for (const auto& entry : fs::directory_iterator(spare)) {
        const std::string name = entry.path().filename().string();
        if (!is_bookkeeping(name) && !updated_.count(name) && !foreign_.count(name))
          fs::remove_all(entry.path());
      }
      ForeignEntries outside;
      for (const auto& [rel, entry] : foreign_)
        if (!updated_.count(rel.substr(0, rel.find('/')))) outside[rel] = entry;
      carry(target, spare, outside, target);
    }
  } catch (const fs::filesystem_error& e) {
    fail_fs(e, target);
  }
  if (!stamps_.empty()) {
    std::string lines = std::string(kStampsHeader) + "\n";
    for (const auto& [name, r] : stamps_)
      lines += name + " " + r.stamp.fingerprint + " " + std::to_string(r.stamp.pages) + " " +
               std::to_string(r.stamp.editions) + " " + std::to_string(r.stamp.files) + " " +
               std::to_string(r.stamp.warnings) + " " + r.state + "\n";
    if (int error = write_file(AT_FDCWD, (spare / kStampsFile).c_str(), lines, kFileMode))
      fail_with(error, target);
  }
  if (int error = write_manifest(spare, written_)) fail_with(error, target);
  if (::fchmod(lock_fd_, kFolderMode) != 0) fail_with(errno, target);
  // Everything of the new generation is on the disk before it is swapped in, as git and SQLite
  // do: after a power cut the site is wholly the old or wholly the new one.
  if (::syncfs(lock_fd_) != 0) fail_with(errno, target);
  if (type_of(target) == fs::file_type::not_found) {
    if (::rename(spare_.c_str(), target_.c_str()) != 0) fail_with(errno, target);
  } else if (::renameat2(AT_FDCWD, spare_.c_str(), AT_FDCWD, target_.c_str(), RENAME_EXCHANGE) !=
             0) {
    fail_with(errno, target);
  }
  // And the swap itself: the entries of the parent folder.
  int parent = ::open(target.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (parent < 0 || ::fsync(parent) != 0) {
    const int error = errno;
    if (parent >= 0) ::close(parent);
    throw FatalError("de site in " + target_ +
                     " is gepubliceerd, maar het systeem bevestigt niet dat de wissel op de "
                     "schijf staat: " +
                     dutch_errno(error) + "\n  tip: controleer de schijf en bouw opnieuw");
  }
  ::close(parent);
}

WriteStats write_site(const std::string& out_dir, const std::vector<OutputFile>& files) {
  SiteWriter writer(out_dir);
  WriteStats stats = writer.update("", files);
  writer.publish();
  return stats;
}

void write_new_folder(const std::string& dir, const std::vector<OutputFile>& files) {
  if (fs::exists(dir))
    throw FatalError(dir + " bestaat al; kies een andere naam of verwijder de map eerst");
  for (const auto& file : files) {
    if (!safe_relative_path(file.path)) throw FatalError("onveilig pad: " + file.path);
    const fs::path path = fs::path(dir) / file.path;
    fs::create_directories(path.parent_path());
    if (int error = write_file(AT_FDCWD, path.c_str(), file.bytes, 0))
      throw FatalError("kan " + path.string() + " niet schrijven: " + dutch_errno(error));
  }
}

}  // namespace sdm
