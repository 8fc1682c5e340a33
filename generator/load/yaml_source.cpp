#include "load/yaml_source.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>

#include "util/text.h"

namespace sdm {

namespace {
constexpr auto npos = std::string_view::npos;
}  // namespace

SourceLocation YamlSource::at(const YAML::Mark& mark) const {
  if (mark.line < 0) return {file, first_line, 0};
  return {file, first_line + mark.line, column_offset + mark.column + 1};
}

SourceLocation YamlSource::at(const YamlNode& node) const {
  return at(node.Mark());
}

const YamlNode& YamlNode::operator[](const std::string& key) const {
  static const YamlNode undefined;
  for (const auto& [k, value] : entries_)
    if (k.IsScalar() && k.Scalar() == key) return value;
  return undefined;
}

struct YamlBuilder {
  static YamlNode scalar(std::string_view text, size_t pos, int line, int column) {
    YamlNode node = at(YamlNode::Kind::scalar, pos, line, column);
    node.scalar_ = text;
    return node;
  }

  static YamlNode at(YamlNode::Kind kind, size_t pos, int line, int column) {
    YamlNode node;
    node.kind_ = kind;
    node.mark_.pos = static_cast<int>(pos);
    node.mark_.line = line;
    node.mark_.column = column;
    return node;
  }

  static YamlNode from(const YAML::Node& in) {
    YamlNode node;
    node.mark_ = in.Mark();
    switch (in.Type()) {
      case YAML::NodeType::Null:
        node.kind_ = YamlNode::Kind::null;
        break;
      case YAML::NodeType::Scalar:
        node.kind_ = YamlNode::Kind::scalar;
        node.scalar_ = in.Scalar();
        break;
      case YAML::NodeType::Sequence:
        node.kind_ = YamlNode::Kind::sequence;
        for (const auto& item : in) node.items_.push_back(from(item));
        break;
      case YAML::NodeType::Map:
        node.kind_ = YamlNode::Kind::map;
        for (const auto& item : in) node.entries_.emplace_back(from(item.first), from(item.second));
        break;
      default:
        break;
    }
    return node;
  }

  // A plain scalar that yaml-cpp reads as exactly this text: no indicator at the start, nothing
  // that could end it or start a comment, not null, no line-break or control characters.
  static bool plain(std::string_view text, bool in_flow) {
    if (text.empty() || std::string_view("-?:,[]{}#&*!|>'\"%@`").find(text.front()) != npos)
      return false;
    if (text == "~" || text == "null" || text == "Null" || text == "NULL") return false;
    if (text.back() == ':' || text.find(": ") != npos || text.find('#') != npos) return false;
    if (text.find_first_of(in_flow ? "[]{},'\"" : "[]{}") != npos) return false;
    for (unsigned char c : text)
      if (c < 0x20 || c == 0x7F) return false;
    for (std::string_view odd : {"\xC2\x85", "\xE2\x80\xA8", "\xE2\x80\xA9", "\xEF\xBB\xBF"})
      if (text.find(odd) != npos) return false;
    return true;
  }

  static std::string_view trim_spaces(std::string_view text, size_t& offset) {
    size_t begin = text.find_first_not_of(' ');
    if (begin == npos) return {};
    offset += begin;
    return text.substr(begin, text.find_last_not_of(' ') - begin + 1);
  }

  // `[a, b]`: its items, or nothing when they are not all plain.
  static std::optional<YamlNode> flow_sequence(std::string_view text, size_t pos, int line,
                                               int column) {
    YamlNode node = at(YamlNode::Kind::sequence, pos, line, column);
    std::string_view inner = text.substr(1, text.size() - 2);
    size_t offset = 1;
    if (inner.find_first_not_of(' ') == npos) return node;
    for (size_t begin = 0; begin <= inner.size();) {
      size_t comma = std::min(inner.find(',', begin), inner.size());
      size_t item_offset = offset + begin;
      std::string_view item = trim_spaces(inner.substr(begin, comma - begin), item_offset);
      if (!plain(item, true)) return std::nullopt;
      node.items_.push_back(
          scalar(item, pos + item_offset, line, column + static_cast<int>(item_offset)));
      begin = comma + 1;
    }
    return node;
  }

  // Lines of 'key: value' at the left margin, where each value is a plain scalar or a flow
  // sequence of plain scalars, with blank lines between: what front matter and most blocks are.
  // Nothing for any other YAML, which yaml-cpp then reads.
  static std::optional<YamlNode> simple_map(std::string_view text) {
    YamlNode map = at(YamlNode::Kind::map, 0, 0, 0);
    int line = 0;
    for (size_t pos = 0; pos < text.size(); ++line) {
      size_t end = std::min(text.find('\n', pos), text.size());
      std::string_view content = text.substr(pos, end - pos);
      if (content.find_first_not_of(' ') != npos) {
        size_t colon = content.find(':');
        if (colon == npos || colon == 0 || !std::isalpha(static_cast<unsigned char>(content[0])))
          return std::nullopt;
        std::string_view key = content.substr(0, colon);
        if (key.find_first_not_of(
                "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") != npos ||
            key == "null" || key == "Null" || key == "NULL" || colon + 1 >= content.size() ||
            content[colon + 1] != ' ')
          return std::nullopt;
        size_t offset = colon + 1;
        std::string_view value = trim_spaces(content.substr(colon + 1), offset);
        int column = static_cast<int>(offset);
        std::optional<YamlNode> node;
        if (value.size() >= 2 && value.front() == '[' && value.back() == ']')
          node = flow_sequence(value, pos + offset, line, column);
        else if (plain(value, false))
          node = scalar(value, pos + offset, line, column);
        if (!node) return std::nullopt;
        if (map.entries_.empty()) map.mark_ = at(YamlNode::Kind::map, pos, line, 0).mark_;
        map.entries_.emplace_back(scalar(key, pos, line, 0), std::move(*node));
      }
      pos = end + 1;
    }
    if (map.entries_.empty()) return std::nullopt;
    return map;
  }
};

std::optional<YamlNode> parse_yaml(const std::string& text, const YamlSource& source,
                                   Diagnostics& diagnostics) {
  if (auto simple = YamlBuilder::simple_map(text)) return simple;
  try {
    return YamlBuilder::from(YAML::Load(text));
  } catch (const YAML::Exception& e) {
    diagnostics.error(source.at(e.mark), "ongeldige YAML: " + e.msg,
                      "controleer de inspringing en zet tekst met een ':' tussen aanhalingstekens");
    return std::nullopt;
  }
}

void check_keys(const YamlNode& map, const std::vector<std::string>& known,
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

std::optional<std::string> scalar_at(const YamlNode& map, const std::string& key, bool required,
                                     const YamlSource& source, Diagnostics& diagnostics) {
  const YamlNode& node = map[key];
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

std::optional<bool> yes_no_at(const YamlNode& map, const std::string& key, const YamlSource& source,
                              Diagnostics& diagnostics) {
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
