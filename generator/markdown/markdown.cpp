#include "markdown/markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cstdlib>
#include <mutex>

#include "util/text.h"

namespace sdm {
namespace {

constexpr int kOptions = CMARK_OPT_FOOTNOTES | CMARK_OPT_VALIDATE_UTF8;
// No autolink: a bare address in the text stays text; editors make a link on purpose.
const char* const kExtensions[] = {"table", "strikethrough", "tagfilter"};

void register_extensions_once() {
  static std::once_flag once;
  std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

}  // namespace

MarkdownDocument::MarkdownDocument(std::string_view text) {
  register_extensions_once();
  cmark_parser* parser = cmark_parser_new(kOptions);
  for (const char* name : kExtensions)
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
      cmark_parser_attach_syntax_extension(parser, ext);
  cmark_parser_feed(parser, text.data(), text.size());
  root_ = cmark_parser_finish(parser);
  cmark_parser_free(parser);
}

MarkdownDocument::~MarkdownDocument() {
  if (root_) cmark_node_free(root_);
}

MarkdownDocument::MarkdownDocument(MarkdownDocument&& other) noexcept : root_(other.root_) {
  other.root_ = nullptr;
}

MarkdownDocument& MarkdownDocument::operator=(MarkdownDocument&& other) noexcept {
  std::swap(root_, other.root_);
  return *this;
}

void MarkdownDocument::walk(const std::function<void(cmark_node*)>& visit) const {
  cmark_iter* iter = cmark_iter_new(root_);
  cmark_event_type event;
  while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE)
    if (event == CMARK_EVENT_ENTER) visit(cmark_iter_get_node(iter));
  cmark_iter_free(iter);
}

void MarkdownDocument::replace_with_paragraph(cmark_node* node, const std::string& text) {
  cmark_node* paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH);
  cmark_node* literal = cmark_node_new(CMARK_NODE_TEXT);
  cmark_node_set_literal(literal, text.c_str());
  cmark_node_append_child(paragraph, literal);
  cmark_node_replace(node, paragraph);
  cmark_node_free(node);
}

void MarkdownDocument::replace_in_text(
    const std::vector<std::pair<std::string, std::string>>& replacements) {
  if (replacements.empty()) return;
  walk([&](cmark_node* node) {
    cmark_node_type type = cmark_node_get_type(node);
    if (type != CMARK_NODE_TEXT && type != CMARK_NODE_CODE && type != CMARK_NODE_CODE_BLOCK) return;
    const char* literal = cmark_node_get_literal(node);
    if (!literal) return;
    // Most text holds none of them: look before copying.
    const std::string_view view(literal);
    if (std::none_of(replacements.begin(), replacements.end(),
                     [&](const auto& r) { return view.find(r.first) != std::string_view::npos; }))
      return;
    std::string text = literal;
    for (const auto& [from, to] : replacements) text = replace_all(std::move(text), from, to);
    if (text != literal) cmark_node_set_literal(node, text.c_str());
  });
}

std::string MarkdownDocument::to_html() const {
  cmark_llist* extensions = nullptr;
  cmark_mem* mem = cmark_get_default_mem_allocator();
  for (const char* name : kExtensions)
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
      extensions = cmark_llist_append(mem, extensions, ext);
  char* html = cmark_render_html(root_, kOptions, extensions);
  std::string out = html;
  std::free(html);
  cmark_llist_free(mem, extensions);
  return out;
}

}  // namespace sdm
