#pragma once
// The images of an edition folder (photos, logos, drawings the pages show), with their size; an
// SVG only when it holds nothing but drawing.

#include <optional>
#include <string>

#include "load/file_system.h"
#include "model/edition.h"
#include "util/diagnostic.h"

namespace sdm {

// Whether `rel` names an image by its extension (.png, .jpg, .jpeg, .svg, .webp, .gif).
bool is_image_file(const std::string& rel);

// The image `rel` of the edition folder `dir`; nothing when it cannot be read or is an SVG that
// could run script (both reported).
std::optional<StaticFile> read_image(const FileSystem& fs, const std::string& dir,
                                     const std::string& rel, Diagnostics& diagnostics);

}  // namespace sdm
