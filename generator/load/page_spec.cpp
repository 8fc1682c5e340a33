#include "load/page_spec.h"

#include <cmark-gfm.h>

#include <cstring>

#include "load/block_spec.h"
#include "load/figure_refs.h"
#include "load/yaml_source.h"
#include "markdown/markdown.h"
#include "markdown/page_body.h"
#include "util/text.h"

namespace sdm {
namespace {

// Where each line of `text` starts, as cmark ends lines: "\n", "\r\n" or a lone "\r".
std::vector<size_t> line_starts(std::string_view text) {
  std::vector<size_t> starts{0};
  for (size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n')))
      starts.push_back(i + 1);
  return starts;
}

// cmark counts columns in bytes; our locations count characters, as editors see them.
int character_column(std::string_view text, const std::vector<size_t>& starts, int line,
                     int byte_column) {
  if (line < 1 || byte_column < 1) return byte_column;
  if (static_cast<size_t>(line) > starts.size()) return byte_column;
  size_t start = starts[line - 1];
  int column = 1;
  for (size_t i = start; i + 1 < start + byte_column && i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
  return column;
}

// A relative path inside the edition folder. Checked as the browser sees it (after
// percent-decoding, with '\' as '/'): no scheme, no absolute path (outside the site when it is
// served from a subfolder), no "..", no control characters and no leading space (browsers drop
// them, so " /a.png" is "/a.png").
bool local_image(const std::string& url) {
  std::string path = percent_decoded(url);
  if (path.empty()) return true;  // src="": nothing is loaded
  if (path[0] == '/' || path[0] == ' ' || path.find("..") != std::string::npos) return false;
  for (char c : path)
    if (c == '\\' || static_cast<unsigned char>(c) < 0x20 || c == 0x7F) return false;
  return allowed_link(path) && path.rfind("https:", 0) != 0 && path.rfind("mailto:", 0) != 0;
}

// A figure is text: it is put into the page's text (render_body), never into an address.
void check_no_figure_in_url(cmark_node* node, const SourceLocation& where,
                            Diagnostics& diagnostics) {
  const char* url = cmark_node_get_url(node);
  const char* title = cmark_node_get_title(node);
  if ((url && std::strstr(url, "{{")) || (title && std::strstr(title, "{{")))
    diagnostics.error(where,
                      "een verwijzing naar een cijfer kan niet in het adres of de titel van "
                      "een link of afbeelding staan",
                      "zet de verwijzing in de tekst, bijvoorbeeld [{{ laatste wmo/clienten.csv "
                      "Totaal }} cliënten](wmo.html)");
}

// Whether an image's alternative text (its children) holds more than white space.
bool has_text(cmark_node* image) {
  bool found = false;
  cmark_iter* iter = cmark_iter_new(image);
  for (cmark_event_type event; (event = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
    cmark_node* node = cmark_iter_get_node(iter);
    const char* literal =
        event == CMARK_EVENT_ENTER && node != image ? cmark_node_get_literal(node) : nullptr;
    if (literal && !trim(literal).empty()) found = true;
  }
  cmark_iter_free(iter);
  return found;
}

}  // namespace

PageSpec read_page_spec(const Page& page, Diagnostics& diagnostics,
                        std::shared_ptr<PageBody>* body) {
  PageSpec spec;
  MarkdownDocument doc(page.markdown);
  const std::vector<size_t> starts = line_starts(page.markdown);
  auto location = [&](cmark_node* node) {
    // Inline nodes may carry no position; their nearest block ancestor does.
    while (cmark_node_get_start_line(node) == 0 && cmark_node_parent(node))
      node = cmark_node_parent(node);
    int line = cmark_node_get_start_line(node);
    return SourceLocation{
        page.file, page.body_line + line - 1,
        character_column(page.markdown, starts, line, cmark_node_get_start_column(node))};
  };
  doc.walk([&](cmark_node* node) {
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_HEADING: {
        if (cmark_node_get_heading_level(node) < 2) return;  // h1 gets no id (heading_ids.h)
        std::string text = heading_text(node);
        if (text.find("{{") != std::string::npos) spec.headings_known = false;
        spec.headings.push_back(std::move(text));
        return;
      }
      case CMARK_NODE_CODE_BLOCK: {
        std::string info(
            trim(cmark_node_get_fence_info(node) ? cmark_node_get_fence_info(node) : ""));
        if (!is_directive_info(info)) {
          std::string guess = closest_match(info, {"grafiek", "tabel", "kerncijfers"});
          if (!info.empty() && !guess.empty())
            diagnostics.warning(location(node), "onbekend blok '" + info + "'",
                                "bedoelde u '" + guess + "'?");
          return;
        }
        SourceLocation where = location(node);
        YamlSource source{page.file, where.line + 1, where.column - 1};
        auto yaml = parse_yaml(cmark_node_get_literal(node), source, diagnostics);
        if (!yaml) return;
        if (info != "kerncijfers" && !yaml->IsMap()) {
          diagnostics.error(where, "het blok '" + info + "' is leeg of heeft geen instellingen",
                            "schrijf onder ```" + info + " regels zoals 'titel: …' en 'data: …'");
          return;
        }
        if (auto directive = read_block_spec(info, *yaml, source, where, diagnostics))
          spec.directives.push_back(std::move(*directive));
        return;
      }
      case CMARK_NODE_HTML_BLOCK:
      case CMARK_NODE_HTML_INLINE:
        diagnostics.error(
            location(node), "HTML is niet toegestaan in de tekst",
            "gebruik Markdown: **vet**, *cursief*, [link](pagina.html), lijsten met '-'");
        return;
      case CMARK_NODE_LINK: {
        std::string url = cmark_node_get_url(node) ? cmark_node_get_url(node) : "";
        check_no_figure_in_url(node, location(node), diagnostics);
        if (!allowed_link(url))
          diagnostics.error(location(node), "link '" + url + "' is niet toegestaan",
                            "gebruik een relatieve link, #anker, https: of mailto:");
        else
          spec.links.push_back({url, location(node)});
        return;
      }
      case CMARK_NODE_IMAGE: {
        std::string url = cmark_node_get_url(node) ? cmark_node_get_url(node) : "";
        check_no_figure_in_url(node, location(node), diagnostics);
        if (!local_image(url))
          diagnostics.error(
              location(node), "afbeelding '" + url + "' staat niet in de editiemap",
              "zet de afbeelding in de map van de editie en verwijs er relatief naar; "
              "afbeeldingen van andere sites verraden bezoekers");
        else
          spec.images.push_back({percent_decoded(url), location(node)});
        if (!has_text(node))
          diagnostics.error(location(node), "afbeelding '" + url + "' heeft geen beschrijving",
                            "schrijf tussen [ ] wat de afbeelding laat zien, voor wie hem niet "
                            "ziet: ![Kaart van de dorpen met een buurtbakkie](" +
                                url + ")");
        return;
      }
      default:
        return;
    }
  });
  spec.figures = find_figure_refs(page.markdown, page.file, page.body_line, diagnostics);
  if (body) {
    std::vector<std::string> references;
    for (const auto& figure : spec.figures)
      references.push_back(page.markdown.substr(figure.offset, figure.length));
    *body = std::make_shared<PageBody>(std::move(doc), references, [&](cmark_node* node) {
      diagnostics.error(location(node),
                        "deze verwijzing naar een cijfer heeft opmaak, een \\-teken of een "
                        "&-code erin en wordt niet herkend",
                        "schrijf de verwijzing als gewone tekst, zoals {{ laatste "
                        "wmo/clienten.csv Totaal }}; opmaak kan eromheen: **{{ … }}**");
    });
  }
  return spec;
}

}  // namespace sdm
