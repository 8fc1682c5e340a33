#include "disclosure/disclose.h"

#include "disclosure/disclosure.h"
#include "disclosure/linked_audit.h"

namespace sdm {

std::vector<PublishedPage> disclose(const Edition& edition,
                                    const std::vector<ComputedPage>& computed,
                                    const EarlierEdition* previous, Diagnostics& diagnostics) {
  std::vector<PublishedPage> published = Disclosure::edition(computed, diagnostics);
  EditionFacts now{&edition, &computed, &published};
  // The audit only reads the previous edition: it is online already.
  std::vector<PublishedPage> before =
      previous ? *previous->published : std::vector<PublishedPage>{};
  EditionFacts earlier{previous ? previous->edition : nullptr,
                       previous ? previous->computed : nullptr, &before};
  LinkedAuditResult linked = link_editions(now, previous ? &earlier : nullptr, diagnostics);
  // Amounts belong to counts: a count hidden by the audit hides its amounts too.
  if (linked.added > 0) Disclosure::tie_amounts(computed, published, diagnostics);
  return published;
}

}  // namespace sdm
