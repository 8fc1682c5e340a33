// Image sizes from hand-made headers, and hostile bytes that must give nothing, not a crash or a
// read past the end (the sanitizer build checks the latter).

#include "load/image_size.h"

#include <gtest/gtest.h>

#include <string>

namespace sdm {
namespace {

std::string be32(uint32_t v) {
  return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
          static_cast<char>(v)};
}
std::string be16(uint32_t v) {
  return {static_cast<char>(v >> 8), static_cast<char>(v)};
}
std::string le16(uint32_t v) {
  return {static_cast<char>(v), static_cast<char>(v >> 8)};
}
std::string le24(uint32_t v) {
  return le16(v) + static_cast<char>(v >> 16);
}

std::string png(uint32_t width, uint32_t height) {
  return std::string("\x89PNG\r\n\x1A\n") + be32(13) + "IHDR" + be32(width) + be32(height) +
         std::string("\x08\x06\x00\x00\x00", 5) + be32(0);
}

std::string gif(uint32_t width, uint32_t height) {
  return "GIF89a" + le16(width) + le16(height) + std::string("\x00\x00\x00", 3) + ";";
}

std::string segment(uint8_t marker, const std::string& data) {
  return std::string{'\xFF', static_cast<char>(marker)} + be16(data.size() + 2) + data;
}

// SOI, an APP0 (JFIF) segment, a quantisation table, then the frame header `sof`.
std::string jpeg(uint8_t sof, uint32_t width, uint32_t height) {
  return std::string("\xFF\xD8") +
         segment(0xE0, std::string("JFIF\0\x01\x01\0\0\x01\0\x01\0\0", 14)) +
         segment(0xDB, std::string(65, '\x01')) +
         segment(sof, std::string("\x08") + be16(height) + be16(width) +
                          std::string("\x01\x01\x11\x00", 4)) +
         segment(0xDA, std::string("\x01\x01\x00\x00\x3F\x00", 6)) + "\xFF\xD9";
}

std::string riff(const std::string& chunk, const std::string& data) {
  std::string body = "WEBP" + chunk + std::string(4, '\0') + data;
  return "RIFF" + std::string(4, '\0') + body;
}

void expect_size(const std::optional<ImageSize>& size, int width, int height) {
  ASSERT_TRUE(size);
  EXPECT_EQ(size->width, width);
  EXPECT_EQ(size->height, height);
}

TEST(ImageSize, Png) {
  expect_size(image_size(png(640, 480)), 640, 480);
  EXPECT_FALSE(image_size(png(640, 480))->scalable);
}

TEST(ImageSize, Gif) {
  expect_size(image_size(gif(300, 2)), 300, 2);
}

TEST(ImageSize, JpegBaselineAndProgressive) {
  expect_size(image_size(jpeg(0xC0, 1024, 768)), 1024, 768);
  expect_size(image_size(jpeg(0xC2, 800, 600)), 800, 600);  // progressive
  expect_size(image_size(jpeg(0xC1, 5, 7)), 5, 7);
}

TEST(ImageSize, JpegSkipsFillBytesAndTablesThatLookLikeFrames) {
  // DHT (C4) sits in the SOF range but holds no size.
  std::string bytes = std::string("\xFF\xD8") + segment(0xC4, std::string(20, '\x05')) + "\xFF" +
                      segment(0xC0, std::string("\x08") + be16(20) + be16(30) + "\x01\x01\x11\x00");
  expect_size(image_size(bytes), 30, 20);
}

TEST(ImageSize, WebpLossyLosslessAndExtended) {
  std::string vp8 =
      std::string("\x00\x00\x00\x9D\x01\x2A", 6) + le16(400) + le16(300) + std::string(10, '\0');
  expect_size(image_size(riff("VP8 ", vp8)), 400, 300);
  uint32_t bits = (640 - 1) | (360 - 1) << 14;
  std::string vp8l = "\x2F" + le16(bits & 0xFFFF) + le16(bits >> 16) + std::string(10, '\0');
  expect_size(image_size(riff("VP8L", vp8l)), 640, 360);
  std::string vp8x = std::string(4, '\0') + le24(2999) + le24(1999) + std::string(10, '\0');
  expect_size(image_size(riff("VP8X", vp8x)), 3000, 2000);
}

TEST(ImageSize, SvgWidthHeightOrViewBox) {
  expect_size(image_size("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"120\" height='80px'/>"),
              120, 80);
  auto box = image_size(
      "\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<!-- kaart -->\n<svg\n  viewBox=\"0,0 400 300\">");
  expect_size(box, 400, 300);
  EXPECT_TRUE(box->scalable);
  // One side given: the other follows the viewBox; a percentage says nothing about pixels.
  expect_size(image_size("<svg width=\"200\" viewBox=\"0 0 400 300\">"), 200, 150);
  expect_size(image_size("<svg width=\"100%\" height=\"100%\" viewBox=\"0 0 40 30\">"), 40, 30);
  // "stroke-width" is not "width".
  expect_size(image_size("<svg stroke-width=\"9\" viewBox=\"0 0 10 20\">"), 10, 20);
}

TEST(ImageSize, UnreadableFormatsGiveNothing) {
  EXPECT_FALSE(image_size(""));
  EXPECT_FALSE(image_size("png"));
  EXPECT_FALSE(image_size("BM\x36\x00\x00\x00"));  // BMP is not offered
  EXPECT_FALSE(image_size("<svg>"));               // no size at all
  EXPECT_FALSE(image_size("<svg width=\"10\" viewBox=\"0 0 0 0\">"));
  EXPECT_FALSE(image_size("<svg width=\"1e9\" height=\"1\">"));
  EXPECT_FALSE(image_size("<svg width=\"nan\" height=\"inf\">"));
  EXPECT_FALSE(image_size(png(0, 10)));
  EXPECT_FALSE(image_size(png(0xFFFFFFFF, 10)));
}

TEST(ImageSize, EveryTruncationGivesNothingOrTheSize) {
  std::string vp8x = std::string(4, '\0') + le24(9) + le24(9) + std::string(10, '\0');
  for (const std::string& whole : {png(64, 32), gif(64, 32), jpeg(0xC2, 64, 32), riff("VP8X", vp8x),
                                   std::string("<svg width=\"64\" height=\"32\">")}) {
    for (size_t n = 0; n < whole.size(); ++n) {
      // A copy of exactly n bytes, so a read past the end is a heap overflow the sanitizer sees.
      std::string cut = whole.substr(0, n);
      auto size = image_size(cut);
      if (size) {
        EXPECT_TRUE(size->width > 0 && size->height > 0);
      }
    }
    EXPECT_TRUE(image_size(whole)) << whole.size();
  }
}

TEST(ImageSize, HostileJpegSegmentsEndTheSearch) {
  // A segment length of 0, a length running past the end, and a scan before any frame.
  EXPECT_FALSE(image_size(std::string("\xFF\xD8\xFF\xE0\x00\x00", 6)));
  EXPECT_FALSE(image_size(std::string("\xFF\xD8\xFF\xE0\xFF\xFF\x00", 7)));
  EXPECT_FALSE(image_size(std::string("\xFF\xD8\xFF\xDA\x00\x08", 6)));
  EXPECT_FALSE(image_size(std::string("\xFF\xD8") + std::string(1000, '\xFF')));
  EXPECT_FALSE(image_size(std::string("\xFF\xD8\xFF\xC0\x00\x04\x08\x00", 8)));  // frame too short
}

}  // namespace
}  // namespace sdm
