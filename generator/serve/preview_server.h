#pragma once
// `sdmonitor serve`: a local preview on 127.0.0.1 that rebuilds when a file changes. Pages are
// served from memory; nothing is written to disk.

#include <functional>
#include <string>
#include <vector>

#include "serve/preview_site.h"

namespace sdm {

struct ServeOptions {
  int port = 8000;                            // 0: any free port
  std::vector<std::string> watched;           // folders and files to watch
  std::function<void(PreviewSite&)> rebuild;  // fills the site or its error page
  std::function<void(int port)> on_listening;
  std::function<bool()> keep_running = [] { return true; };
};

// Whether a request's Host header names this machine: localhost, 127.0.0.1 or [::1], without a
// port or with `port`. Anything else may be a page elsewhere that rebinds its name to 127.0.0.1.
bool is_local_host(const std::string& host, int port);

// Serves until keep_running() returns false. Throws FatalError when the port cannot be opened.
void serve_preview(const ServeOptions& options);

}  // namespace sdm
