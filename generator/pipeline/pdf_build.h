#pragma once
// `sdmonitor pdf`: the site plus monitor-<edition>.pdf of the newest edition, published together.

#include <string>

#include "pipeline/pipeline.h"

namespace sdm {

// Builds the site in a scratch folder, prints its afdrukken.html with Chromium, then publishes
// site and PDF in one swap. Returns false (publishing nothing) on content errors.
bool build_with_pdf(const FileSystem& fs, const BuildOptions& options, const std::string& chromium,
                    Diagnostics& diagnostics, std::string* pdf_name = nullptr);

}  // namespace sdm
