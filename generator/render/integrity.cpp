#include "render/integrity.h"

#include <openssl/evp.h>

namespace sdm {

std::string subresource_integrity(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha384(), nullptr);
  std::string encoded(4 * ((length + 2) / 3) + 1, '\0');
  int written = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(encoded.data()), digest,
                                static_cast<int>(length));
  encoded.resize(static_cast<size_t>(written));
  return "sha384-" + encoded;
}

}  // namespace sdm
