// One run builds a folder of sites (DIR/<site>/<edition>/): detection, output per site, and
// nothing published while any site has an error.

#include "pipeline/sites.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "../security/site_fixture.h"

namespace fs = std::filesystem;

namespace sdm::security {
namespace {

// The fixture's valid site under content/<name>/ for every name, plus the theme.
MemoryFileSystem sites(const std::vector<std::string>& names, const SiteBuilder& base = {}) {
  MemoryFileSystem one = base.file_system(), many;
  for (const auto& rel : one.list_files("theme"))
    many.add("theme/" + rel, *one.read("theme/" + rel));
  for (const auto& name : names)
    for (const auto& rel : one.list_files("content"))
      many.add("content/" + name + "/" + rel, *one.read("content/" + rel));
  return many;
}

std::vector<std::string> names(const SiteLayout& layout) {
  std::vector<std::string> out;
  for (const auto& site : layout.sites) out.push_back(site.name + "=" + site.content_dir);
  return out;
}

TEST(FindSites, ContentWithEditionsIsOneSite) {
  Diagnostics d;
  SiteLayout layout = find_sites(SiteBuilder().file_system(), "content", d);
  EXPECT_FALSE(layout.many);
  EXPECT_EQ(names(layout), std::vector<std::string>{"=content"});
  EXPECT_TRUE(d.items().empty());
}

TEST(FindSites, FolderOfSitesListsEverySiteByName) {
  MemoryFileSystem fs = sites({"zuidveen", "bermond"});
  fs.add("content/notities/lees.txt", "geen site");
  fs.add("content/.git/config", "verborgen");
  Diagnostics d;
  SiteLayout layout = find_sites(fs, "content", d);
  EXPECT_TRUE(layout.many);
  EXPECT_EQ(names(layout),
            (std::vector<std::string>{"bermond=content/bermond", "zuidveen=content/zuidveen"}));
  ASSERT_EQ(d.items().size(), 1u);  // the folder without editions, not the hidden one
  EXPECT_EQ(format_diagnostic(d.items()[0]).substr(0, 76),
            "content/notities: waarschuwing: map bevat geen edities en wordt overgeslagen");
}

TEST(FindSites, EditionsBesideSitesAndOddSiteNamesAreErrors) {
  MemoryFileSystem mixed = sites({"regio"});
  MemoryFileSystem one = SiteBuilder().file_system();
  for (const auto& rel : one.list_files("content"))
    mixed.add("content/" + rel, *one.read("content/" + rel));
  Diagnostics d;
  EXPECT_FALSE(find_sites(mixed, "content", d).many);
  ASSERT_TRUE(d.has_errors());
  EXPECT_EQ(d.items()[0].where.file, "content/regio");

  Diagnostics odd;
  SiteLayout layout = find_sites(sites({"Gemeente A", "bermond"}), "content", odd);
  EXPECT_EQ(names(layout), std::vector<std::string>{"bermond=content/bermond"});
  ASSERT_TRUE(odd.has_errors());
  EXPECT_EQ(odd.items()[0].where.file, "content/Gemeente A");
}

class RunSites : public ::testing::Test {
 protected:
  fs::path dir = fs::temp_directory_path() / ("sdm-sites-" + std::to_string(getpid()));
  BuildOptions options = SiteBuilder::options();
  void SetUp() override {
    fs::remove_all(dir);
    options.out_dir = (dir / "out").string();
  }
  void TearDown() override { fs::remove_all(dir); }
};

TEST_F(RunSites, EverySiteLandsInItsOwnFolderAsItsOwnBuildWouldMakeIt) {
  MemoryFileSystem fs = sites({"zuidveen", "bermond", "ooststede"});
  RunOutcome run = run_sites(fs, options, true);
  ASSERT_TRUE(run.ok()) << format_diagnostics(run.diagnostics);
  EXPECT_TRUE(run.many);
  ASSERT_EQ(run.sites.size(), 3u);
  EXPECT_EQ(run.sites[0].name, "bermond");
  EXPECT_EQ(run.sites[2].name, "zuidveen");

  SiteRun alone = SiteBuilder().generate();
  ASSERT_TRUE(alone.site);
  EXPECT_EQ(run.pages(), 3 * alone.site->pages);
  EXPECT_EQ(run.files(), 3 * alone.site->files.size());
  for (const auto& site : {"bermond", "ooststede", "zuidveen"}) {
    EXPECT_EQ(files_below((dir / "out" / site).string()).size(), alone.site->files.size());
    for (const auto& file : alone.site->files)
      EXPECT_EQ(read_disk((dir / "out" / site / file.path).string()), file.bytes) << file.path;
  }
  EXPECT_EQ(run_sites(fs, options, true).written.written, 3 * alone.site->files.size())
      << "the second build fills the spare";
  EXPECT_EQ(run_sites(fs, options, true).written.written, 0u) << "nothing changed";
}

TEST_F(RunSites, AnErrorInOneSitePublishesNothingAndNamesTheSite) {
  MemoryFileSystem good = sites({"bermond", "zuidveen"});
  ASSERT_TRUE(run_sites(good, options, true).ok());
  auto before = files_below(options.out_dir);
  std::string index_before = read_disk(options.out_dir + "/zuidveen/index.html");

  MemoryFileSystem bad = sites({"bermond", "zuidveen", "ooststede"});
  bad.add("content/zuidveen/2024-q1/index.md",
          "---\ntitel: Overzicht\nvolgorde: 1\n---\n\n{{ laatste wmo/bestaat-niet.csv }}\n");
  RunOutcome run = run_sites(bad, options, true);
  EXPECT_FALSE(run.ok());
  EXPECT_EQ(run.failed_sites(), std::vector<std::string>{"zuidveen"});
  ASSERT_TRUE(run.sites[2].diagnostics.has_errors());
  EXPECT_EQ(run.sites[2].diagnostics.items()[0].where.file, "content/zuidveen/2024-q1/index.md");
  EXPECT_FALSE(run.sites[0].diagnostics.has_errors());
  EXPECT_EQ(files_below(options.out_dir), before);
  EXPECT_EQ(read_disk(options.out_dir + "/zuidveen/index.html"), index_before);

  RunOutcome check = run_sites(bad, options, false);  // check: the same findings
  EXPECT_EQ(check.failed_sites(), std::vector<std::string>{"zuidveen"});
}

TEST_F(RunSites, ASiteIsMadeAgainOnlyWhenWhatItIsMadeFromChanged) {
  MemoryFileSystem fs = sites({"bermond", "zuidveen"});
  ASSERT_TRUE(run_sites(fs, options, true).ok());
  ASSERT_TRUE(run_sites(fs, options, true).ok());  // fills the spare
  RunOutcome same = run_sites(fs, options, true);
  ASSERT_TRUE(same.ok());
  EXPECT_EQ(same.unchanged(), 2u);
  EXPECT_EQ(same.written.written, 0u);
  EXPECT_EQ(same.pages(), 2 * SiteBuilder().generate().site->pages) << "counts kept";

  const std::string page = "content/zuidveen/2024-q1/index.md";
  ASSERT_TRUE(fs.read(page));
  fs.add(page, *fs.read(page) + "\nEen nieuwe zin.\n");
  RunOutcome edited = run_sites(fs, options, true);
  ASSERT_TRUE(edited.ok());
  EXPECT_TRUE(edited.sites[0].unchanged);
  EXPECT_FALSE(edited.sites[1].unchanged);
  EXPECT_NE(read_disk(options.out_dir + "/zuidveen/index.html").find("Een nieuwe zin."),
            std::string::npos);
  // The spare is a build behind: the next build makes zuidveen there too.
  EXPECT_EQ(run_sites(fs, options, true).unchanged(), 1u);
  EXPECT_EQ(run_sites(fs, options, true).unchanged(), 2u);

  const std::string css = "theme/assets/site.css";  // another theme: other sites
  ASSERT_TRUE(fs.read(css));
  fs.add(css, *fs.read(css) + "\nbody{margin:0}\n");
  EXPECT_EQ(run_sites(fs, options, true).unchanged(), 0u);
  EXPECT_EQ(read_disk(options.out_dir + "/bermond/assets/site.css"), *fs.read(css));

  options.integrity = true;  // other options: other sites
  EXPECT_EQ(run_sites(fs, options, true).unchanged(), 0u);
  EXPECT_NE(read_disk(options.out_dir + "/bermond/index.html").find("integrity="),
            std::string::npos);
}

TEST_F(RunSites, AnUnchangedSiteStillCountsItsWarnings) {
  MemoryFileSystem fs = sites({"bermond", "zuidveen"});
  const std::string page = "content/zuidveen/2024-q1/index.md";
  fs.add(page, *fs.read(page) + "\n```grafiekk\n```\n");  // "bedoelde u 'grafiek'?"
  RunOutcome first = run_sites(fs, options, true);
  ASSERT_TRUE(first.ok());
  ASSERT_EQ(first.sites[1].diagnostics.items().size(), 1u);
  ASSERT_TRUE(run_sites(fs, options, true).ok());
  RunOutcome same = run_sites(fs, options, true);
  EXPECT_EQ(same.unchanged(), 2u);
  EXPECT_TRUE(same.sites[1].diagnostics.items().empty());
  EXPECT_EQ(same.warnings_not_shown(), 1u);
}

TEST_F(RunSites, OneSiteIsWrittenAtTheRootOfTheOutput) {
  RunOutcome run = run_sites(SiteBuilder().file_system(), options, true);
  ASSERT_TRUE(run.ok());
  EXPECT_FALSE(run.many);
  EXPECT_TRUE(fs::exists(dir / "out/index.html"));
  EXPECT_TRUE(fs::exists(dir / "out/assets/chart.umd.js"));
}

}  // namespace
}  // namespace sdm::security
