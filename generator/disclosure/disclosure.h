#pragma once
// The disclosure stage (AVG): no count of persons under 10 is published, and no suppressed count
// can be recomputed from the cells published beside it.
//
// Primary suppression: every cell whose person count is below kThreshold (including 0, since a
// published zero would narrow "<10") is suppressed.
// Secondary suppression, per linked group (cells whose sum is published, e.g. a column and its
// total, or the shares of one period that add up to 100%): while a group has exactly one
// suppressed cell, or its suppressed cells together count fewer than kThreshold persons, the
// smallest published cell of the group is suppressed as well. Figures derived from a suppressed
// count (a change, a share, a tile) are suppressed with it.

#include <vector>

#include "model/computed.h"
#include "model/published.h"

namespace sdm {

constexpr double kThreshold = 10;

class Disclosure {
 public:
  static PublishedChart chart(const ChartData& data);
  static PublishedTable table(const TableData& data);
  static PublishedTile tile(const TileData& data);
  static PublishedFigure figure(const FigureData& data);
  static std::vector<PublishedPage> edition(const std::vector<ComputedPage>& pages);
};

// Which cells of a grid to suppress: primary cells plus secondary cells of linked groups.
// `persons[i][j]` is the person count behind cell (i, j), if any. Exposed for tests.
std::vector<std::vector<bool>> suppression_pattern(
    const std::vector<std::vector<std::optional<double>>>& persons,
    const std::vector<LinkedGroup>& linked);

}  // namespace sdm
