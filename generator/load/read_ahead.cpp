#include "load/read_ahead.h"

#include <algorithm>

namespace sdm {

ReadAhead::ReadAhead(const FileSystem& fs, std::vector<std::string> dirs, size_t ahead)
    : fs_(fs), dirs_(std::move(dirs)), ahead_(ahead), thread_([this] { run(); }) {}

ReadAhead::~ReadAhead() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

void ReadAhead::started(size_t index) {
  {
    std::lock_guard lock(mutex_);
    started_ = std::max(started_, index + 1);
  }
  wake_.notify_one();
}

void ReadAhead::run() {
  for (size_t i = 0; i < dirs_.size(); ++i) {
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return stop_ || i < started_ + ahead_; });
      if (stop_) return;
    }
    fs_.prefetch(dirs_[i]);
  }
}

}  // namespace sdm
