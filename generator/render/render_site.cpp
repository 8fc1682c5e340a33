#include "render/render_site.h"

#include <cmark-gfm.h>

#include <mstch/mstch.hpp>

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

std::string block_token(size_t index) {
  return "SDMONITORBLOK" + std::to_string(index) + "X";
}

std::string render_block(const json& block, const Theme& theme) {
  json context = block;
  const char* name = block.contains("grafiek") ? "grafiek"
                     : block.contains("tabel") ? "tabel"
                                               : "kerncijfers";
  if (block.contains("data")) context["data_json"] = json_for_script(block["data"]);
  return mstch::render(theme.templates.at(name), to_mstch(context), theme.templates);
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
  for (size_t i = 0; i < directives.size() && i < blocks.size(); ++i) {
    std::string token = "<p>" + block_token(i) + "</p>";
    auto pos = html.find(token);
    if (pos != std::string::npos) html.replace(pos, token.size(), render_block(blocks[i], theme));
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

// Text for a CSS string literal.
std::string css_string(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') continue;
    out += c;
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

std::vector<OutputFile> render_print_document(const std::vector<PageModel>& pages,
                                              const Theme& theme, bool integrity) {
  if (pages.empty()) return {};
  const json& first = pages.front().model;
  std::string dir = pages.front().path.substr(0, pages.front().path.find_last_of('/') + 1);
  json chapters = json::array();
  for (const auto& page : pages) {
    if (page.model.contains("template")) continue;
    std::string slug = page.path.substr(dir.size(), page.path.size() - dir.size() - 5);
    // Chapters share one document: their heading and footnote ids get the chapter as prefix.
    std::string html = demote_headings(render_body(page, theme));
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
                  {"sri", integrity_values(theme, integrity)}};
  std::string footer = first["site_title"].get<std::string>() + " · " +
                       first["edition"].get<std::string>() + " · peildatum " +
                       first["peildatum"].get<std::string>();
  std::string css =
      "@page {\n  @bottom-left { content: " + css_string(footer) +
      "; font: 8pt sans-serif; }\n  @bottom-right { content: \"pagina \" counter(page) \" van \" "
      "counter(pages); font: 8pt sans-serif; }\n}\n";
  return {{dir + "afdrukken.html",
           mstch::render(theme.templates.at("afdruk"), to_mstch(context), theme.templates)},
          {dir + "afdruk.css", css}};
}

std::vector<OutputFile> render_pages(const std::vector<PageModel>& pages, const Theme& theme,
                                     bool integrity) {
  std::vector<OutputFile> out;
  const json sri = integrity_values(theme, integrity);
  for (const auto& page : pages) {
    json context = page.model;
    context["content"] =
        page.model.contains("template")
            ? mstch::render(theme.templates.at(page.model["template"].get<std::string>()),
                            to_mstch(page.model), theme.templates)
            : render_body(page, theme);
    context.erase("markdown");
    context["sri"] = sri;
    out.push_back({page.path, mstch::render(theme.templates.at("layout"), to_mstch(context),
                                            theme.templates)});
    std::string dir = page.path.substr(0, page.path.find_last_of('/') + 1);
    for (const auto& block : page.model["blocks"])
      if (block.contains("csv_rows"))
        out.push_back({dir + block["csv_path"].get<std::string>(), render_csv(block["csv_rows"])});
  }
  return out;
}

}  // namespace sdm
