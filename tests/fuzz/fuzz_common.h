#pragma once
// Shared helpers for the libFuzzer targets: invariant checks that abort (a libFuzzer finding)
// with a readable message, and the line count the location checks compare against.

#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "util/diagnostic.h"

#define SDM_FUZZ_CHECK(condition, ...)                                                    \
  do {                                                                                    \
    if (!(condition)) {                                                                   \
      std::fprintf(stderr, "\nSDM_FUZZ_CHECK failed: %s (%s:%d)\n", #condition, __FILE__, \
                   __LINE__);                                                             \
      std::fprintf(stderr, __VA_ARGS__);                                                  \
      std::fprintf(stderr, "\n");                                                         \
      std::abort();                                                                       \
    }                                                                                     \
  } while (0)

// A property that a reported, not yet fixed bug violates (see tests/fuzz/README.md). Checked
// only with SDM_FUZZ_STRICT=1 in the environment, so that `make test` stays green until the fix
// lands; the fix should turn it into a plain SDM_FUZZ_CHECK.
#define SDM_FUZZ_KNOWN_BUG(condition, ...)                             \
  do {                                                                 \
    if (::sdm::fuzz::strict()) SDM_FUZZ_CHECK(condition, __VA_ARGS__); \
  } while (0)

namespace sdm::fuzz {

inline bool strict() {
  static const bool on = [] {
    const char* v = std::getenv("SDM_FUZZ_STRICT");
    return v && *v && *v != '0';
  }();
  return on;
}

// Physical lines as any of our readers may count them: '\n', "\r\n" and a lone '\r' each end a
// line. A location may point one past the last line (an unterminated construct at end of file).
inline int line_count(std::string_view text) {
  int lines = 1;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n')
      ++lines;
    else if (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))
      ++lines;
  }
  return lines;
}

// Every diagnostic names `file`, has a non-empty Dutch message and a location inside the input.
inline void check_diagnostics(const Diagnostics& d, std::string_view file, int first_line,
                              int last_line) {
  for (const auto& item : d.items()) {
    SDM_FUZZ_CHECK(item.where.file == file, "diagnostic for file '%s'", item.where.file.c_str());
    SDM_FUZZ_CHECK(!item.message.empty(), "diagnostic without message");
    SDM_FUZZ_CHECK(
        item.where.line == 0 || (item.where.line >= first_line && item.where.line <= last_line + 1),
        "line %d outside %d..%d: %s", item.where.line, first_line, last_line + 1,
        format_diagnostic(item).c_str());
    SDM_FUZZ_CHECK(item.where.column >= 0, "negative column: %s", format_diagnostic(item).c_str());
    SDM_FUZZ_CHECK(item.where.line > 0 || item.where.column == 0, "column without line: %s",
                   format_diagnostic(item).c_str());
  }
}

}  // namespace sdm::fuzz
