#pragma once
// The render stage: page models become HTML (Markdown through cmark-gfm, layout and blocks
// through Mustache templates) and CSV downloads. Returns strings; never touches files.

#include <vector>

#include "model/output.h"
#include "pagemodel/page_model.h"

namespace sdm {

// With `integrity`, our scripts and stylesheets carry Subresource Integrity hashes. Browsers then
// refuse them from file:// (no origin to check against), so it is for sites on a web server.
std::vector<OutputFile> render_pages(const std::vector<PageModel>& pages, const Theme& theme,
                                     bool integrity = false);

// The whole edition as one printable page (afdrukken.html) with its own print stylesheet
// (afdruk.css, which puts edition, peildatum and page numbers in the page footer). `pages` are
// the models of one edition; the Markdown pages become its chapters, in order.
std::vector<OutputFile> render_print_document(const std::vector<PageModel>& pages,
                                              const Theme& theme, bool integrity = false);

}  // namespace sdm
