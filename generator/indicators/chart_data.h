#pragma once
// Builds the numbers of one chart from its directive and dataset.

#include "model/computed.h"
#include "model/edition.h"

namespace sdm {

// `budget` is the begroting table when the chart names one. The references were checked by the
// validate stage.
ChartData chart_data(const ChartSpec& spec, const Table& table, const DatasetInfo& info,
                     const Table* budget);

}  // namespace sdm
