#pragma once
// The intrinsic size of an image, read from its first bytes: PNG, JPEG (baseline and
// progressive), GIF, WebP (VP8, VP8L, VP8X) and SVG (width/height or viewBox). Pure; reads
// nothing beyond `bytes` whatever they hold.

#include <optional>
#include <string_view>

#include "model/edition.h"

namespace sdm {

// The size in CSS pixels, or nothing when the format is not recognised, the header is cut off or
// a dimension is zero or absurdly large.
std::optional<ImageSize> image_size(std::string_view bytes);

}  // namespace sdm
