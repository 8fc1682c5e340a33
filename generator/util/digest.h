#pragma once
// SHA-256 over a sequence of byte strings, each framed by its length, so that ("ab", "c") and
// ("a", "bc") differ.

#include <memory>
#include <string>
#include <string_view>

namespace sdm {

class Digest {
 public:
  Digest();
  ~Digest();
  Digest(const Digest&) = delete;
  Digest& operator=(const Digest&) = delete;

  Digest& add(std::string_view bytes);
  // Lowercase hex; the digest can't be added to afterwards.
  std::string hex();

 private:
  struct Context;
  std::unique_ptr<Context> context_;
};

}  // namespace sdm
