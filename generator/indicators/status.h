#pragma once
// Voorlopig and herzien per figure, as CBS marks them (docs/methode.md). A figure is provisional
// when one of the dataset cells it is computed from falls in the last `voorlopig:` months before
// the edition's peildatum, and revised when one of them differs from the previous edition.

#include "model/computed.h"
#include "model/edition.h"

namespace sdm {

// Marks the figures of a chart or table; `previous` may be null.
void mark_status(ChartData& chart, const Edition& edition, const Edition* previous);
void mark_status(TableData& table, const Edition& edition, const Edition* previous);

// Whether `cell` lies in the provisional months of its dataset in `edition`.
bool is_provisional(const DataCell& cell, const Edition& edition);
// Whether `cell` is about a period, has a value in both editions, and they differ.
bool is_revised(const DataCell& cell, const Edition& edition, const Edition& previous);

}  // namespace sdm
