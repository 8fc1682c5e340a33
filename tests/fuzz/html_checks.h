#pragma once
// Checks on rendered HTML shared by the page-spec fuzz target: what the validator let through
// must come out of the renderer inert (no active content, no other origin, no traversal).

#include <cctype>
#include <string>
#include <string_view>
#include <vector>

namespace sdm::fuzz {

inline std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Decodes the character references cmark emits in attribute values (&amp; &quot; &lt; &gt;
// &#NN; &#xNN;) — enough to see the URL a browser would see.
inline std::string decode_entities(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out += s[i];
      continue;
    }
    size_t semi = s.find(';', i);
    if (semi == std::string_view::npos || semi - i > 10) {
      out += s[i];
      continue;
    }
    std::string_view name = s.substr(i + 1, semi - i - 1);
    long cp = -1;
    if (name == "amp")
      cp = '&';
    else if (name == "quot")
      cp = '"';
    else if (name == "lt")
      cp = '<';
    else if (name == "gt")
      cp = '>';
    else if (name.size() > 1 && name[0] == '#')
      cp = (name[1] == 'x' || name[1] == 'X')
               ? std::strtol(std::string(name.substr(2)).c_str(), nullptr, 16)
               : std::strtol(std::string(name.substr(1)).c_str(), nullptr, 10);
    if (cp > 0 && cp < 0x80) {
      out += static_cast<char>(cp);
      i = semi;
    } else {
      out += s[i];
    }
  }
  return out;
}

inline std::string percent_decode(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// Values of every `name="…"` attribute, entity-decoded.
inline std::vector<std::string> attribute_values(std::string_view html, std::string_view name) {
  std::vector<std::string> out;
  std::string needle = " " + std::string(name) + "=\"";
  for (size_t pos = html.find(needle); pos != std::string_view::npos;
       pos = html.find(needle, pos + 1)) {
    size_t start = pos + needle.size();
    size_t end = html.find('"', start);
    if (end == std::string_view::npos) break;
    out.push_back(decode_entities(html.substr(start, end - start)));
  }
  return out;
}

// The scheme a browser would take from `url` (lower case, without ':'), or "" when relative.
// Browsers drop ASCII tab/newline anywhere and leading C0 controls and spaces.
inline std::string url_scheme(std::string_view url) {
  std::string cleaned;
  for (char c : url)
    if (c != '\t' && c != '\n' && c != '\r') cleaned += c;
  size_t b = 0;
  while (b < cleaned.size() && static_cast<unsigned char>(cleaned[b]) <= 0x20) ++b;
  cleaned = cleaned.substr(b);
  size_t colon = cleaned.find(':');
  if (colon == std::string::npos) return "";
  std::string scheme = lower(cleaned.substr(0, colon));
  if (scheme.empty() || !std::isalpha(static_cast<unsigned char>(scheme[0]))) return "";
  for (char c : scheme)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') return "";
  return scheme;
}

// True when a browser would resolve `url` outside the page's own folder tree or to another host.
inline bool leaves_site(std::string_view raw) {
  std::string url = percent_decode(raw);
  for (auto& c : url)
    if (c == '\\') c = '/';  // browsers treat '\' as '/' in http(s) URLs
  if (url.rfind("//", 0) == 0) return true;
  if (!url_scheme(url).empty()) return true;
  if (!url.empty() && url[0] == '/') return true;
  // A ".." path segment.
  std::string path = url.substr(0, url.find_first_of("?#"));
  size_t start = 0;
  while (true) {
    size_t slash = path.find('/', start);
    std::string seg =
        path.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
    if (seg == "..") return true;
    if (slash == std::string::npos) return false;
    start = slash + 1;
  }
}

// Tags that must never reach a page from content (ours are only in the templates).
inline const char* active_tag(std::string_view html) {
  std::string l = lower(html);
  for (const char* tag :
       {"<script", "<iframe", "<object", "<embed", "<style", "<svg", "<math", "<form", "<base",
        "<meta", "<link", "<textarea", "<xmp", "<noembed", "<noframes", "<plaintext", "<title"})
    if (l.find(tag) != std::string::npos) return tag;
  return nullptr;
}

}  // namespace sdm::fuzz
