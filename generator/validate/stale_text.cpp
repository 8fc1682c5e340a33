#include "validate/stale_text.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string_view>

#include "format/dutch.h"
#include "format/number.h"
#include "util/text.h"
#include "validate/prose_lines.h"

namespace sdm {
namespace {

// Every figure an edition's data gives: its cells and, for monthly series, the year totals;
// sorted, for binary search.
std::vector<long long> figures_of(const Edition& edition) {
  std::vector<long long> out;
  for (const auto& [name, table] : edition.tables) {
    for (const auto& row : table.cells)
      for (const auto& cell : row)
        if (cell.value) out.push_back(std::llround(*cell.value));
    for (const auto& s : series_names(table)) {
      auto series = series_of(table, s);
      if (!series) continue;
      std::map<int, double> totals;
      for (size_t i = 0; i < series->periods.size(); ++i)
        if (series->values[i]) totals[series->periods[i].year] += *series->values[i];
      for (const auto& [year, total] : totals) out.push_back(std::llround(total));
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

bool has_figure(const std::vector<long long>& figures, long long value) {
  return std::binary_search(figures.begin(), figures.end(), value);
}

const char* const kQuarterWords[] = {"eerste", "tweede", "derde", "vierde"};

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// A figure written in full starts at `at`: 1.464.689 (groups of three after a point) or four
// digits and more. Returns its length, 0 if the digits there are not one.
size_t figure_length(std::string_view s, size_t at) {
  size_t run = at;
  while (run < s.size() && is_digit(s[run])) ++run;
  if (run - at >= 4) return run - at;
  size_t end = run;
  while (end + 3 < s.size() && s[end] == '.' && is_digit(s[end + 1]) && is_digit(s[end + 2]) &&
         is_digit(s[end + 3]))
    end += 4;
  return run == at || end == run ? 0 : end - at;
}

struct Span {
  size_t pos = std::string_view::npos;
  size_t length = 0;
};

// The next figure from `from` that is not glued to a digit, point or comma before it: "1.234,5"
// is one figure and ",5678" is a decimal part, not a figure. A hand-written scan: std::regex
// cost more than the rest of the check together.
Span next_figure(std::string_view s, size_t from) {
  for (size_t p = from; p < s.size(); ++p) {
    if (p == 0 && is_digit(s[0]))
      if (size_t n = figure_length(s, 0)) return {0, n};
    if (!is_digit(s[p]) && s[p] != '.' && s[p] != ',' && p + 1 < s.size() && is_digit(s[p + 1]))
      if (size_t n = figure_length(s, p + 1)) return {p + 1, n};
  }
  return {};
}

// A phrase stating the period the text covers: "op basis van het eerste kwartaal" or "tot en met
// maart [2024]". `quarter` or `month` (1-based) says which; `year` is 0 when none is written.
struct Coverage {
  Span span;
  int quarter = 0;
  int month = 0;
  int year = 0;
};

Coverage coverage_at(std::string_view line, size_t p) {
  constexpr std::string_view kBasis = "op basis van het ", kUntil = "tot en met ";
  std::string_view rest = line.substr(p);
  if (starts_with_ci(rest, kBasis)) {
    rest.remove_prefix(kBasis.size());
    for (int k = 0; k < 4; ++k) {
      std::string_view word = kQuarterWords[k];
      if (starts_with_ci(rest, word) && starts_with_ci(rest.substr(word.size()), " kwartaal"))
        return {{p, kBasis.size() + word.size() + 9}, k + 1, 0, 0};
    }
  } else if (starts_with_ci(rest, kUntil)) {
    rest.remove_prefix(kUntil.size());
    for (int m = 1; m <= 12; ++m) {
      const std::string name = month_long(m);
      if (!starts_with_ci(rest, name)) continue;
      Coverage found{{p, kUntil.size() + name.size()}, 0, m, 0};
      std::string_view after = rest.substr(name.size());
      if (after.size() >= 5 && after.starts_with(" 20") && is_digit(after[3]) &&
          is_digit(after[4])) {
        found.span.length += 5;
        found.year = std::stoi(std::string(after.substr(1, 4)));
      }
      return found;
    }
  }
  return {};
}

Coverage next_coverage(std::string_view line, size_t from) {
  for (size_t p = from; p < line.size(); ++p)
    if (const char c = lower_ascii(line[p]); c == 'o' || c == 't')
      if (Coverage found = coverage_at(line, p); found.span.length) return found;
  return {};
}

}  // namespace

void check_stale_text(const Edition& edition, const Edition* previous, Diagnostics& diagnostics) {
  // Only needed to compare with the previous edition.
  std::vector<long long> now, before;
  if (previous) {
    now = figures_of(edition);
    before = figures_of(*previous);
  }
  const Period& peil = edition.config.reference_date;

  for (const auto& page : edition.pages) {
    const std::vector<std::string> lines = prose_lines(page.markdown);
    for (size_t i = 0; i < lines.size(); ++i) {
      const std::string& line = lines[i];
      int line_no = page.body_line + static_cast<int>(i);
      if (previous) {
        for (Span f = next_figure(line, 0); f.length; f = next_figure(line, f.pos + f.length)) {
          const std::string text = line.substr(f.pos, f.length);
          auto parsed = parse_number(text, ';');
          if (!parsed.value) continue;
          long long v = std::llround(*parsed.value);
          if (v >= 1900 && v <= 2100) continue;  // a year
          if (has_figure(before, v) && !has_figure(now, v))
            diagnostics.warning({page.file, line_no, text_column(line, f.pos)},
                                "'" + text + "' is een cijfer uit de vorige editie (" +
                                    previous->config.id + ") dat in deze editie niet voorkomt",
                                "werk het bij of gebruik een verwijzing zoals {{ jaartotaal "
                                "data.csv 2024 }}");
        }
      }
      for (Coverage c = next_coverage(line, 0); c.span.length;
           c = next_coverage(line, c.span.pos + c.span.length)) {
        const bool stale =
            c.quarter ? c.quarter < peil.quarter
                      : (c.year ? c.year : peil.year) * 12 + c.month < peil.year * 12 + peil.month;
        if (stale)
          diagnostics.warning({page.file, line_no, text_column(line, c.span.pos)},
                              "'" + line.substr(c.span.pos, c.span.length) +
                                  "' past niet bij de peildatum " +
                                  format_period(peil, PeriodStyle::Long),
                              "is deze zin uit de vorige editie overgenomen?");
      }
    }
  }
}

}  // namespace sdm
