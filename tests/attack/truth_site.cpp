// sdm_truth_site: builds a site exactly as `sdmonitor build` does, but with every count
// published. The attacker (attack.py) reads it beside the real site to know what each hidden cell
// holds; it never leaves the test's build folder.
//
//   sdm_truth_site --content DIR --out DIR [--templates DIR --assets DIR --chartjs FILE]

#include <iostream>
#include <string>

#include "load/file_system.h"
#include "load/load_theme.h"
#include "pipeline/pipeline.h"
#include "write/write_site.h"

namespace {

// A value without a person count behind it is never suppressed.
void publish_all(sdm::RawValue& v) {
  v.persons.reset();
  v.client_count.reset();
  v.clients.clear();
}

void publish_all(std::vector<sdm::ComputedPage>& pages) {
  for (auto& page : pages) {
    for (auto& block : page.blocks) {
      if (auto* c = std::get_if<sdm::ChartData>(&block)) {
        for (auto& s : c->series)
          for (auto& p : s.points) publish_all(p);
      } else if (auto* t = std::get_if<sdm::TableData>(&block)) {
        for (auto& r : t->rows)
          for (auto& cell : r.cells) publish_all(cell);
      } else if (auto* tiles = std::get_if<std::vector<sdm::TileData>>(&block)) {
        for (auto& tile : *tiles) {
          publish_all(tile.value);
          if (tile.previous) publish_all(*tile.previous);
        }
      }
    }
    for (auto& f : page.figures) publish_all(f.value);
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::string content = "content", out;
  sdm::ThemePaths theme_paths;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i], value = argv[i + 1];
    if (flag == "--content")
      content = value;
    else if (flag == "--out")
      out = value;
    else if (flag == "--templates")
      theme_paths.templates_dir = value;
    else if (flag == "--assets")
      theme_paths.assets_dir = value;
    else if (flag == "--chartjs")
      theme_paths.chartjs = value;
    else {
      std::cerr << "unknown option " << flag << "\n";
      return 2;
    }
  }
  if (out.empty()) {
    std::cerr << "usage: sdm_truth_site --content DIR --out DIR\n";
    return 2;
  }
  sdm::DiskFileSystem fs;
  sdm::Diagnostics diagnostics;
  sdm::Theme theme = sdm::prepare_theme(fs, theme_paths, diagnostics);
  auto generated = diagnostics.has_errors()
                       ? std::nullopt
                       : sdm::generate_site(fs, content, theme, false, diagnostics,
                                            [](auto& pages) { publish_all(pages); });
  std::cerr << sdm::format_diagnostics(diagnostics);
  if (!generated) return 1;
  sdm::write_site(out, generated->files);
  return 0;
}
