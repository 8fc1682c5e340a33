#include "render/render_site.h"

#include <cmark-gfm.h>

#include <algorithm>
#include <atomic>
#include <functional>
#include <mstch/mstch.hpp>
#include <thread>

#include "markdown/markdown.h"
#include "model/directive.h"
#include "render/escape.h"
#include "render/heading_ids.h"
#include "render/integrity.h"
#include "util/text.h"

namespace sdm {
namespace {

using nlohmann::json;

mstch::node to_mstch(const json& value) {
  switch (value.type()) {
    case json::value_t::object: {
      mstch::map map;
      for (const auto& [key, item] : value.items()) map.emplace(key, to_mstch(item));
      return map;
    }
    case json::value_t::array: {
      mstch::array array;
      for (const auto& item : value) array.push_back(to_mstch(item));
      return array;
    }
    case json::value_t::string:
      return value.get<std::string>();
    case json::value_t::boolean:
      return value.get<bool>();
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
      return static_cast<int>(value.get<long long>());
    case json::value_t::number_float:
      return value.get<double>();
    default:
      return nullptr;
  }
}

// Stands in for a block while cmark renders the page. It starts with the byte 0xFF, which is not
// UTF-8: cmark replaces invalid UTF-8 in the page (CMARK_OPT_VALIDATE_UTF8), so no text an editor
// writes can come out as a token.
std::string block_token(size_t index) {
  return "\xFFSDMONITORBLOK" + std::to_string(index) + "X";
}

// mstch parses every partial it is given on every call, so each call gets only the one partial
// our templates use.
std::string render_template(const Theme& theme, const std::string& name, const json& context) {
  static const std::string kCell = "cel";
  return mstch::render(theme.templates.at(name), to_mstch(context),
                       {{kCell, theme.templates.at(kCell)}});
}

std::string render_block(const json& block, const Theme& theme) {
  json context = block;
  const char* name = block.contains("grafiek") ? "grafiek"
                     : block.contains("tabel") ? "tabel"
                                               : "kerncijfers";
  if (block.contains("data")) context["data_json"] = json_for_script(block["data"]);
  // What the template does not show need not be converted for it.
  context.erase("data");
  context.erase("csv_rows");
  std::string html = render_template(theme, name, context);
  if (block.contains("quarters"))  // the overview's tiles over the last eight quarters
    html += render_template(theme, "kwartalen", block["quarters"]);
  return html;
}

std::string render_csv(const json& rows) {
  std::string out = "\xEF\xBB\xBF";  // BOM: Excel then reads UTF-8
  for (const auto& row : rows) {
    bool first = true;
    for (const auto& field : row) {
      if (!first) out += ';';
      out += csv_field(field.get<std::string>());
      first = false;
    }
    out += "\r\n";
  }
  return out;
}

std::string render_body(const PageModel& page, const Theme& theme) {
  MarkdownDocument doc(page.model["markdown"].get<std::string>());
  // Each figure's placeholder (page_model.cpp substitute_figures) becomes the figure, as text.
  std::vector<std::pair<std::string, std::string>> figures;
  if (page.model.contains("figures"))
    for (const auto& f : page.model["figures"])
      figures.emplace_back(f["token"].get<std::string>(), f["text"].get<std::string>());
  doc.replace_in_text(figures);
  std::vector<cmark_node*> directives;
  doc.walk([&](cmark_node* node) {
    if (cmark_node_get_type(node) != CMARK_NODE_CODE_BLOCK) return;
    const char* info = cmark_node_get_fence_info(node);
    if (info && is_directive_info(info)) directives.push_back(node);
  });
  for (size_t i = 0; i < directives.size(); ++i)
    doc.replace_with_paragraph(directives[i], block_token(i));
  // cmark-gfm labels footnote back-links in English; the page is Dutch.
  std::string html = replace_all(add_heading_ids(doc.to_html()), "aria-label=\"Back to content\"",
                                 "aria-label=\"Terug naar de tekst\"");
  const json& blocks = page.model["blocks"];
  for (size_t i = 0; i < directives.size(); ++i) {
    std::string token = "<p>" + block_token(i) + "</p>";
    auto pos = html.find(token);
    // A block without a model cannot happen after validation; it must not leave its token.
    if (pos != std::string::npos)
      html.replace(pos, token.size(), i < blocks.size() ? render_block(blocks[i], theme) : "");
  }
  return html;
}

// One level down, so a chapter's sections sit under its title in the printed document.
std::string demote_headings(std::string html) {
  for (char level = '5'; level >= '2'; --level) {
    std::string lower(1, static_cast<char>(level + 1));
    html = replace_all(html, std::string("<h") + level, "<h" + lower);
    html = replace_all(html, std::string("</h") + level + ">", "</h" + lower + ">");
  }
  return html;
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
  json chapters = json::array();
  for (size_t i = 0; i < pages.size(); ++i) {
    const PageModel& page = pages[i];
    if (page.model.contains("template") || page.model.contains("embed_figure")) continue;
    std::string slug = page.path.substr(dir.size(), page.path.size() - dir.size() - 5);
    // Chapters share one document: their heading and footnote ids get the chapter as prefix.
    std::string html = demote_headings(bodies[i]);
    html = replace_all(html, " id=\"", " id=\"" + slug + "-");
    html = replace_all(html, "href=\"#", "href=\"#" + slug + "-");
    html = replace_all(html, "aria-labelledby=\"", "aria-labelledby=\"" + slug + "-");
    chapters.push_back(
        {{"id", "hoofdstuk-" + slug}, {"title", page.model["title"]}, {"content", html}});
  }
  json context = {{"site_title", first["site_title"]},
                  {"edition", first["edition"]},
                  {"peildatum", first["peildatum"]},
                  {"assets", first["assets"]},
                  {"chapters", chapters},
                  {"sri", sri}};
  std::string footer = first["site_title"].get<std::string>() + " · " +
                       first["edition"].get<std::string>() + " · peildatum " +
                       first["peildatum"].get<std::string>();
  std::string css =
      "@page {\n  @bottom-left { content: " + css_string(footer) +
      "; font: 8pt sans-serif; }\n  @bottom-right { content: \"pagina \" counter(page) \" van \" "
      "counter(pages); font: 8pt sans-serif; }\n}\n";
  return {{dir + "afdrukken.html", render_template(theme, "afdruk", context)},
          {dir + "afdruk.css", css}};
}

// Runs `work(i)` for every i below `count` on all cores; each i is done by exactly one thread.
void parallel_for(size_t count, const std::function<void(size_t)>& work) {
  size_t threads = std::min<size_t>(std::max(1u, std::thread::hardware_concurrency()), count);
  std::atomic<size_t> next{0};
  std::vector<std::thread> pool;
  for (size_t t = 1; t < threads; ++t)
    pool.emplace_back([&] {
      for (size_t i; (i = next++) < count;) work(i);
    });
  for (size_t i; (i = next++) < count;) work(i);
  for (auto& thread : pool) thread.join();
}

}  // namespace

std::vector<OutputFile> render_edition(const std::vector<PageModel>& pages, const Theme& theme,
                                       bool integrity) {
  if (pages.empty()) return {};
  const json sri = integrity_values(theme, integrity);
  std::vector<std::string> bodies(pages.size()), html(pages.size());
  // Pages are independent; output order stays that of `pages`, so the site is deterministic.
  parallel_for(pages.size(), [&](size_t i) {
    const PageModel& page = pages[i];
    if (page.model.contains("embed_figure")) {  // a chart on its own page, for an iframe
      json context = page.model;
      context["content"] = render_block(page.model["embed_figure"], theme);
      context["sri"] = sri;
      html[i] = render_template(theme, "insluiten", context);
      return;
    }
    bool generated = page.model.contains("template");
    if (!generated) bodies[i] = render_body(page, theme);
    json context = page.model;
    context["content"] =
        generated ? render_template(theme, page.model["template"].get<std::string>(), page.model)
                  : bodies[i];
    context.erase("markdown");
    context.erase("figures");
    context.erase("blocks");  // already rendered into "content"
    context["sri"] = sri;
    html[i] = render_template(theme, "layout", context);
  });
  std::vector<OutputFile> out;
  for (size_t i = 0; i < pages.size(); ++i) {
    out.push_back({pages[i].path, std::move(html[i])});
    if (!pages[i].model.contains("blocks"))
      continue;  // an embeddable chart links its chapter's CSV
    std::string dir = pages[i].path.substr(0, pages[i].path.find_last_of('/') + 1);
    for (const auto& block : pages[i].model["blocks"])
      if (block.contains("csv_rows"))
        out.push_back({dir + block["csv_path"].get<std::string>(), render_csv(block["csv_rows"])});
  }
  auto print = print_document(pages, bodies, theme, sri);
  out.insert(out.end(), print.begin(), print.end());
  return out;
}

}  // namespace sdm
