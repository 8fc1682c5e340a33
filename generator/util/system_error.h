#pragma once
// System errors (errno) as Dutch text for messages that users read.

#include <string>

namespace sdm {

// What the errno value `error` means, in Dutch ("geen toegang", "schijf vol"). An unusual value
// is named by its number.
std::string dutch_errno(int error);

}  // namespace sdm
