#include "pipeline/preview.h"

#include <chrono>

namespace sdm {

std::string rebuild_preview(const BuildOptions& options, PreviewSite& site) {
  const auto start = std::chrono::steady_clock::now();
  DiskFileSystem fs(options.content_dir);
  Diagnostics diagnostics;
  auto result = generate(fs, options, diagnostics);
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::steady_clock::now() - start)
                      .count();
  std::string report = format_diagnostics(diagnostics);
  if (result) {
    site.show_site(result->files);
    return report + "Bijgewerkt in " + std::to_string(ms) + " ms (" +
           std::to_string(result->pages) + " pagina's).\n";
  }
  site.show_errors(diagnostics);
  return report + "Fouten gevonden; de preview toont ze.\n";
}

}  // namespace sdm
