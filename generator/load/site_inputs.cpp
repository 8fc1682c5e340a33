#include "load/site_inputs.h"

#include <elf.h>
#include <link.h>

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "util/digest.h"

namespace sdm {

SiteInputs::SiteInputs(const FileSystem& disk, const std::string& dir)
    : disk_(disk), dir_(join_path(dir, "")), listed_(disk.list_files(dir)) {
  for (const auto& rel : listed_)
    if (auto bytes = disk.read(dir_ + rel)) files_.emplace(rel, std::move(*bytes));
}

std::optional<std::string> SiteInputs::read(const std::string& path) const {
  if (path.starts_with(dir_))
    if (auto it = files_.find(path.substr(dir_.size())); it != files_.end()) return it->second;
  return disk_.read(path);
}

// Below the site's folder from the listing made at construction: the load stage lists every
// edition and its data folder, and each walk over the disk costs a system call per folder.
std::vector<std::string> SiteInputs::list_files(const std::string& dir) const {
  const std::string below = join_path(dir, "");
  if (!below.starts_with(dir_)) return disk_.list_files(dir);
  const std::string prefix = below.substr(dir_.size());
  std::vector<std::string> out;
  // Sorted, so the paths below one folder are one run, and sorted without the prefix too.
  for (auto it = std::lower_bound(listed_.begin(), listed_.end(), prefix);
       it != listed_.end() && it->starts_with(prefix); ++it)
    out.push_back(it->substr(prefix.size()));
  return out;
}

std::vector<std::string> SiteInputs::list_dirs(const std::string& dir) const {
  return disk_.list_dirs(dir);
}

std::string SiteInputs::fingerprint(std::string_view context) const {
  Digest digest;
  digest.add(context);
  // Paths relative to the site: the same site moved elsewhere is the same site.
  for (const auto& [path, bytes] : files_) digest.add(path).add(bytes);
  return digest.hex();
}

namespace {

// The GNU build id that the linker wrote into the program (a hash of what it linked), or "".
std::string build_id() {
  std::string id;
  dl_iterate_phdr(
      [](dl_phdr_info* info, size_t, void* data) -> int {
        for (int i = 0; i < info->dlpi_phnum; ++i) {
          const auto& segment = info->dlpi_phdr[i];
          if (segment.p_type != PT_NOTE) continue;
          const char* at = reinterpret_cast<const char*>(info->dlpi_addr + segment.p_vaddr);
          const char* end = at + segment.p_memsz;
          auto aligned = [](uint32_t n) { return (n + 3) & ~3u; };
          while (at + sizeof(ElfW(Nhdr)) <= end) {
            const auto* note = reinterpret_cast<const ElfW(Nhdr)*>(at);
            const char* name = at + sizeof(ElfW(Nhdr));
            const char* desc = name + aligned(note->n_namesz);
            if (note->n_type == NT_GNU_BUILD_ID && note->n_namesz == 4 &&
                std::memcmp(name, "GNU", 4) == 0 && desc + note->n_descsz <= end) {
              static_cast<std::string*>(data)->assign(desc, note->n_descsz);
              return 1;
            }
            at = desc + aligned(note->n_descsz);
          }
        }
        return 1;  // the first object is the program itself; the libraries don't matter here
      },
      &id);
  return id;
}

}  // namespace

std::string program_fingerprint(const FileSystem& disk) {
  Digest digest;
  // The whole program when it has no build id: slower (tens of megabytes with debug info).
  std::string id = build_id();
  digest.add(id.empty() ? disk.read("/proc/self/exe").value_or("sdmonitor") : id);
  return digest.hex();
}

}  // namespace sdm
