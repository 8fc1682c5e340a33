#pragma once
// Reads content/<edition>/: editie.yaml, the Markdown pages and the declared CSV datasets.

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "load/file_system.h"
#include "model/edition.h"
#include "util/diagnostic.h"

namespace sdm {

// Loads the edition in `dir` (its folder name is the edition id). Problems go to `diagnostics`;
// the returned edition holds whatever could be read.
// Whether `dir` is an edition: it has an editie.yaml, readable or not.
bool is_edition_dir(const FileSystem& fs, const std::string& dir);

Edition load_edition(const FileSystem& fs, const std::string& dir, Diagnostics& diagnostics);

// Every folder in `content_dir` that holds an editie.yaml, oldest peildatum first.
std::vector<Edition> load_editions(const FileSystem& fs, const std::string& content_dir,
                                   Diagnostics& diagnostics);

// Edition folder and page names become links and file names in the site, so only these are read:
// [a-z0-9][a-z0-9-]*, e.g. 2024-q1, sociale-basis.
bool is_plain_name(std::string_view name);

// Builds a Table from CSV text with the dataset's declared unit, from the long form (one line per
// observation, long_csv.h) when `long_form` (exposed for tests).
Table read_table(const std::string& name, const std::string& file, std::string_view bytes,
                 Unit unit, Diagnostics& diagnostics, bool long_form = false,
                 const std::map<std::string, Unit>& column_units = {});

// Splits "---\nfront matter\n---\nbody" and fills the page (exposed for tests).
Page read_page(const std::string& slug, const std::string& file, std::string_view bytes,
               Diagnostics& diagnostics);

}  // namespace sdm
