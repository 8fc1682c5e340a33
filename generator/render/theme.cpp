#include "render/theme.h"

#include <regex>
#include <set>

namespace sdm {

Theme parse_theme(ThemeFiles files, Diagnostics& diagnostics) {
  auto templates = std::make_shared<TemplateSet>();
  auto file_of = [&](const std::string& name) {
    for (const auto& t : files.templates)
      if (t.name == name) return t.file;
    return files.templates_dir + "/" + name + ".mustache";
  };
  auto report = [&](const TemplateError& e) {
    diagnostics.error(
        {file_of(e.template_name), static_cast<int>(e.line), static_cast<int>(e.column)}, e.what(),
        "herstel het sjabloon, of zet het sjabloon uit de installatie terug");
  };
  std::set<std::string> found;
  bool parsed = true;
  std::set<std::string> ids;
  static const std::regex literal_id(R"re( id="([^"{]+)")re");
  for (const auto& t : files.templates) try {
      found.insert(t.name);
      for (std::sregex_iterator m(t.text.begin(), t.text.end(), literal_id), end; m != end; ++m)
        ids.insert((*m)[1].str());
      templates->add(t.name, t.text);
    } catch (const TemplateError& e) {
      report(e);
      parsed = false;
    }
  for (const char* required : {"layout", "grafiek", "tabel", "kerncijfers", "cel", "veranderd",
                               "toegankelijkheid", "afdruk", "insluiten", "kwartalen"})
    if (!found.count(required))
      diagnostics.error({file_of(required), 0, 0}, "sjabloon ontbreekt",
                        "herstel de map met sjablonen uit de installatie");
  // A partial in a template that failed to parse would be reported as missing: skip the check.
  if (parsed) try {
      templates->link();
    } catch (const TemplateError& e) {
      report(e);
    }
  return {std::move(templates), std::move(files.assets), std::move(files.fingerprint),
          std::move(ids)};
}

}  // namespace sdm
