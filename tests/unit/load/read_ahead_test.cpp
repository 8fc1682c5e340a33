#include "load/read_ahead.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <thread>

namespace sdm {
namespace {

// Notes which folders were read ahead, in order.
class NotingFileSystem : public MemoryFileSystem {
 public:
  void prefetch(const std::string& dir) const override {
    std::lock_guard lock(mutex_);
    read_ahead_.push_back(dir);
  }
  std::vector<std::string> read_ahead() const {
    std::lock_guard lock(mutex_);
    return read_ahead_;
  }

 private:
  mutable std::mutex mutex_;
  mutable std::vector<std::string> read_ahead_;
};

// Waits until `fs` has read `count` folders ahead (or gives up after two seconds).
std::vector<std::string> wait_for(const NotingFileSystem& fs, size_t count) {
  for (int i = 0; i < 2000 && fs.read_ahead().size() < count; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  return fs.read_ahead();
}

TEST(ReadAhead, ReadsTheFoldersInOrderAndNoFurtherAheadThanAsked) {
  NotingFileSystem fs;
  std::vector<std::string> dirs = {"a", "b", "c", "d", "e"};
  {
    ReadAhead ahead(fs, dirs, 2);
    EXPECT_EQ(wait_for(fs, 2), (std::vector<std::string>{"a", "b"}));
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    EXPECT_EQ(fs.read_ahead().size(), 2u) << "nothing started yet: two ahead at most";
    ahead.started(0);
    EXPECT_EQ(wait_for(fs, 3).size(), 3u);
    ahead.started(2);  // sites may start out of order on several threads
    EXPECT_EQ(wait_for(fs, 5), dirs);
  }
  EXPECT_EQ(fs.read_ahead(), dirs);
}

TEST(ReadAhead, StopsWhenTheBuildEndsEarly) {
  NotingFileSystem fs;
  { ReadAhead ahead(fs, {"a", "b", "c", "d"}, 1); }  // must not wait for started()
  EXPECT_LE(fs.read_ahead().size(), 1u);
}

TEST(ReadAhead, OnDiskAFolderReadAheadReadsAsBefore) {
  namespace stdfs = std::filesystem;
  stdfs::path dir = stdfs::temp_directory_path() / ("sdm-read-ahead-" + std::to_string(getpid()));
  stdfs::create_directories(dir / "2024-q1/data");
  std::ofstream(dir / "2024-q1/data/a.csv") << "maand;aantal\n";
  DiskFileSystem disk;
  disk.prefetch(dir.string());
  disk.prefetch((dir / "ontbreekt").string());  // a missing folder is no error
  EXPECT_EQ(disk.read((dir / "2024-q1/data/a.csv").string()), "maand;aantal\n");
  stdfs::remove_all(dir);
}

}  // namespace
}  // namespace sdm
