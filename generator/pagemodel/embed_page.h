#pragma once
// The embeddable page of one chart (grafiek/<anchor>.html), for the municipality's own website
// through an iframe: only the figure, with its table, source and CSV link, and a link back to
// the figure on its chapter page.

#include <nlohmann/json.hpp>
#include <string>

#include "pagemodel/page_model.h"

namespace sdm {

// The folder, relative to an edition's pages, of the embeddable chart pages.
extern const char kEmbedDir[];

// What the chapter page shows under a chart for copying: the embed page's address and the
// iframe code. `block` is a chart block of the page model (page_model.cpp).
nlohmann::json embed_link(const nlohmann::json& block);

// The page for `block` on the page `page` (its page model) with file name `slug`.html.
PageModel embed_page_model(const nlohmann::json& page, const nlohmann::json& block,
                           const std::string& slug, const SiteInfo& site);

}  // namespace sdm
