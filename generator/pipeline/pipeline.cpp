#include "pipeline/pipeline.h"

#include <atomic>
#include <mutex>

#include "disclosure/disclose.h"
#include "indicators/compute.h"
#include "load/load_edition.h"
#include "load/read_ahead.h"
#include "load/site_inputs.h"
#include "pagemodel/site_model.h"
#include "pipeline/sites.h"
#include "render/render_site.h"
#include "util/parallel.h"
#include "validate/validate_site.h"
#include "write/write_site.h"

namespace sdm {
namespace {

// Sites whose files are read ahead of the sites being made: enough to keep the disk busy, few
// enough that the kernel keeps them in its cache until they are needed.
constexpr size_t kReadAhead = 16;

size_t total(const std::vector<SiteOutcome>& sites, size_t SiteOutcome::*count) {
  size_t n = 0;
  for (const auto& site : sites) n += site.*count;
  return n;
}

}  // namespace

Theme prepare_theme(const FileSystem& fs, const ThemePaths& paths, Diagnostics& diagnostics) {
  return parse_theme(load_theme(fs, paths, diagnostics), diagnostics);
}

std::optional<Generated> generate(const FileSystem& fs, const BuildOptions& options,
                                  Diagnostics& diagnostics) {
  Theme theme = prepare_theme(fs, options.theme, diagnostics);
  return generate_site(fs, options.content_dir, theme, options.integrity, diagnostics);
}

std::optional<Generated> generate_site(const FileSystem& fs, const std::string& content_dir,
                                       const Theme& theme, bool integrity, Diagnostics& diagnostics,
                                       const ComputedHook& before_disclosure) {
  const std::vector<Edition> editions = load_editions(fs, content_dir, diagnostics);
  validate_site(editions, diagnostics);
  if (diagnostics.has_errors()) return std::nullopt;
  std::vector<ComputedEdition> computed = compute_site(editions, diagnostics);
  if (before_disclosure)
    for (auto& edition : computed) before_disclosure(edition);
  DisclosedSite published = disclose_site(editions, computed, diagnostics);
  const std::vector<EditionModels> models = site_models(editions, published.editions);
  std::vector<OutputFile> files = render_site(editions, models, theme, integrity);
  if (diagnostics.has_errors()) return std::nullopt;

  Generated out{.files = std::move(files),
                .editions = editions.size(),
                .latest_edition = editions.back().config.id,
                .disclosure_report = std::move(published.report)};
  for (const auto& edition : models) out.pages += edition.pages.size();
  return out;
}

bool RunOutcome::ok() const {
  return !diagnostics.has_errors() && failed_sites().empty();
}

std::vector<std::string> RunOutcome::failed_sites() const {
  std::vector<std::string> out;
  for (const auto& site : sites)
    if (!site.ok) out.push_back(site.name);
  return out;
}

size_t RunOutcome::pages() const {
  return total(sites, &SiteOutcome::pages);
}

size_t RunOutcome::editions() const {
  return total(sites, &SiteOutcome::editions);
}

size_t RunOutcome::files() const {
  return total(sites, &SiteOutcome::files);
}

size_t RunOutcome::unchanged() const {
  size_t n = 0;
  for (const auto& site : sites) n += site.unchanged;
  return n;
}

size_t RunOutcome::warnings_not_shown() const {
  return total(sites, &SiteOutcome::warnings_not_shown);
}

RunOutcome run_sites(const FileSystem& fs, const BuildOptions& options, bool write) {
  RunOutcome outcome;
  SiteLayout layout = find_sites(fs, options.content_dir, outcome.diagnostics);
  outcome.many = layout.many;
  Theme theme = prepare_theme(fs, options.theme, outcome.diagnostics);  // once for all sites
  if (outcome.diagnostics.has_errors()) return outcome;
  for (const auto& folder : layout.sites) outcome.sites.push_back({.name = folder.name});

  // Of a folder of sites, each site is written to the spare as soon as it is made, so memory
  // holds only the sites being worked on; the spare is published only when every site is free
  // of errors. One site is written only when it is free of errors.
  std::optional<SiteWriter> writer;
  if (write && layout.many) {
    writer.emplace(options.out_dir);
    writer->share(theme.assets);  // every site has them
  }
  // A site of a folder of sites whose inputs, program, theme and options are all as when its
  // spare copy was made is not made again.
  const std::string context =
      writer ? program_fingerprint(fs) + theme.fingerprint + (options.integrity ? "+sri" : "") : "";
  std::atomic<bool> failed{false};
  std::mutex stats_mutex;
  std::optional<ReadAhead> read_ahead;
  if (layout.many) {
    std::vector<std::string> dirs;
    for (const auto& folder : layout.sites) dirs.push_back(folder.content_dir);
    read_ahead.emplace(fs, std::move(dirs), kReadAhead);
  }
  parallel_for(layout.sites.size(), [&](size_t i) {
    if (read_ahead) read_ahead->started(i);
    SiteOutcome& site = outcome.sites[i];
    std::optional<SiteInputs> inputs;
    SiteStamp stamp;
    if (writer) {
      inputs.emplace(fs, layout.sites[i].content_dir);
      stamp.fingerprint = inputs->fingerprint(context);
      if (auto kept = writer->keep_unchanged(site.name, stamp.fingerprint)) {
        site.ok = site.unchanged = true;
        site.pages = kept->pages;
        site.editions = kept->editions;
        site.files = kept->files;
        site.warnings_not_shown = kept->warnings;
        return;
      }
    }
    auto generated = generate_site(inputs ? *inputs : fs, layout.sites[i].content_dir, theme,
                                   options.integrity, site.diagnostics);
    if (!generated) {
      failed = true;
      return;
    }
    site.ok = true;
    site.pages = stamp.pages = generated->pages;
    site.editions = stamp.editions = generated->editions;
    site.files = stamp.files = generated->files.size();
    stamp.warnings = site.diagnostics.items().size();  // no errors: all are warnings
    if (!write || failed) return;
    WriteStats stats = writer ? writer->update(site.name, generated->files, &stamp)
                              : write_site(options.out_dir, generated->files);
    std::lock_guard lock(stats_mutex);
    outcome.written.written += stats.written;
    outcome.written.removed += stats.removed;
  });
  read_ahead.reset();
  if (writer && !failed) writer->publish();
  return outcome;
}

}  // namespace sdm
