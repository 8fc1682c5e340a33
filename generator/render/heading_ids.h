#pragma once
// Stable anchors for headings, so a council member can link to a section.

#include <string>

namespace sdm {

// "Cliëntaantallen (In zorg)" -> "clientaantallen-in-zorg"
std::string slugify(const std::string& text);

// Adds id="…" to every <h2>…<h6> in cmark's HTML output; duplicates get "-2", "-3".
std::string add_heading_ids(const std::string& html);

}  // namespace sdm
