#include "pipeline/pipeline.h"

#include <atomic>
#include <iterator>
#include <map>
#include <mutex>
#include <set>

#include "disclosure/disclose.h"
#include "indicators/compute.h"
#include "load/load_edition.h"
#include "load/read_ahead.h"
#include "load/site_inputs.h"
#include "pagemodel/changes_page.h"
#include "pagemodel/page_model.h"
#include "pipeline/sites.h"
#include "render/render_site.h"
#include "util/parallel.h"
#include "validate/check_edition.h"
#include "validate/page_spec.h"
#include "validate/stale_text.h"
#include "write/write_site.h"

namespace sdm {
namespace {

// Sites whose files are read ahead of the sites being made: enough to keep the disk busy, few
// enough that the kernel keeps them in its cache until they are needed.
constexpr size_t kReadAhead = 16;

const Edition* find_edition(const std::vector<Edition>& editions, const std::string& id) {
  for (const auto& e : editions)
    if (e.config.id == id) return &e;
  return nullptr;
}

// The newest edition goes to the site root, the others to a folder named after them.
SiteInfo site_info(const std::vector<Edition>& editions, size_t index) {
  SiteInfo site;
  for (size_t i = editions.size(); i-- > 0;)
    site.editions.push_back(
        {editions[i].config.label, i + 1 == editions.size() ? "" : editions[i].config.id + "/"});
  site.current = editions.size() - 1 - index;
  site.dir = site.editions[site.current].dir;
  return site;
}

size_t total(const std::vector<SiteOutcome>& sites, size_t SiteOutcome::*count) {
  size_t n = 0;
  for (const auto& site : sites) n += site.*count;
  return n;
}

}  // namespace

std::optional<Generated> generate(const FileSystem& fs, const BuildOptions& options,
                                  Diagnostics& diagnostics) {
  Theme theme = load_theme(fs, options.theme, diagnostics);
  return generate_site(fs, options.content_dir, theme, options.integrity, diagnostics);
}

std::optional<Generated> generate_site(const FileSystem& fs, const std::string& content_dir,
                                       const Theme& theme, bool integrity, Diagnostics& diagnostics,
                                       const ComputedHook& before_disclosure) {
  std::vector<Edition> editions = load_editions(fs, content_dir, diagnostics);

  std::vector<std::vector<PageSpec>> specs;
  for (const auto& edition : editions) {
    std::vector<PageSpec> page_specs;
    for (const auto& page : edition.pages) page_specs.push_back(read_page_spec(page, diagnostics));
    check_edition(edition, page_specs, diagnostics);
    check_stale_text(edition, find_edition(editions, edition.config.previous), diagnostics);
    if (!edition.config.previous.empty() && !find_edition(editions, edition.config.previous))
      diagnostics.error({edition.config.where.file, 0, 0},
                        "vorige editie '" + edition.config.previous + "' bestaat niet",
                        "geef bij 'vorige:' de mapnaam van de vorige editie");
    specs.push_back(std::move(page_specs));
  }
  if (diagnostics.has_errors()) return std::nullopt;

  Generated out;
  out.editions = editions.size();
  if (!editions.empty()) out.latest_edition = editions.back().config.id;
  std::map<std::string, std::vector<PublishedPage>> published;  // by edition id, oldest first
  std::map<std::string, std::vector<ComputedPage>> computed;
  std::map<std::string, std::vector<DataRelation>> relations;
  for (size_t i = 0; i < editions.size(); ++i) {
    const Edition& edition = editions[i];
    const Edition* previous = find_edition(editions, edition.config.previous);
    const std::string& id = edition.config.id;
    computed[id] = compute_edition(edition, specs[i], previous, diagnostics);
    if (before_disclosure) before_disclosure(computed[id]);
    // Every edition before this one, along `vorige:`: a reader has them all beside it.
    std::vector<EarlierEdition> earlier;
    std::set<std::string> seen{id};
    for (const Edition* e = previous; e && seen.insert(e->config.id).second;
         e = find_edition(editions, e->config.previous))
      earlier.push_back(
          {e, &computed[e->config.id], &published[e->config.id], &relations[e->config.id]});
    Disclosed disclosed = disclose(edition, computed[id], earlier, diagnostics);
    published[id] = std::move(disclosed.pages);
    relations[id] = std::move(disclosed.relations);
    out.disclosure_report.insert(out.disclosure_report.end(), disclosed.report.begin(),
                                 disclosed.report.end());
    // The comparison with the previous edition uses only what both editions publish.
    const std::vector<PublishedPage>* before = previous ? &published[previous->config.id] : nullptr;
    auto models = page_models(edition, published[edition.config.id], site_info(editions, i));
    if (before)
      models.push_back(changes_page_model(edition, published[edition.config.id], *before,
                                          site_info(editions, i), previous->config.label));
    models.push_back(accessibility_page_model(edition, site_info(editions, i)));
    auto files = render_edition(models, theme, integrity);
    for (const auto& image : edition.images)
      files.push_back({site_info(editions, i).dir + image.path, image.bytes});
    out.pages += models.size();
    out.files.insert(out.files.end(), std::make_move_iterator(files.begin()),
                     std::make_move_iterator(files.end()));
  }
  if (diagnostics.has_errors()) return std::nullopt;
  out.files.insert(out.files.end(), theme.assets.begin(), theme.assets.end());
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
  Theme theme = load_theme(fs, options.theme, outcome.diagnostics);  // once for all sites
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
