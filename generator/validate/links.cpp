#include "validate/links.h"

#include <algorithm>

#include "markdown/heading_ids.h"
#include "util/text.h"

namespace sdm {
namespace {

// Pages the generator makes itself; their anchors are not checked.
bool generated_page(const Edition& edition, const std::string& slug) {
  return slug == "toegankelijkheid" || slug == "afdrukken" ||
         (slug == "veranderd" && !edition.config.previous.empty());
}

// Every id a page has: its charts' and numbered tables' (numbered across the edition, as
// page_model.cpp does), the main content's, then its headings', which take none of those.
std::vector<std::vector<std::string>> page_ids(const Edition& edition) {
  std::vector<std::vector<std::string>> out;
  int charts = 0, tables = 0;
  for (const Page& page : edition.pages) {
    std::vector<std::string> ids;
    for (const auto& directive : page.spec.directives) {
      if (std::holds_alternative<ChartSpec>(directive))
        ids.push_back("grafiek-" + std::to_string(++charts));
      if (const auto* t = std::get_if<TableSpec>(&directive); t && !t->title.empty())
        ids.push_back("tabel-" + std::to_string(++tables));
    }
    ids.push_back("inhoud");
    if (page.slug == "index") ids.push_back("laatste-acht-kwartalen");
    HeadingIds headings({ids.begin(), ids.end()});
    for (const auto& text : page.spec.headings) ids.push_back(headings.next(text));
    out.push_back(std::move(ids));
  }
  return out;
}

void check_link(const Edition& edition, const std::vector<std::vector<std::string>>& ids,
                size_t from, const std::string& url, const SourceLocation& where,
                Diagnostics& diagnostics) {
  if (url.empty() || url.rfind("https:", 0) == 0 || url.rfind("mailto:", 0) == 0) return;
  const size_t hash = url.find('#');
  std::string path = percent_decoded(url.substr(0, std::min(hash, url.find('?'))));
  const std::string anchor = hash == std::string::npos ? "" : percent_decoded(url.substr(hash + 1));
  // Other editions, chart pages and downloads live in folders of their own.
  if (path.find('/') != std::string::npos) return;
  size_t target = from;
  if (!path.empty()) {
    const bool html = path.ends_with(".html");
    std::string slug = html ? path.substr(0, path.size() - 5) : path.substr(0, path.rfind('.'));
    const bool page = std::any_of(edition.pages.begin(), edition.pages.end(),
                                  [&](const Page& p) { return p.slug == slug; });
    // An image or another file; "wmo" or "wmo.htm" is meant as a page.
    if (!html && !page && path.find('.') != std::string::npos) return;
    if (generated_page(edition, slug)) return;
    std::vector<std::string> pages;
    for (const auto& page : edition.pages) pages.push_back(page.slug + ".html");
    auto found = std::find(pages.begin(), pages.end(), slug + ".html");
    if (found == pages.end() || !html) {
      std::string guess = closest_match(path, pages);
      diagnostics.error(where, "link naar '" + path + "': die pagina bestaat niet in deze editie",
                        found != pages.end() ? "schrijf '" + slug + ".html'"
                        : !guess.empty()     ? "bedoelde u '" + guess + "'?"
                                             : "pagina's in deze editie: " + join(pages, ", "));
      return;
    }
    target = found - pages.begin();
  }
  if (anchor.empty() || !edition.pages[target].spec.headings_known) return;
  const auto& known = ids[target];
  if (std::find(known.begin(), known.end(), anchor) != known.end()) return;
  if (anchor.rfind("fn", 0) == 0) return;  // a footnote or its way back (cmark-gfm's ids)
  const std::string page = edition.pages[target].slug + ".html";
  std::string guess = closest_match(anchor, known);
  // "#clientaantallen" for "## Cliëntaantallen (in zorg, instroom en uitstroom)".
  for (size_t k = 0; k < known.size() && guess.empty(); ++k)
    if (known[k].rfind(anchor + "-", 0) == 0) guess = known[k];
  diagnostics.error(where, "link naar '#" + anchor + "' op " + page + ": dat anker bestaat niet",
                    !guess.empty() ? "bedoelde u '#" + guess + "'?"
                                   : "een anker is een kop ('## Mantelzorg' wordt #mantelzorg), "
                                     "#grafiek-4 of #tabel-3; ankers op " +
                                         page + ": " + join(known, ", "));
}

}  // namespace

void check_links(const Edition& edition, Diagnostics& diagnostics) {
  const auto ids = page_ids(edition);
  for (size_t i = 0; i < edition.pages.size(); ++i) {
    const PageSpec& spec = edition.pages[i].spec;
    for (const auto& link : spec.links)
      check_link(edition, ids, i, link.url, link.where, diagnostics);
    for (const auto& directive : spec.directives)
      if (const auto* tiles = std::get_if<TilesSpec>(&directive))
        for (const auto& tile : tiles->tiles)
          check_link(edition, ids, i, tile.link, tile.link_where, diagnostics);
  }
}

}  // namespace sdm
