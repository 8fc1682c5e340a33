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

void write_file(const fs::path& path, const std::string& bytes) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
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
  if (::close(fd) != 0) fail("schrijven", path);
}

// True when the file at `path` (known to have bytes.size() bytes) holds exactly `bytes`.
bool same_bytes(const fs::path& path, const std::string& bytes, std::string& buffer) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
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

// A digest of every entry below `dir` with its size and modification time: a file changed,
// added or removed by hand since it was recorded gives another one.
std::string folder_state(const fs::path& dir) {
  std::vector<std::string> entries;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    struct stat info;
    if (::lstat(it->path().c_str(), &info) != 0) return "?";
    entries.push_back(it->path().lexically_relative(dir).string() + ":" +
                      std::to_string(info.st_size) + ":" + std::to_string(info.st_mtim.tv_sec) +
                      "." + std::to_string(info.st_mtim.tv_nsec));
  }
  if (ec) return "?";
  std::sort(entries.begin(), entries.end());
  Digest digest;
  for (const auto& entry : entries) digest.add(entry);
  return digest.hex();
}

}  // namespace

// The theme's assets, the same bytes in every site of a folder of sites: written once per build
// and hard-linked into the other sites. Writing the bytes is most of the cost of a file here.
class SharedFiles {
 public:
  explicit SharedFiles(const std::vector<OutputFile>& files) {
    for (const auto& file : files) entries_[file.path].bytes = file.bytes;
  }

  // Makes `target` a link to the copy written before, when there is one with these bytes.
  bool link(const std::string& rel, const std::string& bytes, const fs::path& target) {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(rel);
    return it != entries_.end() && !it->second.first.empty() && it->second.bytes == bytes &&
           ::link(it->second.first.c_str(), target.c_str()) == 0;
  }

  void written(const std::string& rel, const std::string& bytes, const fs::path& at) {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(rel);
    if (it != entries_.end() && it->second.first.empty() && it->second.bytes == bytes)
      it->second.first = at;
  }

 private:
  struct Entry {
    std::string bytes;
    fs::path first;  // the copy written in this build
  };
  std::mutex mutex_;
  std::map<std::string, Entry> entries_;
};

namespace {

// Brings one folder of the spare to the wanted files.
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

  WriteStats run(const std::vector<OutputFile>& files) {
    if (type_of(root_) != fs::file_type::directory) {
      remove(root_);
      fs::create_directory(root_);
    }
    prune(root_, "");
    std::string buffer;
    for (const auto& file : files) {
      fs::path path = root_ / file.path;
      auto kept = sizes_.find(file.path);
      if (kept == sizes_.end()) {
        make_parent(file.path);
        put(file, path);
      } else if (kept->second != file.bytes.size() || !same_bytes(path, file.bytes, buffer)) {
        // A changed file gets a new inode (written beside it, then renamed over it), so a reader
        // that still has the previous generation's file open keeps reading that one whole.
        fs::path scratch = path;
        scratch += ".sdmonitor-tmp";
        put(file, scratch);
        if (::rename(scratch.c_str(), path.c_str()) != 0) fail("vervangen", path);
      } else {
        continue;
      }
      ++stats_.written;
    }
    return stats_;
  }

 private:
  // Removes whatever below `dir` is not wanted (also symbolic links and scratch files of a killed
  // build) and notes the size of every wanted file that is there.
  void prune(const fs::path& dir, const std::string& rel) {
    std::vector<fs::path> unwanted;
    for (const auto& entry : fs::directory_iterator(dir)) {
      std::string path = rel + entry.path().filename().string();
      fs::file_type type = entry.symlink_status().type();
      if (type == fs::file_type::directory && folders_.count(path)) {
        present_.insert(path);
        prune(entry.path(), path + "/");
      } else if (type == fs::file_type::regular && wanted_.count(path)) {
        sizes_[path] = entry.file_size();
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

  void make_parent(const std::string& rel) {
    size_t slash = rel.rfind('/');
    if (slash == std::string::npos || present_.count(rel.substr(0, slash))) return;
    fs::create_directories(root_ / rel.substr(0, slash));
    for (slash = rel.find('/'); slash != std::string::npos; slash = rel.find('/', slash + 1))
      present_.insert(rel.substr(0, slash));
  }

  void put(const OutputFile& file, const fs::path& at) {
    if (shared_ && shared_->link(file.path, file.bytes, at)) return;
    write_file(at, file.bytes);
    if (shared_) shared_->written(file.path, file.bytes, at);
  }

  fs::path root_;
  SharedFiles* shared_;
  std::unordered_set<std::string> wanted_;         // paths of the files to have
  std::unordered_set<std::string> folders_;        // every folder that holds a wanted file
  std::unordered_set<std::string> present_;        // folders that exist in the spare
  std::unordered_map<std::string, size_t> sizes_;  // wanted files present, with their size
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
      Recorded recorded{*stamp, folder_state(fs::path(spare_) / subdir)};
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
