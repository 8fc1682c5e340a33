// sdmonitor: the command line. Parses arguments, runs the library, prints, picks the exit code.

#include <CLI/CLI.hpp>
#include <iostream>

#include "load/file_system.h"
#include "pipeline/pipeline.h"

namespace {

void print(const sdm::Diagnostics& diagnostics) {
  for (const auto& d : diagnostics.items()) std::cerr << sdm::format_diagnostic(d) << "\n";
}

int summarize(const sdm::Diagnostics& diagnostics) {
  int errors = 0, warnings = 0;
  for (const auto& d : diagnostics.items()) (d.severity == sdm::Severity::Error ? errors : warnings)++;
  if (errors > 0)
    std::cerr << errors << (errors == 1 ? " fout" : " fouten") << ", " << warnings
              << (warnings == 1 ? " waarschuwing" : " waarschuwingen") << "\n";
  return errors;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"sdmonitor: maakt de Monitor Sociaal Domein als statische website"};
  app.require_subcommand(1);
  sdm::BuildOptions options;
  auto add_common = [&](CLI::App* cmd) {
    cmd->add_option("--content", options.content_dir, "map met de edities")->capture_default_str();
    cmd->add_option("--templates", options.theme.templates_dir, "map met sjablonen")->capture_default_str();
    cmd->add_option("--assets", options.theme.assets_dir, "map met CSS en script")->capture_default_str();
    cmd->add_option("--chartjs", options.theme.chartjs, "pad naar chart.umd.js")->capture_default_str();
  };
  CLI::App* build_cmd = app.add_subcommand("build", "controleer de inhoud en maak de site");
  add_common(build_cmd);
  build_cmd->add_option("--out", options.out_dir, "uitvoermap")->capture_default_str();
  CLI::App* check_cmd = app.add_subcommand("check", "controleer de inhoud zonder iets te schrijven");
  add_common(check_cmd);
  CLI11_PARSE(app, argc, argv);

  sdm::DiskFileSystem fs;
  sdm::Diagnostics diagnostics;
  try {
    if (build_cmd->parsed()) {
      sdm::Generated generated;
      bool ok = sdm::build(fs, options, diagnostics, &generated);
      print(diagnostics);
      if (!ok) {
        summarize(diagnostics);
        std::cerr << "Niets gepubliceerd; de bestaande site in " << options.out_dir
                  << " is ongewijzigd.\n";
        return 1;
      }
      std::cout << "Site gemaakt in " << options.out_dir << ": " << generated.pages << " pagina's, "
                << generated.editions << (generated.editions == 1 ? " editie" : " edities") << ", "
                << generated.files.size() << " bestanden.\n";
      return 0;
    }
    auto result = sdm::generate(fs, options, diagnostics);
    print(diagnostics);
    if (!result) {
      summarize(diagnostics);
      return 1;
    }
    std::cout << "Geen fouten gevonden (" << result->pages << " pagina's).\n";
    return 0;
  } catch (const sdm::FatalError& e) {
    std::cerr << "sdmonitor: " << e.message << "\n";
    return 2;
  }
}
