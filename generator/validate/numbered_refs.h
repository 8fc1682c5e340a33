#pragma once
// Checks "grafiek 4" and "tabel 2" in the prose against the automatic numbering: charts are
// numbered across the whole edition in page order, so adding or moving one silently shifts every
// later number and the text then points at the wrong chart.

#include <vector>

#include "model/directive.h"
#include "model/edition.h"
#include "util/diagnostic.h"

namespace sdm {

void check_numbered_refs(const Edition& edition, Diagnostics& diagnostics);

}  // namespace sdm
