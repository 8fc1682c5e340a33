#pragma once
// Small in-memory sites for the security tests: a valid base edition that a test changes one file
// of, the real templates and assets read from the source tree, a stub instead of Chart.js (no npm
// needed), and checks that the HTML we write is inert.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "../../fuzz/html_checks.h"
#include "load/file_system.h"
#include "pipeline/pipeline.h"
#include "util/diagnostic.h"

namespace sdm::security {

inline std::string source_dir() {
  return SDM_SOURCE_DIR;
}

inline std::string read_disk(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) ADD_FAILURE() << "kan " << path << " niet lezen";
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// A fixture file under tests/hostile/.
inline std::string hostile(const std::string& rel) {
  return read_disk(source_dir() + "/tests/hostile/" + rel);
}

// Every regular file below `dir` on disk, relative to it, sorted.
inline std::vector<std::string> files_below(const std::string& dir) {
  std::vector<std::string> out;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir))
    if (entry.is_regular_file())
      out.push_back(std::filesystem::relative(entry.path(), dir).generic_string());
  std::sort(out.begin(), out.end());
  return out;
}

// The header of a 1 x 1 PNG: all the build reads of an image.
inline std::string tiny_png() {
  return std::string("\x89PNG\r\n\x1A\n\0\0\0\x0DIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0", 29);
}

struct SiteRun {
  std::optional<Generated> site;
  Diagnostics diagnostics;

  // Every diagnostic as the CLI prints it, one per line ("file:line:col: fout: …" + "  tip: …").
  std::string messages() const { return format_diagnostics(diagnostics); }
  // True when some diagnostic's first line is exactly `line` ("file:l:c: fout: message").
  bool has(const std::string& line) const {
    for (const auto& d : diagnostics.items()) {
      std::string text = format_diagnostic(d);
      if (text.substr(0, text.find('\n')) == line) return true;
    }
    return false;
  }
  // True when an error is reported at exactly file:line:column.
  bool error_at(const std::string& file, int line, int column) const {
    for (const auto& d : diagnostics.items())
      if (d.severity == Severity::Error && d.where.file == file && d.where.line == line &&
          d.where.column == column)
        return true;
    return false;
  }
  size_t error_count() const {
    size_t n = 0;
    for (const auto& d : diagnostics.items()) n += d.severity == Severity::Error;
    return n;
  }
  const OutputFile* file(const std::string& path) const {
    if (!site) return nullptr;
    for (const auto& f : site->files)
      if (f.path == path) return &f;
    return nullptr;
  }
  std::vector<const OutputFile*> html_files() const {
    std::vector<const OutputFile*> out;
    if (!site) return out;
    for (const auto& f : site->files)
      if (f.path.ends_with(".html")) out.push_back(&f);
    return out;
  }
};

// A valid one-edition site; tests add or replace files before calling generate().
class SiteBuilder {
 public:
  static constexpr const char* kEdition = "content/2024-q1";

  SiteBuilder() {
    for (const auto& rel : files_below(source_dir() + "/site-templates"))
      fs_files_["theme/templates/" + rel] = read_disk(source_dir() + "/site-templates/" + rel);
    for (const auto& rel : files_below(source_dir() + "/assets"))
      fs_files_["theme/assets/" + rel] = read_disk(source_dir() + "/assets/" + rel);
    fs_files_["theme/chart.umd.js"] = "/* Chart.js stub for tests */\n";
    header_ =
        "gemeente: Teststad\n"
        "titel: Monitor Sociaal Domein\n"
        "editie: 1e kwartaal 2024\n"
        "peildatum: 2024-03-31\n";
    dataset("wmo/clienten.csv", "personen", clienten_csv());
    page("index.md", "---\ntitel: Overzicht\nvolgorde: 1\n---\n\nDe cijfers van Teststad.\n");
  }

  // Fifteen months (2023-01 … 2024-03) of Totaal and Begeleiding, all above 10.
  static std::string clienten_csv() {
    std::string csv = "maand;Totaal;Begeleiding\n";
    for (int i = 0; i < 15; ++i) {
      int year = 2023 + i / 12, month = i % 12 + 1;
      csv += std::to_string(year) + "-" + (month < 10 ? "0" : "") + std::to_string(month) + ";" +
             std::to_string(1700 + i) + ";" + std::to_string(390 + i) + "\n";
    }
    return csv;
  }

  // Replaces editie.yaml's fixed settings (gemeente … peildatum, plus anything else but data:).
  SiteBuilder& header(std::string yaml) {
    header_ = std::move(yaml);
    return *this;
  }
  // Declares data/<name> with `unit` and stores its bytes; extra YAML lines (indented 4) allowed.
  SiteBuilder& dataset(const std::string& name, const std::string& unit, std::string bytes,
                       const std::string& extra = "") {
    datasets_[name] = "    eenheid: " + unit + "\n" + extra;
    fs_files_[std::string(kEdition) + "/data/" + name] = std::move(bytes);
    return *this;
  }
  SiteBuilder& page(const std::string& name, std::string text) {
    fs_files_[std::string(kEdition) + "/" + name] = std::move(text);
    return *this;
  }
  // Any file, path relative to the content folder (for extra editions or odd names).
  SiteBuilder& content_file(const std::string& rel, std::string bytes) {
    fs_files_["content/" + rel] = std::move(bytes);
    return *this;
  }
  // Copies tests/hostile/<dir>/** into `into` (relative to the content folder), replacing the
  // base edition when `into` is the same folder.
  SiteBuilder& edition_from_disk(const std::string& dir, const std::string& into = "2024-q1") {
    replaced_yaml_ = true;
    std::string prefix = "content/" + into + "/";
    for (auto it = fs_files_.begin(); it != fs_files_.end();)
      it = it->first.rfind(prefix, 0) == 0 ? fs_files_.erase(it) : std::next(it);
    std::string base = source_dir() + "/tests/hostile/" + dir;
    for (const auto& rel : files_below(base)) fs_files_[prefix + rel] = read_disk(base + "/" + rel);
    return *this;
  }

  // Replaces all content by the demo in content/ (both editions), read from the source tree.
  SiteBuilder& demo_content() {
    replaced_yaml_ = true;
    for (auto it = fs_files_.begin(); it != fs_files_.end();)
      it = it->first.rfind("content/", 0) == 0 ? fs_files_.erase(it) : std::next(it);
    std::string base = source_dir() + "/content";
    for (const auto& rel : files_below(base))
      fs_files_["content/" + rel] = read_disk(base + "/" + rel);
    return *this;
  }

  std::string edition_yaml() const {
    std::string yaml = header_ + "data:\n";
    for (const auto& [name, fields] : datasets_) yaml += "  " + name + ":\n" + fields;
    return yaml;
  }

  MemoryFileSystem file_system() const {
    MemoryFileSystem fs;
    for (const auto& [path, bytes] : fs_files_) fs.add(path, bytes);
    if (!replaced_yaml_) fs.add(std::string(kEdition) + "/editie.yaml", edition_yaml());
    return fs;
  }

  static BuildOptions options() {
    BuildOptions o;
    o.content_dir = "content";
    o.out_dir = "niet-gebruikt";
    o.theme.templates_dir = "theme/templates";
    o.theme.assets_dir = "theme/assets";
    o.theme.chartjs = "theme/chart.umd.js";
    return o;
  }

  SiteRun generate() const {
    SiteRun run;
    MemoryFileSystem fs = file_system();
    run.site = sdm::generate(fs, options(), run.diagnostics);
    return run;
  }

 private:
  std::map<std::string, std::string> fs_files_;
  std::map<std::string, std::string> datasets_;
  std::string header_;
  bool replaced_yaml_ = false;
};

// ---- Checks on generated HTML ------------------------------------------------------------

struct Tag {
  std::string name;                                             // lower case; "/p" for an end tag
  std::vector<std::pair<std::string, std::string>> attributes;  // names lower case, values raw
  size_t offset = 0;
  size_t end = 0;  // one past '>'
};

// Tokenizes the tags of our own output. Text never holds a raw '<' (it is escaped), so every '<'
// starts a tag, a comment or the doctype.
inline std::vector<Tag> tags_of(const std::string& html) {
  std::vector<Tag> tags;
  size_t i = 0;
  auto lower = [](std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  };
  while ((i = html.find('<', i)) != std::string::npos) {
    if (html.compare(i, 4, "<!--") == 0) {
      size_t close = html.find("-->", i + 4);
      i = close == std::string::npos ? html.size() : close + 3;
      continue;
    }
    Tag tag;
    tag.offset = i;
    size_t p = i + 1;
    while (p < html.size() && !std::isspace(static_cast<unsigned char>(html[p])) && html[p] != '>')
      tag.name += html[p++];
    tag.name = lower(tag.name);
    while (p < html.size() && html[p] != '>') {
      if (std::isspace(static_cast<unsigned char>(html[p])) || html[p] == '/') {
        ++p;
        continue;
      }
      std::string name;
      while (p < html.size() && !std::isspace(static_cast<unsigned char>(html[p])) &&
             html[p] != '=' && html[p] != '>')
        name += html[p++];
      std::string value;
      if (p < html.size() && html[p] == '=') {
        ++p;
        if (p < html.size() && (html[p] == '"' || html[p] == '\'')) {
          char q = html[p++];
          size_t close = html.find(q, p);
          if (close == std::string::npos) close = html.size();
          value = html.substr(p, close - p);
          p = close + 1;
        } else {
          while (p < html.size() && !std::isspace(static_cast<unsigned char>(html[p])) &&
                 html[p] != '>')
            value += html[p++];
        }
      }
      tag.attributes.emplace_back(lower(name), value);
    }
    tag.end = p + 1;
    i = tag.end;
    tags.push_back(std::move(tag));
  }
  return tags;
}

// Character references in an attribute value, decoded as a browser would (shared with the fuzz
// targets so both judge URLs the same way).
inline std::string decode_attribute(const std::string& v) {
  return fuzz::decode_entities(v);
}

// The scheme of a URL as a browser reads it (tabs and newlines removed, leading spaces and
// controls skipped), lower case; "" for a relative URL.
inline std::string scheme_of(const std::string& url) {
  std::string u;
  for (char c : url)
    if (c != '\t' && c != '\n' && c != '\r') u += c;
  size_t b = 0;
  while (b < u.size() && static_cast<unsigned char>(u[b]) <= 0x20) ++b;
  u = u.substr(b);
  size_t colon = u.find(':');
  if (colon == std::string::npos || colon == 0 || !std::isalpha(static_cast<unsigned char>(u[0])))
    return "";
  std::string scheme;
  for (char c : u.substr(0, colon)) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') return "";
    scheme += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return scheme;
}

// Our own <script> elements: the two deferred files and the chart data.
inline bool our_script(const Tag& tag) {
  if (tag.attributes.size() == 2 && tag.attributes[0].first == "src" &&
      tag.attributes[1].first == "defer") {
    const std::string src = decode_attribute(tag.attributes[0].second);
    // Pages in an edition folder and embeddable chart pages (grafiek/) sit one or two levels down.
    for (const char* ours :
         {"assets/chart.umd.js", "assets/sdmonitor.js", "../assets/chart.umd.js",
          "../assets/sdmonitor.js", "../../assets/chart.umd.js", "../../assets/sdmonitor.js"})
      if (src == ours) return true;
    return false;
  }
  return tag.attributes.size() == 2 &&
         tag.attributes[0] == std::pair<std::string, std::string>{"type", "application/json"} &&
         tag.attributes[1] == std::pair<std::string, std::string>{"class", "grafiek-data"};
}

// Asserts that `html` carries no active content from the content folder: only our scripts, JSON
// data that cannot end its element, no event handlers, links only to https:/mailto:/relative,
// images only from the site itself.
inline void expect_inert(const std::string& path, const std::string& html) {
  SCOPED_TRACE(path);
  const std::vector<Tag> tags = tags_of(html);
  size_t head_end = html.find("</head>");
  int script_open = 0, script_close = 0;
  for (const auto& tag : tags) {
    if (tag.name == "/script") ++script_close;
    if (tag.name == "script") {
      ++script_open;
      EXPECT_TRUE(our_script(tag))
          << "vreemde script-tag: " << html.substr(tag.offset, tag.end - tag.offset);
      bool json = !tag.attributes.empty() && tag.attributes[0].first == "type";
      if (json) {
        size_t close = html.find("</script>", tag.end);
        ASSERT_NE(close, std::string::npos);
        std::string data = html.substr(tag.end, close - tag.end);
        EXPECT_EQ(data.find('<'), std::string::npos) << "ruwe '<' in JSON: " << data;
        EXPECT_EQ(data.find('>'), std::string::npos) << "ruwe '>' in JSON: " << data;
        EXPECT_EQ(data.find("\xE2\x80\xA8"), std::string::npos) << "ruwe U+2028 in JSON";
        EXPECT_EQ(data.find("\xE2\x80\xA9"), std::string::npos) << "ruwe U+2029 in JSON";
      }
    }
    for (const char* banned : {"iframe", "object", "embed", "svg", "math", "form", "base", "frame",
                               "frameset", "applet", "textarea", "input", "button", "template"}) {
      EXPECT_NE(tag.name, banned) << "verboden element: "
                                  << html.substr(tag.offset, tag.end - tag.offset);
    }
    if (tag.name == "style" || tag.name == "meta" || tag.name == "link" || tag.name == "title") {
      EXPECT_LT(tag.offset, head_end) << tag.name << " buiten <head>";
    }
    for (const auto& [name, raw] : tag.attributes) {
      EXPECT_FALSE(name.rfind("on", 0) == 0)
          << "event-attribuut: " << html.substr(tag.offset, tag.end - tag.offset);
      std::string value = decode_attribute(raw);
      if (name == "href" || name == "action" || name == "formaction" || name == "xlink:href") {
        std::string scheme = scheme_of(value);
        EXPECT_TRUE(scheme.empty() || scheme == "https" || scheme == "mailto")
            << "link met schema '" << scheme << "': " << value;
        EXPECT_NE(value.rfind("//", 0), 0u) << "protocol-relatieve link: " << value;
      }
      if (name == "src" || name == "srcset" || name == "poster" || name == "data") {
        EXPECT_EQ(scheme_of(value), "") << "bron van een andere site: " << value;
        EXPECT_NE(value.rfind("//", 0), 0u) << "protocol-relatieve bron: " << value;
        EXPECT_NE(value.rfind("/", 0), 0u) << "absolute bron: " << value;
      }
    }
  }
  EXPECT_EQ(script_open, script_close) << "een <script> wordt niet (of te vroeg) gesloten";
}

}  // namespace sdm::security
