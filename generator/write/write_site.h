#pragma once
// The write stage: the only code that writes. The site is built in a temporary folder beside
// the target and swapped in whole, so readers never see a half-written or missing site and a
// failed build leaves the previous site as it was.

#include <string>
#include <vector>

#include "model/output.h"

namespace sdm {

// Writes `files` as the complete content of `out_dir`. Throws FatalError on I/O failure or on
// a path that would leave the folder; `out_dir` is then untouched.
void write_site(const std::string& out_dir, const std::vector<OutputFile>& files);

// Creates `dir` with `files` in it; refuses (FatalError) when `dir` already exists, so nothing
// an editor made is overwritten.
void write_new_folder(const std::string& dir, const std::vector<OutputFile>& files);

// True when `path` is relative, '/'-separated and stays inside its root.
bool safe_relative_path(const std::string& path);

}  // namespace sdm
