#pragma once
// Completes the <img> tags cmark renders: the intrinsic size (so the page does not shift while
// images load; CSS scales them down on small screens) and lazy, asynchronous loading.

#include <string>
#include <string_view>

#include "pagemodel/json.h"

namespace sdm {

// `sizes` maps an image's path in the edition folder to {"width": …, "height": …}. An image not
// in it gets only the loading attributes.
std::string add_image_attributes(std::string_view html, const json& sizes);

}  // namespace sdm
