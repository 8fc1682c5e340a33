#pragma once
// Reading ahead for a folder of sites: while the first sites are made, a thread of its own asks
// for the files of the next ones. A site's files are otherwise read one at a time, each read
// waiting for the disk when the kernel's cache does not hold it.

#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "load/file_system.h"

namespace sdm {

class ReadAhead {
 public:
  // Reads ahead the folders `dirs` in order, at most `ahead` folders past the last one started.
  ReadAhead(const FileSystem& fs, std::vector<std::string> dirs, size_t ahead);
  ~ReadAhead();  // stops reading ahead and waits for the thread
  ReadAhead(const ReadAhead&) = delete;
  ReadAhead& operator=(const ReadAhead&) = delete;

  // The build has started on folder `index`: reading ahead may go on up to `index + ahead`.
  void started(size_t index);

 private:
  void run();

  const FileSystem& fs_;
  const std::vector<std::string> dirs_;
  const size_t ahead_;
  std::mutex mutex_;
  std::condition_variable wake_;
  size_t started_ = 0;  // one past the highest index started
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace sdm
