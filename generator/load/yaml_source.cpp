#include "load/yaml_source.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <sstream>

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

  // A line with something on it: its indentation, where its text starts and the text.
  struct Line {
    int indent;
    int number;  // from 0
    size_t pos;
    std::string_view text;
  };

  // Block maps and sequences by indentation whose leaves are plain scalars or flow sequences of
  // them, with blank and comment lines between: what front matter, blocks and editie.yaml are.
  // Nothing for any other YAML, which yaml-cpp then reads.
  static std::optional<YamlNode> simple(std::string_view text) {
    if (text.find_first_of("\t\r") != npos) return std::nullopt;
    std::vector<Line> lines;
    int number = 0;
    for (size_t pos = 0; pos < text.size(); ++number) {
      size_t end = std::min(text.find('\n', pos), text.size());
      std::string_view content = text.substr(pos, end - pos);
      // A comment after the text (" # …") ends a plain scalar; quoted text that holds one is
      // cut too, and then refused by plain() below.
      if (size_t comment = content.find(" #"); comment != npos)
        content = content.substr(0, comment);
      size_t indent = content.find_first_not_of(' ');
      if (indent != npos && content[indent] != '#') {
        while (content.back() == ' ') content.remove_suffix(1);
        lines.push_back({static_cast<int>(indent), number, pos + indent, content.substr(indent)});
      }
      pos = end + 1;
    }
    if (lines.empty() || lines.front().indent != 0) return std::nullopt;
    size_t next = 0;
    auto node = block(lines, next);
    if (!node || next != lines.size()) return std::nullopt;
    return node;
  }

  static bool is_item(std::string_view text) { return text == "-" || text.starts_with("- "); }

  // The block that starts at lines[next]: a sequence when it starts with '- ', else a map.
  static std::optional<YamlNode> block(const std::vector<Line>& lines, size_t& next) {
    const Line& first = lines[next];
    if (!is_item(first.text)) return map(first, lines, ++next);
    YamlNode sequence = at(YamlNode::Kind::sequence, first.pos, first.number, first.indent);
    while (next < lines.size() && lines[next].indent == first.indent && is_item(lines[next].text)) {
      const Line& line = lines[next++];
      if (line.text.size() < 3 || line.text[2] == ' ') return std::nullopt;
      Line rest{line.indent + 2, line.number, line.pos + 2, line.text.substr(2)};
      std::optional<YamlNode> item =
          rest.text.find(':') != npos ? map(rest, lines, next) : value(rest.text, rest);
      if (!item) return std::nullopt;
      sequence.items_.push_back(std::move(*item));
    }
    return sequence;
  }

  // The map whose first entry is on `first`, with further entries on lines[next…] at its indent.
  static std::optional<YamlNode> map(const Line& first, const std::vector<Line>& lines,
                                     size_t& next) {
    YamlNode map = at(YamlNode::Kind::map, first.pos, first.number, first.indent);
    for (const Line* line = &first; line;) {
      size_t colon = line->text.find(':');
      if (colon == npos || !key(line->text.substr(0, colon))) return std::nullopt;
      YamlNode k = scalar(line->text.substr(0, colon), line->pos, line->number, line->indent);
      std::optional<YamlNode> v;
      if (colon + 1 == line->text.size()) {
        // 'key:' with the value indented on the lines below
        if (next == lines.size() || lines[next].indent <= line->indent) return std::nullopt;
        v = block(lines, next);
      } else if (line->text[colon + 1] == ' ') {
        size_t offset = colon + 1;
        std::string_view text = trim_spaces(line->text.substr(colon + 1), offset);
        v = value(text, {line->indent + static_cast<int>(offset), line->number, line->pos + offset,
                         text});
      }
      if (!v) return std::nullopt;
      map.entries_.emplace_back(std::move(k), std::move(*v));
      line = next < lines.size() && lines[next].indent == first.indent && !is_item(lines[next].text)
                 ? &lines[next++]
                 : nullptr;
    }
    if (next < lines.size() && lines[next].indent > first.indent) return std::nullopt;
    return map;
  }

  // A key as it is written in our files: letters, digits and _-./ (wmo/lasten.csv).
  static bool key(std::string_view text) {
    return !text.empty() && std::isalnum(static_cast<unsigned char>(text.front())) &&
           text.find_first_not_of(
               "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
               "0123456789_-./") == npos &&
           text != "null" && text != "Null" && text != "NULL";
  }

  // A value on the line of its key or dash: a plain scalar or a flow sequence of them.
  static std::optional<YamlNode> value(std::string_view text, const Line& at_line) {
    if (text.size() >= 2 && text.front() == '[' && text.back() == ']')
      return flow_sequence(text, at_line.pos, at_line.number, at_line.indent);
    if (!plain(text, false)) return std::nullopt;
    return scalar(text, at_line.pos, at_line.number, at_line.indent);
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
  if (auto simple = YamlBuilder::simple(text)) return simple;
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
