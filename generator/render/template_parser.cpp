// The parsing half of the Mustache engine: template text into the nodes TemplateSet renders, with
// mstch's rules for standalone lines, and partials bound to their templates.

#include <cstdint>

#include "render/template.h"

namespace sdm {
namespace {

constexpr auto npos = std::string_view::npos;

enum class TokenKind : std::uint8_t {
  text,
  variable,
  raw,
  section,
  inverted,
  close,
  partial,
  comment
};

// One piece of a template as mstch splits it: text up to and including a line break, or a tag.
struct Token {
  TokenKind kind;
  std::string_view text;  // text: the characters; a tag: its name
  size_t line;
  size_t column;
  bool eol = false;      // text that ends a line
  bool ws_only = false;  // text of only spaces, tabs and line breaks
  std::string_view indent = {};
};

// mstch trims tag names of spaces only.
std::string_view trim_spaces(std::string_view text) {
  size_t begin = text.find_first_not_of(' ');
  if (begin == npos) return {};
  return text.substr(begin, text.find_last_not_of(' ') - begin + 1);
}

Token tag_token(const std::string& name, std::string_view inner, size_t line, size_t column) {
  auto fail = [&](const std::string& message) { throw TemplateError(name, line, column, message); };
  if (!inner.empty() && inner.front() == '=' && inner.back() == '=')
    fail("andere scheidingstekens ({{=… =}}) worden niet ondersteund");
  Token token{TokenKind::variable, {}, line, column};
  if (inner.size() >= 2 && inner.front() == '{' && inner.back() == '}') {
    token.kind = TokenKind::raw;
    token.text = trim_spaces(inner.substr(1, inner.size() - 2));
  } else {
    size_t first = inner.find_first_not_of(' ');
    if (first == npos) fail("lege tag '{{" + std::string(inner) + "}}'");
    size_t sigil = 1;
    switch (inner[first]) {
      case '#':
        token.kind = TokenKind::section;
        break;
      case '^':
        token.kind = TokenKind::inverted;
        break;
      case '/':
        token.kind = TokenKind::close;
        break;
      case '>':
        token.kind = TokenKind::partial;
        break;
      case '&':
        token.kind = TokenKind::raw;
        break;
      case '!':
        token.kind = TokenKind::comment;
        break;
      default:
        sigil = 0;
    }
    token.text = trim_spaces(inner.substr(first + sigil));
  }
  if (token.text.empty() && token.kind != TokenKind::comment)
    fail("tag zonder naam: '{{" + std::string(inner) + "}}'");
  return token;
}

std::vector<Token> tokenize(const std::string& name, std::string_view text) {
  std::vector<Token> tokens;
  size_t line = 1, line_start = 0, scanned = 0;
  // Line and column of `pos`; positions are asked for in increasing order.
  auto where = [&](size_t pos) {
    for (; scanned < pos; ++scanned)
      if (text[scanned] == '\n') {
        ++line;
        line_start = scanned + 1;
      }
    return std::pair{line, pos - line_start + 1};
  };
  auto add_text = [&](size_t begin, size_t end) {
    while (begin < end) {
      size_t newline = text.find('\n', begin);
      size_t stop = newline == npos || newline >= end ? end : newline + 1;
      auto [l, c] = where(begin);
      std::string_view piece = text.substr(begin, stop - begin);
      tokens.push_back({TokenKind::text, piece, l, c, piece.back() == '\n',
                        piece.find_first_not_of(" \r\n\t") == npos});
      begin = stop;
    }
  };
  for (size_t pos = 0; pos < text.size();) {
    size_t open = text.find("{{", pos);
    if (open == npos) {
      add_text(pos, text.size());
      break;
    }
    size_t close = text.find("}}", open + 1);
    auto [l, c] = where(open);
    if (close == npos) throw TemplateError(name, l, c, "'{{' zonder '}}'");
    if (open + 2 < text.size() && text[open + 2] == '{' && close + 2 < text.size() &&
        text[close + 2] == '}')
      ++close;
    add_text(pos, open);
    tokens.push_back(tag_token(name, text.substr(open + 2, close - open - 2), l, c));
    pos = close + 2;
    // A tag at the very end closes the last line, so that line can be standalone.
    if (pos == text.size()) tokens.push_back({TokenKind::text, {}, l, c, true, true});
  }
  return tokens;
}

// A line with section, partial or comment tags and otherwise only whitespace leaves nothing in
// the output: its whitespace, line break included, goes. A standalone partial keeps the
// whitespace before it as the indentation of each of its lines.
std::vector<Token> strip_standalone_lines(const std::vector<Token>& tokens) {
  std::vector<Token> out;
  out.reserve(tokens.size());
  size_t line_begin = 0;
  bool has_tag = false, non_space = false;
  for (size_t i = 0; i < tokens.size(); ++i) {
    TokenKind kind = tokens[i].kind;
    if (kind != TokenKind::text && kind != TokenKind::variable && kind != TokenKind::raw)
      has_tag = true;
    else if (!tokens[i].ws_only)
      non_space = true;
    if (!tokens[i].eol) continue;
    bool standalone = has_tag && !non_space;
    for (size_t k = line_begin; k <= i; ++k) {
      if (standalone && tokens[k].ws_only) continue;
      out.push_back(tokens[k]);
      if (standalone && tokens[k].kind == TokenKind::partial && k > line_begin &&
          tokens[k - 1].ws_only)
        out.back().indent = tokens[k - 1].text;
    }
    line_begin = i + 1;
    has_tag = non_space = false;
  }
  out.insert(out.end(), tokens.begin() + static_cast<std::ptrdiff_t>(line_begin), tokens.end());
  return out;
}

// A section's opening tag as written, for messages: {{#name}} or {{^name}}.
std::string opening_tag(const Token& token) {
  return std::string("'{{") + (token.kind == TokenKind::inverted ? '^' : '#') +
         std::string(token.text) + "}}'";
}

std::vector<std::string> split_name(std::string_view name) {
  std::vector<std::string> path;
  if (name == ".") return path;
  for (size_t begin = 0;;) {
    size_t dot = name.find('.', begin);
    path.emplace_back(name.substr(begin, dot == npos ? npos : dot - begin));
    if (dot == npos) return path;
    begin = dot + 1;
  }
}

}  // namespace

std::vector<TemplateSet::Node> TemplateSet::parse(const std::string& name, std::string_view text) {
  std::vector<Token> tokens = strip_standalone_lines(tokenize(name, text));
  std::vector<Node> nodes;
  std::vector<const Token*> open;  // sections not yet closed, with their node in `sections`
  std::vector<size_t> sections;
  bool after_text = false;  // the last node is text that more text may join
  for (const Token& token : tokens) {
    if (token.kind == TokenKind::text) {
      if (token.text.empty()) continue;
      if (after_text)
        nodes.back().text += token.text;
      else
        nodes.push_back({Node::Kind::text, std::string(token.text)});
      after_text = true;
      continue;
    }
    after_text = false;
    switch (token.kind) {
      case TokenKind::variable:
      case TokenKind::raw:
        nodes.push_back({token.kind == TokenKind::raw ? Node::Kind::raw : Node::Kind::escaped,
                         {},
                         split_name(token.text)});
        break;
      case TokenKind::section:
      case TokenKind::inverted:
        open.push_back(&token);
        sections.push_back(nodes.size());
        nodes.push_back(
            {token.kind == TokenKind::section ? Node::Kind::section : Node::Kind::inverted,
             {},
             split_name(token.text)});
        break;
      case TokenKind::close:
        if (open.empty())
          throw TemplateError(name, token.line, token.column,
                              "'{{/" + std::string(token.text) + "}}' sluit geen sectie");
        if (open.back()->text != token.text)
          throw TemplateError(name, token.line, token.column,
                              "'{{/" + std::string(token.text) + "}}' sluit " +
                                  opening_tag(*open.back()) + " van regel " +
                                  std::to_string(open.back()->line) + " niet");
        nodes[sections.back()].end = nodes.size();
        open.pop_back();
        sections.pop_back();
        break;
      case TokenKind::partial:
        nodes.push_back({Node::Kind::partial,
                         std::string(token.text),
                         {},
                         0,
                         token.line,
                         token.column,
                         std::string(token.indent)});
        break;
      default:
        break;  // comments
    }
  }
  if (!open.empty())
    throw TemplateError(name, open.back()->line, open.back()->column,
                        opening_tag(*open.back()) + " wordt niet gesloten met '{{/" +
                            std::string(open.back()->text) + "}}'");
  return nodes;
}

void TemplateSet::add(const std::string& name, std::string_view text) {
  templates_[name] = parse(name, text);
}

void TemplateSet::link() {
  for (auto& [name, nodes] : templates_)
    for (Node& node : nodes) {
      if (node.kind != Node::Kind::partial) continue;
      auto it = templates_.find(node.text);
      if (it == templates_.end())
        throw TemplateError(name, node.line, node.column,
                            "deelsjabloon '{{> " + node.text + "}}' bestaat niet");
      node.partial = &it->second;
    }
}

}  // namespace sdm
