#include "validate/numbered_refs.h"

#include <regex>
#include <set>

#include "util/text.h"
#include "validate/prose_lines.h"

namespace sdm {
namespace {

// The numbers of one kind (charts or titled tables) on one page: always a consecutive run.
struct Run {
  int first = 0;
  int count = 0;
  std::string describe(const char* noun) const {
    if (count == 0) return std::string("op deze pagina staat geen ") + noun;
    std::string s = std::string("op deze pagina staat ") + noun + " " + std::to_string(first);
    if (count == 2) s += " en " + std::to_string(first + 1);
    if (count > 2) s += " tot en met " + std::to_string(first + count - 1);
    return s;
  }
};

struct Numbering {
  std::vector<Run> charts, tables;  // per page
  int chart_total = 0, table_total = 0;
};

Numbering number_figures(const std::vector<PageSpec>& specs) {
  Numbering n;
  for (const auto& spec : specs) {
    Run charts{n.chart_total + 1, 0}, tables{n.table_total + 1, 0};
    for (const auto& directive : spec.directives) {
      if (std::holds_alternative<ChartSpec>(directive)) ++charts.count;
      if (const auto* t = std::get_if<TableSpec>(&directive); t && !t->title.empty())
        ++tables.count;
    }
    n.chart_total += charts.count;
    n.table_total += tables.count;
    n.charts.push_back(charts);
    n.tables.push_back(tables);
  }
  return n;
}

size_t page_of(const std::vector<Run>& runs, int number) {
  for (size_t p = 0; p < runs.size(); ++p)
    if (number >= runs[p].first && number < runs[p].first + runs[p].count) return p;
  return runs.size();
}

}  // namespace

void check_numbered_refs(const Edition& edition, const std::vector<PageSpec>& specs,
                         Diagnostics& diagnostics) {
  static const std::regex ref(R"((^|[^\w])(grafiek|tabel) (\d{1,3})(?!\d))", std::regex::icase);
  const Numbering n = number_figures(specs);
  // A page whose blocks did not read has fewer numbers than its author wrote: no follow-on errors.
  std::set<std::string> broken;
  for (const auto& d : diagnostics.items())
    if (d.severity == Severity::Error) broken.insert(d.where.file);
  for (size_t p = 0; p < edition.pages.size() && p < specs.size(); ++p) {
    const Page& page = edition.pages[p];
    if (broken.count(page.file)) continue;
    const std::vector<std::string> lines = prose_lines(page.markdown);
    for (size_t i = 0; i < lines.size(); ++i) {
      const std::string& line = lines[i];
      const std::string lower = to_lower_ascii(line);
      if (lower.find("grafiek ") == std::string::npos && lower.find("tabel ") == std::string::npos)
        continue;
      for (auto it = std::sregex_iterator(line.begin(), line.end(), ref);
           it != std::sregex_iterator(); ++it) {
        const std::smatch& m = *it;
        const bool chart = to_lower_ascii(m[2].str()) == "grafiek";
        const char* noun = chart ? "grafiek" : "tabel";
        const int number = std::stoi(m[3].str());
        const std::vector<Run>& runs = chart ? n.charts : n.tables;
        const int total = chart ? n.chart_total : n.table_total;
        const SourceLocation where{page.file, page.body_line + static_cast<int>(i),
                                   text_column(lines[i], static_cast<size_t>(m.position(2)))};
        const std::string quoted = "'" + m[2].str() + " " + m[3].str() + "'";
        const size_t on = page_of(runs, number);
        if (on == runs.size()) {
          std::string how_many =
              total == 1 ? std::string("1 ") + noun
                         : std::to_string(total) + (chart ? " grafieken" : " tabellen met titel");
          diagnostics.error(
              where, quoted + " bestaat niet: deze editie heeft " + how_many,
              runs[p].describe(noun) +
                  "; de nummers lopen door over de pagina's, in de volgorde van het menu");
        } else if (on != p) {
          diagnostics.warning(
              where,
              quoted + " staat op de pagina '" + edition.pages[on].title + "', niet op deze pagina",
              runs[p].describe(noun) + "; is er een " + noun + " toegevoegd of verplaatst?");
        }
      }
    }
  }
}

}  // namespace sdm
