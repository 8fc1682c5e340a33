#include "render/image_attributes.h"

#include <gtest/gtest.h>

namespace sdm {
namespace {

TEST(ImageAttributes, SizeAndLoadingGoOnEveryImage) {
  json sizes = {{"kaart.png", {{"width", 640}, {"height", 480}}},
                {"mijn foto&co.svg", {{"width", 12}, {"height", 8}}}};
  EXPECT_EQ(add_image_attributes(
                "<p><img src=\"kaart.png\" alt=\"Kaart\" /> en <img src=\"mijn%20foto&amp;co.svg\" "
                "alt=\"\" title=\"t\" /></p>",
                sizes),
            "<p><img src=\"kaart.png\" alt=\"Kaart\" width=\"640\" height=\"480\" loading=\"lazy\" "
            "decoding=\"async\" /> en <img src=\"mijn%20foto&amp;co.svg\" alt=\"\" title=\"t\" "
            "width=\"12\" height=\"8\" loading=\"lazy\" decoding=\"async\" /></p>");
}

TEST(ImageAttributes, UnknownImageGetsOnlyLoadingAndTextIsLeftAlone) {
  EXPECT_EQ(add_image_attributes("<img src=\"x.png\" alt=\"a\" />", json::object()),
            "<img src=\"x.png\" alt=\"a\" loading=\"lazy\" decoding=\"async\" />");
  // Text that mentions an image tag is escaped by cmark and stays as it is.
  std::string text = "<p>&lt;img src=&quot;x.png&quot; /&gt;</p>";
  EXPECT_EQ(add_image_attributes(text, json::object()), text);
  EXPECT_EQ(add_image_attributes("<img src=\"x.png", json::object()), "<img src=\"x.png");
}

}  // namespace
}  // namespace sdm
