#pragma once
// Warnings for text copied from the previous edition and not updated: a number that is a figure
// of the previous edition but not of this one, and phrases that state the period the edition
// covers ("op basis van het eerste kwartaal", "tot en met maart") for an older period.

#include "model/edition.h"
#include "util/diagnostic.h"

namespace sdm {

void check_stale_text(const Edition& edition, const Edition* previous, Diagnostics& diagnostics);

}  // namespace sdm
