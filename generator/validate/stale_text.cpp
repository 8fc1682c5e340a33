#include "validate/stale_text.h"

#include <cmath>
#include <regex>
#include <set>

#include "format/dutch.h"
#include "load/number.h"
#include "util/text.h"

namespace sdm {
namespace {

// Every figure an edition's data gives: its cells and, for monthly series, the year totals.
std::set<long long> figures_of(const Edition& edition) {
  std::set<long long> out;
  for (const auto& [name, table] : edition.tables) {
    for (const auto& row : table.cells)
      for (const auto& cell : row)
        if (cell.value) out.insert(std::llround(*cell.value));
    for (const auto& s : series_names(table)) {
      auto series = series_of(table, s);
      if (!series) continue;
      std::map<int, double> totals;
      for (size_t i = 0; i < series->periods.size(); ++i)
        if (series->values[i]) totals[series->periods[i].year] += *series->values[i];
      for (const auto& [year, total] : totals) out.insert(std::llround(total));
    }
  }
  return out;
}

const char* const kQuarterWords[] = {"eerste", "tweede", "derde", "vierde"};

int month_number(const std::string& name) {
  for (int m = 1; m <= 12; ++m)
    if (to_lower_ascii(name) == month_long(m)) return m;
  return 0;
}

}  // namespace

void check_stale_text(const Edition& edition, const Edition* previous, Diagnostics& diagnostics) {
  static const std::regex number(R"((?:^|[^\d.,])(\d{1,3}(?:\.\d{3})+|\d{4,}))");
  static const std::regex coverage(
      R"(op basis van het (eerste|tweede|derde|vierde) kwartaal|tot en met (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)(?: (20\d\d))?)",
      std::regex::icase);
  std::set<long long> now = figures_of(edition), before;
  if (previous) before = figures_of(*previous);
  const Period& peil = edition.config.reference_date;

  for (const auto& page : edition.pages) {
    std::vector<std::string> lines = split(page.markdown, '\n');
    bool in_block = false;
    for (size_t i = 0; i < lines.size(); ++i) {
      std::string line = lines[i];
      if (line.rfind("```", 0) == 0) in_block = !in_block;
      if (in_block) continue;
      // Figures written as references are always current; only literal text can go stale.
      for (size_t open; (open = line.find("{{")) != std::string::npos;) {
        size_t close = line.find("}}", open);
        line.replace(
            open, close == std::string::npos ? std::string::npos : close + 2 - open,
            std::string(close == std::string::npos ? line.size() - open : close + 2 - open, ' '));
      }
      int line_no = page.body_line + static_cast<int>(i);
      // std::regex is slow; most lines hold neither a number nor a coverage phrase.
      const bool has_digits = line.find_first_of("0123456789") != std::string::npos;
      const std::string lower = to_lower_ascii(line);
      const bool may_state_coverage = lower.find("op basis van het ") != std::string::npos ||
                                      lower.find("tot en met ") != std::string::npos;
      if (previous && has_digits) {
        for (auto it = std::sregex_iterator(line.begin(), line.end(), number);
             it != std::sregex_iterator(); ++it) {
          auto parsed = parse_number((*it)[1].str(), ';');
          if (!parsed.value) continue;
          long long v = std::llround(*parsed.value);
          if (v >= 1900 && v <= 2100) continue;  // a year
          if (before.count(v) && !now.count(v))
            diagnostics.warning(
                {page.file, line_no, text_column(line, static_cast<size_t>((*it).position(1)))},
                "'" + (*it)[1].str() + "' is een cijfer uit de vorige editie (" +
                    previous->config.id + ") dat in deze editie niet voorkomt",
                "werk het bij of gebruik een verwijzing zoals {{ jaartotaal data.csv 2024 }}");
        }
      }
      for (auto it = may_state_coverage ? std::sregex_iterator(line.begin(), line.end(), coverage)
                                        : std::sregex_iterator();
           it != std::sregex_iterator(); ++it) {
        const std::smatch& m = *it;
        bool stale = false;
        if (m[1].matched) {
          int q = 0;
          for (int k = 0; k < 4; ++k)
            if (to_lower_ascii(m[1].str()) == kQuarterWords[k]) q = k + 1;
          stale = q < peil.quarter;
        } else {
          int year = m[3].matched ? std::stoi(m[3].str()) : peil.year;
          stale = year * 12 + month_number(m[2].str()) < peil.year * 12 + peil.month;
        }
        if (stale)
          diagnostics.warning(
              {page.file, line_no, text_column(line, static_cast<size_t>(m.position(0)))},
              "'" + m.str(0) + "' past niet bij de peildatum " +
                  format_period(peil, PeriodStyle::Long),
              "is deze zin uit de vorige editie overgenomen?");
      }
    }
  }
}

}  // namespace sdm
