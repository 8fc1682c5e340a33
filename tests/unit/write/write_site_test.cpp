#include "write/write_site.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "util/diagnostic.h"

namespace fs = std::filesystem;

namespace sdm {
namespace {

std::string read(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

class WriteSite : public ::testing::Test {
 protected:
  fs::path dir = fs::temp_directory_path() / ("sdm-write-" + std::to_string(getpid()));
  void SetUp() override {
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
  void TearDown() override { fs::remove_all(dir); }
};

TEST_F(WriteSite, ReplacesTheWholeSiteAndLeavesNoScratchFolder) {
  write_site((dir / "site").string(), {{"index.html", "een"}, {"oud.html", "weg"}});
  write_site((dir / "site").string(), {{"index.html", "twee"}, {"data/a.csv", "x"}});
  EXPECT_EQ(read(dir / "site/index.html"), "twee");
  EXPECT_FALSE(fs::exists(dir / "site/oud.html"));
  EXPECT_EQ(read(dir / "site/data/a.csv"), "x");
  int entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++entries;
  EXPECT_EQ(entries, 1);
}

TEST_F(WriteSite, RefusesPathsOutsideTheSiteAndKeepsThePreviousSite) {
  write_site((dir / "site").string(), {{"index.html", "goed"}});
  EXPECT_THROW(write_site((dir / "site").string(), {{"index.html", "x"}, {"../buiten.html", "x"}}),
               FatalError);
  EXPECT_EQ(read(dir / "site/index.html"), "goed");
  EXPECT_FALSE(fs::exists(dir / "buiten.html"));
  EXPECT_FALSE(safe_relative_path("/etc/passwd"));
  EXPECT_FALSE(safe_relative_path("a//b"));
  EXPECT_TRUE(safe_relative_path("2023-h2/data/grafiek-1.csv"));
}

TEST_F(WriteSite, NewFolderNeverOverwrites) {
  write_new_folder((dir / "2024-q2").string(), {{"editie.yaml", "x"}});
  EXPECT_THROW(write_new_folder((dir / "2024-q2").string(), {{"editie.yaml", "y"}}), FatalError);
  EXPECT_EQ(read(dir / "2024-q2/editie.yaml"), "x");
}

}  // namespace
}  // namespace sdm
