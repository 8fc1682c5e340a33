#pragma once
// Notices changed files by comparing modification times and sizes (polling: simple, portable,
// and fast enough for a few hundred files).

#include <map>
#include <string>
#include <vector>

namespace sdm {

class FileWatcher {
 public:
  explicit FileWatcher(std::vector<std::string> roots) : roots_(std::move(roots)) { changed(); }
  // True when any file under the roots was added, removed or modified since the last call.
  bool changed();

 private:
  std::vector<std::string> roots_;
  std::map<std::string, std::pair<long long, long long>> seen_;
};

}  // namespace sdm
