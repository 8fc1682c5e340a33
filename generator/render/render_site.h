#pragma once
// The render stage: page models become HTML (Markdown through cmark-gfm, layout and blocks
// through Mustache templates) and CSV downloads. Returns strings; never touches files.

#include <vector>

#include "model/output.h"
#include "pagemodel/page_model.h"

namespace sdm {

std::vector<OutputFile> render_pages(const std::vector<PageModel>& pages, const Theme& theme);

}  // namespace sdm
