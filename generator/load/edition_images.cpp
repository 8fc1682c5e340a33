#include "load/edition_images.h"

#include "load/image_size.h"
#include "load/svg_check.h"
#include "util/text.h"

namespace sdm {

bool is_image_file(const std::string& rel) {
  std::string lower = to_lower_ascii(rel);
  for (const char* ext : {".png", ".jpg", ".jpeg", ".svg", ".webp", ".gif"})
    if (lower.ends_with(ext)) return true;
  return false;
}

std::optional<StaticFile> read_image(const FileSystem& fs, const std::string& dir,
                                     const std::string& rel, Diagnostics& diagnostics) {
  const std::string path = join_path(dir, rel);
  auto bytes = read_or_report(fs, path, diagnostics);
  if (!bytes) return std::nullopt;
  auto size = image_size(*bytes);
  // An SVG can carry script: published only when it holds nothing but drawing. A raster
  // image named .svg is left to the check that the name matches the format.
  const bool svg = size ? size->scalable : to_lower_ascii(rel).ends_with(".svg");
  if (svg && !check_svg(path, *bytes, diagnostics)) return std::nullopt;
  return StaticFile{rel, std::move(*bytes), size};
}

}  // namespace sdm
