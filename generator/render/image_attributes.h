#pragma once
// What an image in the text gets besides its address and description: its intrinsic size (so
// the page does not shift while images load; CSS scales them down on small screens) and lazy,
// asynchronous loading.

#include <string>

#include "pagemodel/json.h"

namespace sdm {

// The attributes of the image at `path` in the edition folder. `sizes` maps a path to
// {"width": …, "height": …}; an image not in it gets only the loading attributes.
std::string image_attributes(const std::string& path, const json& sizes);

}  // namespace sdm
