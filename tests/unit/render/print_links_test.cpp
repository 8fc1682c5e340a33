#include "render/print_links.h"

#include <gtest/gtest.h>

namespace sdm {
namespace {

const std::set<std::string> kChapters = {"index", "wmo"};

TEST(PrintLinks, AChapterBecomesAJumpWithinTheDocument) {
  EXPECT_EQ(print_links(R"(<a href="wmo.html">Wmo</a>)", kChapters, ""),
            R"(<a href="#hoofdstuk-wmo">Wmo</a>)");
  EXPECT_EQ(print_links(R"(<a href="wmo.html#grafiek-3">g</a>)", kChapters, ""),
            R"(<a href="#wmo-grafiek-3">g</a>)");
}

TEST(PrintLinks, WithoutAnAddressOtherLinksAreText) {
  EXPECT_EQ(print_links(R"(zie <a href="veranderd.html">wat veranderde</a>.)", kChapters, ""),
            "zie wat veranderde.");
  // A download means nothing on paper: it goes, with its separator.
  EXPECT_EQ(print_links("<p class=\"bron\">CBS \xC2\xB7 <a href=\"data/grafiek-1.csv\" "
                        "download>Cijfers downloaden (CSV)</a></p>",
                        kChapters, ""),
            "<p class=\"bron\">CBS</p>");
}

TEST(PrintLinks, WithAnAddressOtherLinksGoToThePublishedSite) {
  EXPECT_EQ(print_links(R"(<a href="data/grafiek-1.csv" download>CSV</a>)", kChapters,
                        "https://example.nl/monitor/"),
            R"(<a href="https://example.nl/monitor/data/grafiek-1.csv" download>CSV</a>)");
}

TEST(PrintLinks, JumpsAndAbsoluteLinksStay) {
  for (const char* html :
       {R"(<a class="permalink" href="#wmo-grafiek-1">Grafiek 1</a>)",
        R"(<a href="https://www.cbs.nl/">CBS</a>)",
        R"(<a href="mailto:monitor@example.nl">mail</a>)", R"(<a id="x">anker</a>)"})
    EXPECT_EQ(print_links(html, kChapters, ""), html);
}

}  // namespace
}  // namespace sdm
