// libFuzzer target: Markdown text -> find_figure_refs() (the {{ functie data kolom jaar }} parser).

#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_common.h"
#include "load/figure_refs.h"

using namespace sdm;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string markdown(reinterpret_cast<const char*>(data), size);
  const std::string file = "content/e/pagina.md";
  const int body_line = 7;
  Diagnostics d;
  auto refs = find_figure_refs(markdown, file, body_line, d);

  fuzz::check_diagnostics(d, file, body_line, body_line - 1 + fuzz::line_count(markdown));
  size_t previous_end = 0;
  for (const auto& ref : refs) {
    // Offsets are used to splice the formatted figure into the Markdown: they must delimit
    // exactly one "{{ … }}" and must not overlap or go backwards.
    SDM_FUZZ_CHECK(ref.offset >= previous_end, "references overlap or are out of order");
    SDM_FUZZ_CHECK(ref.length >= 4 && ref.offset + ref.length <= markdown.size(),
                   "span outside text");
    SDM_FUZZ_CHECK(markdown.compare(ref.offset, 2, "{{") == 0, "span does not start with {{");
    SDM_FUZZ_CHECK(markdown.compare(ref.offset + ref.length - 2, 2, "}}") == 0,
                   "span does not end with }}");
    SDM_FUZZ_CHECK(!ref.dataset.empty(), "reference without dataset");
    // A year is one Period::parse accepts ("0681" once gave year 681, and "0000" gave 0, which
    // then read as "no year given"; findings/fuzz_figure_refs/year-*.md).
    SDM_FUZZ_CHECK(ref.year == 0 || (ref.year >= 1900 && ref.year <= 2199), "year %d", ref.year);
    SDM_FUZZ_CHECK(!figure_function_keyword(ref.function).empty(), "unknown function");
    // The reported line is the line of the "{{".
    int line = body_line;
    for (size_t i = 0; i < ref.offset; ++i) line += markdown[i] == '\n';
    SDM_FUZZ_CHECK(ref.where.line == line, "line %d, expected %d", ref.where.line, line);
    previous_end = ref.offset + ref.length;
  }
  return 0;
}
