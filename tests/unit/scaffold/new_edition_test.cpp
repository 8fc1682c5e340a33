#include "scaffold/new_edition.h"

#include <gtest/gtest.h>

namespace sdm {
namespace {

TEST(NewEdition, DatesFollowFromTheFolderName) {
  EXPECT_EQ(dates_for_edition_id("2024-q2")->reference_date.iso(), "2024-06-30");
  EXPECT_EQ(dates_for_edition_id("2024-q2")->label, "2e kwartaal 2024");
  EXPECT_EQ(dates_for_edition_id("2024-h1")->reference_date.iso(), "2024-06-30");
  EXPECT_EQ(dates_for_edition_id("2023-h2")->label, "2e helft 2023");
  EXPECT_EQ(dates_for_edition_id("2024")->reference_date.iso(), "2024-12-31");
  EXPECT_FALSE(dates_for_edition_id("voorjaar"));
  EXPECT_FALSE(dates_for_edition_id("2024-h3"));
}

TEST(NewEdition, UpdatesConfigKeepsCommentsAndListsWork) {
  std::map<std::string, std::string> previous = {
      {"editie.yaml",
       "gemeente: X\ntitel: M\neditie: 1e kwartaal 2024\npeildatum: 2024-03-31  # einde\ndata:\n"},
      {"wmo.md",
       "---\ntitel: Wmo\n---\nIn het eerste kwartaal steeg het.\n\n```grafiek\ntitel: 2024\n```\n"},
      {"data/wmo/lasten.csv", "maand;lasten\n"}};
  auto plan = plan_new_edition("2024-q2", "2024-q1", previous);
  ASSERT_EQ(plan.files.size(), 3u);
  std::string config;
  for (const auto& f : plan.files)
    if (f.path == "editie.yaml") config = f.bytes;
  EXPECT_EQ(
      config,
      "gemeente: X\ntitel: M\neditie: 2e kwartaal 2024\npeildatum: 2024-06-30  # einde\nvorige: "
      "2024-q1\ndata:\n");
  ASSERT_EQ(plan.todo.size(), 3u);
  EXPECT_EQ(plan.todo[1],
            "data/wmo/lasten.csv: vervang door de nieuwe export (nog de cijfers van 2024-q1)");
  EXPECT_EQ(plan.todo[2], "wmo.md:4: noemt een periode: \"In het eerste kwartaal steeg het.\"");
}

}  // namespace
}  // namespace sdm
