#pragma once
// Links in the text and in tiles that lead nowhere: a page that is not in the edition, or an
// anchor (a heading, "grafiek-4", "tabel-3") that is not on the page linked to.

#include <vector>

#include "model/directive.h"
#include "model/edition.h"
#include "util/diagnostic.h"

namespace sdm {

void check_links(const Edition& edition, Diagnostics& diagnostics);

}  // namespace sdm
