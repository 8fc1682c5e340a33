#include "load/image_size.h"

#include <cmath>
#include <cstdint>
#include <string>

#include "util/text.h"

namespace sdm {
namespace {

// Larger than any image a browser would decode; also keeps width * height far from overflow.
constexpr double kMaxSide = 100000;

uint32_t byte_at(std::string_view b, size_t i) {
  return static_cast<unsigned char>(b[i]);
}
uint32_t be16(std::string_view b, size_t i) {
  return byte_at(b, i) << 8 | byte_at(b, i + 1);
}
uint32_t be32(std::string_view b, size_t i) {
  return be16(b, i) << 16 | be16(b, i + 2);
}
uint32_t le16(std::string_view b, size_t i) {
  return byte_at(b, i) | byte_at(b, i + 1) << 8;
}
uint32_t le24(std::string_view b, size_t i) {
  return le16(b, i) | byte_at(b, i + 2) << 16;
}

std::optional<ImageSize> sized(double width, double height, bool scalable = false) {
  if (!(width >= 1 && height >= 1 && width <= kMaxSide && height <= kMaxSide)) return std::nullopt;
  return ImageSize{static_cast<int>(std::lround(width)), static_cast<int>(std::lround(height)),
                   scalable};
}

std::optional<ImageSize> png_size(std::string_view b) {
  // Signature, then the IHDR chunk: length, type, width, height.
  if (b.size() < 24 || b.substr(12, 4) != "IHDR") return std::nullopt;
  return sized(be32(b, 16), be32(b, 20));
}

std::optional<ImageSize> gif_size(std::string_view b) {
  if (b.size() < 10) return std::nullopt;
  return sized(le16(b, 6), le16(b, 8));
}

// Start-of-frame markers (baseline, extended, progressive, lossless, arithmetic); not DHT (C4),
// JPG (C8) or DAC (CC), which share the range.
bool is_start_of_frame(uint32_t marker) {
  return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
}

std::optional<ImageSize> jpeg_size(std::string_view b) {
  size_t i = 2;
  while (i + 1 < b.size()) {
    if (byte_at(b, i) != 0xFF) return std::nullopt;
    uint32_t marker = byte_at(b, i + 1);
    if (marker == 0xFF) {  // fill byte
      ++i;
      continue;
    }
    i += 2;
    if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) continue;  // no length
    if (marker == 0xD9 || marker == 0xDA) return std::nullopt;  // end or scan before any frame
    if (i + 2 > b.size()) return std::nullopt;
    uint32_t length = be16(b, i);
    if (length < 2) return std::nullopt;
    if (is_start_of_frame(marker)) {
      // Length, sample precision, height, width.
      if (length < 7 || i + 7 > b.size()) return std::nullopt;
      return sized(be16(b, i + 5), be16(b, i + 3));
    }
    i += length;
  }
  return std::nullopt;
}

std::optional<ImageSize> webp_size(std::string_view b) {
  if (b.size() < 30) return std::nullopt;
  std::string_view chunk = b.substr(12, 4);
  if (chunk == "VP8 ") {
    // Frame tag (3 bytes), start code, then 14-bit width and height.
    if (b.substr(23, 3) != "\x9D\x01\x2A") return std::nullopt;
    return sized(le16(b, 26) & 0x3FFF, le16(b, 28) & 0x3FFF);
  }
  if (chunk == "VP8L") {
    if (byte_at(b, 20) != 0x2F) return std::nullopt;
    uint32_t bits = le16(b, 21) | le16(b, 23) << 16;
    return sized((bits & 0x3FFF) + 1, (bits >> 14 & 0x3FFF) + 1);
  }
  if (chunk == "VP8X") return sized(le24(b, 24) + 1, le24(b, 27) + 1);
  return std::nullopt;
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// The value of attribute `name` in the start tag `tag`, or nothing.
std::optional<std::string_view> attribute(std::string_view tag, std::string_view name) {
  for (size_t at = tag.find(name); at != std::string_view::npos; at = tag.find(name, at + 1)) {
    if (at == 0 || !is_space(tag[at - 1])) continue;
    size_t i = at + name.size();
    while (i < tag.size() && is_space(tag[i])) ++i;
    if (i >= tag.size() || tag[i] != '=') continue;
    ++i;
    while (i < tag.size() && is_space(tag[i])) ++i;
    if (i >= tag.size() || (tag[i] != '"' && tag[i] != '\'')) continue;
    size_t end = tag.find(tag[i], i + 1);
    if (end == std::string_view::npos) return std::nullopt;
    return tag.substr(i + 1, end - i - 1);
  }
  return std::nullopt;
}

// "120", "120.5" or "120px"; other units (%, em, cm) say nothing about pixels.
std::optional<double> svg_length(std::string_view text) {
  text = trim(text);
  if (text.ends_with("px")) text.remove_suffix(2);
  if (text.empty() || text.size() > 20) return std::nullopt;
  std::string s(text);
  size_t used = 0;
  try {
    double value = std::stod(s, &used);
    if (used == s.size() && std::isfinite(value)) return value;
  } catch (const std::exception&) {
  }
  return std::nullopt;
}

std::optional<ImageSize> svg_size(std::string_view b) {
  size_t start = b.find("<svg");
  if (start == std::string_view::npos) return std::nullopt;
  size_t end = b.find('>', start);
  if (end == std::string_view::npos) return std::nullopt;
  std::string_view tag = b.substr(start, end - start);
  auto length_of = [&](std::string_view name) -> std::optional<double> {
    auto value = attribute(tag, name);
    return value ? svg_length(*value) : std::nullopt;
  };
  auto width = length_of("width");
  auto height = length_of("height");
  if (width && height) return sized(*width, *height, true);
  std::optional<double> box_width, box_height;
  if (auto box = attribute(tag, "viewBox")) {
    std::string list(*box);
    for (char& c : list)
      if (c == ',') c = ' ';
    auto parts = split(trim(list), ' ');
    std::vector<double> numbers;
    for (const auto& p : parts)
      if (!p.empty())
        if (auto n = svg_length(p)) numbers.push_back(*n);
    if (numbers.size() == 4 && numbers[2] > 0 && numbers[3] > 0) {
      box_width = numbers[2];
      box_height = numbers[3];
    }
  }
  if (!box_width) return std::nullopt;
  // One side given: the other follows from the aspect ratio of the viewBox.
  if (width) return sized(*width, *width * *box_height / *box_width, true);
  if (height) return sized(*height * *box_width / *box_height, *height, true);
  return sized(*box_width, *box_height, true);
}

}  // namespace

std::optional<ImageSize> image_size(std::string_view bytes) {
  if (bytes.starts_with("\x89PNG\r\n\x1A\n")) return png_size(bytes);
  if (bytes.starts_with("GIF87a") || bytes.starts_with("GIF89a")) return gif_size(bytes);
  if (bytes.starts_with("\xFF\xD8")) return jpeg_size(bytes);
  if (bytes.starts_with("RIFF") && bytes.size() >= 12 && bytes.substr(8, 4) == "WEBP")
    return webp_size(bytes);
  // SVG is text: a BOM, an XML declaration or comments may come before the <svg> element.
  if (bytes.find("<svg") != std::string_view::npos) return svg_size(bytes);
  return std::nullopt;
}

}  // namespace sdm
