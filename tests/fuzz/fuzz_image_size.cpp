// libFuzzer target: any bytes -> image_size() (PNG, JPEG, GIF, WebP and SVG headers). The input is
// copied into a buffer of exactly its size, so ASan catches any read past the end.

#include <cstdint>
#include <string_view>
#include <vector>

#include "fuzz_common.h"
#include "load/image_size.h"

using namespace sdm;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::vector<char> bytes(data, data + size);
  auto result = image_size(std::string_view(bytes.data(), bytes.size()));
  if (result) {
    // The site writes these into width and height attributes.
    SDM_FUZZ_CHECK(result->width >= 1 && result->width <= 100000, "width %d", result->width);
    SDM_FUZZ_CHECK(result->height >= 1 && result->height <= 100000, "height %d", result->height);
  }
  return 0;
}
