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

std::string add_heading_ids(const std::string& html, const std::set<std::string>& taken) {
  std::string out;
  HeadingIds ids(taken);
  size_t pos = 0;
  while (true) {
    size_t open = html.find("<h", pos);
    if (open == std::string::npos || open + 3 >= html.size()) break;
    char level = html[open + 2];
    if (level < '2' || level > '6' || html[open + 3] != '>') {
      out += html.substr(pos, open + 2 - pos);
      pos = open + 2;
      continue;
    }
    std::string close = std::string("</h") + level + ">";
    size_t end = html.find(close, open);
    if (end == std::string::npos) break;
    std::string inner = html.substr(open + 4, end - open - 4);
    // The heading's text without tags and entities ("In &amp; uit" -> "In  uit").
    std::string plain;
    bool in_tag = false, in_entity = false;
    for (char c : inner) {
      if (c == '<')
        in_tag = true;
      else if (c == '>')
        in_tag = false;
      else if (!in_tag && c == '&')
        in_entity = true;
      else if (in_entity && c == ';')
        in_entity = false;
      else if (!in_tag && !in_entity)
        plain += c;
    }
    std::string id = ids.next(plain);
    out += html.substr(pos, open - pos);
    out += std::string("<h") + level + " id=\"" + id + "\">" + inner + close;
    pos = end + close.size();
  }
  out += html.substr(pos);
  return out;
}

}  // namespace sdm
