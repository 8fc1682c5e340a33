#include "serve/preview_site.h"

#include <mutex>

#include "render/template.h"
#include "util/text.h"

namespace sdm {
namespace {

const char kReloadTag[] = "<script src=\"/__sdmonitor/herlaad.js\" defer></script>";

// Polls the version and reloads the page when a rebuild finished. Preview only.
const char kReloadScript[] = R"JS((function () {
  var seen = null;
  function poll() {
    fetch('/__sdmonitor/versie', {cache: 'no-store'}).then(function (r) { return r.text(); })
      .then(function (v) {
        if (seen !== null && v !== seen) { location.reload(); return; }
        seen = v;
        setTimeout(poll, 300);
      }, function () { setTimeout(poll, 1000); });
  }
  poll();
})();
)JS";

std::string with_reload(std::string html) {
  auto pos = html.rfind("</body>");
  if (pos == std::string::npos) return html + kReloadTag;
  html.insert(pos, kReloadTag);
  return html;
}

}  // namespace

std::string content_type_for(const std::string& path) {
  const std::string lower = to_lower_ascii(path);
  auto ends = [&](const char* ext) { return lower.ends_with(ext); };
  if (ends(".html")) return "text/html; charset=utf-8";
  if (ends(".css")) return "text/css; charset=utf-8";
  if (ends(".js")) return "text/javascript; charset=utf-8";
  if (ends(".csv")) return "text/csv; charset=utf-8";
  if (ends(".json")) return "application/json";
  if (ends(".svg")) return "image/svg+xml";
  if (ends(".png")) return "image/png";
  if (ends(".jpg") || ends(".jpeg")) return "image/jpeg";
  if (ends(".webp")) return "image/webp";
  if (ends(".gif")) return "image/gif";
  if (ends(".ico")) return "image/x-icon";
  if (ends(".pdf")) return "application/pdf";
  if (ends(".woff2")) return "font/woff2";
  if (ends(".woff")) return "font/woff";
  if (ends(".txt")) return "text/plain; charset=utf-8";
  if (ends(".xml")) return "application/xml";
  if (ends(".webmanifest")) return "application/manifest+json";
  return "application/octet-stream";
}

void PreviewSite::show_site(const std::vector<OutputFile>& files) {
  std::map<std::string, std::string> next;
  for (const auto& f : files) next[f.path] = f.bytes;
  std::unique_lock lock(mutex_);
  files_ = std::move(next);
  error_page_.clear();
  ++version_;
}

void PreviewSite::show_errors(const Diagnostics& diagnostics) {
  std::string list;
  for (const auto& d : diagnostics.items()) {
    list += "<li><pre>";
    append_html_escaped(list, format_diagnostic(d));
    list += "</pre></li>\n";
  }
  std::string page =
      "<!doctype html>\n<html lang=\"nl\">\n<head><meta charset=\"utf-8\"><title>Fout in de inhoud"
      "</title></head>\n<body>\n<main>\n<h1>De site kon niet worden gemaakt</h1>\n<p>Herstel de "
      "fouten hieronder en sla het bestand op; deze pagina ververst dan vanzelf.</p>\n<ul>\n" +
      list + "</ul>\n</main>\n</body>\n</html>\n";
  std::unique_lock lock(mutex_);
  error_page_ = std::move(page);
  ++version_;
}

long PreviewSite::version() const {
  std::shared_lock lock(mutex_);
  return version_;
}

PreviewResponse PreviewSite::get(const std::string& path) const {
  std::shared_lock lock(mutex_);
  return get_locked(path);
}

PreviewResponse PreviewSite::get_locked(const std::string& raw_path) const {
  std::string path = raw_path.substr(0, raw_path.find('?'));
  if (path == kReloadScriptPath) return {200, "text/javascript; charset=utf-8", kReloadScript};
  if (path == kVersionPath) return {200, "text/plain; charset=utf-8", std::to_string(version_)};
  if (path.empty() || path.back() == '/') path += "index.html";
  std::string key = path.substr(1);
  bool html = key.ends_with(".html");
  if (!error_page_.empty() && html)
    return {200, "text/html; charset=utf-8", with_reload(error_page_)};
  auto it = files_.find(key);
  if (it == files_.end()) {
    if (files_.count(key + "/index.html")) return get_locked(path + "/index.html");
    return {404, "text/plain; charset=utf-8", "Niet gevonden: " + key + "\n"};
  }
  return {200, content_type_for(key), html ? with_reload(it->second) : it->second};
}

}  // namespace sdm
