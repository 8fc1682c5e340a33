#include "serve/watch.h"

#include <filesystem>

namespace fs = std::filesystem;

namespace sdm {

bool FileWatcher::changed() {
  std::map<std::string, std::pair<long long, long long>> now;
  std::error_code ec;
  for (const auto& root : roots_) {
    if (fs::is_regular_file(root, ec)) {
      now[root] = {fs::last_write_time(root, ec).time_since_epoch().count(),
                   static_cast<long long>(fs::file_size(root, ec))};
      continue;
    }
    for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::end(it);
         it.increment(ec))
      if (it->is_regular_file(ec))
        now[it->path().string()] = {it->last_write_time(ec).time_since_epoch().count(),
                                    static_cast<long long>(it->file_size(ec))};
  }
  bool different = now != seen_;
  seen_ = std::move(now);
  return different;
}

}  // namespace sdm
