#include "validate/validate_site.h"

#include "validate/check_edition.h"
#include "validate/stale_text.h"

namespace sdm {

void validate_site(const std::vector<Edition>& editions, Diagnostics& diagnostics) {
  for (const auto& edition : editions) {
    check_edition(edition, diagnostics);
    const Edition* previous = previous_edition(editions, edition);
    check_stale_text(edition, previous, diagnostics);
    if (!edition.config.previous.empty() && !previous)
      diagnostics.error({edition.config.where.file, 0, 0},
                        "vorige editie '" + edition.config.previous + "' bestaat niet",
                        "geef bij 'vorige:' de mapnaam van de vorige editie");
  }
}

}  // namespace sdm
