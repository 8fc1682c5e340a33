#pragma once
// "De laatste acht kwartalen" on the overview, as in a council's raadsmonitor: for each headline
// tile that shows the latest value of a series, that series at the end of each of the last eight
// quarters, in one compact table. The numbers are the points the edition's charts publish
// (after disclosure control, so "<10" stays "<10"); nothing is recomputed from raw data.

#include <vector>

#include "model/edition.h"
#include "model/published.h"
#include "pagemodel/json.h"

namespace sdm {

// The quarters shown: the last eight that ended on or before `reference_date`, oldest first.
std::vector<Period> last_quarters(const Period& reference_date, int count = 8);

// The table for the template kwartalen.mustache, or null when no tile has a quarterly series.
// `edition` is used for the names of a dataset's columns only.
json quarter_overview(const std::vector<PublishedTile>& tiles,
                      const std::vector<PublishedPage>& pages, const Edition& edition);

}  // namespace sdm
