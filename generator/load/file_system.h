#pragma once
// Read access to files, on disk or in memory (tests). Only the load stage reads.

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sdm {

class FileSystem {
 public:
  virtual ~FileSystem() = default;
  // The whole file, or nothing when it does not exist or cannot be read.
  virtual std::optional<std::string> read(const std::string& path) const = 0;
  // Why `path` cannot be read although it is there, in Dutch ("er zijn geen leesrechten", "het is
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

class DiskFileSystem : public FileSystem {
 public:
  std::optional<std::string> read(const std::string& path) const override;
  std::string unreadable(const std::string& path) const override;
  std::vector<std::string> list_files(const std::string& dir) const override;
  std::vector<std::string> list_dirs(const std::string& dir) const override;
  void prefetch(const std::string& dir) const override;
};

class MemoryFileSystem : public FileSystem {
 public:
  void add(const std::string& path, std::string content) { files_[path] = std::move(content); }
  // A file that is listed but cannot be read, for `reason`.
  void add_unreadable(const std::string& path, std::string reason) {
    files_.erase(path);
    unreadable_[path] = std::move(reason);
  }
  std::optional<std::string> read(const std::string& path) const override;
  std::string unreadable(const std::string& path) const override;
  std::vector<std::string> list_files(const std::string& dir) const override;
  std::vector<std::string> list_dirs(const std::string& dir) const override;

 private:
  std::map<std::string, std::string> files_;
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

// "a" + "b" -> "a/b"; keeps things simple for both implementations.
std::string join_path(const std::string& a, const std::string& b);

}  // namespace sdm
