// libFuzzer target: Markdown body -> read_page_spec() (cmark-gfm walk, ```grafiek / ```tabel /
// ```kerncijfers blocks as YAML, link and image checks, figure references). When the validator
// accepts the page, its body (markdown/page_body.h) is also rendered as render_body() does, with
// figure texts that try to be markup, and the HTML is checked: accepted content must render inert.

#include <cstdint>
#include <string>
#include <variant>

#include "fuzz_common.h"
#include "html_checks.h"
#include "load/page_spec.h"
#include "markdown/page_body.h"

using namespace sdm;

namespace {

SourceLocation where_of(const Directive& d) {
  return std::visit([](const auto& spec) { return spec.where; }, d);
}

void check_rendered(PageBody& body, size_t figures) {
  BodyParts parts;
  parts.blocks.assign(body.blocks(), "<figure class=\"blok\"></figure>");
  parts.figures.assign(figures, "<script>alert(1)</script> & [a](javascript:x)");
  parts.image_attributes = [](const std::string&) { return std::string("loading=\"lazy\""); };
  const std::string html = body.html(parts);

  const char* tag = fuzz::active_tag(html);
  SDM_FUZZ_CHECK(!tag, "accepted page renders %s:\n%s", tag, html.c_str());
  // Raw HTML that the validator did not report would be dropped silently by cmark.
  SDM_FUZZ_CHECK(html.find("<!-- raw HTML omitted -->") == std::string::npos,
                 "raw HTML passed the validator:\n%s", html.c_str());
  for (const auto& href : fuzz::attribute_values(html, "href")) {
    std::string scheme = fuzz::url_scheme(href);
    SDM_FUZZ_CHECK(scheme.empty() || scheme == "https" || scheme == "mailto",
                   "accepted link with scheme '%s': %s", scheme.c_str(), href.c_str());
  }
  for (const auto& src : fuzz::attribute_values(html, "src"))
    SDM_FUZZ_CHECK(!fuzz::leaves_site(src), "accepted image outside the edition: %s", src.c_str());
  for (const auto& id : fuzz::attribute_values(html, "id"))
    for (char c : id)
      SDM_FUZZ_CHECK(
          (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == ':',
          "heading id '%s'", id.c_str());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  Page page;
  page.slug = "pagina";
  page.file = "content/e/pagina.md";
  page.title = "Pagina";
  page.short_title = "Pagina";
  page.body_line = 5;
  page.markdown.assign(reinterpret_cast<const char*>(data), size);

  Diagnostics d;
  std::shared_ptr<PageBody> body;
  PageSpec spec = read_page_spec(page, d, &body);

  const int last_line = page.body_line - 1 + fuzz::line_count(page.markdown);
  fuzz::check_diagnostics(d, page.file, page.body_line, last_line);
  for (const auto& directive : spec.directives) {
    SourceLocation w = where_of(directive);
    SDM_FUZZ_CHECK(w.file == page.file && w.line >= page.body_line && w.line <= last_line,
                   "block at line %d outside %d..%d", w.line, page.body_line, last_line);
    SDM_FUZZ_CHECK(w.column >= 1, "block without column");
  }
  for (const auto& ref : spec.figures)
    SDM_FUZZ_CHECK(ref.offset + ref.length <= page.markdown.size() &&
                       page.markdown.compare(ref.offset, 2, "{{") == 0,
                   "figure span outside the body");
  if (!d.has_errors()) check_rendered(*body, spec.figures.size());
  return 0;
}
