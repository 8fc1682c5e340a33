#pragma once
// cmark-gfm behind one small RAII type. GFM tables, strikethrough and footnotes are on;
// raw HTML is never rendered (no CMARK_OPT_UNSAFE): the renderer replaces it with a comment.

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

struct cmark_node;

namespace sdm {

class MarkdownDocument {
 public:
  explicit MarkdownDocument(std::string_view text);
  ~MarkdownDocument();
  MarkdownDocument(MarkdownDocument&&) noexcept;
  MarkdownDocument& operator=(MarkdownDocument&&) noexcept;

  cmark_node* root() const { return root_; }
  // Calls `visit` for every node on entering it, in document order.
  void walk(const std::function<void(cmark_node*)>& visit) const;
  std::string to_html() const;

 private:
  cmark_node* root_ = nullptr;
};

}  // namespace sdm
