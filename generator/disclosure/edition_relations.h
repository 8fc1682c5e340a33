#pragma once
// Relations between the person counts of an edition and the edition before it. A monitor that
// merges two categories ("Begeleiding" and "Dagbesteding" become "Begeleiding en dagbesteding")
// or splits one shows the old parts in the previous edition beside the new sum: a reader who
// sees both can verify, in every period both show, that the new member is the sum of the old
// ones, and recompute a small count of either edition from it.

#include <vector>

#include "disclosure/data_relations.h"
#include "model/edition.h"

namespace sdm {

// Every member of a dataset of `current` that `earlier` lacks and that equals the sum of members
// `earlier` has and `current` lacks (or the other way round), in every period both editions
// have, with at least two such periods: one equation per period. Terms of `earlier`'s cells
// carry `edition = 1`.
std::vector<DataRelation> edition_relations(const Edition& current, const Edition& earlier);

}  // namespace sdm
