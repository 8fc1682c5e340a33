#include "render/image_attributes.h"

#include <gtest/gtest.h>

namespace sdm {
namespace {

TEST(ImageAttributes, SizeWhenKnownAndLoadingAlways) {
  json sizes = {{"kaart.png", {{"width", 640}, {"height", 480}}},
                {"mijn foto&co.svg", {{"width", 12}, {"height", 8}}}};
  EXPECT_EQ(image_attributes("kaart.png", sizes),
            "width=\"640\" height=\"480\" loading=\"lazy\" decoding=\"async\"");
  EXPECT_EQ(image_attributes("mijn foto&co.svg", sizes),
            "width=\"12\" height=\"8\" loading=\"lazy\" decoding=\"async\"");
  EXPECT_EQ(image_attributes("x.png", sizes), "loading=\"lazy\" decoding=\"async\"");
  EXPECT_EQ(image_attributes("x.png", json::object()), "loading=\"lazy\" decoding=\"async\"");
}

}  // namespace
}  // namespace sdm
