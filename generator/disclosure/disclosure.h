#pragma once
// The disclosure stage (AVG): no count of persons under 10 is published, and no suppressed count
// can be recomputed, or narrowed below the protection width, from what is published beside it.
//
// Primary suppression: every cell whose person count is below kThreshold (a zero too).
// Secondary suppression: per chart or table, a heuristic proposes complementary cells and the
// audit (audit.h) checks every suppressed cell against every relation of the block (totals,
// shares of a period, year-to-date lines, a Totaal line beside its parts); cells are added until
// the audit passes. A block that cannot pass is a build error (fail closed).
// Figures derived from a suppressed count (a change, a share, a tile) are suppressed with it.
// The stage is pure: it reads and writes nothing. docs/onthulling.md explains it all.

#include <set>
#include <vector>

#include "disclosure/audit_grid.h"
#include "disclosure/policy.h"
#include "model/computed.h"
#include "model/published.h"
#include "util/diagnostic.h"

namespace sdm {

class Disclosure {
 public:
  // A chart or table that fails the audit is reported in `diagnostics` and comes back with every
  // person count suppressed. An amount tied to a client count (RawValue::clients) is hidden when
  // that count is under 10 or in `hidden_counts` (suppressed elsewhere in the edition).
  static PublishedChart chart(const ChartData& data, Diagnostics& diagnostics,
                              const std::set<DataCell>& hidden_counts = {});
  static PublishedTable table(const TableData& data, Diagnostics& diagnostics,
                              const std::set<DataCell>& hidden_counts = {});
  static PublishedTile tile(const TileData& data);
  static PublishedFigure figure(const FigureData& data);
  // `hidden_before`: count cells hidden in the previous edition with the same figure now. Once
  // suppressed, a cell stays suppressed (as SSB's GaussSuppression carries suppression across
  // periods): shown now, it would undo the pattern that protected the previous edition.
  static std::vector<PublishedPage> edition(const std::vector<ComputedPage>& pages,
                                            Diagnostics& diagnostics,
                                            const std::set<DataCell>& hidden_before = {});
  // Protects again every block of amounts tied to client counts, now hiding each amount whose
  // count `published` hides anywhere (after more counts were hidden, e.g. by the linked audit).
  static void tie_amounts(const std::vector<ComputedPage>& pages,
                          std::vector<PublishedPage>& published, Diagnostics& diagnostics);
};

// A heading as messages name a cell: "maart 2024", "Bedum · dec 2017", a jaarlijnen month.
std::string key_text(const Key& key);

// The dataset cells that `published` shows as "<10" or "x" as they are (not within a sum).
std::set<DataCell> hidden_cells(const std::vector<ComputedPage>& pages,
                                const std::vector<PublishedPage>& published);

// The audit grid of a chart or table, before suppression: rows are series or table rows (plus
// Internal rows for year-to-date increments), with every relation a reader can use. For tests.
AuditGrid chart_grid(const ChartData& data);
AuditGrid table_grid(const TableData& data);

}  // namespace sdm
