#include "render/integrity.h"

#include <gtest/gtest.h>

namespace sdm {
namespace {

// As browsers compute it: "sha384-" and the base64 of the SHA-384 (values from Python's hashlib).
TEST(Integrity, IsTheBase64OfTheSha384) {
  EXPECT_EQ(subresource_integrity("abc"),
            "sha384-ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP/W+2AhgcroefMI1i67KE0yCWn");
  EXPECT_EQ(subresource_integrity(""),
            "sha384-OLBgp1GsljhM2TJ+sbHjaiH9txEUvgdDTAzHv2P24donTt6/529l+9Ua0vFImLlb");
}

}  // namespace
}  // namespace sdm
