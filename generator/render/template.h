#pragma once
// Mustache templates, parsed once (template_parser.cpp) and rendered straight from the page
// model's JSON (template.cpp).
//
// What the site templates use: {{name}} (HTML-escaped), {{{name}}} and {{&name}} (as they are),
// sections {{#name}}…{{/name}} and inverted sections {{^name}}…{{/name}}, dotted names (a.b),
// {{.}}, partials {{> name}} and comments {{! … }}. Whitespace, falsiness (missing, null, false,
// 0, "" and []) and escaping follow mstch, the library the site was first made with, so pages
// come out the same byte for byte. Changing the delimiters ({{=<% %>=}}) is not supported.

#include <cstdint>
#include <initializer_list>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "pagemodel/json.h"

namespace sdm {

// A template that cannot be parsed, or names a partial that does not exist. The message is Dutch,
// for the web team; `line` and `column` count from 1.
struct TemplateError : std::runtime_error {
  TemplateError(std::string template_name, size_t line, size_t column, const std::string& message)
      : std::runtime_error(message),
        template_name(std::move(template_name)),
        line(line),
        column(column) {}
  std::string template_name;
  size_t line;
  size_t column;
};

// The templates of a theme, by name. Fill with add() and link() once; after that rendering only
// reads the set, so any number of threads may render from it at the same time.
class TemplateSet {
 public:
  // Parses `text` as the template `name`; throws TemplateError on a syntax error.
  void add(const std::string& name, std::string_view text);
  // Binds every {{> partial}} to its template; throws TemplateError for a partial not in the set.
  void link();
  bool contains(const std::string& name) const { return templates_.count(name) != 0; }

  // Appends template `name` to `out`. Names are looked up in the contexts from last to first, as
  // if the later ones were sections around the template: {&page, &extra} sees extra's keys first.
  void render(const std::string& name, std::initializer_list<const json*> contexts,
              std::string& out) const;
  std::string render(const std::string& name, const json& context) const;

 private:
  struct Node {
    enum class Kind : std::uint8_t { text, escaped, raw, section, inverted, partial };
    Kind kind;
    std::string text;               // literal text; the partial's name
    std::vector<std::string> path;  // the name split at '.'; empty for {{.}}
    size_t end = 0;                 // section: index of the first node after it
    size_t line = 0;                // where the tag is, for errors found by link()
    size_t column = 0;
    std::string indent;  // standalone partial: the whitespace before it
    const std::vector<Node>* partial = nullptr;
  };
  struct Frame;

  static void render_nodes(const std::vector<Node>& nodes, size_t begin, size_t end,
                           const Frame* stack, std::string& out);
  static std::vector<Node> parse(const std::string& name, std::string_view text);

  std::map<std::string, std::vector<Node>> templates_;
};

// `text` HTML-escaped: & ' " < and > become entities.
void append_html_escaped(std::string& out, std::string_view text);

}  // namespace sdm
