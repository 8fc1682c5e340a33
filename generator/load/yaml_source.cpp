#include "load/yaml_source.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <sstream>

#include "load/yaml_simple.h"
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
};

namespace {

// yaml-cpp's messages are English; the ones editors meet in a block of settings, in Dutch, with
// a tip for that mistake. Another message is not quoted: an editor cannot act on the parser's
// words.
struct YamlError {
  std::string message, tip;
};

YamlError dutch_yaml_error(const std::string& message) {
  const std::string quote_it = "zet tekst met een ':' tussen aanhalingstekens";
  static const std::pair<const char*, const char*> known[] = {
      {"illegal map value",
       "een ':' op een onverwachte plek; staat er op de regel erboven een ':' na de naam?"},
      {"unknown token", "onverwacht teken; staat er een regel zonder 'naam: waarde'?"},
      {"end of map not found", "de instellingen lopen niet netjes door; controleer de inspringing"},
      {"end of map flow not found", "'}' ontbreekt"},
      {"end of sequence not found", "de lijst wordt niet afgesloten; ']' ontbreekt"},
      {"end of sequence flow not found", "de lijst wordt niet afgesloten; ']' ontbreekt"},
      {"illegal tab when looking for indentation", "een tab in de inspringing; gebruik spaties"},
      {"block sequence entries are not allowed in this context",
       "een regel met '- ' op een plek waar geen lijst kan staan"},
      {"end of string not found", "een aanhalingsteken wordt niet afgesloten"},
      {"illegal EOF in scalar", "een aanhalingsteken wordt niet afgesloten"},
  };
  // '*Nieuw*' or '&' at the start of a value reads as an alias or anchor, not as text.
  if (message == YAML::ErrorMsg::UNKNOWN_ANCHOR || message == YAML::ErrorMsg::ANCHOR_NOT_FOUND)
    return {"een waarde die met '*' of '&' begint, leest YAML als verwijzing, niet als tekst",
            "zet de hele waarde tussen aanhalingstekens, bijvoorbeeld titel: \"*Nieuw* cijfers\""};
  for (const auto& [english, dutch] : known)
    if (message == english) return {dutch, "controleer de inspringing en " + quote_it};
  return {"deze regel is geen geldige instelling 'naam: waarde'",
          "controleer de inspringing en " + quote_it};
}

// The first alias ('*naam') in a YAML document, found from yaml-cpp's parse events: nothing is
// built, so a document of nested aliases (a "billion laughs" of gigabytes) is read in its own
// size. Anchors and aliases have no use in our files.
class FirstAlias : public YAML::EventHandler {
 public:
  std::optional<YAML::Mark> mark;
  std::string name;

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark& at, YAML::anchor_t anchor) override {
    if (mark) return;
    mark = at;
    if (anchor >= 1 && anchor <= anchors_.size()) name = anchors_[anchor - 1];
  }
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
  // yaml-cpp numbers anchors from 1 in the order they are defined.
  void OnAnchor(const YAML::Mark&, const std::string& anchor_name) override {
    anchors_.push_back(anchor_name);
  }

 private:
  std::vector<std::string> anchors_;
};

// Where a quoted value starts that its own line does not close (line and character, from 0).
// YAML reads such a value on over the next lines, up to the next quote: the settings in between
// become part of it and are reported missing, each for itself, far from the cause.
std::optional<std::pair<int, int>> unclosed_quote(std::string_view text) {
  int number = 0;
  for (size_t start = 0; start <= text.size(); ++number) {
    size_t end = std::min(text.find('\n', start), text.size());
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    size_t at = line.find_first_not_of(' ');
    while (at != npos && line.compare(at, 2, "- ") == 0) at = line.find_first_not_of(' ', at + 2);
    if (at == npos || line[at] == '#') continue;
    if (line[at] != '"' && line[at] != '\'') {
      // After 'key: ', where the key itself is plain.
      size_t colon = line.find(": ", at);
      if (colon == npos || line.substr(at, colon - at).find_first_of("\"'#") != npos) continue;
      at = line.find_first_not_of(' ', colon + 1);
      if (at == npos || (line[at] != '"' && line[at] != '\'')) continue;
    }
    const char quote = line[at];
    bool closed = false;
    for (size_t i = at + 1; i < line.size() && !closed; ++i) {
      if (quote == '"' && line[i] == '\\')
        ++i;  // an escape: \" is no end
      else if (quote == '\'' && line[i] == '\'' && i + 1 < line.size() && line[i + 1] == '\'')
        ++i;  // '' is a quote inside single quotes
      else if (line[i] == quote)
        closed = true;
    }
    if (closed) continue;
    int column = 0;
    for (size_t i = 0; i < at; ++i)
      if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++column;
    return std::pair{number, column};
  }
  return std::nullopt;
}

}  // namespace

std::optional<YamlNode> parse_yaml(const std::string& text, const YamlSource& source,
                                   Diagnostics& diagnostics, YamlReader* reader) {
  if (reader) *reader = YamlReader::simple;
  if (auto quote = unclosed_quote(text)) {
    diagnostics.error(
        {source.file, source.first_line + quote->first, source.column_offset + quote->second + 1},
        "dit aanhalingsteken wordt op deze regel niet gesloten",
        "zet aan het eind van de waarde hetzelfde aanhalingsteken, en houd de "
        "waarde op één regel");
    return std::nullopt;
  }
  // simple() reads no anchor or alias: a value starting with '&' or '*' is not plain.
  if (auto simple = read_simple_yaml(text)) return simple;
  if (reader) *reader = YamlReader::yaml_cpp;
  try {
    std::istringstream in(text);
    YAML::Parser parser(in);
    FirstAlias alias;
    parser.HandleNextDocument(alias);  // YAML::Load reads the first document only, too
    if (alias.mark) {
      const std::string name = alias.name.empty() ? "…" : alias.name;
      diagnostics.error(
          source.at(*alias.mark),
          "verwijzing '*" + name + "' is niet toegestaan (YAML-anker en -alias)",
          "schrijf de waarde voluit waar '*" + name + "' staat en laat '&" + name + "' weg");
      return std::nullopt;
    }
    return YamlBuilder::from(YAML::Load(text));
  } catch (const YAML::Exception& e) {
    YamlError error = dutch_yaml_error(e.msg);
    diagnostics.error(source.at(e.mark), "ongeldige YAML: " + error.message, error.tip);
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
