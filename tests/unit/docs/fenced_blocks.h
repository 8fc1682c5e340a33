#pragma once
// The fenced code blocks of a manual, for the tests that build its examples.

#include <cmark-gfm.h>

#include <string>
#include <vector>

#include "markdown/markdown.h"

namespace sdm::security {

struct Block {
  int line = 0;  // of the opening fence
  std::string info;
  std::string text;
};

inline std::vector<Block> fenced_blocks(const std::string& markdown) {
  std::vector<Block> out;
  MarkdownDocument doc(markdown);
  doc.walk([&](cmark_node* node) {
    int length = 0, offset = 0;
    char character = 0;
    if (cmark_node_get_type(node) != CMARK_NODE_CODE_BLOCK ||
        !cmark_node_get_fenced(node, &length, &offset, &character))
      return;
    const char* info = cmark_node_get_fence_info(node);
    const char* literal = cmark_node_get_literal(node);
    out.push_back({cmark_node_get_start_line(node), info ? info : "", literal ? literal : ""});
  });
  return out;
}

}  // namespace sdm::security
