#pragma once
// Subresource Integrity values ("sha384-…") for our scripts and stylesheets.

#include <string>
#include <string_view>

namespace sdm {

std::string subresource_integrity(std::string_view bytes);

}  // namespace sdm
