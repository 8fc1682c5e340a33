#include "disclosure/linked_audit.h"

#include <algorithm>

#include "disclosure/data_relations.h"
#include "disclosure/edition_relations.h"
#include "disclosure/linked_search.h"
#include "disclosure/linked_system.h"

namespace sdm {
namespace {

// A tile whose figure is hidden has no change against the previous edition either.
void drop_hidden_changes(std::vector<PublishedPage>& pages) {
  for (auto& page : pages)
    for (auto& block : page.blocks)
      if (auto* tiles = std::get_if<std::vector<PublishedTile>>(&block))
        for (auto& tile : *tiles)
          if (tile.value.suppressed) tile.change.reset();
}

}  // namespace

LinkedAuditResult link_editions(const EditionFacts& current,
                                const std::vector<EditionFacts>& earlier,
                                Diagnostics& diagnostics) {
  using namespace linked;
  std::vector<EditionFacts> all{current};
  all.insert(all.end(), earlier.begin(), earlier.end());
  std::vector<Fact> facts;
  std::vector<std::vector<DataRelation>> relations;
  std::vector<const Edition*> editions;
  int groups = 0;
  for (size_t e = 0; e < all.size(); ++e) {
    collect(all[e], static_cast<int>(e), facts, groups);
    relations.push_back(all[e].relations ? *all[e].relations : data_relations(*all[e].edition));
    editions.push_back(all[e].edition);
  }
  LinkedAuditResult result;
  for (size_t e = 0; e + 1 < all.size(); ++e)
    for (auto& relation : edition_relations(*all[e].edition, *all[e + 1].edition)) {
      if (std::find(result.across_editions.begin(), result.across_editions.end(),
                    relation.reason) == result.across_editions.end())
        result.across_editions.push_back(relation.reason);
      relations[e].push_back(std::move(relation));
    }
  for (;;) {
    Unknowns unknowns(editions);
    auto failure = first_failure(facts, relations, unknowns, result.checked);
    if (!failure) {
      drop_hidden_changes(*current.published);
      return result;
    }
    NextToHide next;
    if (!failure->solver) next = next_to_hide(facts, relations, failure->fact);
    if (next.prose) {
      // The editor asked for this figure in the text: refuse, rather than print a sentence
      // without it, and name what it would be combined with.
      const Fact& text = facts[*next.prose];
      std::string with;
      for (size_t k = 0; k < next.beside.size(); ++k)
        with += (k == 0 ? "" : "; ") + facts[next.beside[k]].name;
      diagnostics.error(*text.where,
                        "deze verwijzing in de tekst maakt " + failure->name + " terug te rekenen" +
                            (with.empty() ? "" : ", samen met " + with),
                        "laat de verwijzing weg, of verwijs naar een cijfer dat geen klein aantal "
                        "prijsgeeft; sdmonitor check --list-hidden toont wat er verborgen is");
      result.passed = false;
      return result;
    }
    auto hide = next.hide;
    if (!hide) {
      const Fact& f = facts[failure->fact];
      diagnostics.error(*f.where,
                        "onthullingscontrole over de hele editie faalt: " + failure->name +
                            (failure->solver ? " (de controle gaf geen betrouwbare uitkomst)"
                                             : " is terug te rekenen uit cijfers elders op de "
                                               "site of in de vorige editie"),
                        "toon deze cijfers op één manier (één grafiek of tabel per dataset), "
                        "laat de verwijzing in de tekst weg of voeg categorieën samen; zie "
                        "docs/onthulling.md");
      result.passed = false;
      return result;
    }
    // Hidden as "x", or a "<10" turned into "x".
    PublishedCell& cell = *facts[*hide].cell;
    result.hidden.push_back(
        facts[*hide].name + (cell.suppressed ? ": x in plaats van <10" : ": niet getoond (x)") +
        ", anders is " + failure->name + " terug te rekenen of te nauw te begrenzen");
    cell.value.reset();
    cell.suppressed = true;
    cell.secondary = true;
    ++result.added;
  }
}

}  // namespace sdm
