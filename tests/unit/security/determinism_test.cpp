// The same input gives byte-identical output (README: "dezelfde invoer geeft byte-gelijke
// uitvoer"), also for hostile content and across independently built file systems.

#include <gtest/gtest.h>

#include "site_fixture.h"

namespace sdm::security {
namespace {

void expect_identical(const SiteRun& a, const SiteRun& b) {
  ASSERT_TRUE(a.site) << a.messages();
  ASSERT_TRUE(b.site) << b.messages();
  ASSERT_EQ(a.site->files.size(), b.site->files.size());
  for (size_t i = 0; i < a.site->files.size(); ++i) {
    EXPECT_EQ(a.site->files[i].path, b.site->files[i].path);
    EXPECT_TRUE(a.site->files[i].bytes == b.site->files[i].bytes)
        << a.site->files[i].path << " verschilt";
  }
  EXPECT_EQ(a.site->pages, b.site->pages);
  EXPECT_EQ(a.messages(), b.messages());
}

TEST(Determinism, TwoRunsOfTheDemoAreByteIdentical) {
  SiteBuilder b;
  b.demo_content();
  // Two file systems built separately, each generated once: no state may leak between runs.
  SiteRun first = b.generate();
  SiteRun second = SiteBuilder(b).generate();
  expect_identical(first, second);
  // And the same file system twice.
  MemoryFileSystem fs = b.file_system();
  SiteRun third, fourth;
  third.site = generate(fs, SiteBuilder::options(), third.diagnostics);
  fourth.site = generate(fs, SiteBuilder::options(), fourth.diagnostics);
  expect_identical(third, fourth);
  expect_identical(first, third);
}

TEST(Determinism, TwoRunsOfTheHostileEditionAreByteIdentical) {
  SiteBuilder b;
  b.edition_from_disk("editions/hostile");
  expect_identical(b.generate(), b.generate());
}

TEST(Determinism, ErrorsComeInTheSameOrder) {
  SiteBuilder b;
  b.page("pagina.md", hostile("markdown/links.md"));
  b.dataset("test/x.csv", "personen", hostile("csv/less-than-ten.csv"));
  SiteRun first = b.generate(), second = b.generate();
  EXPECT_FALSE(first.site);
  EXPECT_EQ(first.messages(), second.messages());
}

}  // namespace
}  // namespace sdm::security
