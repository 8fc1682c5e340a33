#pragma once
// The write stage's system calls on files and folders. A failure is a FatalError in Dutch that
// names the output folder and says that the published site is as it was.

#include <sys/stat.h>

#include <filesystem>
#include <string>

namespace sdm {

// Files 0644 and folders 0755 whatever the umask: the web server reading the site may run as
// another user.
constexpr mode_t kFileMode = 0644, kFolderMode = 0755;

// Beside a file, the name of the copy being written to replace it.
constexpr const char* kScratch = ".sdmonitor-tmp";

std::filesystem::file_type type_of(const std::filesystem::path& path);

// A failure in writing the site in `target`, before it was published: the message names the
// output folder (and `detail` when it helps) and says that the published site is as it was.
[[noreturn]] void fail_with(int error, const std::filesystem::path& target,
                            const std::string& detail = {});
[[noreturn]] void fail_fs(const std::filesystem::filesystem_error& e,
                          const std::filesystem::path& target);

// Writes `bytes` as the file `name` in the folder `dir` (a descriptor, or AT_FDCWD with a whole
// path), with `mode` unless that is 0; with `info`, also notes the file's size and modification
// time as written. Returns 0 or the errno value of the failure.
int write_file(int dir, const char* name, const std::string& bytes, mode_t mode,
               struct stat* info = nullptr);

// True when the file `name` in the folder `dir` (known to have bytes.size() bytes) holds exactly
// `bytes`.
bool same_bytes(int dir, const char* name, const std::string& bytes, std::string& buffer);

void remove_entry(const std::filesystem::path& path, const std::filesystem::path& target);

// A copy of the web team's file `from` as `to`, where a hard link is not possible (another file
// system, or a file system without them). Returns false for what is neither a file nor a link.
bool copy_entry(const std::filesystem::path& from, const std::filesystem::path& to,
                const struct stat& info, const std::filesystem::path& target,
                const std::string& rel);

// Makes the folders that hold `rel` below `root`, where missing.
void make_parents(const std::filesystem::path& root, const std::string& rel,
                  const std::filesystem::path& target);

// Opens and locks the spare folder, creating it when missing. Loops because another build may
// swap it away between opening and locking.
int lock_spare(const std::filesystem::path& spare, const std::filesystem::path& target);

std::filesystem::path absolute_target(const std::string& out_dir);

}  // namespace sdm
