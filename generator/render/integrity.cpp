#include "render/integrity.h"

#include <nettle/base64.h>
#include <nettle/sha2.h>

namespace sdm {

std::string subresource_integrity(std::string_view bytes) {
  sha384_ctx sha;
  sha384_init(&sha);
  sha384_update(&sha, bytes.size(), reinterpret_cast<const uint8_t*>(bytes.data()));
  uint8_t digest[SHA384_DIGEST_SIZE];
  sha384_digest(&sha, sizeof digest, digest);
  std::string encoded(BASE64_ENCODE_RAW_LENGTH(sizeof digest), '\0');
  base64_encode_raw(encoded.data(), sizeof digest, digest);
  return "sha384-" + encoded;
}

}  // namespace sdm
