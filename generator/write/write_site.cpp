#include "write/write_site.h"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "util/diagnostic.h"
#include "util/text.h"

namespace fs = std::filesystem;

namespace sdm {
namespace {

void write_file(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) throw FatalError("kan " + path.string() + " niet schrijven");
}

}  // namespace

bool safe_relative_path(const std::string& path) {
  if (path.empty() || path[0] == '/' || path.find('\\') != std::string::npos) return false;
  for (const auto& part : split(path, '/'))
    if (part.empty() || part == "." || part == "..") return false;
  return true;
}

void write_new_folder(const std::string& dir, const std::vector<OutputFile>& files) {
  if (fs::exists(dir))
    throw FatalError(dir + " bestaat al; kies een andere naam of verwijder de map eerst");
  for (const auto& file : files) {
    if (!safe_relative_path(file.path)) throw FatalError("onveilig pad: " + file.path);
    write_file(fs::path(dir) / file.path, file.bytes);
  }
}

void write_site(const std::string& out_dir, const std::vector<OutputFile>& files) {
  fs::path target = fs::absolute(out_dir).lexically_normal();
  if (target.filename().empty()) target = target.parent_path();
  fs::path staging = target.parent_path() / (target.filename().string() + ".nieuw");
  std::error_code ec;
  fs::remove_all(staging, ec);
  try {
    fs::create_directories(staging);
    for (const auto& file : files) {
      if (!safe_relative_path(file.path)) throw FatalError("onveilig pad in uitvoer: " + file.path);
      write_file(staging / file.path, file.bytes);
    }
  } catch (const fs::filesystem_error& e) {
    fs::remove_all(staging, ec);
    throw FatalError(e.what());
  } catch (...) {
    fs::remove_all(staging, ec);
    throw;
  }
  if (fs::exists(target)) {
    // Swap both folders in one step; the old site ends up in `staging` and is removed after.
    if (renameat2(AT_FDCWD, staging.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) != 0) {
      fs::remove_all(staging, ec);
      throw FatalError("kan " + target.string() + " niet vervangen");
    }
    fs::remove_all(staging, ec);
  } else {
    fs::rename(staging, target);
  }
}

}  // namespace sdm
