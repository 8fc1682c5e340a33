#include "util/digest.h"

#include <openssl/evp.h>

#include <cstdint>

namespace sdm {

struct Digest::Context {
  EVP_MD_CTX* md = EVP_MD_CTX_new();
  ~Context() { EVP_MD_CTX_free(md); }
};

Digest::Digest() : context_(std::make_unique<Context>()) {
  EVP_DigestInit_ex(context_->md, EVP_sha256(), nullptr);
}

Digest::~Digest() = default;

Digest& Digest::add(std::string_view bytes) {
  const uint64_t size = bytes.size();
  EVP_DigestUpdate(context_->md, &size, sizeof size);
  EVP_DigestUpdate(context_->md, bytes.data(), bytes.size());
  return *this;
}

std::string Digest::hex() {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_DigestFinal_ex(context_->md, digest, &length);
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < length; ++i) {
    out += kHex[digest[i] >> 4];
    out += kHex[digest[i] & 0xF];
  }
  return out;
}

}  // namespace sdm
