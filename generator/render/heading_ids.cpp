#include "render/heading_ids.h"

#include <map>

namespace sdm {

std::string slugify(const std::string& text) {
  static const std::map<std::string, char> kAccents = {
      {"\xC3\xA9", 'e'}, {"\xC3\xA8", 'e'}, {"\xC3\xAB", 'e'}, {"\xC3\xAA", 'e'}, {"\xC3\xAF", 'i'},
      {"\xC3\xAD", 'i'}, {"\xC3\xB6", 'o'}, {"\xC3\xB3", 'o'}, {"\xC3\xBC", 'u'}, {"\xC3\xBA", 'u'},
      {"\xC3\xA4", 'a'}, {"\xC3\xA1", 'a'}, {"\xC3\xA0", 'a'}, {"\xC3\xA7", 'c'}};
  std::string out;
  bool dash = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    char mapped = 0;
    if (c >= 'A' && c <= 'Z')
      mapped = static_cast<char>(c - 'A' + 'a');
    else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
      mapped = c;
    else if (i + 1 < text.size()) {
      auto it = kAccents.find(text.substr(i, 2));
      if (it != kAccents.end()) {
        mapped = it->second;
        ++i;
      }
    }
    if (mapped) {
      if (dash && !out.empty()) out += '-';
      out += mapped;
      dash = false;
    } else {
      dash = true;
    }
  }
  return out.empty() ? "sectie" : out;
}

std::string HeadingIds::next(const std::string& text) {
  std::string id = slugify(text);
  int n = ++used_[id];
  return n > 1 ? id + "-" + std::to_string(n) : id;
}

std::string add_heading_ids(const std::string& html) {
  std::string out;
  HeadingIds ids;
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
