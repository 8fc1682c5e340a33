// The flow rule of generator/ (README, "Architectuur"), read from the source itself: data flows
// load -> validate -> indicators -> disclosure -> pagemodel -> render -> write, and no include runs
// against it; only load and write touch the disk.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

const std::vector<std::string> kStages = {"load",      "validate", "indicators", "disclosure",
                                          "pagemodel", "render",   "write"};
// Libraries every stage may use; they use only each other.
const std::set<std::string> kShared = {"util", "model", "format", "markdown"};
// The commands: they run the stages, so they may include any of them.
const std::set<std::string> kCommands = {"pipeline", "serve", "pdf", "scaffold"};
// Headers through which a program reads or writes files.
const std::vector<std::string> kDiskHeaders = {"<fstream>", "<filesystem>", "<unistd.h>",
                                               "<fcntl.h>", "<sys/stat.h>", "<dirent.h>"};

struct Include {
  std::string file;  // relative to generator/
  int line = 0;
  std::string target;  // "load/csv.h" or "<fstream>"
};

fs::path generator_dir() {
  return fs::path(SDM_SOURCE_DIR) / "generator";
}

// Every #include of every source file in a folder of generator/, by folder.
std::map<std::string, std::vector<Include>> includes_by_folder() {
  static const std::regex include(R"(^\s*#\s*include\s*([<"][^>"]+[>"]))");
  std::map<std::string, std::vector<Include>> out;
  for (const auto& entry : fs::recursive_directory_iterator(generator_dir())) {
    const fs::path rel = fs::relative(entry.path(), generator_dir());
    if (!entry.is_regular_file() || rel.parent_path().empty()) continue;  // main.cpp, CMake
    const std::string ext = rel.extension().string();
    if (ext != ".cpp" && ext != ".h") continue;
    const std::string folder = rel.begin()->string();
    out[folder];
    std::ifstream in(entry.path());
    std::string text;
    int line = 0;
    std::smatch m;
    while (std::getline(in, text)) {
      ++line;
      if (std::regex_search(text, m, include)) {
        std::string target = m[1].str();
        if (target.front() == '"') target = target.substr(1, target.size() - 2);
        out[folder].push_back({rel.string(), line, target});
      }
    }
  }
  return out;
}

// The folders `folder` may include from; empty when it may include any.
std::set<std::string> allowed_from(const std::string& folder) {
  if (kCommands.count(folder)) return {};
  std::set<std::string> allowed = kShared;
  if (folder == "util") return {"util"};
  if (kShared.count(folder)) return allowed;
  for (const auto& stage : kStages) {
    allowed.insert(stage);
    if (stage == folder) break;
  }
  return allowed;
}

std::string folder_of(const std::string& target) {
  auto slash = target.find('/');
  return slash == std::string::npos ? "" : target.substr(0, slash);
}

TEST(FlowRule, EveryFolderHasItsPlace) {
  for (const auto& [folder, unused] : includes_by_folder()) {
    const bool known = kShared.count(folder) || kCommands.count(folder) ||
                       std::find(kStages.begin(), kStages.end(), folder) != kStages.end();
    EXPECT_TRUE(known) << "generator/" << folder
                       << "/ is neither a stage, a shared library nor a command: give it its "
                          "place in this test and in the README";
  }
}

TEST(FlowRule, NoIncludeRunsAgainstTheFlow) {
  const auto all = includes_by_folder();
  ASSERT_GT(all.size(), kStages.size()) << "no sources found under " << generator_dir();
  size_t checked = 0;
  for (const auto& [folder, includes] : all) {
    const std::set<std::string> allowed = allowed_from(folder);
    if (allowed.empty()) continue;
    for (const auto& include : includes) {
      const std::string target = folder_of(include.target);
      if (include.target.front() == '<' || target.empty()) continue;
      ++checked;
      EXPECT_TRUE(allowed.count(target))
          << include.file << ":" << include.line << " includes " << include.target << ", but "
          << folder << " comes before " << target << " in the flow";
    }
  }
  EXPECT_GT(checked, 100u) << "the includes were not read";
}

TEST(FlowRule, OnlyLoadAndWriteTouchTheDisk) {
  for (const auto& [folder, includes] : includes_by_folder()) {
    if (folder == "load" || folder == "write" || kCommands.count(folder)) continue;
    for (const auto& include : includes)
      for (const auto& header : kDiskHeaders)
        EXPECT_NE(include.target, header) << include.file << ":" << include.line << ": " << folder
                                          << " reads or writes files; only load and write may";
  }
}

}  // namespace
