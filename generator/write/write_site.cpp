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
#include <unordered_map>
#include <unordered_set>

#include "util/diagnostic.h"
#include "util/digest.h"
#include "util/text.h"

namespace fs = std::filesystem;

namespace sdm {
namespace {

// In the root of a folder of sites: a header line, then one line per site, "<name> <fingerprint>
// <pages> <editions> <files> <warnings> <state of its files>". Published with the sites; holds no
// content.
constexpr const char* kStampsFile = ".sdmonitor-stempels";
constexpr const char* kStampsHeader = "sdmonitor-stempels 2";

[[noreturn]] void fail(const std::string& what, const fs::path& path) {
  throw FatalError("kan " + path.string() + " niet " + what + ": " + std::strerror(errno));
}

// Writes `bytes` as the file `name` in the folder `dir` (a descriptor, or AT_FDCWD with a whole
// path); with `info`, also notes the file's size and modification time as written. Errors name
// the file by `path`.
void write_file(int dir, const char* name, const fs::path& path, const std::string& bytes,
                struct stat* info = nullptr) {
  int fd = ::openat(dir, name, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) fail("schrijven", path);
  for (size_t done = 0; done < bytes.size();) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int saved = errno;
      ::close(fd);
      errno = saved;
      fail("schrijven", path);
    }
    done += static_cast<size_t>(n);
  }
  if (info && ::fstat(fd, info) != 0) {
    int saved = errno;
    ::close(fd);
    errno = saved;
    fail("schrijven", path);
  }
  if (::close(fd) != 0) fail("schrijven", path);
}

void write_file(const fs::path& path, const std::string& bytes) {
  write_file(AT_FDCWD, path.c_str(), path, bytes);
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

fs::file_type type_of(const fs::path& path) {
  std::error_code ec;
  return fs::symlink_status(path, ec).type();
}

// What every site sdmonitor makes has at its root, whatever the theme: Chart.js and the
// accessibility statement.
bool is_our_site(const fs::path& dir) {
  return type_of(dir / "assets" / "chart.umd.js") == fs::file_type::regular &&
         type_of(dir / "toegankelijkheid.html") == fs::file_type::regular;
}

// An output folder sdmonitor may replace: empty, one site, or a folder of sites.
bool is_our_output(const fs::path& dir) {
  if (is_our_site(dir)) return true;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().filename() == kStampsFile) continue;
    if (entry.symlink_status().type() != fs::file_type::directory || !is_our_site(entry.path()))
      return false;
  }
  return true;  // empty, or only sites
}

// Opens and locks the spare folder, creating it when missing. Loops because another build may
// swap it away between opening and locking.
int lock_spare(const fs::path& spare) {
  for (int attempt = 0; attempt < 1000; ++attempt) {
    if (::mkdir(spare.c_str(), 0755) != 0 && errno != EEXIST) fail("maken", spare);
    int fd = ::open(spare.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0 && errno == ENOENT) continue;
    if (fd < 0)
      throw FatalError(spare.string() +
                       " is geen map van sdmonitor; verwijder of hernoem het en bouw opnieuw");
    struct stat locked, now;
    if (::flock(fd, LOCK_EX) == 0 && ::fstat(fd, &locked) == 0 &&
        ::lstat(spare.c_str(), &now) == 0 && locked.st_ino == now.st_ino &&
        locked.st_dev == now.st_dev)
      return fd;
    ::close(fd);
  }
  throw FatalError("kan " + spare.string() + " niet vergrendelen");
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

// A digest of every entry below `dir` with its size and modification time: a file changed,
// added or removed by hand since it was recorded gives another one.
std::string folder_state(const fs::path& dir) {
  std::vector<std::string> entries;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    struct stat info;
    if (::lstat(it->path().c_str(), &info) != 0) return "?";
    entries.push_back(state_entry(it->path().lexically_relative(dir).string(), info));
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

// Brings one folder of the spare to the wanted files, and notes the size and modification time
// of everything in it on the way: its state (folder_state) without walking it once more.
class SpareUpdate {
 public:
  SpareUpdate(fs::path root, const std::vector<OutputFile>& files, SharedFiles* shared)
      : root_(std::move(root)), shared_(shared) {
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
  }

  ~SpareUpdate() {
    for (const auto& [folder, fd] : folder_fds_) ::close(fd);
  }

  WriteStats run(const std::vector<OutputFile>& files) {
    if (type_of(root_) != fs::file_type::directory) {
      remove(root_);
      fs::create_directory(root_);
    }
    prune(root_, "");
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
        std::string scratch = std::string(name) + ".sdmonitor-tmp";
        put(file, folder, scratch.c_str());
        if (::renameat(folder_fd(folder), scratch.c_str(), folder_fd(folder), name) != 0)
          fail("vervangen", root_ / file.path);
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
    // Writing a file changed its folder; every folder holds a wanted file.
    for (const auto& folder : folders_) {
      struct stat info;
      if (::lstat((root_ / folder).c_str(), &info) != 0) return "?";
      entries.push_back(state_entry(folder, info));
    }
    return state_digest(std::move(entries));
  }

 private:
  // Removes whatever below `dir` is not wanted (also symbolic links and scratch files of a killed
  // build) and notes the size and modification time of every wanted file that is there.
  void prune(const fs::path& dir, const std::string& rel) {
    std::vector<fs::path> unwanted;
    for (const auto& entry : fs::directory_iterator(dir)) {
      std::string path = rel + entry.path().filename().string();
      fs::file_type type = entry.symlink_status().type();
      struct stat info;
      if (type == fs::file_type::directory && folders_.count(path)) {
        present_.insert(path);
        prune(entry.path(), path + "/");
      } else if (type == fs::file_type::regular && wanted_.count(path) &&
                 ::lstat(entry.path().c_str(), &info) == 0) {
        kept_[path] = info;
      } else {
        unwanted.push_back(entry.path());
      }
    }
    for (const auto& path : unwanted) remove(path);
  }

  void remove(const fs::path& path) {
    std::error_code ec;
    if (fs::remove_all(path, ec) > 0) ++stats_.removed;
    if (ec) throw FatalError("kan " + path.string() + " niet verwijderen: " + ec.message());
  }

  // The folder `rel` of the spare ("" for its root), made when missing and opened once: a file
  // named relative to it spares the kernel a walk down the whole path.
  int folder_fd(const std::string& rel) {
    if (auto it = folder_fds_.find(rel); it != folder_fds_.end()) return it->second;
    const fs::path path = rel.empty() ? root_ : root_ / rel;
    if (!rel.empty() && !present_.count(rel)) {
      fs::create_directories(path);
      for (size_t slash = rel.find('/'); slash != std::string::npos;
           slash = rel.find('/', slash + 1))
        present_.insert(rel.substr(0, slash));
      present_.insert(rel);
    }
    int fd = ::open(path.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) fail("openen", path);
    folder_fds_.emplace(rel, fd);
    return fd;
  }

  // Writes (or links) the file as `name` in its folder; its final name's state is noted.
  void put(const OutputFile& file, const std::string& folder, const char* name) {
    int dir = folder_fd(folder);
    struct stat info;
    if (!shared_ || !shared_->link(file.path, file.bytes, dir, name, info)) {
      const fs::path path = (folder.empty() ? root_ : root_ / folder) / name;
      write_file(dir, name, path, file.bytes, &info);
      if (shared_) shared_->written(file.path, file.bytes, path, info);
    }
    kept_[file.path] = info;
  }

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
  if (path.empty() || path[0] == '/' || path.find('\\') != std::string::npos) return false;
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
  try {
    switch (type_of(target_)) {
      case fs::file_type::not_found:
        fs::create_directories(fs::path(target_).parent_path());
        break;
      case fs::file_type::directory:
        if (!is_our_output(target_))
          throw FatalError(target_ +
                           " bestaat al en is geen site van sdmonitor; sdmonitor overschrijft die "
                           "niet\n  tip: kies met --out een nieuwe of lege map");
        break;
      default:
        throw FatalError(target_ + " is geen map; kies met --out een nieuwe of lege map");
    }
    lock_fd_ = lock_spare(spare_);
    read_stamps();
  } catch (const fs::filesystem_error& e) {
    throw FatalError(e.what());
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
  if (::unlink(file.c_str()) != 0 && errno != ENOENT) fail("verwijderen", file);
}

std::optional<SiteStamp> SiteWriter::keep_unchanged(const std::string& subdir,
                                                    const std::string& fingerprint) {
  if (!safe_relative_path(subdir) || subdir.find('/') != std::string::npos) return std::nullopt;
  auto it = spare_stamps_.find(subdir);
  if (it == spare_stamps_.end() || it->second.stamp.fingerprint != fingerprint) return std::nullopt;
  std::string state = folder_state(fs::path(spare_) / subdir);
  if (state == "?" || state != it->second.state) return std::nullopt;
  std::lock_guard lock(mutex_);
  updated_.insert(subdir);
  stamps_[subdir] = it->second;
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
  SpareUpdate update(subdir.empty() ? fs::path(spare_) : fs::path(spare_) / subdir, files,
                     shared_.get());
  {
    std::lock_guard lock(mutex_);
    updated_.insert(subdir);
  }
  try {
    WriteStats stats = update.run(files);
    if (stamp && !subdir.empty()) {
      Recorded recorded{*stamp, update.state()};
      std::lock_guard lock(mutex_);
      stamps_[subdir] = std::move(recorded);
    }
    return stats;
  } catch (const fs::filesystem_error& e) {
    throw FatalError(e.what());
  }
}

void SiteWriter::publish() {
  try {
    if (!updated_.count(""))
      for (const auto& entry : fs::directory_iterator(spare_))
        if (!updated_.count(entry.path().filename().string())) fs::remove_all(entry.path());
  } catch (const fs::filesystem_error& e) {
    throw FatalError(e.what());
  }
  if (!stamps_.empty()) {
    std::string lines = std::string(kStampsHeader) + "\n";
    for (const auto& [name, r] : stamps_)
      lines += name + " " + r.stamp.fingerprint + " " + std::to_string(r.stamp.pages) + " " +
               std::to_string(r.stamp.editions) + " " + std::to_string(r.stamp.files) + " " +
               std::to_string(r.stamp.warnings) + " " + r.state + "\n";
    write_file(fs::path(spare_) / kStampsFile, lines);
  }
  if (type_of(target_) == fs::file_type::not_found) {
    if (::rename(spare_.c_str(), target_.c_str()) != 0) fail("maken", target_);
  } else if (::renameat2(AT_FDCWD, spare_.c_str(), AT_FDCWD, target_.c_str(), RENAME_EXCHANGE) !=
             0) {
    fail("vervangen", target_);
  }
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
    fs::create_directories((fs::path(dir) / file.path).parent_path());
    write_file(fs::path(dir) / file.path, file.bytes);
  }
}

}  // namespace sdm
