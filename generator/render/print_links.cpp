#include "render/print_links.h"

namespace sdm {
namespace {

// A link target that leaves the document: it has a scheme ("https:", "mailto:") or starts at a
// root ("//host", "/path"); such a link works anywhere.
bool absolute(std::string_view href) {
  if (href.starts_with("/")) return true;
  size_t colon = href.find(':');
  return colon != std::string_view::npos && href.find_first_of("/?#") > colon;
}

// Where an `<a …>` start tag at `at` ends, and its href and download attributes.
struct StartTag {
  size_t end = std::string_view::npos;  // one past '>'
  size_t href_begin = 0, href_end = 0;  // the value between the quotes
  bool download = false;
};

StartTag read_start_tag(std::string_view html, size_t at) {
  StartTag tag;
  size_t close = html.find('>', at);
  if (close == std::string_view::npos) return tag;
  tag.end = close + 1;
  std::string_view inside = html.substr(at, close - at);
  size_t href = inside.find(" href=\"");
  if (href != std::string_view::npos) {
    tag.href_begin = at + href + 7;
    tag.href_end = html.find('"', tag.href_begin);
    if (tag.href_end == std::string_view::npos || tag.href_end > close) tag.href_begin = 0;
  }
  tag.download = inside.find(" download") != std::string_view::npos;
  return tag;
}

}  // namespace

std::string print_links(std::string_view html, const std::set<std::string>& chapters,
                        const std::string& address) {
  std::string out;
  out.reserve(html.size());
  size_t pos = 0;
  for (size_t at; (at = html.find("<a ", pos)) != std::string_view::npos;) {
    StartTag tag = read_start_tag(html, at);
    if (tag.end == std::string_view::npos) break;
    if (tag.href_begin == 0) {  // no href: not a link
      out.append(html.substr(pos, tag.end - pos));
      pos = tag.end;
      continue;
    }
    std::string_view href = html.substr(tag.href_begin, tag.href_end - tag.href_begin);
    if (href.starts_with("#") || absolute(href)) {
      out.append(html.substr(pos, tag.end - pos));
      pos = tag.end;
      continue;
    }
    // A page of this edition printed as a chapter: a jump to it (ids carry the chapter's prefix).
    std::string_view file = href.substr(0, href.find('#'));
    std::string_view fragment = file.size() < href.size() ? href.substr(file.size() + 1) : "";
    if (file.ends_with(".html") && file.find('/') == std::string_view::npos &&
        chapters.contains(std::string(file.substr(0, file.size() - 5)))) {
      std::string slug(file.substr(0, file.size() - 5));
      out.append(html.substr(pos, tag.href_begin - pos));
      out += fragment.empty() ? "#hoofdstuk-" + slug : "#" + slug + "-" + std::string(fragment);
      pos = tag.href_end;
      continue;
    }
    if (!address.empty()) {  // the same file on the published site
      out.append(html.substr(pos, tag.href_begin - pos));
      out += address;
      out += href;
      pos = tag.href_end;
      continue;
    }
    size_t close = html.find("</a>", tag.end);
    if (close == std::string_view::npos) break;
    if (tag.download) {  // the whole link goes, with the separator before it
      out.append(html.substr(pos, at - pos));
      if (out.ends_with(" \xC2\xB7 ")) out.resize(out.size() - 4);
    } else {  // its text stays, as text
      out.append(html.substr(pos, at - pos));
      out.append(html.substr(tag.end, close - tag.end));
    }
    pos = close + 4;
  }
  out.append(html.substr(pos));
  return out;
}

}  // namespace sdm
