#pragma once
// The write stage: the only code that writes. The previous generation of the site is kept as a
// hidden spare folder beside it (".<name>.reserve"). A build brings the spare up to date, writing
// only files whose bytes differ, syncs it to the disk and then swaps spare and site in one step
// with renameat2(RENAME_EXCHANGE). Readers never see a half-written or missing site, and a failed
// or killed build leaves the published site as it was; the next build compares the whole spare,
// so a half-updated one is repaired. Each generation lists the files sdmonitor wrote in it; what
// else the published site holds (the web team's .htaccess, robots.txt, .well-known/) is carried
// over into the next generation, never removed. Files are 0644 and folders 0755 whatever the
// umask.

#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "model/output.h"

namespace sdm {

struct WriteStats {
  size_t written = 0;  // files whose bytes differed from the spare's (new or changed)
  size_t removed = 0;  // files and folders of the spare that the site no longer has
};

// What a build of a folder of sites records of each site: the fingerprint of everything it was
// made from (program, theme, options, content) and its counts for the summary. A later build
// whose site has the same fingerprint leaves the site as it is.
struct SiteStamp {
  std::string fingerprint;
  size_t pages = 0, editions = 0, files = 0, warnings = 0;
};

class SharedFiles;

// An entry of the published folder that sdmonitor did not write: the web team's.
struct ForeignEntry {
  bool folder = false;
  unsigned mode = 0;  // permission bits
};
using ForeignEntries = std::map<std::string, ForeignEntry>;  // by path below the output folder

class SiteWriter {
 public:
  // Takes the spare of `out_dir` for this build (waiting while another build holds it). Throws
  // FatalError when `out_dir` exists but is not a site made by sdmonitor (such a folder is never
  // written in), when the spare folder was not made by sdmonitor (it is left as it is), or when
  // the spare cannot be used.
  explicit SiteWriter(const std::string& out_dir);
  ~SiteWriter();
  SiteWriter(const SiteWriter&) = delete;
  SiteWriter& operator=(const SiteWriter&) = delete;

  // Files that every subdir has with the same bytes (the theme's assets, at the same paths): from
  // now on one copy per build, hard-linked into the others.
  void share(const std::vector<OutputFile>& files);

  // Makes `subdir` of the spare ("" for all of it; else one plain folder name) hold exactly
  // `files` plus the web team's files of the published `subdir`. Throws FatalError on a path that
  // would leave the folder, on a file of the web team's where the site now has one, or on I/O
  // failure; the published site is untouched then. Different subdirs may be updated from different
  // threads. With a stamp, the spare records it for `subdir` when it is published.
  WriteStats update(const std::string& subdir, const std::vector<OutputFile>& files,
                    const SiteStamp* stamp = nullptr);

  // When the spare's `subdir` was made from `fingerprint` and its files are still as that build
  // left them (same names, sizes and modification times), keeps it for this build as it is and
  // returns its stamp. A build that stops before publishing leaves no stamps in the spare.
  std::optional<SiteStamp> keep_unchanged(const std::string& subdir,
                                          const std::string& fingerprint);

  // Removes from the spare's top level whatever no update() named and is not the web team's,
  // records the stamps and the list of files written, syncs the spare to the disk, then swaps spare
  // and site. The previous generation becomes the spare.
  void publish();

 private:
  void read_stamps();

  std::string target_, spare_;
  int lock_fd_ = -1;
  std::unique_ptr<SharedFiles> shared_;
  std::mutex mutex_;
  std::set<std::string> updated_;  // subdirs passed to update(); "" = the whole spare
  struct Recorded {
    SiteStamp stamp;
    std::string state;  // digest of every entry's name, size and modification time
  };
  std::map<std::string, Recorded> spare_stamps_;  // as the spare's build recorded them
  std::map<std::string, Recorded> stamps_;        // of this build
  std::set<std::string> spare_files_;  // the files the spare's build wrote, below the spare
  std::set<std::string> written_;      // the files of this build, below the output folder
  ForeignEntries foreign_;             // the web team's entries of the published folder
};

// The spare folder of `out_dir`: ".<name>.reserve" beside it.
std::string spare_dir(const std::string& out_dir);

// Writes `files` as the complete content of `out_dir` (SiteWriter, one update, publish).
WriteStats write_site(const std::string& out_dir, const std::vector<OutputFile>& files);

// Creates `dir` with `files` in it; refuses (FatalError) when `dir` already exists, so nothing
// an editor made is overwritten.
void write_new_folder(const std::string& dir, const std::vector<OutputFile>& files);

// True when `path` is relative, '/'-separated and stays inside its root.
bool safe_relative_path(const std::string& path);

}  // namespace sdm
