#pragma once
// Stable anchors for headings, so a council member can link to a section.

#include <set>
#include <string>

namespace sdm {

// "Cliëntaantallen (In zorg)" -> "clientaantallen-in-zorg"
std::string slugify(const std::string& text);

// Adds id="…" to every <h2>…<h6> in cmark's HTML output. An id that another heading or `taken`
// (the ids the page's templates and blocks give) has already gets "-2", "-3", ….
std::string add_heading_ids(const std::string& html, const std::set<std::string>& taken = {});

}  // namespace sdm
