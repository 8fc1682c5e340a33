#include "pipeline/new_edition.h"

#include <map>

#include "load/load_edition.h"
#include "write/write_site.h"

namespace sdm {

std::optional<NewEditionPlan> start_new_edition(const FileSystem& fs,
                                                const std::string& content_dir,
                                                const std::string& new_id,
                                                const std::string& from_id,
                                                Diagnostics& diagnostics) {
  const std::string dir = join_path(content_dir, new_id);
  if (!is_plain_name(new_id)) {
    diagnostics.error({dir, 0, 0}, "ongeldige mapnaam '" + new_id + "'",
                      "gebruik alleen kleine letters, cijfers en '-', bijvoorbeeld 2024-q2");
    return std::nullopt;
  }
  const std::string from_dir = join_path(content_dir, from_id);
  std::map<std::string, std::string> files;
  for (const auto& rel : fs.list_files(from_dir))
    if (auto bytes = fs.read(join_path(from_dir, rel))) files[rel] = *bytes;
  if (files.empty()) {
    diagnostics.error({from_dir, 0, 0}, "editie '" + from_id + "' niet gevonden",
                      "geef bij --from de mapnaam van een editie in " + content_dir);
    return std::nullopt;
  }
  NewEditionPlan plan = plan_new_edition(new_id, from_id, files);
  write_new_folder(dir, plan.files);
  return plan;
}

}  // namespace sdm
