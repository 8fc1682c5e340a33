#include "load/yaml_simple.h"

#include <algorithm>
#include <cctype>

namespace sdm {

namespace {
constexpr auto npos = std::string_view::npos;
}  // namespace

struct SimpleYamlReader {
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

std::optional<YamlNode> read_simple_yaml(std::string_view text) {
  return SimpleYamlReader::simple(text);
}

}  // namespace sdm
