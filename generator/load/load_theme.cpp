#include "load/load_theme.h"

namespace sdm {

Theme load_theme(const FileSystem& fs, const ThemePaths& paths, Diagnostics& diagnostics) {
  Theme theme;
  for (const auto& rel : fs.list_files(paths.templates_dir)) {
    if (!rel.ends_with(".mustache")) continue;
    if (auto text = fs.read(join_path(paths.templates_dir, rel)))
      theme.templates[rel.substr(0, rel.size() - 9)] = *text;
  }
  for (const char* required : {"layout", "grafiek", "tabel", "kerncijfers", "cel", "veranderd",
                               "toegankelijkheid", "afdruk", "insluiten", "kwartalen"})
    if (!theme.templates.count(required))
      diagnostics.error({join_path(paths.templates_dir, std::string(required) + ".mustache"), 0, 0},
                        "sjabloon ontbreekt", "herstel de map met sjablonen uit de installatie");
  for (const auto& rel : fs.list_files(paths.assets_dir))
    if (auto bytes = fs.read(join_path(paths.assets_dir, rel)))
      theme.assets.push_back({"assets/" + rel, *bytes});
  if (auto chartjs = fs.read(paths.chartjs)) {
    theme.assets.push_back({"assets/chart.umd.js", *chartjs});
  } else {
    diagnostics.error({paths.chartjs, 0, 0}, "Chart.js ontbreekt",
                      "voer 'make site' of 'npm ci' uit, of geef het pad met --chartjs");
  }
  return theme;
}

}  // namespace sdm
