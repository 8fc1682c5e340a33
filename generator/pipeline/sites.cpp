#include "pipeline/sites.h"

#include "load/load_edition.h"

namespace sdm {
namespace {

// Folders an editor made; hidden ones (.git, a spare output) are not content.
std::vector<std::string> visible_dirs(const FileSystem& fs, const std::string& dir) {
  std::vector<std::string> out;
  for (auto& name : fs.list_dirs(dir))
    if (!name.starts_with(".")) out.push_back(std::move(name));
  return out;
}

bool holds_editions(const FileSystem& fs, const std::string& dir) {
  for (const auto& name : visible_dirs(fs, dir))
    if (is_edition_dir(fs, join_path(dir, name))) return true;
  return false;
}

}  // namespace

SiteLayout find_sites(const FileSystem& fs, const std::string& content_dir,
                      Diagnostics& diagnostics) {
  std::vector<std::string> editions, sites, others;
  for (const auto& name : visible_dirs(fs, content_dir)) {
    std::string dir = join_path(content_dir, name);
    if (is_edition_dir(fs, dir))
      editions.push_back(name);
    else if (holds_editions(fs, dir))
      sites.push_back(name);
    else
      others.push_back(name);
  }
  SiteLayout layout;
  if (sites.empty() || !editions.empty()) {
    for (const auto& name : sites)
      diagnostics.error({join_path(content_dir, name), 0, 0},
                        "map bevat edities van een andere site, maar " + content_dir +
                            " is zelf een site met edities",
                        "zet elke site in een eigen map naast de andere (" + content_dir +
                            "/<gemeente>/<editie>/editie.yaml), of haal deze map hier weg");
    layout.sites.push_back({"", content_dir});
    return layout;
  }
  layout.many = true;
  for (const auto& name : sites) {
    std::string dir = join_path(content_dir, name);
    if (is_plain_name(name))
      layout.sites.push_back({name, dir});
    else
      diagnostics.error({dir, 0, 0}, "ongeldige mapnaam '" + name + "' voor een site",
                        "de mapnaam wordt het adres van de site: gebruik kleine letters, cijfers "
                        "en '-', bijvoorbeeld ooststellingwerf");
  }
  for (const auto& name : others)
    diagnostics.warning({join_path(content_dir, name), 0, 0},
                        "map bevat geen edities en wordt overgeslagen",
                        "een site is een map met edities, elk met een editie.yaml");
  return layout;
}

std::string one_site_only(const FileSystem& fs, const std::string& content_dir,
                          const std::string& command) {
  Diagnostics ignored;
  const SiteLayout layout = find_sites(fs, content_dir, ignored);
  if (!layout.many) return {};
  return "sdmonitor " + command + ": " + content_dir + " is een map met " +
         std::to_string(layout.sites.size()) +
         " sites; dit commando werkt per site\n  tip: geef de map van één site op, bijvoorbeeld "
         "--content " +
         (layout.sites.empty() ? content_dir : layout.sites.front().content_dir) + "\n";
}

}  // namespace sdm
