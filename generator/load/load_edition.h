#pragma once
// The folder walk of the load stage: content/<edition>/ with its editie.yaml, Markdown pages,
// images and the CSV datasets under data/, read into an Edition. Its parts are read by
// edition_config.h, page_file.h, edition_images.h and csv_table.h; the readers of a page and a
// table come with this header for code that assembles an edition by hand.

#include <string>
#include <string_view>
#include <vector>

#include "load/csv_table.h"
#include "load/file_system.h"
#include "load/page_file.h"
#include "model/edition.h"
#include "util/diagnostic.h"

namespace sdm {

// Whether `dir` is an edition: it has an editie.yaml, readable or not.
bool is_edition_dir(const FileSystem& fs, const std::string& dir);

// Loads the edition in `dir` (its folder name is the edition id). Problems go to `diagnostics`;
// the returned edition holds whatever could be read.
Edition load_edition(const FileSystem& fs, const std::string& dir, Diagnostics& diagnostics);

// Every folder in `content_dir` that holds an editie.yaml, oldest peildatum first.
std::vector<Edition> load_editions(const FileSystem& fs, const std::string& content_dir,
                                   Diagnostics& diagnostics);

// Edition folder and page names become links and file names in the site, so only these are read:
// [a-z0-9][a-z0-9-]*, e.g. 2024-q1, sociale-basis.
bool is_plain_name(std::string_view name);

}  // namespace sdm
