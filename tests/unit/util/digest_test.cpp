#include "util/digest.h"

#include <gtest/gtest.h>

namespace sdm {
namespace {

// Expected values from Python's hashlib: sha256 over each part's length (8 bytes, little-endian)
// followed by its bytes.
TEST(Digest, IsSha256OverLengthFramedParts) {
  EXPECT_EQ(Digest().add("abc").hex(),
            "ce91dc5eec0139adf091900d225971d6ad246a845bad791b5693a9d0d55dd391");
  EXPECT_EQ(Digest().add("a").add("bc").hex(),
            "9a8acca1b6c6c0befd3fbc756aed625da998c998f7252e738c4ef061906b9b21");
  EXPECT_EQ(Digest().hex(), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
      << "nothing added: the SHA-256 of no bytes";
}

}  // namespace
}  // namespace sdm
