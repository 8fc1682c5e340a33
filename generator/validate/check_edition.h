#pragma once
// Cross-checks an edition: every reference resolves, every series is complete and plausible.

#include <vector>

#include "model/directive.h"
#include "model/edition.h"
#include "util/diagnostic.h"

namespace sdm {

void check_edition(const Edition& edition, Diagnostics& diagnostics);

}  // namespace sdm
