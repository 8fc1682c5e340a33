#include "pagemodel/embed_page.h"

#include "util/text.h"

namespace sdm {
namespace {

std::string attribute_text(const std::string& text) {
  return replace_all(replace_all(replace_all(text, "&", "&amp;"), "\"", "&quot;"), "<", "&lt;");
}

}  // namespace

const char kEmbedDir[] = "grafiek/";

json embed_link(const json& block) {
  std::string href = kEmbedDir + block["id"].get<std::string>() + ".html";
  // Relative like every link of the site; sdmonitor.js makes it absolute once the page is
  // on a web server, and docs/webteam.md says how to write the full address.
  std::string code = "<iframe src=\"" + href + "\" title=\"" +
                     attribute_text(block["caption"].get<std::string>()) +
                     "\" width=\"100%\" height=\"640\" loading=\"lazy\"></iframe>";
  return {{"href", href}, {"code", code}};
}

PageModel embed_page_model(const json& page, const json& block, size_t index,
                           const std::string& slug, const SiteInfo& site) {
  const std::string id = block["id"].get<std::string>();
  json model = {{"title", block["caption"]},
                {"description", block["caption"].get<std::string>() + " – " +
                                    page["site_title"].get<std::string>() + ", " +
                                    page["edition"].get<std::string>() + "."},
                {"site_title", page["site_title"]},
                {"edition", page["edition"]},
                {"peildatum", page["peildatum"]},
                {"assets", "../" + page["assets"].get<std::string>()},
                {"monitor_href", "../" + slug + ".html#" + id}};
  return {.path = site.dir + kEmbedDir + id + ".html",
          .model = std::move(model),
          .embed_of = EmbedOf{
              site.dir + slug + ".html",
              index,
              {{"embed", false}, {"csv_path", "../" + block["csv_path"].get<std::string>()}}}};
}

}  // namespace sdm
