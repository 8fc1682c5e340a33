#pragma once
// What ties a figure to another dataset, checked where it would silently not apply: the client
// counts an amount belongs to (editie.yaml `clienten:`) and the population a rate per 1.000 is
// divided by (`per1000: ja`).

#include <vector>

#include "model/directive.h"
#include "model/edition.h"
#include "util/diagnostic.h"

namespace sdm {

// `specs` holds one PageSpec per page of `edition`, in the same order.
void check_dataset_links(const Edition& edition, const std::vector<PageSpec>& specs,
                         Diagnostics& diagnostics);

}  // namespace sdm
