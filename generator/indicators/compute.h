#pragma once
// The indicators stage: every chart, table, tile and text figure of an edition, computed.

#include <vector>

#include "model/computed.h"
#include "model/edition.h"
#include "util/diagnostic.h"

namespace sdm {

// One ComputedPage per page; charts and tables are numbered through the edition in page order.
// `previous` is the previous edition, for changes against it (may be null).
ComputedEdition compute_edition(const Edition& edition, const Edition* previous,
                                Diagnostics& diagnostics);

// The stage: every edition of the site, in the order of `editions`.
std::vector<ComputedEdition> compute_site(const std::vector<Edition>& editions,
                                          Diagnostics& diagnostics);

}  // namespace sdm
