// sdmonitor: the command line. Parses arguments, runs the library, prints, picks the exit code.

#include <CLI/CLI.hpp>
#include <csignal>
#include <iostream>

#include "load/file_system.h"
#include "load/program_theme.h"
#include "pipeline/figure_catalog.h"
#include "pipeline/new_edition.h"
#include "pipeline/pdf_build.h"
#include "pipeline/pipeline.h"
#include "pipeline/preview.h"
#include "pipeline/report.h"
#include "pipeline/sites.h"
#include "serve/preview_server.h"
#include "util/text.h"

namespace {

void print(const sdm::Report& report) {
  std::cerr << report.err;
  std::cout << report.out;
}

volatile std::sig_atomic_t stop_requested = 0;

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
      what = "onbekend argument: " + sdm::join(app->remaining(true), " ");
    return "sdmonitor: fout: " + what +
           "\n  tip: 'sdmonitor --help' en 'sdmonitor <opdracht> --help' tonen de mogelijkheden\n";
  });
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"sdmonitor: maakt de Monitor Sociaal Domein als statische website"};
  app.require_subcommand(1);
  speak_dutch(app);
  sdm::BuildOptions options;
  // Run from the build folder, the theme is the source tree's; installed, the one beside it.
#if defined(SDM_SOURCE_DIR) && defined(SDM_BUILD_DIR)
  options.theme = sdm::program_theme(SDM_SOURCE_DIR, SDM_BUILD_DIR);
#else
  options.theme = sdm::program_theme({}, {});
#endif
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
  // pdf, serve and the lists of check work on one site.
  auto one_site = [&](const std::string& command) {
    const std::string refusal = sdm::one_site_only(fs, options.content_dir, command);
    std::cerr << refusal;
    return refusal.empty();
  };
  try {
    if (build_cmd->parsed()) {
      const auto run = sdm::run_sites(fs, options, true);
      print(sdm::run_report(run, options, true));
      return run.ok() ? 0 : 1;
    }
    if (new_cmd->parsed()) {
      auto plan = sdm::start_new_edition(fs, options.content_dir, new_id, from_id, diagnostics);
      print(sdm::new_edition_report(plan, diagnostics, options.content_dir, new_id, from_id));
      return plan ? 0 : 1;
    }
    if (pdf_cmd->parsed()) {
      if (!one_site("pdf")) return 1;
      std::string name;
      const bool ok = sdm::build_with_pdf(fs, options, chromium, diagnostics, &name);
      print(sdm::pdf_report(ok, diagnostics, options.out_dir, name));
      return ok ? 0 : 1;
    }
    if (check_cmd->parsed() && list_figures) {
      if (!one_site("check --list-figures")) return 1;
      auto catalog = sdm::figure_catalog(fs, options, diagnostics);
      print(sdm::figure_list_report(catalog, diagnostics));
      return catalog ? 0 : 1;
    }
    if (check_cmd->parsed() && list_hidden) {
      if (!one_site("check --list-hidden")) return 1;
      auto generated = sdm::generate(fs, options, diagnostics);
      print(sdm::hidden_report(generated, diagnostics));
      return generated ? 0 : 1;
    }
    if (serve_cmd->parsed()) {
      if (!one_site("serve")) return 1;
      std::signal(SIGINT, [](int) { stop_requested = 1; });
      std::signal(SIGTERM, [](int) { stop_requested = 1; });
      sdm::ServeOptions serve;
      serve.port = port;
      serve.watched = {options.content_dir, options.theme.templates_dir, options.theme.assets_dir};
      serve.rebuild = [&](sdm::PreviewSite& site) {
        std::cerr << sdm::rebuild_preview(options, site);
      };
      serve.on_listening = [](int p) { std::cerr << sdm::preview_address(p); };
      serve.keep_running = [] { return stop_requested == 0; };
      sdm::serve_preview(serve);
      return 0;
    }
    const auto run = sdm::run_sites(fs, options, false);
    print(sdm::run_report(run, options, false));
    return run.ok() ? 0 : 1;
  } catch (const sdm::FatalError& e) {
    std::cerr << "sdmonitor: " << e.message << "\n";
    return 2;
  }
}
