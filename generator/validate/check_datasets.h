#pragma once
// The datasets of an edition on their own, before any block uses them: periods complete and in
// order, nothing after the peildatum that is not declared so, declared totals that add up, and
// the links editie.yaml declares (clienten:, bevolking:, inwoners:).

#include <string>

#include "model/edition.h"
#include "util/diagnostic.h"

namespace sdm {

void check_datasets(const Edition& edition, Diagnostics& diagnostics);

// Whether `column` of a dataset is declared to run on after the peildatum (na-peildatum: ja).
bool beyond_reference(const Edition& edition, const std::string& dataset,
                      const std::string& column);

}  // namespace sdm
