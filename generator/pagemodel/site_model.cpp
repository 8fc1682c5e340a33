#include "pagemodel/site_model.h"

#include "pagemodel/changes_page.h"

namespace sdm {
namespace {

// The newest edition goes to the site root, the others to a folder named after them.
SiteInfo site_info(const std::vector<Edition>& editions, size_t index) {
  SiteInfo site;
  for (size_t i = editions.size(); i-- > 0;)
    site.editions.push_back(
        {editions[i].config.label, i + 1 == editions.size() ? "" : editions[i].config.id + "/"});
  site.current = editions.size() - 1 - index;
  site.dir = site.editions[site.current].dir;
  return site;
}

}  // namespace

std::vector<EditionModels> site_models(const std::vector<Edition>& editions,
                                       const std::vector<PublishedEdition>& published) {
  std::vector<EditionModels> out;
  for (size_t i = 0; i < editions.size(); ++i) {
    const Edition& edition = editions[i];
    const SiteInfo site = site_info(editions, i);
    std::vector<PageModel> pages = page_models(edition, published[i], site);
    // The comparison with the previous edition uses only what both editions publish.
    if (const Edition* previous = previous_edition(editions, edition))
      pages.push_back(changes_page_model(edition, published[i],
                                         published[static_cast<size_t>(previous - editions.data())],
                                         site, previous->config.label));
    pages.push_back(accessibility_page_model(edition, site));
    out.push_back({site.dir, std::move(pages)});
  }
  return out;
}

}  // namespace sdm
