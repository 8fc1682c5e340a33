#pragma once
// Stable anchors for headings, so a council member can link to a section.

#include <map>
#include <string>

namespace sdm {

// "Cliëntaantallen (In zorg)" -> "clientaantallen-in-zorg"
std::string slugify(const std::string& text);

// The ids of a page's headings, in order: the same text again gets "-2", "-3".
class HeadingIds {
 public:
  std::string next(const std::string& text);

 private:
  std::map<std::string, int> used_;
};

// Adds id="…" to every <h2>…<h6> in cmark's HTML output; duplicates get "-2", "-3".
std::string add_heading_ids(const std::string& html);

}  // namespace sdm
