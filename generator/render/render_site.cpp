#include "render/render_site.h"

#include <algorithm>
#include <iterator>
#include <set>
#include <unordered_map>

#include "markdown/page_body.h"
#include "model/directive.h"
#include "render/chart_json.h"
#include "render/escape.h"
#include "render/image_attributes.h"
#include "render/integrity.h"
#include "render/print_links.h"
#include "render/template.h"
#include "util/parallel.h"
#include "util/text.h"

namespace sdm {
namespace {

// Each chart's numbers as the script reads them, written once: its chapter page and its embed
// page both show them.
class ChartScripts {
 public:
  explicit ChartScripts(const std::vector<PageModel>& pages) {
    std::vector<const ChartNumbers*> charts;
    for (const auto& page : pages)
      for (const auto& [index, numbers] : page.charts) charts.push_back(&numbers);
    std::vector<std::string> texts(charts.size());
    parallel_for(charts.size(), [&](size_t i) { texts[i] = script_safe(chart_json(*charts[i])); });
    for (size_t i = 0; i < charts.size(); ++i) texts_.emplace(charts[i], std::move(texts[i]));
  }
  const std::string& of(const ChartNumbers& numbers) const { return texts_.at(&numbers); }

 private:
  std::unordered_map<const ChartNumbers*, std::string> texts_;
};

// The block of `page` at `index`. `overrides`, when given, go on top of the block: what differs
// where it is shown again.
void render_block(const PageModel& page, size_t index, const Theme& theme,
                  const ChartScripts& scripts, std::string& out,
                  const json& overrides = json::object()) {
  const json& block = page.model["blocks"][index];
  const char* name = page.charts.count(index)   ? "grafiek"
                     : page.tables.count(index) ? "tabel"
                                                : "kerncijfers";
  // The chart's numbers as the script reads them, on top of the block itself.
  json extra = overrides;
  if (auto chart = page.charts.find(index); chart != page.charts.end())
    extra["data_json"] = scripts.of(chart->second);
  theme.templates->render(name, {&block, &extra}, out);
  if (block.contains("quarters"))  // the overview's tiles over the last eight quarters
    out += theme.templates->render("kwartalen", block["quarters"]);
}

std::string render_csv(const std::vector<std::vector<std::string>>& rows) {
  std::string out = "\xEF\xBB\xBF";  // BOM: Excel then reads UTF-8
  for (const auto& row : rows) {
    bool first = true;
    for (const auto& field : row) {
      if (!first) out += ';';
      out += csv_field(field);
      first = false;
    }
    out += "\r\n";
  }
  return out;
}

// The page's Markdown with its blocks, figures, heading ids and image sizes, in one pass of the
// Markdown renderer (markdown/page_body.h).
std::string render_body(const PageModel& page, const Theme& theme, const ChartScripts& scripts) {
  if (!page.body) return {};
  const json& blocks = page.model["blocks"];
  BodyParts parts;
  // A block without a model cannot happen after validation; it is then left out.
  for (size_t i = 0; i < page.body->blocks() && i < blocks.size(); ++i)
    render_block(page, i, theme, scripts, parts.blocks.emplace_back());
  parts.figures = page.figures;
  // A heading takes no id that the layout or one of the page's blocks has.
  parts.taken_ids = theme.ids;
  for (const auto& block : blocks)
    if (block.contains("id")) parts.taken_ids.insert(block["id"].get<std::string>());
  const json& sizes = page.model.contains("images") ? page.model["images"] : json::object();
  parts.image_attributes = [&](const std::string& path) { return image_attributes(path, sizes); };
  return page.body->html(parts);
}

// A page body as a chapter of the print document, in one pass: headings one level down, so the
// chapter's sections sit under its title, and the chapter as prefix of every id and of every
// reference to one, since all chapters share one document. Images lose loading="lazy": the
// document is printed at once, and an image loaded only when scrolled to might be missing. Only
// '<' (a heading) and '="' (an attribute) are stops.
std::string chapter_html(std::string_view html, const std::string& slug) {
  std::string out;
  out.reserve(html.size() + html.size() / 16);
  size_t pos = 0;  // what is before it is in `out`
  constexpr size_t npos = std::string_view::npos;
  size_t next_lt = html.find('<'), next_eq = html.find('=');
  for (size_t at; (at = std::min(next_lt, next_eq)) != npos;) {
    const char c = html[at];
    // memchr finds the next stop of each kind far faster than a loop over the bytes.
    if (c == '<')
      next_lt = html.find('<', at + 1);
    else
      next_eq = html.find('=', at + 1);
    if (c == '=' && html.compare(at, 2, "=\"") == 0) {
      std::string_view name = html.substr(0, at);
      if (name.ends_with(" loading") && html.compare(at, 7, "=\"lazy\"") == 0) {
        out.append(html.substr(pos, at - 8 - pos));
        pos = at + 7;
        continue;
      }
      size_t after = name.ends_with(" id") || name.ends_with("aria-labelledby")    ? at + 2
                     : name.ends_with("href") && html.compare(at + 2, 1, "#") == 0 ? at + 3
                                                                                   : 0;
      if (after) {
        out.append(html.substr(pos, after - pos));
        out += slug;
        out += '-';
        pos = after;
      }
    } else if (c == '<') {
      // <h2 … <h5 and </h2> … </h5> one level down
      size_t heading = html.compare(at, 2, "<h") == 0    ? at + 2
                       : html.compare(at, 3, "</h") == 0 ? at + 3
                                                         : 0;
      if (heading && heading < html.size() && html[heading] >= '2' && html[heading] <= '5' &&
          (html[at + 1] == 'h' || html.compare(heading + 1, 1, ">") == 0)) {
        out.append(html.substr(pos, heading - pos));
        out += static_cast<char>(html[heading] + 1);
        pos = heading + 1;
      }
    }
  }
  out.append(html.substr(pos));
  return out;
}

// Text for a CSS string literal. Control characters ('\n', '\r', '\f' end the string) and
// U+2028/U+2029 become hex escapes: "\d ".
std::string css_string(const std::string& text) {
  static const char kHex[] = "0123456789abcdef";
  std::string out = "\"";
  for (size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20 || c == 0x7F) {
      out += '\\';
      if (c >= 0x10) out += kHex[c >> 4];
      out += kHex[c & 0xF];
      out += ' ';
    } else if (text.compare(i, 3, "\xE2\x80\xA8") == 0 || text.compare(i, 3, "\xE2\x80\xA9") == 0) {
      out += text[i + 2] == '\xA8' ? "\\2028 " : "\\2029 ";
      i += 2;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

// The integrity values templates put on our assets, or nothing.
json integrity_values(const Theme& theme, bool integrity) {
  json out = json::object();
  if (!integrity) return out;
  for (const auto& [key, path] :
       {std::pair{"css", "assets/site.css"}, std::pair{"js", "assets/sdmonitor.js"},
        std::pair{"chart", "assets/chart.umd.js"}})
    for (const auto& asset : theme.assets)
      if (asset.path == path) out[key] = subresource_integrity(asset.bytes);
  return out;
}

}  // namespace

namespace {

// The print document from already rendered chapter bodies (empty for generated pages).
std::vector<OutputFile> print_document(const std::vector<PageModel>& pages,
                                       const std::vector<std::string>& bodies, const Theme& theme,
                                       const json& sri) {
  const json& first = pages.front().model;
  std::string dir = pages.front().path.substr(0, pages.front().path.find_last_of('/') + 1);
  std::set<std::string> slugs;
  std::vector<std::pair<size_t, std::string>> printed;  // page index, slug
  for (size_t i = 0; i < pages.size(); ++i) {
    const PageModel& page = pages[i];
    if (!page.content_template.empty() || page.embed_of) continue;
    printed.emplace_back(i, page.path.substr(dir.size(), page.path.size() - dir.size() - 5));
    slugs.insert(printed.back().second);
  }
  // Links to the published edition's folder; none when the site's address is not configured.
  std::string address = first.value("address", std::string());
  if (!address.empty()) address += dir;
  json chapters = json::array();
  for (const auto& [i, slug] : printed) {
    chapters.push_back({{"id", "hoofdstuk-" + slug},
                        {"title", pages[i].model["title"]},
                        {"content", print_links(chapter_html(bodies[i], slug), slugs, address)}});
  }
  json context = {{"site_title", first["site_title"]},
                  {"edition", first["edition"]},
                  {"peildatum", first["peildatum"]},
                  {"assets", first["assets"]},
                  {"chapters", std::move(chapters)},
                  {"sri", sri},
                  {"address", address}};
  std::string footer = first["site_title"].get<std::string>() + " · " +
                       first["edition"].get<std::string>() + " · peildatum " +
                       first["peildatum"].get<std::string>();
  std::string css =
      "@page {\n  @bottom-left { content: " + css_string(footer) +
      "; font: 8pt sans-serif; }\n  @bottom-right { content: \"pagina \" counter(page) \" van \" "
      "counter(pages); font: 8pt sans-serif; }\n}\n";
  return {{dir + "afdrukken.html", theme.templates->render("afdruk", context)},
          {dir + "afdruk.css", css}};
}

}  // namespace

std::vector<OutputFile> render_edition(const std::vector<PageModel>& pages, const Theme& theme,
                                       bool integrity) {
  if (pages.empty()) return {};
  const json sri = integrity_values(theme, integrity);
  const ChartScripts scripts(pages);
  std::vector<std::string> bodies(pages.size()), html(pages.size());
  // Pages are independent; output order stays that of `pages`, so the site is deterministic.
  parallel_for(pages.size(), [&](size_t i) {
    const PageModel& page = pages[i];
    if (const auto& of = page.embed_of) {  // a chart on its own page, for an iframe
      auto source = std::find_if(pages.begin(), pages.end(),
                                 [&](const PageModel& p) { return p.path == of->page; });
      std::string content;
      if (source != pages.end())
        render_block(*source, of->block, theme, scripts, content, of->overrides);
      json extra = {{"sri", sri}, {"content", std::move(content)}};
      theme.templates->render("insluiten", {&page.model, &extra}, html[i]);
      return;
    }
    const bool chapter = page.content_template.empty();
    if (chapter) bodies[i] = render_body(page, theme, scripts);
    // The layout sees the page model with the rendered content and the integrity values on top.
    json extra = {{"sri", sri}};
    extra["content"] =
        chapter ? bodies[i] : theme.templates->render(page.content_template, page.model);
    theme.templates->render("layout", {&page.model, &extra}, html[i]);
  });
  std::vector<OutputFile> out;
  for (size_t i = 0; i < pages.size(); ++i) {
    out.push_back({pages[i].path, std::move(html[i])});
    // An embeddable chart links its chapter's CSV; the chapter page writes it.
    std::string dir = pages[i].path.substr(0, pages[i].path.find_last_of('/') + 1);
    auto download = [&](size_t index, const std::vector<std::vector<std::string>>& rows) {
      out.push_back(
          {dir + pages[i].model["blocks"][index]["csv_path"].get<std::string>(), render_csv(rows)});
    };
    for (const auto& [index, numbers] : pages[i].charts) download(index, numbers.csv_rows);
    for (const auto& [index, rows] : pages[i].tables) download(index, rows);
  }
  auto print = print_document(pages, bodies, theme, sri);
  out.insert(out.end(), std::make_move_iterator(print.begin()),
             std::make_move_iterator(print.end()));
  return out;
}

std::vector<OutputFile> render_site(const std::vector<Edition>& editions,
                                    const std::vector<EditionModels>& models, const Theme& theme,
                                    bool integrity) {
  std::vector<OutputFile> out;
  for (size_t i = 0; i < models.size(); ++i) {
    std::vector<OutputFile> files = render_edition(models[i].pages, theme, integrity);
    out.insert(out.end(), std::make_move_iterator(files.begin()),
               std::make_move_iterator(files.end()));
    for (const auto& image : editions[i].images)
      out.push_back({models[i].dir + image.path, image.bytes});
  }
  out.insert(out.end(), theme.assets.begin(), theme.assets.end());
  return out;
}

}  // namespace sdm
