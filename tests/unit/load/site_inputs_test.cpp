#include "load/site_inputs.h"

#include <gtest/gtest.h>

#include "util/digest.h"

namespace sdm {
namespace {

MemoryFileSystem site_at(const std::string& dir, const std::string& csv) {
  MemoryFileSystem fs;
  fs.add(dir + "/2024-q1/editie.yaml", "titel: Monitor\n");
  fs.add(dir + "/2024-q1/data/wmo/clienten.csv", csv);
  fs.add("elders/logo.png", "png");
  return fs;
}

TEST(SiteInputs, ReadsTheSiteFromMemoryAndTheRestFromDisk) {
  MemoryFileSystem disk = site_at("monitors/bermond", "maand;aantal\n2024-01;12\n");
  SiteInputs inputs(disk, "monitors/bermond");
  disk.add("monitors/bermond/2024-q1/data/wmo/clienten.csv", "veranderd");
  EXPECT_EQ(inputs.read("monitors/bermond/2024-q1/data/wmo/clienten.csv"),
            "maand;aantal\n2024-01;12\n")
      << "read once, when the fingerprint was taken";
  EXPECT_EQ(inputs.read("elders/logo.png"), "png");
  EXPECT_EQ(inputs.list_files("monitors/bermond/2024-q1").size(), 2u);
}

TEST(SiteInputs, ListsBelowTheSiteAsTheDiskDoes) {
  MemoryFileSystem disk = site_at("monitors/bermond", "maand;aantal\n");
  disk.add("monitors/bermond/2024-q1/data/a.csv", "");
  disk.add("monitors/bermond/2024-q1/data-oud/b.csv", "");
  disk.add("monitors/bermond-oud/2024-q1/editie.yaml", "");
  SiteInputs inputs(disk, "monitors/bermond");
  for (const char* dir :
       {"monitors/bermond", "monitors/bermond/", "monitors/bermond/2024-q1",
        "monitors/bermond/2024-q1/data", "monitors/bermond/2024-q1/data/",
        "monitors/bermond/2024-q1/editie.yaml", "monitors/bermond/ontbreekt", "monitors", "elders"})
    EXPECT_EQ(inputs.list_files(dir), disk.list_files(dir)) << dir;
  EXPECT_EQ(inputs.list_files("monitors/bermond/2024-q1/data"),
            (std::vector<std::string>{"a.csv", "wmo/clienten.csv"}));
}

TEST(SiteInputs, TheFingerprintFollowsContentAndContextNotWhereTheSiteIs) {
  const std::string csv = "maand;aantal\n2024-01;12\n";
  const std::string here = SiteInputs(site_at("a/bermond", csv), "a/bermond").fingerprint("p");
  EXPECT_EQ(SiteInputs(site_at("b/elders", csv), "b/elders").fingerprint("p"), here);
  EXPECT_NE(SiteInputs(site_at("a/bermond", csv + "2024-02;13\n"), "a/bermond").fingerprint("p"),
            here);
  EXPECT_NE(SiteInputs(site_at("a/bermond", csv), "a/bermond").fingerprint("q"), here);
  MemoryFileSystem more = site_at("a/bermond", csv);
  more.add("a/bermond/2024-q1/data/wmo/clienten2.csv", csv);
  EXPECT_NE(SiteInputs(more, "a/bermond").fingerprint("p"), here);
}

TEST(SiteInputs, TheProgramIsKnownByItsBuildId) {
  MemoryFileSystem none;  // no /proc/self/exe: only the build id can tell the program
  EXPECT_EQ(program_fingerprint(none), program_fingerprint(none));
  EXPECT_NE(program_fingerprint(none), Digest().add("sdmonitor").hex());
}

}  // namespace
}  // namespace sdm
