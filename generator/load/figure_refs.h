#pragma once
// Finds `{{ function data [kolom] [jaar] }}` references in a page's Markdown.

#include <string>
#include <vector>

#include "model/directive.h"
#include "util/diagnostic.h"

namespace sdm {

// Parses every reference in `markdown` (the page body that starts at `body_line` of `file`).
// Malformed references are reported and left out.
std::vector<FigureRef> find_figure_refs(const std::string& markdown, const std::string& file,
                                        int body_line, Diagnostics& diagnostics);

// The keyword editors write for each function, e.g. "verandering".
std::string figure_function_keyword(FigureFunction f);
std::vector<std::string> figure_function_keywords();

}  // namespace sdm
