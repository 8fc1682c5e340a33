#include "validate/numbered_refs.h"

#include <cctype>
#include <set>
#include <string_view>

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

Numbering number_figures(const std::vector<Page>& pages) {
  Numbering n;
  for (const Page& page : pages) {
    const PageSpec& spec = page.spec;
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

// "grafiek 3" or "Tabel 12" in a line of prose: a word that starts the line or follows a
// character that is not a letter, digit or '_', then a space and one to three digits.
struct Ref {
  size_t at;                // where the word starts
  std::string_view word;    // as written: "Grafiek"
  std::string_view digits;  // as written: "03"
  int number;
};

bool word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

// By hand rather than with std::regex: every line of every page passes here.
std::vector<Ref> find_refs(std::string_view line) {
  std::vector<Ref> refs;
  for (size_t at = 0; at < line.size(); ++at) {
    char c = lower_ascii(line[at]);
    if ((c != 'g' && c != 't') || (at > 0 && word_char(line[at - 1]))) continue;
    std::string_view word = c == 'g' ? "grafiek " : "tabel ";
    if (!starts_with_ci(line.substr(at), word)) continue;
    size_t digits = at + word.size(), end = digits;
    while (end < line.size() && std::isdigit(static_cast<unsigned char>(line[end]))) ++end;
    if (end == digits || end - digits > 3) continue;
    int number = 0;
    for (size_t i = digits; i < end; ++i) number = number * 10 + (line[i] - '0');
    refs.push_back(
        {at, line.substr(at, word.size() - 1), line.substr(digits, end - digits), number});
    at = end - 1;
  }
  return refs;
}

size_t page_of(const std::vector<Run>& runs, int number) {
  for (size_t p = 0; p < runs.size(); ++p)
    if (number >= runs[p].first && number < runs[p].first + runs[p].count) return p;
  return runs.size();
}

}  // namespace

void check_numbered_refs(const Edition& edition, Diagnostics& diagnostics) {
  const Numbering n = number_figures(edition.pages);
  // A page whose blocks did not read has fewer numbers than its author wrote: no follow-on errors.
  std::set<std::string> broken;
  for (const auto& d : diagnostics.items())
    if (d.severity == Severity::Error) broken.insert(d.where.file);
  for (size_t p = 0; p < edition.pages.size(); ++p) {
    const Page& page = edition.pages[p];
    if (broken.count(page.file)) continue;
    const std::vector<std::string> lines = prose_lines(page.markdown);
    for (size_t i = 0; i < lines.size(); ++i) {
      for (const Ref& ref : find_refs(lines[i])) {
        const bool chart = ref.word.size() == 7;  // "grafiek"
        const char* noun = chart ? "grafiek" : "tabel";
        const std::vector<Run>& runs = chart ? n.charts : n.tables;
        const int total = chart ? n.chart_total : n.table_total;
        const SourceLocation where{page.file, page.body_line + static_cast<int>(i),
                                   text_column(lines[i], ref.at)};
        const std::string quoted =
            "'" + std::string(ref.word) + " " + std::string(ref.digits) + "'";
        const size_t on = page_of(runs, ref.number);
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
