#pragma once
// The render stage: page models become HTML (Markdown through cmark-gfm, layout and blocks
// through Mustache templates) and CSV downloads. Returns strings; never touches files.

#include <vector>

#include "model/edition.h"
#include "model/output.h"
#include "pagemodel/page_model.h"
#include "pagemodel/site_model.h"
#include "render/theme.h"

namespace sdm {

// All files of one edition: a page per model (Markdown through cmark-gfm, layout and blocks
// through Mustache), the CSV download of every chart, and the whole edition as one printable
// page (afdrukken.html) with its print stylesheet (afdruk.css: edition, peildatum and page numbers
// in the page footer). With `integrity`, our scripts and stylesheets carry Subresource Integrity
// hashes; browsers then refuse them from file://, so it is for sites on a web server.
std::vector<OutputFile> render_edition(const std::vector<PageModel>& pages, const Theme& theme,
                                       bool integrity = false);

// The stage: every edition's files with its images beside its pages, then the theme's assets.
// `models` is in the order of `editions`.
std::vector<OutputFile> render_site(const std::vector<Edition>& editions,
                                    const std::vector<EditionModels>& models, const Theme& theme,
                                    bool integrity);

}  // namespace sdm
