#pragma once
// Every `{{ … }}` reference an edition's data offers, with the text it gives now. Generated from
// the same code that replaces references in pages, so the list cannot drift from the product.

#include <string>
#include <vector>

#include "load/file_system.h"
#include "pipeline/pipeline.h"

namespace sdm {

struct CatalogEntry {
  std::string edition;
  std::string reference;  // "{{ verandering wmo/clienten-in-zorg.csv Totaal 2024 }}"
  std::string text;       // "toegenomen met 2,1%"
};

// Returns nothing when the content does not load without errors.
std::optional<std::vector<CatalogEntry>> figure_catalog(const FileSystem& fs,
                                                        const BuildOptions& options,
                                                        Diagnostics& diagnostics);

}  // namespace sdm
