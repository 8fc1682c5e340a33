#pragma once
// The page model stage for a whole site: the newest edition at the site root, every other one in
// a folder named after it, each with its chapter pages, embeddable charts, "Wat is er veranderd"
// (against the previous edition) and accessibility statement.

#include <string>
#include <vector>

#include "model/edition.h"
#include "model/published.h"
#include "pagemodel/page_model.h"

namespace sdm {

struct EditionModels {
  std::string dir;  // the edition's folder in the site: "" or "2023-h2/"
  std::vector<PageModel> pages;
};

// `published` is in the order of `editions`, oldest first; so is the result.
std::vector<EditionModels> site_models(const std::vector<Edition>& editions,
                                       const std::vector<PublishedEdition>& published);

}  // namespace sdm
