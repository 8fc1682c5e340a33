#pragma once
// Brings one folder of the spare up to date: the files a build wants, written only where their
// bytes differ, plus the web team's files of the published folder.

#include <sys/stat.h>

#include <filesystem>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "model/output.h"
#include "write/write_site.h"

namespace sdm {

// The theme's assets, the same bytes in every site of a folder of sites: written once per build
// and hard-linked into the other sites. Writing the bytes is most of the cost of a file here.
class SharedFiles {
 public:
  explicit SharedFiles(const std::vector<OutputFile>& files);

  // Makes `name` in the folder `dir` a link to the copy written before, when there is one with
  // these bytes, and gives that copy's size and modification time, which are the link's.
  bool link(const std::string& rel, const std::string& bytes, int dir, const char* name,
            struct stat& info);

  // The first copy of `rel` with `bytes` was written `at`, with `info`.
  void written(const std::string& rel, const std::string& bytes, const std::filesystem::path& at,
               const struct stat& info);

 private:
  struct Entry {
    std::string bytes;
    std::filesystem::path first;  // the copy written in this build
    struct stat info {};
  };
  std::mutex mutex_;
  std::map<std::string, Entry> entries_;
};

// Where a SpareUpdate works: a folder of the spare, the same folder of the published site, and
// the web team's entries there.
struct UpdatePlace {
  std::filesystem::path root;       // in the spare
  std::filesystem::path published;  // the same folder in the published site
  std::filesystem::path target;     // the output folder, for messages
  ForeignEntries foreign;
  bool top = false;  // root is the spare itself, with the bookkeeping
};

struct SpareUpdated {
  WriteStats stats;
  std::string state;  // the folder's state as folder_state() would read it from the disk
};

// Checks every path of `files` before touching anything (FatalError for one that would leave the
// folder, or that is a file of the web team's), then brings `place.root` to `files` plus the web
// team's entries. `shared`, when given, has the files every site of the build has.
SpareUpdated update_spare(UpdatePlace place, const std::vector<OutputFile>& files,
                          SharedFiles* shared);

}  // namespace sdm
