#include "pipeline/pdf_build.h"

#include <unistd.h>

#include <filesystem>

#include "pdf/print_pdf.h"
#include "write/write_site.h"

namespace sdm {

bool build_with_pdf(const FileSystem& fs, const BuildOptions& options, const std::string& chromium,
                    Diagnostics& diagnostics, std::string* pdf_name) {
  auto generated = generate(fs, options, diagnostics);
  if (!generated) return false;
  std::string scratch =
      (std::filesystem::temp_directory_path() / ("sdmonitor-pdf-" + std::to_string(getpid())))
          .string();
  std::filesystem::remove_all(scratch);  // left by a killed run with the same process id
  write_new_folder(scratch, generated->files);
  std::string name = "monitor-" + generated->latest_edition + ".pdf";
  std::string pdf = scratch + "/" + name;
  try {
    print_pdf(chromium, scratch + "/afdrukken.html", pdf);
  } catch (...) {
    std::filesystem::remove_all(scratch);
    throw;
  }
  auto bytes = fs.read(pdf);
  std::filesystem::remove_all(scratch);
  if (!bytes) throw FatalError("PDF niet gevonden na afdrukken");
  generated->files.push_back({name, *bytes});
  write_site(options.out_dir, generated->files);
  if (pdf_name) *pdf_name = name;
  return true;
}

}  // namespace sdm
