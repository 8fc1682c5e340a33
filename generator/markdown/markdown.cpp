#include "markdown/markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <cstdlib>
#include <mutex>

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
