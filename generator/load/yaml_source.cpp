#include "load/yaml_source.h"

#include <algorithm>

#include "util/text.h"

namespace sdm {

SourceLocation YamlSource::at(const YAML::Mark& mark) const {
  if (mark.line < 0) return {file, first_line, 0};
  return {file, first_line + mark.line, column_offset + mark.column + 1};
}

SourceLocation YamlSource::at(const YAML::Node& node) const {
  return at(node.Mark());
}

std::optional<YAML::Node> parse_yaml(const std::string& text, const YamlSource& source,
                                     Diagnostics& diagnostics) {
  try {
    return YAML::Load(text);
  } catch (const YAML::Exception& e) {
    diagnostics.error(source.at(e.mark), "ongeldige YAML: " + e.msg,
                      "controleer de inspringing en zet tekst met een ':' tussen aanhalingstekens");
    return std::nullopt;
  }
}

void check_keys(const YAML::Node& map, const std::vector<std::string>& known,
                const YamlSource& source, Diagnostics& diagnostics) {
  if (!map.IsMap()) return;
  std::vector<std::string> seen;
  for (const auto& item : map) {
    auto key = item.first.as<std::string>("");
    // YAML allows no key twice; yaml-cpp keeps both and a lookup finds the first, so the line an
    // editor changes last may be the one that is ignored.
    if (std::find(seen.begin(), seen.end(), key) != seen.end()) {
      diagnostics.error(source.at(item.first), "instelling '" + key + "' komt twee keer voor",
                        "laat één regel '" + key + ": …' staan");
      continue;
    }
    seen.push_back(key);
    bool found = false;
    for (const auto& k : known) found = found || k == key;
    if (found) continue;
    std::string suggestion = closest_match(key, known);
    diagnostics.error(source.at(item.first), "onbekende instelling '" + key + "'",
                      suggestion.empty() ? "mogelijke instellingen: " +
                                               [&] {
                                                 std::string all;
                                                 for (const auto& k : known)
                                                   all += (all.empty() ? "" : ", ") + k;
                                                 return all;
                                               }()
                                         : "bedoelde u '" + suggestion + "'?");
  }
}

std::optional<std::string> scalar_at(const YAML::Node& map, const std::string& key, bool required,
                                     const YamlSource& source, Diagnostics& diagnostics) {
  YAML::Node node = map[key];
  if (!node || node.IsNull()) {
    if (required)
      diagnostics.error(source.at(map), "instelling '" + key + "' ontbreekt",
                        "voeg een regel '" + key + ": …' toe");
    return std::nullopt;
  }
  if (!node.IsScalar()) {
    diagnostics.error(source.at(node), "'" + key + "' moet een enkele waarde zijn, geen lijst",
                      "schrijf '" + key + ": waarde' op één regel");
    return std::nullopt;
  }
  if (required && trim(node.Scalar()).empty()) {
    diagnostics.error(source.at(node), "instelling '" + key + "' is leeg",
                      "vul een waarde in na '" + key + ":'");
    return std::nullopt;
  }
  return node.Scalar();
}

std::optional<bool> yes_no_at(const YAML::Node& map, const std::string& key,
                              const YamlSource& source, Diagnostics& diagnostics) {
  auto text = scalar_at(map, key, false, source, diagnostics);
  if (!text) return std::nullopt;
  std::string v = to_lower_ascii(*text);
  if (v == "ja" || v == "true") return true;
  if (v == "nee" || v == "false") return false;
  diagnostics.error(source.at(map[key]),
                    "'" + key + "' moet 'ja' of 'nee' zijn, niet '" + *text + "'",
                    "schrijf '" + key + ": ja' of '" + key + ": nee'");
  return std::nullopt;
}

}  // namespace sdm
