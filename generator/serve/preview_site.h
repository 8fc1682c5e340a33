#pragma once
// What the preview server shows: the latest successful build, or the errors of the latest
// failed one, with a small reload script that exists only in preview.

#include <map>
#include <optional>
#include <shared_mutex>
#include <string>

#include "model/output.h"
#include "util/diagnostic.h"

namespace sdm {

struct PreviewResponse {
  int status = 200;
  std::string content_type;
  std::string body;
};

// Shown by many server threads at once while the watcher thread replaces what is shown: every
// member takes the lock, so a reader sees one whole build, never half of one.
class PreviewSite {
 public:
  // Replaces what is shown; bumps the version so open pages reload.
  void show_site(const std::vector<OutputFile>& files);
  void show_errors(const Diagnostics& diagnostics);

  PreviewResponse get(const std::string& path) const;
  long version() const;

  static constexpr const char* kReloadScriptPath = "/__sdmonitor/herlaad.js";
  static constexpr const char* kVersionPath = "/__sdmonitor/versie";

 private:
  PreviewResponse get_locked(const std::string& path) const;

  mutable std::shared_mutex mutex_;
  std::map<std::string, std::string> files_;
  std::string error_page_;  // non-empty while the latest build failed
  long version_ = 0;
};

std::string content_type_for(const std::string& path);

}  // namespace sdm
