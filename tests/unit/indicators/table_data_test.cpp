#include "indicators/table_data.h"

#include <gtest/gtest.h>

#include "load/file_system.h"
#include "load/load_edition.h"
#include "table_fixture.h"

namespace sdm {
namespace {

// The demo's bijzondere bijstand, checked against the totals the seed monitor prints.
TEST(TableData, BijzondereBijstandTotalsMatchTheSeed) {
  DiskFileSystem fs;
  std::string path =
      std::string(SDM_SOURCE_DIR) + "/content/2024-q1/data/participatie/bijzondere-bijstand.csv";
  auto bytes = fs.read(path);
  ASSERT_TRUE(bytes);
  Diagnostics d;
  Table table = read_table("participatie/bijzondere-bijstand.csv", path, *bytes, Unit::Euro, d);
  ASSERT_FALSE(d.has_errors());
  TableSpec spec;
  spec.total = true;
  spec.other_threshold = 2000;
  spec.exclude_prefix = "Energietoeslag";
  TableData data = table_data(spec, table, DatasetInfo{Unit::Euro});

  const RawRow* total = nullptr;
  const RawRow* excl = nullptr;
  const RawRow* other = nullptr;
  for (const auto& row : data.rows) {
    if (row.key.label == "Eindtotaal") total = &row;
    if (row.key.label == "Eindtotaal excl. Energietoeslag") excl = &row;
    if (row.key.label == "Overig") other = &row;
  }
  ASSERT_TRUE(total && excl && other);
  const double seed_total[] = {67785,  782989, 959554,  531134, 134023,
                               133815, 106567, 1696126, 294851};
  const double seed_excl[] = {67785, 127389, 116454, 162734, 85923, 132515, 103383, 155626, 105051};
  ASSERT_EQ(total->cells.size(), 9u);
  for (size_t q = 0; q < 9; ++q) {
    EXPECT_EQ(*total->cells[q].value, seed_total[q]) << q;
    EXPECT_EQ(*excl->cells[q].value, seed_excl[q]) << q;
  }
  // Every category left outside Overig averages at least € 2.000 per quarter.
  for (const auto& row : data.rows) {
    if (row.total || &row == other) continue;
    double sum = 0;
    for (const auto& c : row.cells) sum += c.value.value_or(0);
    EXPECT_GE(sum / 9, 2000) << row.key.label;
  }
  EXPECT_EQ(data.rows.back().key.label, "Eindtotaal excl. Energietoeslag");
}

TEST(TableData, ALongDatasetIsLaidOutByItsDimensions) {
  Table t = long_uitkeringen();
  TableSpec spec;
  spec.rows = "regeling";
  spec.filter = {{"maand", {"2024-02", "2024-03"}, {}}};
  TableData data = table_data(spec, t, DatasetInfo{Unit::Persons});
  // Regelingen down, gemeenten over their months across: two header rows.
  EXPECT_EQ(data.key_header, "regeling");
  ASSERT_EQ(data.columns.size(), 4u);
  EXPECT_EQ(data.columns[1].group, "Bedum");
  EXPECT_EQ(data.columns[1].period, Period::parse("2024-03"));
  EXPECT_EQ(data.columns[2].group, "Winsum");
  ASSERT_EQ(data.rows.size(), 2u);
  EXPECT_EQ(data.rows[1].key.label, "IOAW");
  EXPECT_EQ(data.rows[1].cells[1].value, 12);
  EXPECT_EQ(data.rows[1].cells[3].value, 6);
  // Each cell is the dataset's own, so that disclosure links it with every other view of it.
  ASSERT_EQ(data.rows[1].cells[3].terms.size(), 1u);
  EXPECT_EQ(data.rows[1].cells[3].terms[0].cell, (DataCell{"u.csv", "2024-03", "Winsum · IOAW"}));

  // One month: one header row of gemeenten, and the column named after the month when only
  // the rows vary.
  spec.rows = "gemeente";
  spec.filter = {{"maand", {"2024-03"}, {}}, {"regeling", {"IOAW"}, {}}};
  data = table_data(spec, t, DatasetInfo{Unit::Persons});
  ASSERT_EQ(data.columns.size(), 1u);
  EXPECT_EQ(data.columns[0].period, Period::parse("2024-03"));
  ASSERT_EQ(data.rows.size(), 2u);
  EXPECT_EQ(data.rows[0].key.label, "Bedum");
  EXPECT_EQ(data.rows[0].cells[0].value, 12);
}

TEST(TableData, SmallCategoriesMergeIntoOverig) {
  Diagnostics d;
  Table t =
      read_table("x.csv", "x.csv", "categorie;K1;K2\nGroot;5000;6000\nKlein;100;\nOverig;50;70\n",
                 Unit::Euro, d);
  ASSERT_FALSE(d.has_errors());
  TableSpec spec;
  spec.other_threshold = 2000;
  spec.total = true;
  TableData data = table_data(spec, t, DatasetInfo{Unit::Euro});
  ASSERT_EQ(data.rows.size(), 3u);
  EXPECT_EQ(data.rows[1].key.label, "Overig");
  EXPECT_EQ(*data.rows[1].cells[0].value, 150);
  EXPECT_EQ(*data.rows[1].cells[1].value, 70);
  EXPECT_EQ(*data.rows[2].cells[0].value, 5150);
}

}  // namespace
}  // namespace sdm
