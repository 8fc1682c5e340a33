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
  // Paths of all regular files below `dir`, relative to it, sorted; empty if `dir` is missing.
  virtual std::vector<std::string> list_files(const std::string& dir) const = 0;
  // Names of the directories directly inside `dir`, sorted.
  virtual std::vector<std::string> list_dirs(const std::string& dir) const = 0;
  // Asks for every file below `dir` to be read into memory ahead, without waiting for it.
  virtual void prefetch(const std::string& /*dir*/) const {}
};

class DiskFileSystem : public FileSystem {
 public:
  std::optional<std::string> read(const std::string& path) const override;
  std::vector<std::string> list_files(const std::string& dir) const override;
  std::vector<std::string> list_dirs(const std::string& dir) const override;
  void prefetch(const std::string& dir) const override;
};

class MemoryFileSystem : public FileSystem {
 public:
  void add(const std::string& path, std::string content) { files_[path] = std::move(content); }
  std::optional<std::string> read(const std::string& path) const override;
  std::vector<std::string> list_files(const std::string& dir) const override;
  std::vector<std::string> list_dirs(const std::string& dir) const override;

 private:
  std::map<std::string, std::string> files_;
};

// "a" + "b" -> "a/b"; keeps things simple for both implementations.
std::string join_path(const std::string& a, const std::string& b);

}  // namespace sdm
