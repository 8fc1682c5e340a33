#pragma once
// Our own reader for the YAML most of our files hold: block maps and sequences of plain scalars,
// 'key: value' lines. It is there for speed (a fifth of the instructions of building the demo went
// to yaml-cpp); parse_yaml gives anything else to yaml-cpp, and the ParseYaml tests hold both
// readers to the same result.

#include <optional>
#include <string_view>

#include "load/yaml_source.h"

namespace sdm {

// The document `text` when it is such simple YAML, with the marks yaml-cpp would give; nothing
// for any other YAML (tabs, quotes, flow maps, anchors, block scalars …).
std::optional<YamlNode> read_simple_yaml(std::string_view text);

}  // namespace sdm
