#include "load/load_edition.h"

#include <algorithm>

#include "load/edition_config.h"
#include "load/edition_images.h"
#include "load/page_spec.h"
#include "util/text.h"

namespace sdm {
namespace {

const char kConfigFile[] = "editie.yaml";

// Pages the render stage makes in every edition folder (kChangesSlug, the accessibility
// statement, the print document).
bool reserved_page_name(std::string_view slug) {
  return slug == "veranderd" || slug == "toegankelijkheid" || slug == "afdrukken";
}

}  // namespace

bool is_plain_name(std::string_view name) {
  if (name.empty() || name[0] == '-') return false;
  for (char c : name)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return true;
}

bool is_edition_dir(const FileSystem& fs, const std::string& dir) {
  return is_there(fs, join_path(dir, kConfigFile));
}

Edition load_edition(const FileSystem& fs, const std::string& dir, Diagnostics& diagnostics) {
  Edition edition;
  std::string id = dir.substr(dir.find_last_of('/') + 1);
  std::string config_path = join_path(dir, kConfigFile);
  if (auto bytes = read_or_report(fs, config_path, diagnostics)) {
    edition.config = read_config(id, config_path, *bytes, diagnostics);
  } else {
    edition.config.id = id;
    // Unreadable: reported; without the declarations every dataset would be one more error.
    if (!fs.unreadable(config_path).empty()) return edition;
    diagnostics.error({config_path, 0, 0}, "editie.yaml ontbreekt",
                      "maak een nieuwe editie met 'sdmonitor new'");
  }

  for (const auto& rel : fs.list_files(dir)) {
    if (is_image_file(rel) && rel.rfind("data/", 0) != 0) {
      if (auto image = read_image(fs, dir, rel, diagnostics))
        edition.images.push_back(std::move(*image));
      continue;
    }
    if (rel.find('/') != std::string::npos || !rel.ends_with(".md")) continue;
    std::string path = join_path(dir, rel);
    std::string slug = rel.substr(0, rel.size() - 3);
    if (!is_plain_name(slug)) {
      diagnostics.error({path, 0, 0}, "ongeldige bestandsnaam '" + rel + "'",
                        "gebruik alleen kleine letters, cijfers en '-', bijvoorbeeld "
                        "sociale-basis.md");
      continue;
    }
    if (reserved_page_name(slug)) {
      diagnostics.error({path, 0, 0},
                        "de naam '" + rel + "' is van een pagina die de generator maakt",
                        "kies een andere bestandsnaam");
      continue;
    }
    auto bytes = read_or_report(fs, path, diagnostics);
    if (!bytes) continue;
    edition.pages.push_back(read_page(slug, path, *bytes, diagnostics));
  }
  std::stable_sort(edition.pages.begin(), edition.pages.end(), [](const Page& a, const Page& b) {
    if ((a.slug == "index") != (b.slug == "index")) return a.slug == "index";
    return a.order != b.order ? a.order < b.order : a.slug < b.slug;
  });
  if (edition.pages.empty() || edition.pages.front().slug != "index")
    diagnostics.error({join_path(dir, "index.md"), 0, 0}, "de overzichtspagina index.md ontbreekt",
                      "maak index.md met de kerncijfers van deze editie");

  std::string data_dir = join_path(dir, "data");
  std::vector<std::string> found;
  for (const auto& rel : fs.list_files(data_dir)) {
    if (!rel.ends_with(".csv")) continue;
    found.push_back(rel);
    std::string path = join_path(data_dir, rel);
    auto declared = edition.config.datasets.find(rel);
    if (declared == edition.config.datasets.end()) {
      diagnostics.error({path, 0, 0},
                        "dataset '" + rel + "' staat niet onder 'data:' in editie.yaml",
                        "voeg toe: '" + rel + ":' met 'eenheid:' (" + unit_list() + ")");
      continue;
    }
    auto bytes = read_or_report(fs, path, diagnostics);
    if (!bytes) continue;
    std::map<std::string, Unit> column_units;
    for (const auto& [column, format] : declared->second.column_formats)
      if (format.unit) column_units[column] = *format.unit;
    edition.tables[rel] = read_table(rel, path, *bytes, declared->second.unit, diagnostics,
                                     declared->second.long_form, column_units);
    check_column_formats(declared->second, edition.tables[rel], diagnostics);
  }
  for (const auto& [name, info] : edition.config.datasets) {
    if (std::find(found.begin(), found.end(), name) != found.end()) continue;
    // A folder in place of the file is there, but not listed among the files.
    if (read_or_report(fs, join_path(data_dir, name), diagnostics) ||
        !fs.unreadable(join_path(data_dir, name)).empty())
      continue;
    std::string guess = closest_match(name, found);
    diagnostics.error(
        info.where, "bestand data/" + name + " bestaat niet",
        guess.empty() ? "zet het CSV-bestand in de map data/" : "bedoelde u '" + guess + "'?");
  }
  for (auto& page : edition.pages) page.spec = read_page_spec(page, diagnostics, &page.body);
  return edition;
}

std::vector<Edition> load_editions(const FileSystem& fs, const std::string& content_dir,
                                   Diagnostics& diagnostics) {
  std::vector<Edition> editions;
  for (const auto& name : fs.list_dirs(content_dir)) {
    std::string dir = join_path(content_dir, name);
    if (!is_edition_dir(fs, dir)) {
      if (is_there(fs, join_path(dir, "editie.yml")))
        diagnostics.error({join_path(dir, "editie.yml"), 0, 0},
                          "een editie heeft een editie.yaml, niet editie.yml",
                          "noem het bestand editie.yaml");
      continue;
    }
    if (!is_plain_name(name)) {
      diagnostics.error({join_path(dir, kConfigFile), 0, 0}, "ongeldige mapnaam '" + name + "'",
                        "noem de map naar de editie, bijvoorbeeld 2024-q1");
      continue;
    }
    Edition edition = load_edition(fs, dir, diagnostics);
    // Without its editie.yaml (reported) it has no peildatum to be ordered by.
    if (fs.unreadable(join_path(dir, kConfigFile)).empty()) editions.push_back(std::move(edition));
  }
  if (editions.empty())
    diagnostics.error({content_dir, 0, 0}, "geen editie gevonden",
                      "een editie is een map met een editie.yaml, bijvoorbeeld " + content_dir +
                          "/2024-q1/editie.yaml");
  std::stable_sort(editions.begin(), editions.end(), [](const Edition& a, const Edition& b) {
    return a.config.reference_date.end_key() < b.config.reference_date.end_key();
  });
  return editions;
}

}  // namespace sdm
