#pragma once
// The settings of a ```grafiek, ```tabel or ```kerncijfers block in a page, read from its YAML.

#include <optional>
#include <string>

#include "load/yaml_source.h"
#include "model/directive.h"
#include "util/diagnostic.h"

namespace sdm {

// The block `info` names, from its YAML `doc` (at `source`; the block starts at `where`).
// Mistakes are reported; nothing when the block cannot be read at all.
std::optional<Directive> read_block_spec(const std::string& info, const YamlNode& doc,
                                         const YamlSource& source, SourceLocation where,
                                         Diagnostics& diagnostics);

// Whether editors may link to `url`, in the text or from a tile: relative, #anchor, https: or
// mailto:.
bool allowed_link(const std::string& url);

}  // namespace sdm
