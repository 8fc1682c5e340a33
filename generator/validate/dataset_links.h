#pragma once
// What ties a figure to another dataset, checked where it would silently not apply: the client
// counts an amount belongs to (editie.yaml `clienten:`) and the population a rate per 1.000 is
// divided by (`per1000: ja`).

#include <vector>

#include "model/directive.h"
#include "model/edition.h"
#include "util/diagnostic.h"

namespace sdm {

void check_dataset_links(const Edition& edition, Diagnostics& diagnostics);

}  // namespace sdm
