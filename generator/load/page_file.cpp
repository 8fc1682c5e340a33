#include "load/page_file.h"

#include <algorithm>
#include <stdexcept>

#include "load/text_file.h"
#include "load/yaml_source.h"
#include "util/text.h"

namespace sdm {
namespace {

// More than this many '|' on one line of Markdown is no table an editor wrote; cmark-gfm's time
// grows with the square of a table's columns (40 000 took half a minute).
constexpr size_t kMaxPipesPerLine = 1000;

// False, with an error at the first line that has too many, when a line has more '|' than that.
bool table_rows_fit(std::string_view markdown, const std::string& file, int first_line,
                    Diagnostics& diagnostics) {
  int line = first_line;
  for (size_t pos = 0; pos < markdown.size(); ++line) {
    size_t end = std::min(markdown.find('\n', pos), markdown.size());
    std::string_view text = markdown.substr(pos, end - pos);
    if (static_cast<size_t>(std::count(text.begin(), text.end(), '|')) > kMaxPipesPerLine) {
      diagnostics.error({file, line, 1},
                        "regel heeft meer dan " + std::to_string(kMaxPipesPerLine) +
                            " tekens '|': te veel kolommen voor een tabel",
                        "zet zo'n grote tabel in een CSV-bestand onder data/ en toon die met een "
                        "tabel-blok");
      return false;
    }
    pos = end + 1;
  }
  return true;
}

}  // namespace

Page read_page(const std::string& slug, const std::string& file, std::string_view bytes,
               Diagnostics& diagnostics) {
  Page page;
  page.slug = slug;
  page.file = file;
  auto decoded = read_text(bytes, file, kSaveTextHint, diagnostics);
  if (!decoded) return page;
  std::string text = replace_all(std::move(decoded->text), "\r\n", "\n");
  if (text.rfind("---\n", 0) != 0) {
    diagnostics.error({file, 1, 1}, "de pagina begint niet met gegevens tussen '---'-regels",
                      "begin met:\n---\ntitel: …\nvolgorde: 1\n---");
    page.markdown = text;
    return page;
  }
  size_t end = text.find("\n---\n", 3);
  if (end == std::string::npos && text.size() >= 4 && text.ends_with("\n---"))
    end = text.size() - 4;
  if (end == std::string::npos) {
    diagnostics.error({file, 1, 1}, "de gegevens bovenaan worden niet afgesloten met '---'",
                      "zet een regel met alleen '---' onder de laatste instelling");
    return page;
  }
  std::string front = text.substr(4, end - 3);
  int front_lines = static_cast<int>(std::count(front.begin(), front.end(), '\n'));
  page.body_line = 2 + front_lines + 1;
  page.markdown = end + 5 <= text.size() ? text.substr(end + 5) : "";
  if (!table_rows_fit(page.markdown, file, page.body_line, diagnostics)) page.markdown.clear();

  YamlSource source{file, 2};
  auto doc = parse_yaml(front, source, diagnostics);
  if (!doc) return page;
  if (!doc->IsMap()) {
    diagnostics.error({file, 2, 1},
                      "de gegevens bovenaan moeten instellingen zijn zoals 'titel: …'");
    return page;
  }
  check_keys(*doc, {"titel", "volgorde", "kort"}, source, diagnostics);
  page.title = scalar_at(*doc, "titel", true, source, diagnostics).value_or(slug);
  page.short_title = scalar_at(*doc, "kort", false, source, diagnostics).value_or(page.title);
  // The short title is the text of the menu link; a link needs text.
  if (trim(page.short_title).empty() && (*doc)["kort"])
    diagnostics.error(source.at((*doc)["kort"]), "instelling 'kort' is leeg",
                      "geef de korte titel voor het menu, of laat 'kort' weg");
  if (auto order = scalar_at(*doc, "volgorde", false, source, diagnostics)) {
    try {
      size_t used = 0;
      page.order = std::stoi(*order, &used);
      if (used != order->size()) throw std::invalid_argument("rest");
    } catch (const std::exception&) {
      diagnostics.error(source.at((*doc)["volgorde"]), "volgorde moet een geheel getal zijn",
                        "bijvoorbeeld 'volgorde: 2'");
    }
  }
  return page;
}

}  // namespace sdm
