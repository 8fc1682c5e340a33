#include "pdf/print_pdf.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <vector>

#include "util/diagnostic.h"

extern char** environ;

namespace fs = std::filesystem;

namespace sdm {

void print_pdf(const std::string& chromium, const std::string& html_file,
               const std::string& pdf_file) {
  fs::path profile = fs::temp_directory_path() / ("sdmonitor-chromium-" + std::to_string(getpid()));
  std::vector<std::string> args = {
      chromium, "--headless", "--no-sandbox", "--disable-gpu",
      // No connections to anywhere: the page and everything it uses are local files.
      "--disable-background-networking", "--disable-quic", "--no-first-run",
      "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile.string(),
      "--no-pdf-header-footer",
      // Chapters and sections as bookmarks; the PDF is tagged (structure for screen readers).
      "--generate-pdf-document-outline", "--export-tagged-pdf",
      // Let the charts draw before printing.
      "--virtual-time-budget=10000", "--print-to-pdf=" + fs::absolute(pdf_file).string(),
      "file://" + fs::absolute(html_file).string()};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  int spawned = posix_spawnp(&pid, chromium.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0)
    throw FatalError("kan '" + chromium +
                     "' niet starten; installeer Chromium (apt-get install chromium)");
  int status = 0;
  waitpid(pid, &status, 0);
  std::error_code ec;
  fs::remove_all(profile, ec);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || !fs::exists(pdf_file) ||
      fs::file_size(pdf_file) == 0)
    throw FatalError("Chromium kon " + html_file + " niet als PDF afdrukken");
}

}  // namespace sdm
