#pragma once
// Read access to files, on disk or in memory (tests). Only the load stage reads.

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace sdm {

class FileSystem {
 public:
  virtual ~FileSystem() = default;
  // The whole file, or nothing when it does not exist or cannot be read.
  virtual std::optional<std::string> read(const std::string& path) const = 0;
  // Why `path` cannot be read although it is there, in Dutch ("er zijn geen leesrechten", "dat is
  // een map"); empty when it is not there or can be read. Asked where read() gave nothing: only a
  // file that is not there counts as absent.
  virtual std::string unreadable(const std::string& /*path*/) const { return {}; }
  // Paths of everything below `dir` that is not a folder (files, but also pipes and devices,
  // which read() refuses), relative to it, sorted; empty if `dir` is missing.
  virtual std::vector<std::string> list_files(const std::string& dir) const = 0;
  // Names of the directories directly inside `dir`, sorted.
  virtual std::vector<std::string> list_dirs(const std::string& dir) const = 0;
  // Asks for every file below `dir` to be read into memory ahead, without waiting for it.
  virtual void prefetch(const std::string& /*dir*/) const {}
};

// A symbolic link below the content folder may point elsewhere in it, but a file reached through
// a link that leads out of it is not read: that would publish whatever the link names.
class DiskFileSystem : public FileSystem {
 public:
  // `content_root`: the content folder; paths below it are read only when they resolve inside
  // it. Empty: no such check (paths of the program itself, tests).
  explicit DiskFileSystem(std::string content_root = {});
  std::optional<std::string> read(const std::string& path) const override;
  std::string unreadable(const std::string& path) const override;
  std::vector<std::string> list_files(const std::string& dir) const override;
  std::vector<std::string> list_dirs(const std::string& dir) const override;
  void prefetch(const std::string& dir) const override;

 private:
  // Why `path` is not read when it leads out of the content folder through a link, naming the
  // link and its target, in Dutch; empty when it stays inside or is not below the folder.
  std::string leaves_root(const std::string& path) const;
  // Whether the lexically normal `folder`, with every link resolved, lies inside the content
  // folder; remembered per folder.
  bool folder_inside(const std::string& folder) const;
  // The file opened for reading, or -1 with errno set; refused when it leads out of the content
  // folder.
  int open_inside(const std::string& path) const;

  std::string root_;       // as given, lexically normal, without a trailing '/'
  std::string root_real_;  // with every link resolved
  mutable std::mutex mutex_;
  mutable std::unordered_map<std::string, bool> inside_;
};

class MemoryFileSystem : public FileSystem {
 public:
  void add(const std::string& path, std::string content) { files_[path] = std::move(content); }
  // A file that is listed but cannot be read, for `reason`.
  void add_unreadable(const std::string& path, std::string reason) {
    files_.erase(path);
    unreadable_[path] = std::move(reason);
  }
  // A symbolic link at `path` to `target` (a file or a folder, absolute or relative to the
  // link's folder), as on disk with `content_root` the content folder: reading through a link
  // that leads out of `content_root` is refused like DiskFileSystem does.
  void add_link(const std::string& path, const std::string& target,
                const std::string& content_root);
  std::optional<std::string> read(const std::string& path) const override;
  std::string unreadable(const std::string& path) const override;
  std::vector<std::string> list_files(const std::string& dir) const override;
  std::vector<std::string> list_dirs(const std::string& dir) const override;

 private:
  struct Link {
    std::string target;  // resolved against the link's folder, lexically normal
    std::string content_root;
  };
  // The path that `path` names after following links, or the reason it is refused.
  std::pair<std::string, std::string> resolve(const std::string& path) const;

  std::map<std::string, std::string> files_;
  std::map<std::string, Link> links_;
  std::map<std::string, std::string> unreadable_;
};

// The bytes of a file that must be there (it was listed, or is required); an error naming the
// reason, in Dutch, when it is there but cannot be read. Nothing, without a message, when it is
// not there.
class Diagnostics;
std::optional<std::string> read_or_report(const FileSystem& fs, const std::string& path,
                                          Diagnostics& diagnostics);

// Whether there is something at `path`, readable or not.
bool is_there(const FileSystem& fs, const std::string& path);

// The Dutch reason a file is not read when `link` below `content_root` points out of it, to
// `target`.
std::string link_outside_reason(const std::string& link, const std::string& target,
                                const std::string& content_root);

// "a" + "b" -> "a/b"; keeps things simple for both implementations.
std::string join_path(const std::string& a, const std::string& b);

}  // namespace sdm
