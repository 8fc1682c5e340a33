#pragma once
// yaml-cpp documents with locations that point into the file the YAML came from.

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <vector>

#include "util/diagnostic.h"

namespace sdm {

struct YamlSource {
  std::string file;
  int first_line = 1;  // line in `file` of the YAML text's first line
  int column_offset = 0;

  SourceLocation at(const YAML::Node& node) const;
  SourceLocation at(const YAML::Mark& mark) const;
};

// Parses `text`; on a syntax error reports it and returns nothing.
std::optional<YAML::Node> parse_yaml(const std::string& text, const YamlSource& source,
                                     Diagnostics& diagnostics);

// Reports keys of `map` not in `known` (with a "bedoelde u" hint) and keys given twice.
void check_keys(const YAML::Node& map, const std::vector<std::string>& known,
                const YamlSource& source, Diagnostics& diagnostics);

// The scalar at `key` as text; reports an error when it is not a scalar, or when it is required
// and missing or blank.
std::optional<std::string> scalar_at(const YAML::Node& map, const std::string& key, bool required,
                                     const YamlSource& source, Diagnostics& diagnostics);

// ja/nee (also true/false): reports an error for anything else.
std::optional<bool> yes_no_at(const YAML::Node& map, const std::string& key,
                              const YamlSource& source, Diagnostics& diagnostics);

}  // namespace sdm
