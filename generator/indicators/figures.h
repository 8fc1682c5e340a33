#pragma once
// Figures referenced in the text and the headline tiles of the overview page.

#include "model/computed.h"
#include "model/edition.h"
#include "util/diagnostic.h"

namespace sdm {

// Computes one `{{ … }}` reference; reports a figure that the data cannot give.
std::optional<FigureData> figure_data(const FigureRef& ref, const Edition& edition,
                                      Diagnostics& diagnostics);

// A tile's value in `edition`, and the same figure in `previous` when it has the dataset.
TileData tile_data(const TileSpec& spec, const Edition& edition, const Edition* previous);

}  // namespace sdm
