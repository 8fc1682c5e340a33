#pragma once
// Links in the printable document (afdrukken.html, the council's PDF). A PDF outlives the folder it
// was printed from, so no link may point at a file next to it: a chapter becomes a jump within the
// document, anything else the published site's address, or plain text when that is unknown.

#include <set>
#include <string>
#include <string_view>

namespace sdm {

// `html`: the chapters of the document, already with their ids prefixed by chapter_html.
// `chapters`: the slugs printed as chapters ("wmo" for wmo.html). `address`: where the edition's
// folder is published ("https://example.nl/monitor/"), or empty. Links with a scheme (https:,
// mailto:) and jumps within the document stay as they are. A CSV download without an address is
// left out with its " · " separator: "Cijfers downloaden" means nothing on paper.
std::string print_links(std::string_view html, const std::set<std::string>& chapters,
                        const std::string& address);

}  // namespace sdm
