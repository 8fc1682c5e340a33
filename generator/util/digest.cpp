#include "util/digest.h"

#include <nettle/sha2.h>

#include <cstdint>

namespace sdm {

struct Digest::Context {
  sha256_ctx sha;
};

Digest::Digest() : context_(std::make_unique<Context>()) {
  sha256_init(&context_->sha);
}

Digest::~Digest() = default;

Digest& Digest::add(std::string_view bytes) {
  const uint64_t size = bytes.size();
  sha256_update(&context_->sha, sizeof size, reinterpret_cast<const uint8_t*>(&size));
  sha256_update(&context_->sha, bytes.size(), reinterpret_cast<const uint8_t*>(bytes.data()));
  return *this;
}

std::string Digest::hex() {
  uint8_t digest[SHA256_DIGEST_SIZE];
  sha256_digest(&context_->sha, sizeof digest, digest);
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  for (uint8_t byte : digest) {
    out += kHex[byte >> 4];
    out += kHex[byte & 0xF];
  }
  return out;
}

}  // namespace sdm
