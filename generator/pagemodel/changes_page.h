#pragma once
// The page "Wat is er veranderd": the headline figures against the previous monitor, and the
// earlier figures that changed since it was published (late invoices, corrected registrations).
// Built only from what both editions publish, so it can reveal nothing new.

#include <string>
#include <vector>

#include "model/edition.h"
#include "model/published.h"
#include "pagemodel/page_model.h"

namespace sdm {

PageModel changes_page_model(const Edition& edition, const std::vector<PublishedPage>& now,
                             const std::vector<PublishedPage>& before, const SiteInfo& site,
                             const std::string& previous_label);

}  // namespace sdm
