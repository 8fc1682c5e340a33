// libFuzzer target: page bytes -> read_page() (decoding, front matter split, YAML, settings).

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_common.h"
#include "load/encoding.h"
#include "load/load_edition.h"
#include "util/text.h"

using namespace sdm;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const std::string file = "content/e/pagina.md";
  Diagnostics d;
  Page page = read_page("pagina", file, bytes, d);

  const int lines = fuzz::line_count(bytes);
  fuzz::check_diagnostics(d, file, 1, lines);
  SDM_FUZZ_CHECK(page.slug == "pagina" && page.file == file, "identity lost");
  SDM_FUZZ_CHECK(page.body_line >= 1 && page.body_line <= lines + 1, "body_line %d of %d lines",
                 page.body_line, lines);

  // The body is the tail of the decoded, CRLF-normalised file and starts on body_line: every
  // location inside the body (blocks, links, figure references) is computed from it.
  const std::string text = replace_all(decode_text(bytes).text, "\r\n", "\n");
  SDM_FUZZ_CHECK(text.ends_with(page.markdown), "body is not the tail of the file");
  if (!page.markdown.empty()) {
    size_t start = text.size() - page.markdown.size();
    int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + start, '\n'));
    SDM_FUZZ_CHECK(line == page.body_line, "body starts on line %d, body_line says %d", line,
                   page.body_line);
  }
  if (!d.has_errors()) {
    // A page without a visible title gives an empty <h1> and <title>: must be an error.
    SDM_FUZZ_CHECK(!trim(page.title).empty(), "blank title accepted");
  }
  return 0;
}
