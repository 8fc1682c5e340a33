#include "validate/links.h"

#include <gtest/gtest.h>

#include "load/load_edition.h"
#include "load/page_spec.h"
#include "validate/check_edition.h"

namespace sdm {
namespace {

struct Site {
  Edition edition;
};

Site site(const std::vector<std::pair<std::string, std::string>>& pages) {
  Site s;
  s.edition.config.id = "e";
  Diagnostics d;
  for (const auto& [slug, body] : pages) {
    s.edition.pages.push_back(read_page(slug, slug + ".md", "---\ntitel: T\n---\n" + body, d));
    s.edition.pages.back().spec = read_page_spec(s.edition.pages.back(), d);
  }
  EXPECT_FALSE(d.has_errors()) << format_diagnostics(d);
  return s;
}

std::string messages(const Site& s) {
  // Through the whole check, as a build runs it; only what this check says.
  Diagnostics all, d;
  check_edition(s.edition, all);
  for (const auto& m : all.items())
    if (m.message.rfind("link naar", 0) == 0) d.add(m);
  return format_diagnostics(d);
}

const std::string kWmo =
    "## Cliëntaantallen (in zorg)\n\nTekst.\n\n## Mantelzorg\n\n## Mantelzorg\n\n"
    "```tabel\ntitel: T\ndata: a.csv\n```\n";

TEST(Links, APageThatDoesNotExistIsAnError) {
  Site s = site({{"index", "Zie [Wmo](wmo.html) en [Jeugd](jeugd.html).\n"}, {"wmo", kWmo}});
  EXPECT_EQ(messages(s),
            "index.md:4:24: fout: link naar 'jeugd.html': die pagina bestaat niet in deze "
            "editie\n  tip: pagina's in deze editie: index.html, wmo.html\n");
  Site typo = site({{"index", "Zie [Wmo](wm.html).\n"}, {"wmo", kWmo}});
  EXPECT_EQ(messages(typo),
            "index.md:4:5: fout: link naar 'wm.html': die pagina bestaat niet in deze editie\n"
            "  tip: bedoelde u 'wmo.html'?\n");
}

TEST(Links, AnAnchorMustBeAHeadingChartOrTableOfThatPage) {
  // Heading ids as markdown/heading_ids.h makes them: accents dropped, a second one numbered.
  Site ok = site({{"index",
                   "[a](wmo.html#clientaantallen-in-zorg) [b](wmo.html#mantelzorg-2) "
                   "[c](wmo.html#tabel-1) [d](#inhoud) [e](https://example.org/#x) "
                   "[f](afdrukken.html) [g](toegankelijkheid.html)\n"},
                  {"wmo", kWmo}});
  EXPECT_EQ(messages(ok), "");
  Site wrong = site({{"index", "Zie [tabel 3](wmo.html#tabel-3).\n"}, {"wmo", kWmo}});
  EXPECT_EQ(messages(wrong),
            "index.md:4:5: fout: link naar '#tabel-3' op wmo.html: dat anker bestaat niet\n"
            "  tip: bedoelde u '#tabel-1'?\n");
  Site here = site({{"index", "## Lasten\n\nZie [hieronder](#laste).\n"}});
  EXPECT_EQ(messages(here),
            "index.md:6:5: fout: link naar '#laste' op index.html: dat anker bestaat niet\n"
            "  tip: bedoelde u '#lasten'?\n");
}

TEST(Links, ATilesLinkIsCheckedAtItsLine) {
  Site s = site({{"index",
                  "```kerncijfers\n- titel: Cliënten\n  data: a.csv\n  link: wmo.html#mantelzorg\n"
                  "- titel: Lasten\n  data: a.csv\n  link: wmo.htm\n```\n"},
                 {"wmo", kWmo}});
  EXPECT_EQ(messages(s),
            "index.md:10:9: fout: link naar 'wmo.htm': die pagina bestaat niet in deze editie\n"
            "  tip: schrijf 'wmo.html'\n");
}

}  // namespace
}  // namespace sdm
