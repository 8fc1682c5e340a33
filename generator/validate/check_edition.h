#pragma once
// Cross-checks an edition: every reference resolves, every series is complete and plausible.

#include <vector>

#include "model/directive.h"
#include "model/edition.h"
#include "util/diagnostic.h"

namespace sdm {

// `specs` holds one PageSpec per page of `edition`, in the same order.
void check_edition(const Edition& edition, const std::vector<PageSpec>& specs,
                   Diagnostics& diagnostics);

}  // namespace sdm
