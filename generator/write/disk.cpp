#include "write/disk.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "util/diagnostic.h"
#include "util/system_error.h"

namespace fs = std::filesystem;

namespace sdm {
namespace {

// A tip for the usual causes, safe to follow: it never asks to remove anything.
std::string tip_for(int error) {
  switch (error) {
    case EACCES:
    case EPERM:
    case EROFS:
      return "kies met --out een map waarin u mag schrijven, of vraag de beheerder om "
             "schrijfrechten";
    case ENOSPC:
    case EDQUOT:
      return "maak ruimte vrij op de schijf en bouw opnieuw";
    default:
      return "los dit op en bouw opnieuw";
  }
}

}  // namespace

fs::file_type type_of(const fs::path& path) {
  std::error_code ec;
  return fs::symlink_status(path, ec).type();
}

[[noreturn]] void fail_with(int error, const fs::path& target, const std::string& detail) {
  const bool exists = type_of(target) == fs::file_type::directory;
  throw FatalError(
      "kan de site in " + target.string() + " niet schrijven" +
      (detail.empty() ? "" : " (" + detail + ")") + ": " + dutch_errno(error) +
      "\n  tip: " + tip_for(error) +
      (exists ? "; de gepubliceerde site is niet veranderd" : "; er is niets gepubliceerd"));
}

[[noreturn]] void fail_fs(const fs::filesystem_error& e, const fs::path& target) {
  fail_with(e.code().value(), target, e.path1().filename().string());
}

int write_file(int dir, const char* name, const std::string& bytes, mode_t mode,
               struct stat* info) {
  int fd = ::openat(dir, name, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode ? mode : 0644);
  if (fd < 0) return errno;
  int error = 0;
  for (size_t done = 0; done < bytes.size() && !error;) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno != EINTR) error = errno;
    if (n > 0) done += static_cast<size_t>(n);
  }
  // Start writing it to the disk now, without waiting: the generation is made durable by one
  // syncfs before it is swapped in (write_site.cpp), which then has little left to wait for. As
  // git's batch fsync mode does; a build of many sites otherwise waited most of a second there.
  if (!error) ::sync_file_range(fd, 0, 0, SYNC_FILE_RANGE_WRITE);
  if (!error && mode && ::fchmod(fd, mode) != 0) error = errno;
  if (!error && info && ::fstat(fd, info) != 0) error = errno;
  if (::close(fd) != 0 && !error) error = errno;
  return error;
}

bool same_bytes(int dir, const char* name, const std::string& bytes, std::string& buffer) {
  int fd = ::openat(dir, name, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  buffer.resize(bytes.size() + 1);  // one more, to notice a file that grew meanwhile
  size_t done = 0;
  for (ssize_t n; done < buffer.size(); done += static_cast<size_t>(n)) {
    n = ::read(fd, buffer.data() + done, buffer.size() - done);
    if (n < 0 && errno == EINTR)
      n = 0;
    else if (n <= 0)
      break;
  }
  ::close(fd);
  return done == bytes.size() && std::memcmp(buffer.data(), bytes.data(), done) == 0;
}

void remove_entry(const fs::path& path, const fs::path& target) {
  std::error_code ec;
  fs::remove_all(path, ec);
  if (ec) fail_with(ec.value(), target, path.filename().string());
}

bool copy_entry(const fs::path& from, const fs::path& to, const struct stat& info,
                const fs::path& target, const std::string& rel) {
  if (S_ISLNK(info.st_mode)) {
    std::error_code ec;
    fs::path link = fs::read_symlink(from, ec);
    if (ec) fail_with(ec.value(), target, rel);
    if (::symlink(link.c_str(), to.c_str()) != 0) fail_with(errno, target, rel);
    return true;
  }
  if (!S_ISREG(info.st_mode)) return false;
  std::ifstream in(from, std::ios::binary);
  if (!in) fail_with(EACCES, target, rel);
  std::stringstream bytes;
  bytes << in.rdbuf();
  if (int error = write_file(AT_FDCWD, to.c_str(), bytes.str(), info.st_mode & 07777))
    fail_with(error, target, rel);
  return true;
}

void make_parents(const fs::path& root, const std::string& rel, const fs::path& target) {
  for (size_t slash = rel.find('/'); slash != std::string::npos; slash = rel.find('/', slash + 1)) {
    const fs::path folder = root / rel.substr(0, slash);
    if (::mkdir(folder.c_str(), kFolderMode) == 0) {
      if (::chmod(folder.c_str(), kFolderMode) != 0) fail_with(errno, target, rel);
    } else if (errno != EEXIST) {
      fail_with(errno, target, rel);
    }
  }
}

int lock_spare(const fs::path& spare, const fs::path& target) {
  for (int attempt = 0; attempt < 1000; ++attempt) {
    if (::mkdir(spare.c_str(), kFolderMode) != 0 && errno != EEXIST) fail_with(errno, target);
    int fd = ::open(spare.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0 && errno == ENOENT) continue;
    if (fd < 0) return -1;
    struct stat locked, now;
    if (::flock(fd, LOCK_EX) == 0 && ::fstat(fd, &locked) == 0 &&
        ::lstat(spare.c_str(), &now) == 0 && locked.st_ino == now.st_ino &&
        locked.st_dev == now.st_dev)
      return fd;
    ::close(fd);
  }
  throw FatalError("kan de reservemap " + spare.string() + " niet vergrendelen: steeds kwam een " +
                   "andere build ertussen\n  tip: wacht tot de andere build klaar is en bouw "
                   "opnieuw");
}

fs::path absolute_target(const std::string& out_dir) {
  fs::path target = fs::absolute(out_dir).lexically_normal();
  if (target.filename().empty()) target = target.parent_path();
  return target;
}

}  // namespace sdm
