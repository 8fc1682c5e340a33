#include "write/write_site.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <fstream>

#include "util/diagnostic.h"
#include "util/system_error.h"
#include "util/text.h"
#include "write/disk.h"
#include "write/generation.h"
#include "write/spare_update.h"

namespace fs = std::filesystem;

namespace sdm {

bool safe_relative_path(const std::string& path) {
  if (path.empty() || path[0] == '/' || path.find_first_of("\\\n\r") != std::string::npos)
    return false;
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
  const fs::path target = target_, spare = spare_;
  try {
    switch (type_of(target)) {
      case fs::file_type::not_found:
        fs::create_directories(target.parent_path());
        break;
      case fs::file_type::directory:
        if (!has_manifest(target) && !is_our_old_output(target))
          throw FatalError(
              target_ +
              " bestaat al en is niet door sdmonitor gemaakt; sdmonitor schrijft daar niet in, "
              "zodat er niets van een ander verloren gaat\n  tip: kies met --out een nieuwe of "
              "lege map; eigen bestanden (zoals .htaccess of robots.txt) kunt u daarna in die map "
              "zetten: sdmonitor laat ze staan");
        break;
      default:
        throw FatalError(target_ + " is geen map; kies met --out een nieuwe of lege map");
    }
    struct stat spare_info;
    const bool spare_exists = ::lstat(spare.c_str(), &spare_info) == 0;
    if (!spare_exists && errno != ENOENT) fail_with(errno, target);
    if (!spare_exists || S_ISDIR(spare_info.st_mode)) lock_fd_ = lock_spare(spare, target);
    // Only a folder that sdmonitor made may be the spare: it is emptied and swapped in.
    if (lock_fd_ < 0 || (!has_manifest(spare) && !is_our_old_output(spare))) {
      if (lock_fd_ >= 0) ::close(lock_fd_);
      lock_fd_ = -1;
      throw FatalError(spare_ + " heeft de naam van de reservemap van " + target_ +
                       ", maar sdmonitor heeft het niet gemaakt; sdmonitor verandert er niets "
                       "aan\n  tip: verplaats of hernoem " +
                       spare_ + " (bekijk eerst wat erin staat) en bouw opnieuw");
    }
    if (auto listed = read_manifest(spare)) spare_files_ = std::move(*listed);
    if (!has_manifest(spare))
      if (int error = write_manifest(spare, {})) fail_with(error, target, spare.filename());
    read_stamps();
    // What the published folder holds that sdmonitor did not write there is the web team's. A
    // site made before sdmonitor listed its files: what the spare (the generation before) has.
    if (type_of(target) == fs::file_type::directory) {
      auto ours = read_manifest(target);
      if (!ours) ours = files_below(spare);
      find_foreign(target, "", *ours, folders_of(*ours), foreign_);
    }
  } catch (const fs::filesystem_error& e) {
    fail_fs(e, target);
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
  if (::unlink(file.c_str()) != 0 && errno != ENOENT) fail_with(errno, target_);
}

std::optional<SiteStamp> SiteWriter::keep_unchanged(const std::string& subdir,
                                                    const std::string& fingerprint) {
  if (!safe_relative_path(subdir) || subdir.find('/') != std::string::npos) return std::nullopt;
  auto it = spare_stamps_.find(subdir);
  if (it == spare_stamps_.end() || it->second.stamp.fingerprint != fingerprint) return std::nullopt;
  const std::string prefix = subdir + "/";
  ForeignEntries foreign = below(foreign_, prefix);
  std::set<std::string> files;
  for (auto f = spare_files_.lower_bound(prefix); f != spare_files_.end() && f->starts_with(prefix);
       ++f) {
    if (foreign.count(f->substr(prefix.size()))) return std::nullopt;  // made when updated
    files.insert(*f);
  }
  if (foreign_.count(subdir)) return std::nullopt;
  std::string state = folder_state(fs::path(spare_) / subdir, foreign);
  if (state == "?" || state != it->second.state) return std::nullopt;
  try {
    carry(fs::path(target_) / subdir, fs::path(spare_) / subdir, foreign, target_);
  } catch (const fs::filesystem_error& e) {
    fail_fs(e, target_);
  }
  std::lock_guard lock(mutex_);
  updated_.insert(subdir);
  stamps_[subdir] = it->second;
  written_.insert(files.begin(), files.end());
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
  const std::string prefix = subdir.empty() ? "" : subdir + "/";
  if (auto theirs = foreign_.find(subdir);
      !subdir.empty() && theirs != foreign_.end() && !theirs->second.folder)
    throw FatalError((fs::path(target_) / subdir).string() +
                     " is niet door sdmonitor gemaakt, maar de site heeft nu zelf een map met die "
                     "naam; sdmonitor overschrijft het niet\n  tip: verplaats of hernoem het en "
                     "bouw opnieuw; de gepubliceerde site is niet veranderd");
  UpdatePlace place{subdir.empty() ? fs::path(spare_) : fs::path(spare_) / subdir,
                    subdir.empty() ? fs::path(target_) : fs::path(target_) / subdir, target_,
                    below(foreign_, prefix), subdir.empty()};
  {
    std::lock_guard lock(mutex_);
    updated_.insert(subdir);
  }
  try {
    SpareUpdated updated = update_spare(std::move(place), files, shared_.get());
    std::lock_guard lock(mutex_);
    for (const auto& file : files) written_.insert(prefix + file.path);
    if (stamp && !subdir.empty()) stamps_[subdir] = Recorded{*stamp, std::move(updated.state)};
    return updated.stats;
  } catch (const fs::filesystem_error& e) {
    fail_fs(e, target_);
  }
}

void SiteWriter::publish() {
  const fs::path target = target_, spare = spare_;
  try {
    if (!updated_.count("")) {
      // A folder of sites: what is not one of this build's sites nor the web team's goes; the
      // web team's entries outside the sites are carried over.
      for (const auto& entry : fs::directory_iterator(spare)) {
        const std::string name = entry.path().filename().string();
        if (!is_bookkeeping(name) && !updated_.count(name) && !foreign_.count(name))
          fs::remove_all(entry.path());
      }
      ForeignEntries outside;
      for (const auto& [rel, entry] : foreign_)
        if (!updated_.count(rel.substr(0, rel.find('/')))) outside[rel] = entry;
      carry(target, spare, outside, target);
    }
  } catch (const fs::filesystem_error& e) {
    fail_fs(e, target);
  }
  if (!stamps_.empty()) {
    std::string lines = std::string(kStampsHeader) + "\n";
    for (const auto& [name, r] : stamps_)
      lines += name + " " + r.stamp.fingerprint + " " + std::to_string(r.stamp.pages) + " " +
               std::to_string(r.stamp.editions) + " " + std::to_string(r.stamp.files) + " " +
               std::to_string(r.stamp.warnings) + " " + r.state + "\n";
    if (int error = write_file(AT_FDCWD, (spare / kStampsFile).c_str(), lines, kFileMode))
      fail_with(error, target);
  }
  if (int error = write_manifest(spare, written_)) fail_with(error, target);
  if (::fchmod(lock_fd_, kFolderMode) != 0) fail_with(errno, target);
  // Everything of the new generation is on the disk before it is swapped in, as git and SQLite
  // do: after a power cut the site is wholly the old or wholly the new one.
  if (::syncfs(lock_fd_) != 0) fail_with(errno, target);
  if (type_of(target) == fs::file_type::not_found) {
    if (::rename(spare_.c_str(), target_.c_str()) != 0) fail_with(errno, target);
  } else if (::renameat2(AT_FDCWD, spare_.c_str(), AT_FDCWD, target_.c_str(), RENAME_EXCHANGE) !=
             0) {
    fail_with(errno, target);
  }
  // And the swap itself: the entries of the parent folder.
  int parent = ::open(target.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (parent < 0 || ::fsync(parent) != 0) {
    const int error = errno;
    if (parent >= 0) ::close(parent);
    throw FatalError("de site in " + target_ +
                     " is gepubliceerd, maar het systeem bevestigt niet dat de wissel op de "
                     "schijf staat: " +
                     dutch_errno(error) + "\n  tip: controleer de schijf en bouw opnieuw");
  }
  ::close(parent);
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
    const fs::path path = fs::path(dir) / file.path;
    fs::create_directories(path.parent_path());
    if (int error = write_file(AT_FDCWD, path.c_str(), file.bytes, 0))
      throw FatalError("kan " + path.string() + " niet schrijven: " + dutch_errno(error));
  }
}

}  // namespace sdm
