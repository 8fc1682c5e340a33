#pragma once
// The audit across blocks and editions. A reader sees everything the site publishes at once: every
// table, chart, CSV download, tile and figure in the text of this edition, and the previous
// edition beside it. Figures computed from the same dataset cells (a month in one chart, its
// quarter in another, a year-to-date figure in the text, the same cell in the previous edition)
// are one system of equations and inequalities over those cells. For every suppressed figure this
// audit computes the tightest interval that system allows, with the same policy as the audit of
// one block (audit.h), and suppresses more figures of the current edition until every interval
// passes; when nothing is left to suppress it reports an error (fail closed).

#include <string>
#include <vector>

#include "disclosure/data_relations.h"
#include "model/computed.h"
#include "model/edition.h"
#include "model/published.h"
#include "util/diagnostic.h"

namespace sdm {

// One edition as the linked audit sees it: its data, what it computed and what it published.
struct EditionFacts {
  const Edition* edition = nullptr;
  const std::vector<ComputedPage>* computed = nullptr;
  std::vector<PublishedPage>* published = nullptr;
  // The relations between its dataset cells (data_relations.h); found here when not given.
  const std::vector<DataRelation>* relations = nullptr;
};

struct LinkedAuditResult {
  int checked = 0;  // suppressed figures audited
  int added = 0;    // figures suppressed by this audit
  bool passed = true;
  // What it hid and why, in Dutch, one line each: "Tabel 2 '…': Trede 5, 2024-03 niet getoond
  // (x), anders is … terug te rekenen".
  std::vector<std::string> hidden;
  // The relations found between an edition and the one before it, in Dutch, once each.
  std::vector<std::string> across_editions;
};

// Audits `current` together with every edition before it (`earlier`, the nearest first; their
// published pages are left as they are: they are online already) and hides more figures of
// `current` until no suppressed figure of any of them can be recomputed or narrowed. Errors go
// to `diagnostics`.
LinkedAuditResult link_editions(const EditionFacts& current,
                                const std::vector<EditionFacts>& earlier, Diagnostics& diagnostics);

// The same with at most one edition before it.
inline LinkedAuditResult link_editions(const EditionFacts& current, const EditionFacts* previous,
                                       Diagnostics& diagnostics) {
  return link_editions(current, previous ? std::vector{*previous} : std::vector<EditionFacts>{},
                       diagnostics);
}

}  // namespace sdm
