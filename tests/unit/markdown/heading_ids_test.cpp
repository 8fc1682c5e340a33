#include "markdown/heading_ids.h"

#include <gtest/gtest.h>

namespace sdm {
namespace {

TEST(HeadingIds, StableReadableAndUnique) {
  EXPECT_EQ(slugify("Cliëntaantallen (In zorg, Instroom & Uitstroom)"),
            "clientaantallen-in-zorg-instroom-uitstroom");
  // Every accented letter loses its accent; a letter without a plain one stays, in lower case.
  EXPECT_EQ(slugify("Één ÉÉN Señor Ærø Straße Ĳssel Œuvre Ørsted Ç ﬁets 2½"),
            "een-een-senor-ærø-strasse-ijssel-œuvre-ørsted-c-fiets-21-2");
  HeadingIds ids;
  EXPECT_EQ(ids.next("In & uit"), "in-uit");
  EXPECT_EQ(ids.next("Financiën"), "financien");
  EXPECT_EQ(ids.next("Financiën"), "financien-2");
  // An id the page has already is never given again, nor one a suffix would repeat.
  HeadingIds taken({"tabel-1", "inhoud"});
  EXPECT_EQ(taken.next("Tabel 1"), "tabel-1-2");
  EXPECT_EQ(taken.next("Tabel 1 2"), "tabel-1-2-2");
  EXPECT_EQ(taken.next("Inhoud"), "inhoud-2");
}

}  // namespace
}  // namespace sdm
