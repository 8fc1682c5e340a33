// sdmonitor: the command line. Parses arguments, runs the library, prints, picks the exit code.

#include <CLI/CLI.hpp>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <iostream>

#include "load/file_system.h"
#include "load/load_theme.h"
#include "pipeline/figure_catalog.h"
#include "pipeline/new_edition.h"
#include "pipeline/pdf_build.h"
#include "pipeline/pipeline.h"
#include "pipeline/sites.h"
#include "serve/preview_server.h"

namespace {

void print(const sdm::Diagnostics& diagnostics) {
  std::cerr << sdm::format_diagnostics(diagnostics);
}

volatile std::sig_atomic_t stop_requested = 0;

// Rebuilds the preview from disk and reports how long it took.
void rebuild_preview(const sdm::BuildOptions& options, sdm::PreviewSite& site) {
  auto start = std::chrono::steady_clock::now();
  sdm::DiskFileSystem fs(options.content_dir);
  sdm::Diagnostics diagnostics;
  auto result = sdm::generate(fs, options, diagnostics);
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                                  start)
                .count();
  print(diagnostics);
  if (result) {
    site.show_site(result->files);
    std::cerr << "Bijgewerkt in " << ms << " ms (" << result->pages << " pagina's).\n";
  } else {
    site.show_errors(diagnostics);
    std::cerr << "Fouten gevonden; de preview toont ze.\n";
  }
}

int summarize(const sdm::Diagnostics& diagnostics) {
  int errors = 0, warnings = 0;
  for (const auto& d : diagnostics.items())
    (d.severity == sdm::Severity::Error ? errors : warnings)++;
  if (errors > 0)
    std::cerr << errors << (errors == 1 ? " fout" : " fouten") << ", " << warnings
              << (warnings == 1 ? " waarschuwing" : " waarschuwingen") << "\n";
  return errors;
}

std::string joined(const std::vector<std::string>& names, const char* separator = ", ") {
  std::string out;
  for (const auto& name : names) out += (out.empty() ? "" : separator) + name;
  return out;
}

// What a RequiredError is about, read from the parser's state: CLI11's message is English.
std::string missing_argument(const CLI::App* app) {
  if (const auto commands = app->get_subcommands(); !commands.empty())
    return missing_argument(commands.front());
  if (app->get_require_subcommand_min() > 0)
    return "kies een opdracht: build, check, new, pdf of serve";
  for (const CLI::Option* option : app->get_options())
    if (option->get_required() && option->count() == 0) return option->get_name() + " ontbreekt";
  return "een verplicht argument ontbreekt";
}

// CLI11 speaks English; editors read Dutch. The help labels and the usual parse errors in Dutch.
void speak_dutch(CLI::App& app) {
  app.option_defaults()->group("Opties");
  app.set_help_flag("-h,--help", "toon deze hulp");
  auto formatter = app.get_formatter();
  for (auto [en, nl] : {std::pair{"Usage", "Gebruik"},
                        {"Options", "Opties"},
                        {"Positionals", "Argumenten"},
                        {"Subcommands", "Opdrachten"},
                        {"REQUIRED", "VERPLICHT"},
                        {"OPTIONS", "OPTIES"},
                        {"SUBCOMMAND", "OPDRACHT"},
                        {"TEXT", "TEKST"},
                        {"INT", "GETAL"}})
    formatter->label(en, nl);
  app.failure_message([](const CLI::App* app, const CLI::Error& e) {
    std::string what = e.what();
    if (dynamic_cast<const CLI::RequiredError*>(&e))
      what = missing_argument(app);
    else if (dynamic_cast<const CLI::ExtrasError*>(&e))
      what = "onbekend argument: " + joined(app->remaining(true), " ");
    return "sdmonitor: fout: " + what +
           "\n  tip: 'sdmonitor --help' en 'sdmonitor <opdracht> --help' tonen de mogelijkheden\n";
  });
}

// After content errors: the counts, and the reassurance that the published site is untouched
// (or, when there is none, that none was made).
int report_unpublished(const sdm::Diagnostics& diagnostics, const std::string& out_dir,
                       bool many_sites = false) {
  summarize(diagnostics);
  std::error_code ec;
  if (!std::filesystem::exists(out_dir, ec)) {
    std::cerr << "Niets gepubliceerd; " << out_dir << " is niet gemaakt.\n";
    return 1;
  }
  std::cerr << "Niets gepubliceerd; de bestaande " << (many_sites ? "sites in " : "site in ")
            << out_dir << (many_sites ? " zijn" : " is") << " ongewijzigd.\n";
  return 1;
}

// Every diagnostic of a run: the content folder's own, then each site's, in name order.
sdm::Diagnostics all_diagnostics(const sdm::RunOutcome& run) {
  sdm::Diagnostics all = run.diagnostics;
  for (const auto& site : run.sites) all.append(site.diagnostics);
  return all;
}

// build and check: prints what was found and done, returns the exit code.
int report_run(const sdm::RunOutcome& run, const sdm::BuildOptions& options, bool write) {
  sdm::Diagnostics diagnostics = all_diagnostics(run);
  print(diagnostics);
  size_t sites = run.sites.size();
  if (!run.ok()) {
    if (run.many && !run.failed_sites().empty())
      std::cerr << "Fouten in " << run.failed_sites().size() << " van " << sites
                << " sites: " << joined(run.failed_sites()) << ".\n";
    if (write) return report_unpublished(diagnostics, options.out_dir, run.many);
    summarize(diagnostics);
    return 1;
  }
  std::string where = run.many ? " in " + std::to_string(sites) + " sites" : "";
  if (!write) {
    const size_t warnings = diagnostics.items().size();  // no errors here: all are warnings
    std::cout << "Geen fouten gevonden" << where
              << (warnings == 0   ? ""
                  : warnings == 1 ? ", wel 1 waarschuwing"
                                  : ", wel " + std::to_string(warnings) + " waarschuwingen")
              << " (" << run.pages() << " pagina's).\n";
    return 0;
  }
  std::cout << (run.many ? std::to_string(sites) + " sites" : std::string("Site")) << " gemaakt in "
            << options.out_dir << ": " << run.pages() << " pagina's, " << run.editions()
            << (run.editions() == 1 ? " editie" : " edities") << ", " << run.files()
            << " bestanden (" << run.written.written << " geschreven, " << run.written.removed
            << " verwijderd"
            << (run.unchanged() == 0 ? ""
                : run.unchanged() == 1
                    ? "; 1 site ongewijzigd"
                    : "; " + std::to_string(run.unchanged()) + " sites ongewijzigd")
            << ").\n";
  if (size_t hidden = run.warnings_not_shown(); hidden > 0)
    std::cout << (hidden == 1 ? "1 waarschuwing" : std::to_string(hidden) + " waarschuwingen")
              << " van ongewijzigde sites niet opnieuw getoond; 'sdmonitor check --content "
              << options.content_dir << "' toont alles.\n";
  return 0;
}

// pdf, serve and check --list-figures work on one site; say so for a folder of sites.
bool single_site(const sdm::FileSystem& fs, const std::string& content_dir, const char* command) {
  sdm::Diagnostics ignored;
  sdm::SiteLayout layout = sdm::find_sites(fs, content_dir, ignored);
  if (!layout.many) return true;
  std::cerr << "sdmonitor " << command << ": " << content_dir << " is een map met "
            << layout.sites.size() << " sites; dit commando werkt per site\n  tip: geef de map van "
            << "één site op, bijvoorbeeld --content "
            << (layout.sites.empty() ? content_dir : layout.sites.front().content_dir) << "\n";
  return false;
}

// The templates, assets and Chart.js next to the installed program, or in the source tree when
// the program runs from its build folder (see default_theme_paths).
sdm::ThemePaths default_theme() {
  std::error_code error;
  std::filesystem::path executable = std::filesystem::read_symlink("/proc/self/exe", error);
  if (error) return {};
  std::string source_dir;
#if defined(SDM_SOURCE_DIR) && defined(SDM_BUILD_DIR)
  if (std::filesystem::equivalent(executable.parent_path(), SDM_BUILD_DIR, error))
    source_dir = SDM_SOURCE_DIR;
#endif
  return sdm::default_theme_paths(sdm::DiskFileSystem(), executable.string(), source_dir);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"sdmonitor: maakt de Monitor Sociaal Domein als statische website"};
  app.require_subcommand(1);
  speak_dutch(app);
  sdm::BuildOptions options;
  options.theme = default_theme();
  auto add_common = [&](CLI::App* cmd) {
    cmd->add_option("--content", options.content_dir, "map met de edities")->capture_default_str();
    cmd->add_option("--templates", options.theme.templates_dir, "map met sjablonen")
        ->capture_default_str();
    cmd->add_option("--assets", options.theme.assets_dir, "map met CSS en script")
        ->capture_default_str();
    cmd->add_option("--chartjs", options.theme.chartjs, "pad naar chart.umd.js")
        ->capture_default_str();
  };
  CLI::App* build_cmd = app.add_subcommand("build", "controleer de inhoud en maak de site");
  add_common(build_cmd);
  build_cmd->add_option("--out", options.out_dir, "uitvoermap")->capture_default_str();
  build_cmd->add_flag(
      "--sri", options.integrity,
      "voeg Subresource Integrity toe aan script en CSS (voor een webserver; werkt niet "
      "vanaf file://)");
  CLI::App* check_cmd =
      app.add_subcommand("check", "controleer de inhoud zonder iets te schrijven");
  add_common(check_cmd);
  bool list_figures = false;
  check_cmd->add_flag("--list-figures", list_figures,
                      "toon alle verwijzingen naar cijfers met hun waarde");
  bool list_hidden = false;
  check_cmd->add_flag("--list-hidden", list_hidden,
                      "toon wat de onthullingscontrole verbergt en waarom, en welke relaties "
                      "tussen de cijfers ze vond");
  CLI::App* new_cmd = app.add_subcommand("new", "begin een nieuwe editie als kopie van de vorige");
  std::string new_id, from_id;
  new_cmd->add_option("editie", new_id, "naam van de nieuwe editie, bijvoorbeeld 2024-q2")
      ->required();
  new_cmd->add_option("--from", from_id, "de editie om te kopiëren")->required();
  new_cmd->add_option("--content", options.content_dir, "map met de edities")
      ->capture_default_str();
  CLI::App* pdf_cmd = app.add_subcommand(
      "pdf", "maak de site en de hele monitor als PDF (site/monitor-<editie>.pdf)");
  add_common(pdf_cmd);
  pdf_cmd->add_option("--out", options.out_dir, "uitvoermap")->capture_default_str();
  std::string chromium = "chromium";
  pdf_cmd->add_option("--chromium", chromium, "het Chromium-programma")->capture_default_str();
  CLI::App* serve_cmd = app.add_subcommand("serve", "voorbeeld op 127.0.0.1 dat zichzelf bijwerkt");
  add_common(serve_cmd);
  int port = 8000;
  serve_cmd->add_option("--port", port, "poort")
      ->capture_default_str()
      ->check(CLI::Validator(
          [](const std::string& text) -> std::string {
            const bool digits = !text.empty() && text.size() <= 5 &&
                                text.find_first_not_of("0123456789") == std::string::npos;
            if (digits && std::stoi(text) <= 65535) return {};
            return "'" + text +
                   "' is geen poortnummer; kies een getal van 0 tot en met 65535 (0: "
                   "een vrije poort)";
          },
          "0-65535"));
  for (CLI::App* command : app.get_subcommands({})) {
    command->group("Opdrachten");
    if (CLI::Option* help = command->get_help_ptr()) help->group("Opties");
  }
  CLI11_PARSE(app, argc, argv);

  sdm::DiskFileSystem fs(options.content_dir);
  sdm::Diagnostics diagnostics;
  try {
    if (build_cmd->parsed()) return report_run(sdm::run_sites(fs, options, true), options, true);
    if (new_cmd->parsed()) {
      auto plan = sdm::start_new_edition(fs, options.content_dir, new_id, from_id, diagnostics);
      print(diagnostics);
      if (!plan) return 1;
      std::cout << "Nieuwe editie " << sdm::join_path(options.content_dir, new_id)
                << " gemaakt als kopie van " << from_id << ".\nNu te doen:\n";
      for (const auto& line : plan->todo) std::cout << "  - " << line << "\n";
      std::cout << "Controleer daarna met: sdmonitor check --content " << options.content_dir
                << "\n";
      return 0;
    }
    if (pdf_cmd->parsed()) {
      if (!single_site(fs, options.content_dir, "pdf")) return 1;
      std::string name;
      bool ok = sdm::build_with_pdf(fs, options, chromium, diagnostics, &name);
      print(diagnostics);
      if (!ok) return report_unpublished(diagnostics, options.out_dir);
      std::cout << "Site en PDF gemaakt: " << sdm::join_path(options.out_dir, name) << "\n";
      return 0;
    }
    if (check_cmd->parsed() && list_figures) {
      if (!single_site(fs, options.content_dir, "check --list-figures")) return 1;
      auto catalog = sdm::figure_catalog(fs, options, diagnostics);
      print(diagnostics);
      if (!catalog) return 1;
      for (const auto& entry : *catalog)
        std::cout << entry.edition << "  " << entry.reference << "  →  " << entry.text << "\n";
      return 0;
    }
    if (check_cmd->parsed() && list_hidden) {
      if (!single_site(fs, options.content_dir, "check --list-hidden")) return 1;
      auto generated = sdm::generate(fs, options, diagnostics);
      print(diagnostics);
      if (!generated) return 1;
      for (const auto& line : generated->disclosure_report) std::cout << line << "\n";
      return 0;
    }
    if (serve_cmd->parsed()) {
      if (!single_site(fs, options.content_dir, "serve")) return 1;
      std::signal(SIGINT, [](int) { stop_requested = 1; });
      std::signal(SIGTERM, [](int) { stop_requested = 1; });
      sdm::ServeOptions serve;
      serve.port = port;
      serve.watched = {options.content_dir, options.theme.templates_dir, options.theme.assets_dir};
      serve.rebuild = [&](sdm::PreviewSite& site) { rebuild_preview(options, site); };
      serve.on_listening = [](int p) {
        std::cerr << "Voorbeeld op http://127.0.0.1:" << p << "/ (stoppen met Ctrl+C)\n";
      };
      serve.keep_running = [] { return stop_requested == 0; };
      sdm::serve_preview(serve);
      return 0;
    }
    return report_run(sdm::run_sites(fs, options, false), options, false);
  } catch (const sdm::FatalError& e) {
    std::cerr << "sdmonitor: " << e.message << "\n";
    return 2;
  }
}
