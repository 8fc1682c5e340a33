#include "load/load_theme.h"

#include <filesystem>
#include <set>

#include "render/template.h"
#include "util/digest.h"

namespace sdm {
namespace {

constexpr std::string_view kExtension = ".mustache";

// Every template parsed and its partials bound; a template with a syntax error is reported and
// left out.
std::shared_ptr<const TemplateSet> compile_templates(const FileSystem& fs, const std::string& dir,
                                                     Digest& digest, Diagnostics& diagnostics) {
  auto templates = std::make_shared<TemplateSet>();
  auto report = [&](const TemplateError& e) {
    diagnostics.error({join_path(dir, e.template_name + std::string(kExtension)),
                       static_cast<int>(e.line), static_cast<int>(e.column)},
                      e.what(),
                      "herstel het sjabloon, of zet het sjabloon uit de installatie terug");
  };
  std::set<std::string> found;
  bool parsed = true;
  for (const auto& rel : fs.list_files(dir)) {
    if (!rel.ends_with(kExtension)) continue;
    std::string name = rel.substr(0, rel.size() - kExtension.size());
    if (auto text = read_or_report(fs, join_path(dir, rel), diagnostics)) try {
        digest.add(name).add(*text);
        found.insert(name);
        templates->add(name, *text);
      } catch (const TemplateError& e) {
        report(e);
        parsed = false;
      }
  }
  for (const char* required : {"layout", "grafiek", "tabel", "kerncijfers", "cel", "veranderd",
                               "toegankelijkheid", "afdruk", "insluiten", "kwartalen"})
    if (!found.count(required))
      diagnostics.error({join_path(dir, required + std::string(kExtension)), 0, 0},
                        "sjabloon ontbreekt", "herstel de map met sjablonen uit de installatie");
  // A partial in a template that failed to parse would be reported as missing: skip the check.
  if (parsed) try {
      templates->link();
    } catch (const TemplateError& e) {
      report(e);
    }
  return templates;
}

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

Theme load_theme(const FileSystem& fs, const ThemePaths& paths, Diagnostics& diagnostics) {
  Theme theme;
  Digest digest;
  theme.templates = compile_templates(fs, paths.templates_dir, digest, diagnostics);
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
