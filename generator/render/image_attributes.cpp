#include "render/image_attributes.h"

namespace sdm {

std::string image_attributes(const std::string& path, const json& sizes) {
  std::string out;
  if (auto size = sizes.find(path); size != sizes.end())
    out = "width=\"" + std::to_string((*size)["width"].get<int>()) + "\" height=\"" +
          std::to_string((*size)["height"].get<int>()) + "\" ";
  return out + "loading=\"lazy\" decoding=\"async\"";
}

}  // namespace sdm
