#include "validate/prose_lines.h"

#include "util/text.h"

namespace sdm {

std::vector<std::string> prose_lines(const std::string& markdown) {
  std::vector<std::string> lines = split(markdown, '\n');
  bool in_block = false;
  for (auto& line : lines) {
    bool fence = line.rfind("```", 0) == 0;
    if (fence) in_block = !in_block;
    if (fence || in_block) {
      line.clear();
      continue;
    }
    for (size_t open = 0; (open = line.find("{{", open)) != std::string::npos;) {
      size_t close = line.find("}}", open);
      size_t end = close == std::string::npos ? line.size() : close + 2;
      line.replace(open, end - open, end - open, ' ');
    }
  }
  return lines;
}

}  // namespace sdm
