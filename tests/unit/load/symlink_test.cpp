// Symbolic links in the content folder: one that stays inside is followed, one that leads out
// (a dataset, an image or a whole edition linked to a file elsewhere) is an error naming the link
// and its target, and nothing behind it is read.

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "load/file_system.h"
#include "load/load_edition.h"

namespace sdm {
namespace {

namespace fs = std::filesystem;

const char kConfig[] =
    "gemeente: X\ntitel: M\neditie: E\npeildatum: 2024-03-31\ndata:\n  lasten.csv:\n    "
    "eenheid: euro\n  kosten.csv:\n    eenheid: euro\n";

class SymlinkTest : public ::testing::Test {
 protected:
  void SetUp() override {
    base_ = fs::temp_directory_path() / ("sdm-symlink-" + std::to_string(::getpid()));
    fs::remove_all(base_);
    write("content/e/editie.yaml", kConfig);
    write("content/e/index.md", "---\ntitel: Overzicht\n---\n");
    write("content/gedeeld/kosten.csv", "maand;kosten\n2024-01;1\n");
    write("buiten/geheim.csv", "maand;lasten\n2024-01;666\n");
    write("buiten/lasten.csv", "maand;lasten\n2024-01;666\n");
    write("buiten/f/editie.yaml", kConfig);
  }
  void TearDown() override { fs::remove_all(base_); }
  void write(const std::string& rel, const std::string& text) {
    fs::create_directories((base_ / rel).parent_path());
    std::ofstream(base_ / rel) << text;
  }
  std::string content() const { return (base_ / "content").string(); }

  fs::path base_;
};

TEST_F(SymlinkTest, ALinkOutOfTheContentFolderIsAnErrorNamingLinkAndTarget) {
  fs::create_directories(base_ / "content/e/data");
  fs::create_symlink(base_ / "buiten/geheim.csv", base_ / "content/e/data/lasten.csv");
  fs::create_symlink("../../gedeeld/kosten.csv", base_ / "content/e/data/kosten.csv");
  DiskFileSystem disk(content());
  EXPECT_FALSE(disk.read(content() + "/e/data/lasten.csv"));
  EXPECT_TRUE(disk.read(content() + "/e/data/kosten.csv"));        // stays inside: allowed
  EXPECT_TRUE(disk.read((base_ / "buiten/geheim.csv").string()));  // not below the folder
  Diagnostics d;
  Edition edition = load_edition(disk, content() + "/e", d);
  const std::string text = format_diagnostics(d);
  EXPECT_NE(
      text.find(content() +
                "/e/data/lasten.csv: fout: dit bestand kan niet gelezen "
                "worden: het gaat via de symbolische koppeling " +
                content() + "/e/data/lasten.csv naar " + (base_ / "buiten/geheim.csv").string() +
                ", buiten de inhoudsmap " + content()),
      std::string::npos)
      << text;
  EXPECT_EQ(text.find("666"), std::string::npos);
  EXPECT_FALSE(edition.tables.count("lasten.csv"));
  EXPECT_TRUE(edition.tables.count("kosten.csv"));
}

// A folder once found to lie inside is not resolved again; a link in it still is.
TEST_F(SymlinkTest, ALinkBesideAFileAlreadyReadIsStillRefused) {
  write("content/e/data/gewoon.csv", "maand;lasten\n2024-01;1\n");
  fs::create_symlink(base_ / "buiten/geheim.csv", base_ / "content/e/data/lasten.csv");
  fs::create_symlink("../../gedeeld/kosten.csv", base_ / "content/e/data/kosten.csv");
  DiskFileSystem disk(content());
  EXPECT_TRUE(disk.read(content() + "/e/data/gewoon.csv"));
  EXPECT_FALSE(disk.read(content() + "/e/data/lasten.csv"));
  EXPECT_FALSE(disk.read(content() + "/e/./data/../data/lasten.csv"));
  EXPECT_EQ(disk.read(content() + "/e/data/kosten.csv").value_or(""), "maand;kosten\n2024-01;1\n");
  EXPECT_NE(disk.unreadable(content() + "/e/data/lasten.csv").find("buiten de inhoudsmap"),
            std::string::npos);
}

TEST_F(SymlinkTest, ALinkedFolderOrEditionOutsideIsNotRead) {
  fs::create_symlink(base_ / "buiten", base_ / "content/e/data");
  fs::create_symlink(base_ / "buiten/f", base_ / "content/f");
  fs::create_symlink(base_ / "buiten/geheim.csv", base_ / "content/e/kaart.png");
  DiskFileSystem disk(content());
  Diagnostics d;
  load_editions(disk, content(), d);
  const std::string text = format_diagnostics(d);
  for (const char* link : {"/e/data naar ", "/f naar ", "/e/kaart.png naar "})
    EXPECT_NE(text.find("het gaat via de symbolische koppeling " + content() + link),
              std::string::npos)
        << link << "\n"
        << text;
}

TEST(MemoryFileSystem, LinksLikeOnDisk) {
  MemoryFileSystem fs;
  fs.add("c/gedeeld/a.csv", "binnen");
  fs.add("/etc/geheim", "buiten");
  fs.add_link("c/e/data/a.csv", "../../gedeeld/a.csv", "c");
  fs.add_link("c/e/data/b.csv", "/etc/geheim", "c");
  EXPECT_EQ(fs.read("c/e/data/a.csv").value_or(""), "binnen");
  EXPECT_FALSE(fs.read("c/e/data/b.csv"));
  EXPECT_EQ(fs.unreadable("c/e/data/b.csv"),
            "het gaat via de symbolische koppeling c/e/data/b.csv naar /etc/geheim, buiten de "
            "inhoudsmap c");
  EXPECT_EQ(fs.list_files("c/e/data"), (std::vector<std::string>{"a.csv", "b.csv"}));
}

}  // namespace
}  // namespace sdm
