// The examples in docs/data.md that declare a dataset are built, so the manual cannot drift from
// the product. An example is a run of blocks:
// - ```csv data/<path> blocks: the files, stored under data/ of the test edition;
// - a ```yaml editie.yaml block: `data:` and the declarations of those files, eenheid first;
// - a ```markdown block: the page, which must build without any message (under a front matter of
//   its own unless it has one); followed directly by a ```tekst block, the exact messages.
// Other blocks are not built.

#include <gtest/gtest.h>

#include <map>

#include "../security/site_fixture.h"
#include "fenced_blocks.h"
#include "util/text.h"

namespace sdm::security {
namespace {

const char kFrontMatter[] = "---\ntitel: Voorbeeld\nvolgorde: 9\n---\n\n";

struct Example {
  int line = 0;
  std::map<std::string, std::string> files;     // path under data/ -> bytes
  std::map<std::string, std::string> declared;  // path -> its lines under `data:`
  std::string page;
  std::optional<std::string> messages;
};

// "data:\n  a.csv:\n    eenheid: euro\n" -> {"a.csv": "    eenheid: euro\n"}
std::map<std::string, std::string> declarations(const std::string& yaml) {
  std::map<std::string, std::string> out;
  std::string current;
  for (const auto& line : split(yaml, '\n')) {
    if (line.empty() || line == "data:") continue;
    if (line.starts_with("  ") && !line.starts_with("   ") && line.ends_with(":")) {
      current = line.substr(2, line.size() - 3);
      out[current];
    } else if (!current.empty()) {
      out[current] += line + "\n";
    }
  }
  return out;
}

std::vector<Example> examples() {
  std::vector<Example> out;
  Example next;
  bool open = false;  // a yaml editie.yaml block was seen since the last page
  for (const auto& block : fenced_blocks(read_disk(source_dir() + "/docs/data.md"))) {
    if (block.info.starts_with("csv data/")) {
      next.files[block.info.substr(9)] = block.text;
    } else if (block.info == "yaml editie.yaml") {
      for (auto& [path, fields] : declarations(block.text)) next.declared[path] = fields;
      open = true;
    } else if (block.info == "markdown" && open) {
      next.line = block.line;
      next.page = block.text.starts_with("---\n") ? block.text : kFrontMatter + block.text;
      out.push_back(next);
      next = {};
      open = false;
    } else if (block.info == "tekst" && !out.empty() && !out.back().messages) {
      out.back().messages = block.text;
    }
  }
  return out;
}

SiteRun build(const Example& example) {
  SiteBuilder builder;
  for (const auto& [path, fields] : example.declared) {
    // The builder writes `eenheid` itself: the manual's declarations start with it.
    const std::string first = fields.substr(0, fields.find('\n'));
    const std::string unit(trim(first.substr(first.find(':') + 1)));
    auto file = example.files.find(path);
    EXPECT_NE(file, example.files.end())
        << "docs/data.md:" << example.line << ": geen ```csv data/" << path;
    builder.dataset(path, unit, file == example.files.end() ? "" : file->second,
                    fields.substr(first.size() + 1));
  }
  builder.page("voorbeeld.md", example.page);
  return builder.generate();
}

TEST(DataDocs, ThereAreExamplesOfDeclarations) {
  size_t valid = 0, errors = 0;
  for (const auto& example : examples()) (example.messages ? errors : valid) += 1;
  EXPECT_GE(valid, 2u);
  EXPECT_GE(errors, 1u);
}

TEST(DataDocs, ExamplesBuildOrGiveExactlyTheDocumentedMessages) {
  for (const auto& example : examples()) {
    SiteRun run = build(example);
    if (example.messages) {
      EXPECT_FALSE(run.site) << "docs/data.md:" << example.line;
      EXPECT_EQ(run.messages(), *example.messages) << "docs/data.md:" << example.line;
    } else {
      EXPECT_TRUE(run.site) << "docs/data.md:" << example.line << "\n" << run.messages();
      EXPECT_EQ(run.messages(), "") << "docs/data.md:" << example.line;
    }
  }
}

}  // namespace
}  // namespace sdm::security
