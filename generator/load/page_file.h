#pragma once
// A page of an edition: a Markdown file that starts with its settings (titel, volgorde, kort)
// between '---' lines.

#include <string>
#include <string_view>

#include "model/edition.h"
#include "util/diagnostic.h"

namespace sdm {

// Splits "---\nfront matter\n---\nbody" and fills the page; its blocks (page.spec) are read
// later. Problems go to `diagnostics`; the page holds whatever could be read.
Page read_page(const std::string& slug, const std::string& file, std::string_view bytes,
               Diagnostics& diagnostics);

}  // namespace sdm
