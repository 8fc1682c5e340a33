#include "load/program_theme.h"

#include <filesystem>

namespace sdm {

ThemePaths program_theme(const std::string& source_dir, const std::string& build_dir) {
  std::error_code error;
  const std::filesystem::path executable = std::filesystem::read_symlink("/proc/self/exe", error);
  if (error) return {};
  std::string from_source;
  if (!build_dir.empty() && std::filesystem::equivalent(executable.parent_path(), build_dir, error))
    from_source = source_dir;
  return default_theme_paths(DiskFileSystem(), executable.string(), from_source);
}

}  // namespace sdm
