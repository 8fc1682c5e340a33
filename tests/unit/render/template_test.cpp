#include "render/template.h"

#include <gtest/gtest.h>

namespace sdm {
namespace {

std::string render(const std::string& text, const json& context,
                   const std::map<std::string, std::string>& partials = {}) {
  TemplateSet set;
  set.add("t", text);
  for (const auto& [name, partial] : partials) set.add(name, partial);
  set.link();
  return set.render("t", context);
}

// The error a template gives, as "name:line:column: message".
std::string error_of(const std::string& text,
                     const std::map<std::string, std::string>& partials = {}) {
  try {
    render(text, json::object(), partials);
  } catch (const TemplateError& e) {
    return e.template_name + ":" + std::to_string(e.line) + ":" + std::to_string(e.column) + ": " +
           e.what();
  }
  return "geen fout";
}

// The five characters the Mustache specification escapes; a '/' stays itself, so paths in src
// and href read as written.
TEST(Template, VariablesAreEscapedAsTheSpecificationSays) {
  json context = {{"x", "<a href=\"/p?a=1&b='2'\">"}};
  EXPECT_EQ(render("{{x}}", context), "&lt;a href=&quot;/p?a=1&amp;b=&#39;2&#39;&quot;&gt;");
  EXPECT_EQ(render("{{{x}}}|{{&x}}|{{ x }}", context),
            "<a href=\"/p?a=1&b='2'\">|<a href=\"/p?a=1&b='2'\">|&lt;a href=&quot;/p?a=1&amp;"
            "b=&#39;2&#39;&quot;&gt;");
}

// Numbers as they are: every integer whole, a double in the shortest text that reads back as it.
TEST(Template, ScalarsAsTheyAre) {
  json context = {
      {"i", 42},   {"u", 7u},      {"f", 2.5},        {"big", 1234567.0}, {"wide", 3000000000LL},
      {"t", true}, {"n", nullptr}, {"o", {{"a", 1}}}, {"l", {1, 2}}};
  EXPECT_EQ(
      render("{{i}} {{u}} {{f}} {{big}} {{wide}} {{t}} [{{n}}{{o}}{{l}}{{missing}}]", context),
      "42 7 2.5 1234567 3000000000 true []");
  EXPECT_EQ(render("{{#wide}}ja{{/wide}}", {{"wide", 4294967296LL}}), "ja");
}

TEST(Template, FalsyValuesSkipSectionsAndShowInvertedOnes) {
  for (const json& value :
       {json(nullptr), json(false), json(0), json(0.0), json(""), json::array()}) {
    json context = {{"v", value}};
    EXPECT_EQ(render("{{#v}}ja{{/v}}{{^v}}nee{{/v}}", context), "nee") << value.dump();
  }
  EXPECT_EQ(render("{{#v}}ja{{/v}}{{^v}}nee{{/v}}", json::object()), "nee");
  for (const json& value : {json(true), json(1), json("x"), json::object(), json::array({0})}) {
    json context = {{"v", value}};
    EXPECT_EQ(render("{{#v}}ja{{/v}}{{^v}}nee{{/v}}", context), "ja") << value.dump();
  }
}

TEST(Template, ListsRepeatAndObjectsBecomeTheContext) {
  json context = {{"rows", {{{"name", "a"}}, {{"name", "b"}}}},
                  {"notes", {"x<y", "z"}},
                  {"head", {{"title", "T"}}},
                  {"name", "buiten"}};
  EXPECT_EQ(render("{{#rows}}[{{name}}]{{/rows}}", context), "[a][b]");
  EXPECT_EQ(render("{{#notes}}<{{.}}>{{/notes}}", context), "<x&lt;y><z>");
  EXPECT_EQ(render("{{#head}}{{title}} {{name}}{{/head}}", context), "T buiten");
  // A string section keeps the outer names in view.
  EXPECT_EQ(render("{{#name}}{{name}}!{{/name}}", context), "buiten!");
}

TEST(Template, NestedSectionsLookOutward) {
  json context = {{"site", "S"},
                  {"groups",
                   {{{"title", "G1"}, {"rows", {{{"v", 1}}, {{"v", 2}}}}},
                    {{"title", "G2"}, {"rows", json::array()}}}}};
  EXPECT_EQ(render("{{#groups}}{{title}}:{{#rows}}{{v}}{{site}}{{title}};{{/rows}}"
                   "{{^rows}}leeg{{/rows}}|{{/groups}}",
                   context),
            "G1:1SG1;2SG1;|G2:leeg|");
}

TEST(Template, DottedNamesDescendFromTheFirstMatch) {
  json context = {{"sri", {{"css", "sha384-x"}}}, {"a", {{"b", {{"c", "diep"}}}}}};
  EXPECT_EQ(render("{{#sri.css}}[{{sri.css}}]{{/sri.css}}{{#sri.js}}js{{/sri.js}}", context),
            "[sha384-x]");
  EXPECT_EQ(render("{{a.b.c}}{{a.x.c}}{{x.b}}", context), "diep");
}

TEST(Template, LaterContextsComeFirst) {
  TemplateSet set;
  set.add("t", "{{a}} {{b}}");
  set.link();
  json page = {{"a", "pagina"}, {"b", "pagina"}}, extra = {{"b", "extra"}};
  std::string out = "al:";
  set.render("t", {&page, &extra}, out);
  EXPECT_EQ(out, "al:pagina extra");
}

TEST(Template, StandaloneTagLinesLeaveNoWhitespace) {
  json context = {{"items", {"a", "b"}}};
  EXPECT_EQ(render("<ul>\n  {{#items}}\n  <li>{{.}}</li>\n  {{/items}}\n</ul>\n", context),
            "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n");
  EXPECT_EQ(render("a\n{{! commentaar }}\nb", context), "a\nb");
  // A tag that shares its line with text or a variable keeps the line.
  EXPECT_EQ(render("x {{#items}}\n{{.}}{{/items}}\n", context), "x \na\nb\n");
  // A section tag at the very end closes the last line.
  EXPECT_EQ(render("{{#items}}{{.}}\n{{/items}}", context), "a\nb\n");
}

TEST(Template, PartialsSeeTheCurrentContext) {
  json context = {{"cells", {{{"text", "1"}}, {{"text", "2"}, {"small", true}}}}};
  std::map<std::string, std::string> partials = {
      {"cel", "{{#small}}<td>&lt;10</td>{{/small}}{{^small}}<td>{{text}}</td>{{/small}}"}};
  EXPECT_EQ(render("<tr>{{#cells}}{{> cel}}{{/cells}}</tr>", context, partials),
            "<tr><td>1</td><td>&lt;10</td></tr>");
  // A standalone partial indents each of its lines.
  EXPECT_EQ(render("<div>\n  {{>lines}}\n</div>", json::object(), {{"lines", "a\nb\n"}}),
            "<div>\n  a\n  b\n</div>");
}

TEST(Template, ErrorsNameTemplateLineAndColumn) {
  EXPECT_EQ(error_of("a\n{{#rows}}\nb\n"),
            "t:2:1: '{{#rows}}' wordt niet gesloten met '{{/rows}}'");
  EXPECT_EQ(error_of("{{#a}}\n  {{#b}}{{/a}}"), "t:2:9: '{{/a}}' sluit '{{#b}}' van regel 2 niet");
  EXPECT_EQ(error_of("x\n\n {{/a}}"), "t:3:2: '{{/a}}' sluit geen sectie");
  EXPECT_EQ(error_of("x {{> kop}}"), "t:1:3: deelsjabloon '{{> kop}}' bestaat niet");
  EXPECT_EQ(error_of("x\ny {{title"), "t:2:3: '{{' zonder '}}'");
  EXPECT_EQ(error_of("{{ }}"), "t:1:1: lege tag '{{ }}'");
  EXPECT_EQ(error_of("{{#}}"), "t:1:1: tag zonder naam: '{{#}}'");
  EXPECT_EQ(error_of("{{=<% %>=}}"),
            "t:1:1: andere scheidingstekens ({{=… =}}) worden niet ondersteund");
  // A partial's own errors name the partial.
  EXPECT_EQ(error_of("{{> cel}}", {{"cel", "\n{{^x}}"}}),
            "cel:2:1: '{{^x}}' wordt niet gesloten met '{{/x}}'");
}

TEST(Template, UnknownTemplateIsAnError) {
  TemplateSet set;
  set.link();
  EXPECT_THROW(set.render("layout", json::object()), std::invalid_argument);
}

}  // namespace
}  // namespace sdm
