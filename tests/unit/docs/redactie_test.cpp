// The examples in docs/redactie.md are built against the demo, so the manual cannot drift from the
// product. The convention (also at the top of the manual):
// - a ```markdown block is page text. It becomes content/2024-q1/voorbeeld.md in a copy of the
//   demo (under a front matter of its own unless it starts with one) and must build without any
//   message. The image buurtbakkies.png is there for the examples that show one.
// - a ```markdown block followed directly by a ```tekst block is an error example: a whole page,
//   and the ```tekst block holds exactly the messages it gives, as sdmonitor prints them.
// - ```sh and ```yaml blocks, and blocks without a language, are not built.
// - the table of references in chapter 6 gives, for each reference, the text
//   `sdmonitor check --list-figures` shows for the demo edition 2024-q1.

#include <gtest/gtest.h>

#include <set>

#include "../security/site_fixture.h"
#include "fenced_blocks.h"
#include "load/figure_refs.h"
#include "pipeline/figure_catalog.h"
#include "util/text.h"

namespace sdm::security {
namespace {

const char kEdition[] = "2024-q1";
const char kPage[] = "voorbeeld.md";
const char kFrontMatter[] = "---\ntitel: Voorbeeld\nvolgorde: 9\n---\n\n";

struct Example {
  Block page;
  std::optional<Block> messages;  // the ```tekst block after an error example
};

std::string manual() {
  return read_disk(source_dir() + "/docs/redactie.md");
}

std::vector<Example> examples(const std::string& markdown) {
  std::vector<Example> out;
  for (const auto& block : fenced_blocks(markdown)) {
    if (block.info == "markdown") {
      out.push_back({block, std::nullopt});
    } else if (block.info == "tekst") {
      if (out.empty() || out.back().messages)
        ADD_FAILURE() << "docs/redactie.md:" << block.line
                      << ": een blok tekst hoort direct na een blok markdown";
      else
        out.back().messages = block;
    }
  }
  return out;
}

SiteRun build_with(const std::string& page) {
  return SiteBuilder()
      .demo_content()
      .content_file(std::string(kEdition) + "/buurtbakkies.png", tiny_png())
      .content_file(std::string(kEdition) + "/" + kPage, page)
      .generate();
}

TEST(RedactieDocs, EveryBlockFollowsTheConvention) {
  const std::set<std::string> known = {"markdown", "tekst", "sh", "yaml", ""};
  for (const auto& block : fenced_blocks(manual()))
    EXPECT_TRUE(known.count(block.info))
        << "docs/redactie.md:" << block.line << ": onbekende taal '" << block.info << "'";
  size_t valid = 0, errors = 0;
  for (const auto& example : examples(manual())) {
    if (!example.messages) {
      ++valid;
      continue;
    }
    ++errors;
    EXPECT_TRUE(example.page.text.starts_with("---\n"))
        << "docs/redactie.md:" << example.page.line
        << ": een foutvoorbeeld is een hele pagina, zodat de regelnummers kloppen";
  }
  // The manual shows charts, tables, tiles, figures and images, and how errors read.
  EXPECT_GE(valid, 11u);
  EXPECT_GE(errors, 4u);
}

TEST(RedactieDocs, ValidExamplesBuildWithoutMessages) {
  for (const auto& example : examples(manual())) {
    if (example.messages) continue;
    const std::string& text = example.page.text;
    SiteRun run = build_with(text.starts_with("---\n") ? text : kFrontMatter + text);
    EXPECT_TRUE(run.site) << "docs/redactie.md:" << example.page.line << "\n" << run.messages();
    EXPECT_EQ(run.messages(), "") << "docs/redactie.md:" << example.page.line;
  }
}

TEST(RedactieDocs, ErrorExamplesGiveExactlyTheDocumentedMessages) {
  for (const auto& example : examples(manual())) {
    if (!example.messages) continue;
    SiteRun run = build_with(example.page.text);
    EXPECT_FALSE(run.site) << "docs/redactie.md:" << example.page.line;
    EXPECT_EQ(run.messages(), example.messages->text)
        << "docs/redactie.md:" << example.messages->line;
  }
}

// "| `{{ … }}` | `text` | …" -> the code spans of the first two cells.
std::vector<std::pair<std::string, std::string>> reference_table(const std::string& markdown) {
  std::vector<std::pair<std::string, std::string>> rows;
  for (const auto& line : split(markdown, '\n')) {
    if (!line.starts_with("| `{{")) continue;
    auto cells = split(line, '|');
    auto code = [](const std::string& cell) {
      size_t open = cell.find('`'), close = cell.find('`', open + 1);
      return open == std::string::npos || close == std::string::npos
                 ? std::string()
                 : cell.substr(open + 1, close - open - 1);
    };
    rows.emplace_back(code(cells.at(1)), code(cells.at(2)));
  }
  return rows;
}

TEST(RedactieDocs, ReferenceTableMatchesListFigures) {
  MemoryFileSystem fs = SiteBuilder().demo_content().file_system();
  Diagnostics diagnostics;
  auto catalog = figure_catalog(fs, SiteBuilder::options(), diagnostics);
  ASSERT_TRUE(catalog) << format_diagnostics(diagnostics);
  std::map<std::string, std::string> listed;
  for (const auto& entry : *catalog)
    if (entry.edition == kEdition) listed[entry.reference] = entry.text;

  auto rows = reference_table(manual());
  std::set<std::string> functions;
  for (const auto& [reference, text] : rows) {
    ASSERT_TRUE(listed.count(reference))
        << reference << " staat niet in sdmonitor check --list-figures";
    // The manual writes the no-break space after "€" as a space, and the minus sign as "-".
    std::string shown = listed[reference];
    for (auto [from, to] : {std::pair{"\u00a0", " "}, std::pair{"\u2212", "-"}})
      for (size_t at; (at = shown.find(from)) != std::string::npos;)
        shown.replace(at, std::string_view(from).size(), to);
    EXPECT_EQ(text, shown) << reference;
    functions.insert(reference.substr(3, reference.find(' ', 3) - 3));
  }
  // Every function the text can use is in the table.
  for (const auto& keyword : figure_function_keywords())
    EXPECT_TRUE(functions.count(keyword)) << keyword;
}

}  // namespace
}  // namespace sdm::security
