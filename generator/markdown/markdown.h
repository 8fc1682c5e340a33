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
  // Replaces `node` by a paragraph holding only `text`.
  void replace_with_paragraph(cmark_node* node, const std::string& text);
  // In the literal of every text, code and code block node, replaces each `.first` by its
  // `.second`: plain text, escaped by the HTML renderer like any other text.
  void replace_in_text(const std::vector<std::pair<std::string, std::string>>& replacements);
  std::string to_html() const;

 private:
  cmark_node* root_ = nullptr;
};

}  // namespace sdm
