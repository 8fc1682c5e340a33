#include "pipeline/report.h"

#include <filesystem>

#include "util/text.h"
#include "write/disk.h"

namespace sdm {
namespace {

// "3 fouten, 1 waarschuwing", when there are errors.
std::string error_counts(const Diagnostics& diagnostics) {
  int errors = 0, warnings = 0;
  for (const auto& d : diagnostics.items()) (d.severity == Severity::Error ? errors : warnings)++;
  if (errors == 0) return {};
  return std::to_string(errors) + (errors == 1 ? " fout" : " fouten") + ", " +
         std::to_string(warnings) + (warnings == 1 ? " waarschuwing" : " waarschuwingen") + "\n";
}

// Whether the write stage finds anything at `out_dir`: a site an earlier build published.
bool output_there(const std::string& out_dir) {
  const auto type = type_of(out_dir);
  return type != std::filesystem::file_type::not_found && type != std::filesystem::file_type::none;
}

// After content errors: the counts, and the reassurance that the published site is untouched
// (or, when there is none, that none was made).
std::string unpublished(const Diagnostics& diagnostics, const std::string& out_dir,
                        bool many_sites = false) {
  std::string out = error_counts(diagnostics);
  if (!output_there(out_dir)) return out + "Niets gepubliceerd; " + out_dir + " is niet gemaakt.\n";
  return out + "Niets gepubliceerd; de bestaande " + (many_sites ? "sites in " : "site in ") +
         out_dir + (many_sites ? " zijn" : " is") + " ongewijzigd.\n";
}

// Every diagnostic of a run: the content folder's own, then each site's, in name order.
Diagnostics all_diagnostics(const RunOutcome& run) {
  Diagnostics all = run.diagnostics;
  for (const auto& site : run.sites) all.append(site.diagnostics);
  return all;
}

// "1 waarschuwing", "3 sites": a count with its noun in the singular or the plural.
std::string counted(size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

Report run_report(const RunOutcome& run, const BuildOptions& options, bool write) {
  const Diagnostics diagnostics = all_diagnostics(run);
  Report report{format_diagnostics(diagnostics), {}};
  const size_t sites = run.sites.size();
  if (!run.ok()) {
    if (run.many && !run.failed_sites().empty())
      report.err += "Fouten in " + std::to_string(run.failed_sites().size()) + " van " +
                    std::to_string(sites) + " sites: " + join(run.failed_sites(), ", ") + ".\n";
    report.err +=
        write ? unpublished(diagnostics, options.out_dir, run.many) : error_counts(diagnostics);
    return report;
  }
  const std::string where = run.many ? " in " + std::to_string(sites) + " sites" : "";
  if (!write) {
    const size_t warnings = diagnostics.items().size();  // no errors here: all are warnings
    report.out =
        "Geen fouten gevonden" + where +
        (warnings == 0 ? "" : ", wel " + counted(warnings, "waarschuwing", "waarschuwingen")) +
        " (" + std::to_string(run.pages()) + " pagina's).\n";
    return report;
  }
  report.out =
      (run.many ? std::to_string(sites) + " sites" : std::string("Site")) + " gemaakt in " +
      options.out_dir + ": " + std::to_string(run.pages()) + " pagina's, " +
      counted(run.editions(), "editie", "edities") + ", " + std::to_string(run.files()) +
      " bestanden (" + std::to_string(run.written.written) + " geschreven, " +
      std::to_string(run.written.removed) + " verwijderd" +
      (run.unchanged() == 0 ? ""
                            : "; " + counted(run.unchanged(), "site", "sites") + " ongewijzigd") +
      ").\n";
  if (size_t hidden = run.warnings_not_shown(); hidden > 0)
    report.out += counted(hidden, "waarschuwing", "waarschuwingen") +
                  " van ongewijzigde sites niet opnieuw getoond; 'sdmonitor check --content " +
                  options.content_dir + "' toont alles.\n";
  return report;
}

Report new_edition_report(const std::optional<NewEditionPlan>& plan, const Diagnostics& diagnostics,
                          const std::string& content_dir, const std::string& new_id,
                          const std::string& from_id) {
  Report report{format_diagnostics(diagnostics), {}};
  if (!plan) return report;
  report.out = "Nieuwe editie " + join_path(content_dir, new_id) + " gemaakt als kopie van " +
               from_id + ".\nNu te doen:\n";
  for (const auto& line : plan->todo) report.out += "  - " + line + "\n";
  report.out += "Controleer daarna met: sdmonitor check --content " + content_dir + "\n";
  return report;
}

Report pdf_report(bool ok, const Diagnostics& diagnostics, const std::string& out_dir,
                  const std::string& pdf_name) {
  Report report{format_diagnostics(diagnostics), {}};
  if (!ok)
    report.err += unpublished(diagnostics, out_dir);
  else
    report.out = "Site en PDF gemaakt: " + join_path(out_dir, pdf_name) + "\n";
  return report;
}

Report figure_list_report(const std::optional<std::vector<CatalogEntry>>& catalog,
                          const Diagnostics& diagnostics) {
  Report report{format_diagnostics(diagnostics), {}};
  if (catalog)
    for (const auto& entry : *catalog)
      report.out += entry.edition + "  " + entry.reference + "  →  " + entry.text + "\n";
  return report;
}

Report hidden_report(const std::optional<Generated>& generated, const Diagnostics& diagnostics) {
  Report report{format_diagnostics(diagnostics), {}};
  if (generated)
    for (const auto& line : generated->disclosure_report) report.out += line + "\n";
  return report;
}

std::string preview_address(int port) {
  return "Voorbeeld op http://127.0.0.1:" + std::to_string(port) + "/ (stoppen met Ctrl+C)\n";
}

}  // namespace sdm
