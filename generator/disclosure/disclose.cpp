#include "disclosure/disclose.h"

#include <set>

#include "disclosure/data_relations.h"
#include "disclosure/disclosure.h"
#include "disclosure/linked_audit.h"
#include "util/text.h"

namespace sdm {
namespace {

// "Grafiek 23 'Participatieladder': 1 keer <10, 1 keer x" for every block that hides a cell.
template <typename Lines>
void count_hidden(const std::string& block, const Lines& lines, std::vector<std::string>& out) {
  int small = 0, secondary = 0;
  for (const auto& line : lines)
    for (const PublishedCell& cell : line)
      if (cell.suppressed) ++(cell.secondary ? secondary : small);
  if (small + secondary == 0) return;
  out.push_back(block + ": " + std::to_string(small) + " keer <10, " + std::to_string(secondary) +
                " keer x");
}

std::vector<std::string> report(const Edition& edition, const std::vector<DataRelation>& relations,
                                const std::vector<PublishedPage>& pages,
                                const LinkedAuditResult& linked) {
  std::vector<std::string> out{"Editie " + edition.config.id + ":",
                               "  relaties in de cijfers (ook zonder opgave beschermd):"};
  std::set<std::string> seen;
  for (const auto& r : relations) {
    if (!seen.insert(r.reason).second) continue;
    out.push_back("    - " + r.reason);
    if (!r.declaration.empty())
      out.push_back("      tip: leg dit vast met '" + r.declaration +
                    "' bij de dataset in "
                    "editie.yaml; dan controleert de build dat het blijft kloppen");
  }
  if (!linked.across_editions.empty()) {
    out.push_back("  relaties met eerdere edities (beschermd):");
    for (const auto& line : linked.across_editions) out.push_back("    - " + line);
  }
  out.push_back("  verborgen over de hele editie:");
  for (const auto& line : linked.hidden) out.push_back("    - " + line);
  out.push_back("  verborgen per grafiek of tabel:");
  std::vector<std::string> blocks;
  for (const auto& page : pages)
    for (const auto& block : page.blocks) {
      if (const auto* c = std::get_if<PublishedChart>(&block)) {
        std::vector<std::vector<PublishedCell>> lines;
        for (const auto& s : c->series) lines.push_back(s.points);
        count_hidden("Grafiek " + std::to_string(c->number) + " '" + c->spec.title + "'", lines,
                     blocks);
      } else if (const auto* t = std::get_if<PublishedTable>(&block)) {
        std::vector<std::vector<PublishedCell>> lines;
        for (const auto& r : t->rows) lines.push_back(r.cells);
        count_hidden(t->number ? "Tabel " + std::to_string(t->number) + " '" + t->spec.title + "'"
                               : "de tabel met " + t->spec.dataset,
                     lines, blocks);
      }
    }
  for (const auto& line : blocks) out.push_back("    - " + line);
  return out;
}

// A small list in the form of docs/data.md (omschrijving;vorige monitor;deze monitor) repeats the
// previous edition's figure of a row under "vorige monitor": the same figure as that edition's
// "deze monitor", or its only column. The cell it would be in this edition; `cell` when none.
DataCell as_previous_monitor(const DataCell& cell, const Edition& before, const Edition& now) {
  auto table = now.tables.find(cell.dataset);
  auto old = before.tables.find(cell.dataset);
  if (table == now.tables.end() || old == before.tables.end()) return cell;
  bool current = to_lower_ascii(cell.column) == "deze monitor" || old->second.columns.size() == 1;
  for (const auto& column : table->second.columns)
    if (current && to_lower_ascii(column) == "vorige monitor")
      return {cell.dataset, cell.row, column};
  return cell;
}

// "+2 t.o.v. vorige monitor" gives the previous edition's figure: value − 2. Where that figure
// holds a hidden cell, the change goes: hidden by that edition, whatever the figure is now, or by
// this one (December as x here, while the previous edition showed only its quarter).
void drop_revealing_changes(const std::vector<ComputedPage>& computed,
                            const std::set<DataCell>& hidden, std::vector<PublishedPage>& pages) {
  for (size_t p = 0; p < computed.size(); ++p)
    for (size_t b = 0; b < computed[p].blocks.size(); ++b) {
      const auto* tiles = std::get_if<std::vector<TileData>>(&computed[p].blocks[b]);
      if (!tiles) continue;
      auto& shown = std::get<std::vector<PublishedTile>>(pages[p].blocks[b]);
      for (size_t t = 0; t < tiles->size(); ++t) {
        if (!(*tiles)[t].previous) continue;
        for (const auto& term : (*tiles)[t].previous->terms)
          if (hidden.count(term.cell)) shown[t].change.reset();
      }
    }
}

}  // namespace

Disclosed disclose(const Edition& edition, const std::vector<ComputedPage>& computed,
                   const std::vector<EarlierEdition>& earlier, Diagnostics& diagnostics) {
  Disclosed out;
  // Once suppressed, a cell stays suppressed while its figure is the same.
  std::vector<std::set<DataCell>> hidden_earlier;
  for (const auto& e : earlier) hidden_earlier.push_back(hidden_cells(*e.computed, *e.published));
  std::set<DataCell> hidden_before;
  for (size_t k = 0; k < earlier.size(); ++k)
    for (const DataCell& cell : hidden_earlier[k]) {
      const auto& e = earlier[k];
      auto before = value_of(e.edition->tables, cell);
      for (const DataCell& twin : {cell, as_previous_monitor(cell, *e.edition, edition)}) {
        auto now = value_of(edition.tables, twin);
        if (now && before && *now == *before) hidden_before.insert(twin);
      }
    }
  out.pages = Disclosure::edition(computed, diagnostics, hidden_before);
  out.relations = data_relations(edition);
  EditionFacts now{&edition, &computed, &out.pages, &out.relations};
  // The audit only reads the earlier editions: they are online already.
  std::vector<std::vector<PublishedPage>> copies;
  for (const auto& e : earlier) copies.push_back(*e.published);
  std::vector<EditionFacts> before;
  for (size_t k = 0; k < earlier.size(); ++k)
    before.push_back({earlier[k].edition, earlier[k].computed, &copies[k], earlier[k].relations});
  LinkedAuditResult linked = link_editions(now, before, diagnostics);
  if (!earlier.empty()) {
    std::set<DataCell> hidden = hidden_earlier.front();
    hidden.merge(hidden_cells(computed, out.pages));
    drop_revealing_changes(computed, hidden, out.pages);
  }
  // Amounts belong to counts: a count hidden by the audit hides its amounts too.
  if (linked.added > 0) Disclosure::tie_amounts(computed, out.pages, diagnostics);
  out.report = report(edition, out.relations, out.pages, linked);
  return out;
}

DisclosedSite disclose_site(const std::vector<Edition>& editions,
                            const std::vector<ComputedEdition>& computed,
                            Diagnostics& diagnostics) {
  DisclosedSite out;
  out.editions.resize(editions.size());
  std::vector<std::vector<DataRelation>> relations(editions.size());
  for (size_t i = 0; i < editions.size(); ++i) {
    std::vector<EarlierEdition> earlier;
    std::set<const Edition*> seen{&editions[i]};
    for (const Edition* e = previous_edition(editions, editions[i]); e && seen.insert(e).second;
         e = previous_edition(editions, *e)) {
      const size_t k = static_cast<size_t>(e - editions.data());
      earlier.push_back({e, &computed[k], &out.editions[k], &relations[k]});
    }
    Disclosed disclosed = disclose(editions[i], computed[i], earlier, diagnostics);
    out.editions[i] = std::move(disclosed.pages);
    relations[i] = std::move(disclosed.relations);
    out.report.insert(out.report.end(), disclosed.report.begin(), disclosed.report.end());
  }
  return out;
}

}  // namespace sdm
