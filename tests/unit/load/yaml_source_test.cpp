#include "load/yaml_source.h"

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

namespace sdm {
namespace {

// The items of a sequence: ours keeps them apart from the map entries, yaml-cpp iterates the node.
const std::vector<YamlNode>& sequence(const YamlNode& node) {
  return node.items();
}
const YAML::Node& sequence(const YAML::Node& node) {
  return node;
}

// The node as text with its kind and where it starts, for comparing ours with yaml-cpp.
template <class Node>
std::string describe(const Node& node) {
  std::string where =
      "@" + std::to_string(node.Mark().line) + ":" + std::to_string(node.Mark().column);
  if (!node) return "undefined";
  if (node.IsNull()) return "null" + where;
  if (node.IsScalar()) return "'" + node.Scalar() + "'" + where;
  std::string out;
  if (node.IsSequence()) {
    for (const auto& item : sequence(node)) out += describe(item) + ", ";
    return "[" + out + "]" + where;
  }
  for (const auto& entry : node)
    out += describe(entry.first) + ": " + describe(entry.second) + ", ";
  return "{" + out + "}" + where;
}

// The same values in the same places as yaml-cpp, or a syntax error where yaml-cpp has one.
// Returns which parser read it: the comparison proves nothing about a fast path that never runs.
YamlReader expect_as_yaml_cpp(const std::string& text) {
  Diagnostics diagnostics;
  YamlReader reader = YamlReader::yaml_cpp;
  auto ours = parse_yaml(text, {"x.yaml"}, diagnostics, &reader);
  try {
    YAML::Node theirs = YAML::Load(text);
    EXPECT_EQ(ours ? describe(*ours) : "nothing", describe(theirs)) << text;
  } catch (const YAML::Exception&) {
    EXPECT_FALSE(ours) << text;
  }
  return reader;
}

TEST(ParseYaml, SimpleDocumentsReadAsYamlCppReadsThem) {
  for (const char* text : {
           "titel: Lasten Wmo\ndata: wmo/lasten.csv\nweergave: jaarlijnen\n",
           "\n\ntitel:   Ruimte rondom   \n\ndata: a.csv",
           "kolommen: [Hulp bij het huishouden, Begeleiding]\ntitel: x\n",
           "kolommen: [ a ,b,  c d ]\nkolommen: []\n",
           "titel: Het is 'mooi' en \"goed\", toch?\nvolgorde: 3\nkort: ja\n",
           "samenvatting: Cliënten – 12,5% meer; C# en 1:2\n",
           "a: b\n  c: d\n",               // continuation line
           "titel: x # commentaar\n",      // comment
           "a: b   # c: d\nb: x#y\n",      // comment after spaces; '#' inside a word
           "a: 'x # y'\nb: \"#\" # z\n",   // quoted comment signs
           "a: [b, c] # d\n",              // after a flow sequence
           "a: # c\n  b: d\n",             // after a key with a block below
           "a: # c\nb: d\n",               // after a key without a value
           "# commentaar\ntitel: x\n",     // comment line
           "leeg:\nb: c\n",                // null
           "a: ~\nb: null\n",              // null
           "a: 'quoted: yes'\n",           // quoted
           "a: [x, 'y, z']\n",             // quoted in flow
           "a: b: c\n",                    // not simple
           "- titel: A\n  data: a.csv\n",  // sequence of maps
           "data:\n  wmo/lasten.csv:\n    eenheid: euro\n",
           "a: |\n  blok\n  tekst\n",
           "a: -5\nb: [x,]\n",
           "data:\n  # ---- Wmo ----\n  wmo/lasten.csv:\n    eenheid: euro\n    bron: Fin\n\n"
           "  jeugd/a.csv:\n    eenheid: personen\ntitel: x\n",
           "- titel: A\n  data: a.csv\n\n- titel: B\n  kolom: [x, y]\n  toon: laatste\n",
           "lijst:\n  - a\n  - b c\n  - [d]\nna: e\n",
           "lijst:\n- a\n- b\n",     // a sequence at the key's indent
           "a:\n  b: c\n   d: e\n",  // deeper than its map
           "a:\n  b: c\n d: e\n",    // between two indents
           "-  a\n- b\n",            // two spaces after the dash
           "- a\n-\n  b: c\n",       // a map below a dash
           "a: x\n  - b\n",
       })
    expect_as_yaml_cpp(text);
}

// Every block and front matter of the demo content.
TEST(ParseYaml, DemoContentReadsAsYamlCppReadsIt) {
  std::regex block("(?:```(?:grafiek|tabel|kerncijfers)\\n|^---\\n)([\\s\\S]*?)(?:```|---\\n)");
  auto text_of = [](const std::filesystem::path& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  };
  int count = 0, simple = 0;
  auto compare = [&](const std::string& text) {
    simple += expect_as_yaml_cpp(text) == YamlReader::simple;
    ++count;
  };
  for (const auto& entry :
       std::filesystem::recursive_directory_iterator(std::string(SDM_SOURCE_DIR) + "/content")) {
    if (entry.path().filename() == "editie.yaml") compare(text_of(entry.path()));
    if (entry.path().extension() != ".md") continue;
    std::string markdown = text_of(entry.path());
    for (std::sregex_iterator it(markdown.begin(), markdown.end(), block), end; it != end; ++it)
      compare((*it)[1]);
  }
  EXPECT_GT(count, 20);
  // The demo's blocks are what the fast path is for; nearly all of them take it.
  EXPECT_GT(simple * 10, count * 9) << simple << " of " << count;
}

TEST(ParseYaml, SyntaxErrorsAreReportedWithTheirLine) {
  Diagnostics diagnostics;
  EXPECT_FALSE(parse_yaml("a: [b\nc: d\n", {"p.md", 10, 0}, diagnostics));
  ASSERT_EQ(diagnostics.items().size(), 1u);
  EXPECT_EQ(diagnostics.items()[0].where.file, "p.md");
  EXPECT_GE(diagnostics.items()[0].where.line, 10);
  EXPECT_EQ(diagnostics.items()[0].message.rfind("ongeldige YAML: ", 0), 0u);
}

TEST(ParseYaml, CommonSyntaxErrorsAreExplainedInDutch) {
  Diagnostics diagnostics;
  EXPECT_FALSE(parse_yaml("titel: T\ndata wmo/a.csv\ntotaal: ja\n", {"p.md", 10, 0}, diagnostics));
  ASSERT_EQ(diagnostics.items().size(), 1u);
  EXPECT_EQ(diagnostics.items()[0].message,
            "ongeldige YAML: een ':' op een onverwachte plek; staat er op de regel erboven een ':' "
            "na de naam?");
}

// "titel: *Nieuw* cijfers" was answered with "the referenced anchor is not defined" and a tip
// about ':'.
TEST(ParseYaml, AValueStartingWithAStarIsExplainedWithASafeTip) {
  for (const char* text : {"titel: *Nieuw* cijfers\n", "titel: & meer\n"}) {
    Diagnostics diagnostics;
    EXPECT_FALSE(parse_yaml(text, {"p.md", 10, 0}, diagnostics)) << text;
    ASSERT_EQ(diagnostics.items().size(), 1u) << text;
    EXPECT_EQ(diagnostics.items()[0].message,
              "ongeldige YAML: een waarde die met '*' of '&' begint, leest YAML als verwijzing, "
              "niet als tekst")
        << text;
    EXPECT_NE(diagnostics.items()[0].hint.find("tussen aanhalingstekens"), std::string::npos)
        << text;
  }
  // Following the tip reads.
  Diagnostics diagnostics;
  auto quoted = parse_yaml("titel: \"*Nieuw* cijfers\"\n", {"p.md", 10, 0}, diagnostics);
  ASSERT_TRUE(quoted);
  EXPECT_EQ((*quoted)["titel"].Scalar(), "*Nieuw* cijfers");
}

TEST(ParseYaml, LookupFindsTheFirstOfTwoKeys) {
  Diagnostics diagnostics;
  auto doc = parse_yaml("titel: a\ntitel: b\n", {"x.yaml"}, diagnostics);
  ASSERT_TRUE(doc);
  EXPECT_EQ((*doc)["titel"].Scalar(), "a");
  EXPECT_FALSE((*doc)["data"]);
  check_keys(*doc, {"titel"}, {"x.yaml"}, diagnostics);
  ASSERT_EQ(diagnostics.items().size(), 1u);
  EXPECT_EQ(diagnostics.items()[0].where.line, 2);
}

}  // namespace
}  // namespace sdm

namespace sdm {
namespace {

// Nine levels of nine aliases: 387 million scalars once built (yaml-cpp's own tree, gigabytes).
std::string alias_bomb() {
  std::string text = "a: &a [\"x\", \"x\", \"x\", \"x\", \"x\", \"x\", \"x\", \"x\", \"x\"]\n";
  for (char level = 'b'; level <= 'i'; ++level) {
    std::string previous(1, static_cast<char>(level - 1));
    text += std::string(1, level) + ": &" + level + " [";
    for (int i = 0; i < 9; ++i) text += (i ? ", *" : "*") + previous;
    text += "]\n";
  }
  return text;
}

TEST(ParseYaml, AliasesAreRefusedBeforeAnythingIsBuilt) {
  Diagnostics diagnostics;
  YamlReader reader = YamlReader::simple;
  EXPECT_FALSE(parse_yaml(alias_bomb(), {"editie.yaml"}, diagnostics, &reader));
  EXPECT_EQ(reader, YamlReader::yaml_cpp);
  EXPECT_EQ(format_diagnostics(diagnostics),
            "editie.yaml:2:8: fout: verwijzing '*a' is niet toegestaan (YAML-anker en -alias)\n"
            "  tip: schrijf de waarde voluit waar '*a' staat en laat '&a' weg\n");
  // 'key: value' lines with an anchor are no simple YAML: yaml-cpp's events see the alias.
  Diagnostics front;
  EXPECT_FALSE(parse_yaml("titel: &t Wmo\nkort: *t\n", {"wmo.md", 2, 0}, front, &reader));
  EXPECT_EQ(reader, YamlReader::yaml_cpp);
  EXPECT_NE(format_diagnostics(front).find("wmo.md:3:7: fout: verwijzing '*t'"), std::string::npos)
      << format_diagnostics(front);
  // '&' and '*' inside a plain value are text, and the simple reader reads them.
  Diagnostics plain;
  auto doc = parse_yaml("titel: Wonen & zorg *nieuw*\n", {"wmo.md", 2, 0}, plain, &reader);
  ASSERT_TRUE(doc);
  EXPECT_EQ(reader, YamlReader::simple);
  EXPECT_EQ((*doc)["titel"].Scalar(), "Wonen & zorg *nieuw*");
  EXPECT_FALSE(plain.has_errors());
}

}  // namespace
}  // namespace sdm
