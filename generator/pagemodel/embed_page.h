#pragma once
// The embeddable page of one chart (grafiek/<anchor>.html), for the municipality's own website
// through an iframe: only the figure, with its table, source and CSV link, and a link back to
// the figure on its chapter page.

#include <string>

#include "pagemodel/json.h"
#include "pagemodel/page_model.h"

namespace sdm {

// The folder, relative to an edition's pages, of the embeddable chart pages.
extern const char kEmbedDir[];

// What the chapter page shows under a chart for copying: the embed page's address and the
// iframe code. `block` is a chart block of the page model (page_model.cpp).
json embed_link(const json& block);

// The page for the chart `block`, block number `index` of the page model `page` with file name
// `slug`.html. It names its chart instead of holding a copy: the render stage renders that block
// again with `embed_overrides` on top (no "insluiten", the download one folder up).
PageModel embed_page_model(const json& page, const json& block, size_t index,
                           const std::string& slug, const SiteInfo& site);

}  // namespace sdm
