#pragma once
// The disclosure stage as one call: everything an edition publishes (tables, charts and their
// downloads, tiles, figures in the text), protected as one linked system together with what the
// editions before it published. The hidden cells only grow, to a fixed point:
//   1. per block: every count under 10, and complementary cells until the block's own audit
//      passes (disclosure.h);
//   2. across the edition and every one before it: every relation between dataset cells, declared
//      or found in the data (data_relations.h), and every figure computed from the same cells;
//      more cells hidden until no hidden count can be recomputed or narrowed (linked_audit.h);
//   3. amounts that belong to a hidden count are hidden with it, keeping all hidden before.
// Pure: reads and writes nothing. docs/onthulling.md explains the method.

#include <string>
#include <vector>

#include "disclosure/data_relations.h"
#include "model/computed.h"
#include "model/edition.h"
#include "model/published.h"
#include "util/diagnostic.h"

namespace sdm {

// An edition that is published already, as the reader sees it beside the new one.
struct EarlierEdition {
  const Edition* edition = nullptr;
  const std::vector<ComputedPage>* computed = nullptr;
  const std::vector<PublishedPage>* published = nullptr;
  const std::vector<DataRelation>* relations = nullptr;
};

struct Disclosed {
  std::vector<PublishedPage> pages;
  std::vector<DataRelation> relations;  // found in this edition's data, for the next edition
  // For `check --list-hidden`, in Dutch: the relations found in the data, what the audit across
  // the edition hid and why, and what each block hides.
  std::vector<std::string> report;
};

// `earlier`: every edition before this one, the nearest first.
Disclosed disclose(const Edition& edition, const std::vector<ComputedPage>& computed,
                   const std::vector<EarlierEdition>& earlier, Diagnostics& diagnostics);

struct DisclosedSite {
  std::vector<PublishedEdition> editions;  // in the order of the site's editions
  std::vector<std::string> report;         // of every edition, for `check --list-hidden`
};

// The stage: every edition of the site, each with all editions before it along `vorige:` (a
// reader has them all beside it). `computed` is in the order of `editions`, oldest first.
DisclosedSite disclose_site(const std::vector<Edition>& editions,
                            const std::vector<ComputedEdition>& computed, Diagnostics& diagnostics);

}  // namespace sdm
