#pragma once
// What each command tells its user when it is done, in Dutch: the diagnostics, the counts, what
// was made and, after errors, that nothing was published. Built here as text so that main only
// prints it and picks the exit code.

#include <optional>
#include <string>
#include <vector>

#include "pipeline/figure_catalog.h"
#include "pipeline/pipeline.h"
#include "scaffold/new_edition.h"
#include "util/diagnostic.h"

namespace sdm {

// Text for standard error (diagnostics, counts, why nothing was published), printed first, and
// for standard output (what was made or listed).
struct Report {
  std::string err;
  std::string out;
};

// build (`write`) and check: every site's diagnostics, then what was found and done.
Report run_report(const RunOutcome& run, const BuildOptions& options, bool write);

// new: the new edition and what the editors must now do; `plan` is nothing after errors.
Report new_edition_report(const std::optional<NewEditionPlan>& plan, const Diagnostics& diagnostics,
                          const std::string& content_dir, const std::string& new_id,
                          const std::string& from_id);

// pdf: where site and PDF are, or (`ok` false) that nothing was published.
Report pdf_report(bool ok, const Diagnostics& diagnostics, const std::string& out_dir,
                  const std::string& pdf_name);

// check --list-figures: one line per reference with the text it gives now.
Report figure_list_report(const std::optional<std::vector<CatalogEntry>>& catalog,
                          const Diagnostics& diagnostics);

// check --list-hidden: what disclosure control hid and why, per edition.
Report hidden_report(const std::optional<Generated>& generated, const Diagnostics& diagnostics);

// serve: where the preview can be opened.
std::string preview_address(int port);

}  // namespace sdm
