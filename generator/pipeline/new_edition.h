#pragma once
// `sdmonitor new`: the edition to copy is read (load), its copy planned (scaffold) and written as a
// new folder (write).

#include <optional>
#include <string>

#include "load/file_system.h"
#include "scaffold/new_edition.h"
#include "util/diagnostic.h"

namespace sdm {

// Writes content_dir/new_id as a copy of content_dir/from_id and returns what the editors must now
// do. A name that cannot be a folder or an edition that is not there is reported and nothing is
// written.
std::optional<NewEditionPlan> start_new_edition(const FileSystem& fs,
                                                const std::string& content_dir,
                                                const std::string& new_id,
                                                const std::string& from_id,
                                                Diagnostics& diagnostics);

}  // namespace sdm
