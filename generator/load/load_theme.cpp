#include "load/load_theme.h"

#include <filesystem>

#include "util/digest.h"

namespace sdm {
namespace {

constexpr std::string_view kExtension = ".mustache";

}  // namespace

ThemePaths default_theme_paths(const FileSystem& fs, const std::string& executable,
                               const std::string& source_dir) {
  auto has_theme = [&](const std::string& root) {
    return !fs.list_files(join_path(root, "site-templates")).empty();
  };
  std::string installed;
  if (!executable.empty())
    installed =
        (std::filesystem::path(executable).parent_path().parent_path() / "share" / "sdmonitor")
            .string();
  if (!installed.empty() && has_theme(installed))
    return {join_path(installed, "site-templates"), join_path(installed, "assets"),
            join_path(installed, "chart.js/chart.umd.js")};
  if (!source_dir.empty() && has_theme(source_dir))
    return {join_path(source_dir, "site-templates"), join_path(source_dir, "assets"),
            join_path(source_dir, "node_modules/chart.js/dist/chart.umd.js")};
  return {};
}

ThemeFiles load_theme(const FileSystem& fs, const ThemePaths& paths, Diagnostics& diagnostics) {
  ThemeFiles theme;
  theme.templates_dir = paths.templates_dir;
  Digest digest;
  for (const auto& rel : fs.list_files(paths.templates_dir)) {
    if (!rel.ends_with(kExtension)) continue;
    const std::string file = join_path(paths.templates_dir, rel);
    if (auto text = read_or_report(fs, file, diagnostics)) {
      std::string name = rel.substr(0, rel.size() - kExtension.size());
      digest.add(name).add(*text);
      theme.templates.push_back({std::move(name), file, std::move(*text)});
    }
  }
  for (const auto& rel : fs.list_files(paths.assets_dir))
    if (auto bytes = read_or_report(fs, join_path(paths.assets_dir, rel), diagnostics))
      theme.assets.push_back({"assets/" + rel, *bytes});
  if (auto chartjs = fs.read(paths.chartjs)) {
    theme.assets.push_back({"assets/chart.umd.js", *chartjs});
  } else {
    diagnostics.error({paths.chartjs, 0, 0}, "Chart.js ontbreekt",
                      "voer 'make site' of 'npm ci' uit, of geef het pad met --chartjs");
  }
  for (const auto& asset : theme.assets) digest.add(asset.path).add(asset.bytes);
  theme.fingerprint = digest.hex();
  return theme;
}

}  // namespace sdm
