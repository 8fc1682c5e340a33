#include "render/image_attributes.h"

#include "util/text.h"

namespace sdm {

std::string add_image_attributes(std::string_view html, const json& sizes) {
  // Raw HTML never reaches cmark's output and text has '<' escaped, so every "<img src=\"" is
  // an image cmark made: `<img src="…" alt="…"[ title="…"] />`.
  static constexpr std::string_view kStart = "<img src=\"";
  std::string out;
  size_t done = 0;
  for (size_t at = html.find(kStart); at != std::string_view::npos; at = html.find(kStart, done)) {
    size_t src = at + kStart.size();
    size_t src_end = html.find('"', src);
    size_t close = html.find("/>", src);
    if (src_end == std::string_view::npos || close == std::string_view::npos) break;
    // The address as cmark escaped it, back to the path validation saw.
    std::string path = percent_decoded(replace_all(
        replace_all(std::string(html.substr(src, src_end - src)), "&amp;", "&"), "&#x27;", "'"));
    std::string attributes;
    if (sizes.is_object() && sizes.contains(path)) {
      const auto& size = sizes[path];
      attributes += "width=\"" + std::to_string(size["width"].get<int>()) + "\" height=\"" +
                    std::to_string(size["height"].get<int>()) + "\" ";
    }
    attributes += "loading=\"lazy\" decoding=\"async\" ";
    out.append(html.substr(done, close - done));
    out += attributes;
    done = close;
  }
  out.append(html.substr(done));
  return out;
}

}  // namespace sdm
