#include "markdown/heading_ids.h"

#include <utf8proc.h>

#include <cstdlib>

namespace sdm {

std::string slugify(const std::string& text) {
  // Compatibility decomposition without the marks, case folded: "É" -> "e", "ñ" -> "n", "ß" ->
  // "ss", "ﬁ" -> "fi". A letter with no base letter to fall back on (ø, æ, Greek) stays itself: an
  // id may hold any character but a space.
  utf8proc_uint8_t* folded = nullptr;
  const utf8proc_ssize_t length = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
      static_cast<utf8proc_ssize_t>(text.size()), &folded,
      static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE |
                                     UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD));
  std::string out;
  bool dash = false;
  for (utf8proc_ssize_t i = 0; i < length;) {
    utf8proc_int32_t c = 0;
    const utf8proc_ssize_t size = utf8proc_iterate(folded + i, length - i, &c);
    if (size <= 0) break;
    const utf8proc_category_t category = utf8proc_category(c);
    const bool kept = (category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_LO) ||
                      (category >= UTF8PROC_CATEGORY_ND && category <= UTF8PROC_CATEGORY_NO);
    if (kept) {
      if (dash && !out.empty()) out += '-';
      out.append(reinterpret_cast<const char*>(folded + i), static_cast<size_t>(size));
    }
    dash = !kept;
    i += size;
  }
  std::free(folded);
  return out.empty() ? "sectie" : out;
}

std::string HeadingIds::next(const std::string& text) {
  const std::string base = slugify(text);
  std::string id = base;
  for (int n = 2; used_.count(id); ++n) id = base + "-" + std::to_string(n);
  used_.insert(id);
  return id;
}

}  // namespace sdm
