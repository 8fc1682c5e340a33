#pragma once
// The validate stage: every edition of a site checked, on its own and against the one before it.

#include <vector>

#include "model/edition.h"
#include "util/diagnostic.h"

namespace sdm {

// Reports what is wrong; the later stages run only on a site without errors.
void validate_site(const std::vector<Edition>& editions, Diagnostics& diagnostics);

}  // namespace sdm
