#include "write/spare_update.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <unordered_map>
#include <unordered_set>

#include "util/diagnostic.h"
#include "write/disk.h"
#include "write/generation.h"

namespace fs = std::filesystem;

namespace sdm {

SharedFiles::SharedFiles(const std::vector<OutputFile>& files) {
  for (const auto& file : files) entries_[file.path].bytes = file.bytes;
}

bool SharedFiles::link(const std::string& rel, const std::string& bytes, int dir, const char* name,
                       struct stat& info) {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(rel);
  if (it == entries_.end() || it->second.first.empty() || it->second.bytes != bytes ||
      ::linkat(AT_FDCWD, it->second.first.c_str(), dir, name, 0) != 0)
    return false;
  info = it->second.info;
  return true;
}

void SharedFiles::written(const std::string& rel, const std::string& bytes, const fs::path& at,
                          const struct stat& info) {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(rel);
  if (it != entries_.end() && it->second.first.empty() && it->second.bytes == bytes) {
    it->second.first = at;
    it->second.info = info;
  }
}

namespace {

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

SpareUpdated update_spare(UpdatePlace place, const std::vector<OutputFile>& files,
                          SharedFiles* shared) {
  SpareUpdate update(std::move(place), files, shared);
  WriteStats stats = update.run(files);
  return {stats, update.state()};
}

}  // namespace sdm
