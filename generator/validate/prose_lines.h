#pragma once
// The lines of a page's Markdown as the checks on its wording read them.

#include <string>
#include <vector>

namespace sdm {

// One string per line of `markdown`: empty inside fenced blocks (```), and with every figure
// reference ({{ … }}) blanked out by spaces, so byte offsets still match the page. A reference
// is always current and may name a row like "tabel 7"; only literal prose is checked.
std::vector<std::string> prose_lines(const std::string& markdown);

}  // namespace sdm
