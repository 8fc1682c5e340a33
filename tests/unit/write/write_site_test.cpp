#include "write/write_site.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "util/diagnostic.h"

namespace fs = std::filesystem;

namespace sdm {
namespace {

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

void put(const fs::path& p, const std::string& bytes) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << bytes;
}

ino_t inode(const fs::path& p) {
  struct stat st {};
  EXPECT_EQ(::lstat(p.c_str(), &st), 0) << p;
  return st.st_ino;
}

// Every entry below `dir` (folders end in '/', links in '@'), with the bytes of files; not the
// list of the files that sdmonitor wrote.
std::map<std::string, std::string> tree(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    std::string rel = fs::relative(e.path(), dir).generic_string();
    if (rel == ".sdmonitor-bestanden") continue;
    if (e.is_symlink())
      out[rel + "@"] = "";
    else if (e.is_directory())
      out[rel + "/"] = "";
    else
      out[rel] = read(e.path());
  }
  return out;
}

// A site as sdmonitor makes it: every site has Chart.js and the accessibility statement.
std::vector<OutputFile> site(std::vector<OutputFile> files) {
  files.push_back({"assets/chart.umd.js", "/* Chart.js */"});
  files.push_back({"toegankelijkheid.html", "toegankelijk"});
  return files;
}

std::map<std::string, std::string> expected(const std::vector<OutputFile>& files) {
  std::map<std::string, std::string> out;
  for (const auto& f : files) {
    out[f.path] = f.bytes;
    for (size_t s = f.path.find('/'); s != std::string::npos; s = f.path.find('/', s + 1))
      out[f.path.substr(0, s) + "/"] = "";
  }
  return out;
}

class WriteSite : public ::testing::Test {
 protected:
  fs::path dir = fs::temp_directory_path() / ("sdm-write-" + std::to_string(getpid()));
  fs::path out = dir / "site";
  fs::path spare = dir / ".site.reserve";
  void SetUp() override {
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
  void TearDown() override { fs::remove_all(dir); }
};

TEST_F(WriteSite, ReplacesTheWholeSiteAndKeepsThePreviousOneAsTheSpare) {
  auto first = site({{"index.html", "een"}, {"oud.html", "weg"}});
  auto second = site({{"index.html", "twee"}, {"data/a.csv", "x"}});
  write_site(out.string(), first);
  write_site(out.string(), second);
  EXPECT_EQ(tree(out), expected(second));
  EXPECT_EQ(tree(spare), expected(first));
  EXPECT_EQ(spare_dir(out.string()), spare.string());
  int entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++entries;
  EXPECT_EQ(entries, 2);  // the site and its spare, nothing else
}

TEST_F(WriteSite, WritesOnlyTheFilesWhoseBytesDiffer) {
  auto a = site({{"index.html", "a"}, {"wmo.html", "wmo"}, {"oud/x.csv", "x"}});
  auto b = site({{"index.html", "b"}, {"wmo.html", "wmo"}, {"nieuw/y.csv", "y"}});
  write_site(out.string(), a);
  write_site(out.string(), a);  // the spare now holds the first generation of a
  ino_t unchanged = inode(spare / "wmo.html"), changed = inode(spare / "index.html");
  WriteStats stats = write_site(out.string(), b);
  EXPECT_EQ(stats.written, 2u);  // index.html and nieuw/y.csv
  EXPECT_EQ(stats.removed, 1u);  // the folder oud/ with its file
  EXPECT_EQ(tree(out), expected(b));
  EXPECT_EQ(inode(out / "wmo.html"), unchanged);
  EXPECT_NE(inode(out / "index.html"), changed);       // a new file, not rewritten in place
  EXPECT_EQ(write_site(out.string(), b).written, 2u);  // the spare was a, one build behind
  EXPECT_EQ(write_site(out.string(), b).written, 0u);
}

TEST_F(WriteSite, RepairsASpareThatAKilledBuildLeftHalfUpdated) {
  auto files = site({{"index.html", "goed"}, {"data/a.csv", "1;2"}, {"2023-h2/index.html", "oud"}});
  write_site(out.string(), files);
  write_site(out.string(), files);
  fs::path outside = dir / "buiten";
  put(outside / "bewaar.txt", "niet aankomen");
  put(spare / "index.html", "go");                        // cut off mid-write
  put(spare / "data/a.csv.sdmonitor-tmp", "1;");          // scratch file of a replacement
  put(spare / "extra/diep/b.html", "niet meer gemaakt");  // folders no longer made
  fs::remove(spare / "2023-h2/index.html");
  fs::create_directory(spare / "2023-h2/index.html");  // a folder where a file belongs
  fs::create_directory_symlink(outside, spare / "link");
  write_site(out.string(), files);
  EXPECT_EQ(tree(out), expected(files));
  EXPECT_EQ(read(outside / "bewaar.txt"), "niet aankomen");
}

TEST_F(WriteSite, RefusesPathsOutsideTheSiteAndKeepsThePreviousSite) {
  write_site(out.string(), site({{"index.html", "goed"}}));
  EXPECT_THROW(write_site(out.string(), site({{"index.html", "x"}, {"../buiten.html", "x"}})),
               FatalError);
  EXPECT_THROW(write_site(out.string(), site({{"a", "x"}, {"a/b", "y"}})), FatalError);
  EXPECT_EQ(read(out / "index.html"), "goed");
  EXPECT_FALSE(fs::exists(dir / "buiten.html"));
  EXPECT_FALSE(safe_relative_path("/etc/passwd"));
  EXPECT_FALSE(safe_relative_path("a//b"));
  EXPECT_TRUE(safe_relative_path("2023-h2/data/grafiek-1.csv"));
  SiteWriter writer(out.string());
  EXPECT_THROW(writer.update("..", site({})), FatalError);
  EXPECT_THROW(writer.update("a/b", site({})), FatalError);
}

TEST_F(WriteSite, NeverOverwritesAFolderThatIsNotASite) {
  put(out / "eigen.txt", "van iemand anders");
  EXPECT_THROW(write_site(out.string(), site({{"index.html", "x"}})), FatalError);
  EXPECT_EQ(tree(out), (std::map<std::string, std::string>{{"eigen.txt", "van iemand anders"}}));
  EXPECT_FALSE(fs::exists(spare));
  put(dir / "bestand", "geen map");
  EXPECT_THROW(write_site((dir / "bestand").string(), site({})), FatalError);
  EXPECT_EQ(read(dir / "bestand"), "geen map");
  fs::create_directory(dir / "leeg");  // an empty folder may become the site
  write_site((dir / "leeg").string(), site({{"index.html", "x"}}));
  EXPECT_EQ(read(dir / "leeg/index.html"), "x");
}

TEST_F(WriteSite, UnpublishedUpdateLeavesTheSiteAsItWas) {
  auto files = site({{"index.html", "gepubliceerd"}});
  write_site(out.string(), files);
  {
    SiteWriter writer(out.string());
    writer.update("", site({{"index.html", "half"}, {"nieuw.html", "x"}}));
  }  // no publish(): a build that failed after writing some sites
  EXPECT_EQ(tree(out), expected(files));
  write_site(out.string(), files);
  EXPECT_EQ(tree(out), expected(files));
}

TEST_F(WriteSite, FolderOfSitesIsPublishedTogetherAndDropsSitesNoLongerMade) {
  auto aa = site({{"index.html", "aa"}}), bb = site({{"index.html", "bb"}});
  {
    SiteWriter writer(out.string());
    writer.update("bb", bb);
    writer.update("aa", aa);
    writer.publish();
  }
  EXPECT_EQ(read(out / "aa/index.html"), "aa");
  EXPECT_EQ(read(out / "bb/index.html"), "bb");
  {
    SiteWriter writer(out.string());  // a folder of our sites is ours too
    writer.update("aa", aa);
    writer.publish();
  }
  EXPECT_FALSE(fs::exists(out / "bb"));
  EXPECT_EQ(read(out / "aa/index.html"), "aa");
  write_site(out.string(), aa);  // and may become one site again
  EXPECT_EQ(tree(out), expected(aa));
}

// Three builds of a folder of sites with the same stamp: the third finds the spare that the
// first made, and keeps it.
TEST_F(WriteSite, ASiteWithTheSameStampIsKeptAsItIs) {
  auto aa = site({{"index.html", "aa"}});
  SiteStamp stamp{"f1", 7, 2, aa.size()};
  for (int build = 1; build <= 2; ++build) {
    SiteWriter writer(out.string());
    EXPECT_FALSE(writer.keep_unchanged("aa", "f1")) << build;
    writer.update("aa", aa, &stamp);
    writer.publish();
  }
  SiteWriter writer(out.string());
  EXPECT_FALSE(writer.keep_unchanged("aa", "f2")) << "another fingerprint";
  auto kept = writer.keep_unchanged("aa", "f1");
  ASSERT_TRUE(kept);
  EXPECT_EQ(kept->pages, 7u);
  writer.publish();
  EXPECT_EQ(tree(out / "aa"), expected(aa));
  EXPECT_TRUE(fs::exists(out / ".sdmonitor-stempels"));
}

TEST_F(WriteSite, NoSiteIsKeptAfterAKilledBuildOrAChangeByHand) {
  auto aa = site({{"index.html", "aa"}});
  SiteStamp stamp{"f1", 1, 1, aa.size()};
  auto build = [&](bool publish) {
    SiteWriter writer(out.string());
    bool kept = writer.keep_unchanged("aa", "f1").has_value();
    if (!kept) writer.update("aa", aa, &stamp);
    if (publish) writer.publish();
    return kept;
  };
  build(true);
  build(true);
  build(false);  // stops before publishing: the spare may be half updated
  EXPECT_FALSE(build(true)) << "the spare's stamps went with the stopped build";
  EXPECT_TRUE(build(true)) << "the other folder was made before the stop and kept its stamps";
  EXPECT_TRUE(build(true));

  put(out / "aa/index.html", "met de hand");  // published, then the spare of the next build
  EXPECT_TRUE(build(true));
  EXPECT_FALSE(build(true));
  EXPECT_EQ(read(out / "aa/index.html"), "aa");
}

// The state a build records while writing (new files, replaced files, links to shared files,
// nested folders) must be the state the next build reads from the disk, or no site is ever kept.
TEST_F(WriteSite, TheStateRecordedWhileWritingIsTheOneReadFromTheDisk) {
  auto v1 = site({{"index.html", "een"}, {"data/grafiek-1.csv", "1"}});
  auto v2 = site({{"index.html", "twee"}, {"data/grafiek-1.csv", "1"}, {"a/b/c.html", "c"}});
  auto build = [&](const std::vector<OutputFile>& files, const std::string& fingerprint) {
    SiteWriter writer(out.string());
    writer.share({{"assets/chart.umd.js", "/* Chart.js */"}});
    SiteStamp stamp{fingerprint, 1, 1, files.size()};
    bool kept = writer.keep_unchanged("aa", fingerprint).has_value();
    if (!kept) writer.update("aa", files, &stamp);
    writer.update("bb", files);
    writer.publish();
    return kept;
  };
  EXPECT_FALSE(build(v1, "f1"));
  EXPECT_FALSE(build(v1, "f1"));
  EXPECT_TRUE(build(v1, "f1")) << "made new, then kept";
  EXPECT_FALSE(build(v2, "f2"));  // index.html replaced in a spare that had the first version
  EXPECT_FALSE(build(v2, "f2"));
  EXPECT_TRUE(build(v2, "f2")) << "made by replacing files, then kept";
  EXPECT_EQ(tree(out / "aa"), expected(v2));
}

TEST_F(WriteSite, SharedFilesAreOneFileLinkedIntoEverySite) {
  // Twice, so that both the site and the spare are made this way.
  auto build_twice = [&](const std::vector<OutputFile>& aa, const std::vector<OutputFile>& bb) {
    for (int build = 1; build <= 2; ++build) {
      SiteWriter writer(out.string());
      writer.share({{"assets/chart.umd.js", "/* Chart.js */"}});
      writer.update("aa", aa);
      writer.update("bb", bb);
      writer.publish();
    }
  };
  auto aa = site({{"index.html", "aa"}}), bb = site({{"index.html", "bb"}});
  build_twice(aa, bb);
  EXPECT_EQ(inode(out / "aa/assets/chart.umd.js"), inode(out / "bb/assets/chart.umd.js"));
  EXPECT_EQ(tree(out / "bb"), expected(bb));

  // A site whose copy differs gets its own file; the other keeps the shared one.
  bb[1].bytes = "/* een andere Chart.js */";
  build_twice(aa, bb);
  EXPECT_NE(inode(out / "aa/assets/chart.umd.js"), inode(out / "bb/assets/chart.umd.js"));
  EXPECT_EQ(tree(out / "aa"), expected(aa));
  EXPECT_EQ(tree(out / "bb"), expected(bb));
}

// The web team's files in the published folder go along into every next generation; files that
// sdmonitor wrote and no longer writes go.
TEST_F(WriteSite, KeepsTheWebTeamsFilesAndRemovesOnlyItsOwn) {
  auto first = site({{"index.html", "een"}, {"oud/a.html", "a"}});
  auto second = site({{"index.html", "twee"}});
  write_site(out.string(), first);
  put(out / ".htaccess", "Header set X 1");
  put(out / ".well-known/security.txt", "contact");
  put(out / "assets/logo.svg", "logo");
  fs::create_directories(out / ".git/objects");
  for (int build = 1; build <= 3; ++build) {
    write_site(out.string(), build == 1 ? first : second);
    EXPECT_EQ(read(out / ".htaccess"), "Header set X 1") << build;
    EXPECT_EQ(read(out / ".well-known/security.txt"), "contact") << build;
    EXPECT_EQ(read(out / "assets/logo.svg"), "logo") << build;
    EXPECT_TRUE(fs::is_directory(out / ".git/objects")) << build;
  }
  EXPECT_FALSE(fs::exists(out / "oud"));
  EXPECT_EQ(read(out / ".sdmonitor-bestanden"),
            "sdmonitor-bestanden 1\nassets/chart.umd.js\nindex.html\ntoegankelijkheid.html\n");
  // The web team's file where the site now wants one: refused, the published site as it was.
  put(out / "nieuw.html", "van het webteam");
  auto before = tree(out);
  EXPECT_THROW(write_site(out.string(), site({{"index.html", "drie"}, {"nieuw.html", "x"}})),
               FatalError);
  EXPECT_EQ(tree(out), before);
}

TEST_F(WriteSite, AReserveFolderThatSdmonitorDidNotMakeIsLeftAlone) {
  put(spare / "fotos/strand.jpg", "vakantie");
  EXPECT_THROW(write_site(out.string(), site({{"index.html", "x"}})), FatalError);
  EXPECT_EQ(tree(spare),
            (std::map<std::string, std::string>{{"fotos/", ""}, {"fotos/strand.jpg", "vakantie"}}));
  EXPECT_FALSE(fs::exists(out));
}

TEST_F(WriteSite, FilesAre0644AndFoldersAre0755WhateverTheUmask) {
  mode_t old = ::umask(077);
  write_site(out.string(), site({{"a/b/index.html", "x"}}));
  write_site(out.string(), site({{"a/b/index.html", "x"}, {"c.html", "c"}}));
  ::umask(old);
  auto mode = [](const fs::path& p) {
    struct stat st {};
    ::lstat(p.c_str(), &st);
    return st.st_mode & 07777;
  };
  EXPECT_EQ(mode(out), 0755u);
  EXPECT_EQ(mode(out / "a/b"), 0755u);
  EXPECT_EQ(mode(out / "a/b/index.html"), 0644u);
  EXPECT_EQ(mode(out / "c.html"), 0644u);
}

TEST_F(WriteSite, NewFolderNeverOverwrites) {
  write_new_folder((dir / "2024-q2").string(), {{"editie.yaml", "x"}});
  EXPECT_THROW(write_new_folder((dir / "2024-q2").string(), {{"editie.yaml", "y"}}), FatalError);
  EXPECT_EQ(read(dir / "2024-q2/editie.yaml"), "x");
}

}  // namespace
}  // namespace sdm
