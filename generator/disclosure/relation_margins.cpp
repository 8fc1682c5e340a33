#include <algorithm>
#include <cctype>
#include <cmath>
#include <unordered_map>

#include "disclosure/relation_figures.h"

namespace sdm::relation {

std::set<std::string> content_words(std::string_view text) {
  static const std::set<std::string> common{"aantal",   "totaal",   "nieuwe",  "personen",
                                            "clienten", "cliënten", "inwoners"};
  std::set<std::string> out;
  std::string word;
  for (size_t i = 0; i <= text.size(); ++i) {
    unsigned char c = i < text.size() ? static_cast<unsigned char>(text[i]) : ' ';
    if (std::isalnum(c) || c >= 0x80) {
      word += lower_ascii(static_cast<char>(c));
      continue;
    }
    if (word.size() >= 5 && !common.count(word)) out.insert(word);
    word.clear();
  }
  return out;
}

bool share_a_word(std::string_view a, std::string_view b) {
  auto theirs = content_words(b);
  for (const auto& w : content_words(a))
    if (theirs.count(w)) return true;
  return false;
}

// A table without periods (leeftijd × geslacht on one peildatum) says nothing of when; a reader
// still links the sum of its row "18 tot 27 jaar" to the series "18 tot 27 jaar" elsewhere where
// they agree: Vrouw = the age group's count − Man. Each row's and column's sum is linked to every
// point of a series of another table with the same name and the same figure, and to the newest
// point of one whose names share a word with it (the column Bedum and 'Cliënten Wmo' in
// wmo/bedum-clienten.csv).
void find_named_margins(const Edition& edition, const std::vector<Series>& series,
                        std::vector<DataRelation>& out) {
  for (const auto& [name, table] : edition.tables) {
    if (table.rows_are_periods() || table.columns_are_periods()) continue;
    for (bool columns : {false, true}) {
      Axis axis(table, columns);
      for (size_t m = 0; m < axis.members(); ++m) {
        std::vector<DataCell> cells;
        double sum = 0;
        for (size_t line = 0; line < axis.lines(); ++line) {
          auto v = axis.at(line, m);
          if (!v) {
            cells.clear();
            break;
          }
          cells.push_back(axis.cell(line, m));
          sum += *v;
        }
        if (cells.empty() || sum == 0) continue;
        for (const Series& s : series) {
          if (s.table == name) continue;
          const bool named = same_label(s.label, axis.label(m));
          // A list's figures are linked one by one (find_period_spans), not as a sum.
          if (!named && (table.units_per_row || !same(s.points.back().value, sum) ||
                         !share_a_word(axis.label(m) + " " + name, s.label + " " + s.table)))
            continue;
          for (const auto& p : s.points) {
            if (!same(p.value, sum) || (!named && &p != &s.points.back())) continue;
            DataRelation r{RelationKind::SameGroup,
                           {},
                           0,
                           0,
                           "'" + axis.label(m) + "' in " + name + " telt dezelfde personen als '" +
                               s.label + "' in " + s.table + " (" + p.period.iso() + ")"};
            for (const auto& c : cells) r.terms.push_back({c, 1});
            for (const auto& c : p.cells) r.terms.push_back({c, -1});
            out.push_back(std::move(r));
          }
        }
      }
    }
  }
}

namespace {

// The runs that end at point `last`, shortest first.
std::vector<Run> runs_ending(const Series& s, size_t last) {
  std::vector<Run> out{{last, last, s.points[last].value}};
  const Period& end = s.points[last].period;
  const bool months = end.kind == Period::Kind::Month;
  if ((!months && end.kind != Period::Kind::Quarter) || (months && end.month % 3 != 0)) return out;
  const size_t per_quarter = months ? 3 : 1;
  double value = 0;
  for (size_t first = last + 1; first-- > 0 && last - first < 4 * per_quarter;) {
    const Period& p = s.points[first].period;
    // Consecutive: a run stops at a gap in the series.
    const int back = (end.year - p.year) * 12 + end.month - p.month;
    if (p.kind != end.kind || back != static_cast<int>(last - first) * (months ? 1 : 3)) break;
    value += s.points[first].value;
    if (last > first && (last - first + 1) % per_quarter == 0) out.push_back({first, last, value});
  }
  return out;
}

}  // namespace

bool may_span_months(const Table& table, size_t column) {
  if (table.units_per_row) return true;
  const std::string header = to_lower_ascii(table.columns[column]);
  for (const char* word : {"monitor", "maand", "kwartaal", "jaar", "periode", "editie"})
    if (header.find(word) != std::string::npos) return true;
  return false;
}

std::vector<Run> spans_of(const Series& s) {
  std::vector<Run> out;
  for (size_t last = 0; last < s.points.size(); ++last)
    for (const Run& run : runs_ending(s, last)) {
      const Period &from = s.points[run.first].period, &to = s.points[run.last].period;
      // Of months only: quarters are mostly stands, and a sum of stands is chance.
      bool calendar = from.kind == Period::Kind::Month && from.year == to.year &&
                      ((from.month == 1 && (to.month == 6 || to.month == 12)) ||
                       (from.month == 7 && to.month == 12));
      if (last + 1 == s.points.size() || calendar) out.push_back(run);
    }
  return out;
}

// A table without periods may hold a count over the last months ("Nieuwe cliënten Wmo, deze
// monitor: 41", a footnote saying January to March), and the months before in another column
// ("vorige monitor: 96", July to December); a reader who adds up those months in a chart finds
// both and then February = 41 − 18 − 16. Such a figure is linked only by its number: to a run of
// whole quarters that ends at a series' last point, the row's other figures to the runs just
// before it, or to a calendar year or half year; to the last point alone only where the names
// agree.
void find_period_spans(const Edition& edition, const std::vector<Series>& series,
                       std::vector<DataRelation>& out) {
  std::unordered_map<long long, std::vector<std::pair<const Series*, Run>>> spans;
  for (const auto& s : series)
    for (const Run& run : spans_of(s)) spans[std::llround(run.value)].push_back({&s, run});
  for (const auto& [name, table] : edition.tables) {
    if (table.rows_are_periods() || table.columns_are_periods()) continue;
    for (size_t r = 0; r < table.row_keys.size(); ++r) {
      if (!counts_persons(table, r)) continue;
      std::vector<std::pair<size_t, long long>> cells;  // column, count
      for (size_t c = 0; c < table.columns.size(); ++c)
        if (auto v = table.cells[r][c].value; v && *v != 0 && may_span_months(table, c))
          cells.push_back({c, std::llround(*v)});
      auto relation = [&](size_t c, const Series& s, const Run& run) {
        DataRelation rel{
            RelationKind::SameGroup,
            {{{name, table.row_keys[r], table.columns[c]}, 1}},
            0,
            0,
            "'" + table.row_keys[r] + "' (" + table.columns[c] + ") in " + name +
                " is gelijk aan '" + s.label + "' in " + s.table +
                (run.first == run.last ? " in " + s.points[run.last].period.iso()
                                       : " van " + s.points[run.first].period.iso() + " t/m " +
                                             s.points[run.last].period.iso())};
        for (size_t k = run.first; k <= run.last; ++k)
          for (const auto& cell : s.points[k].cells) rel.terms.push_back({cell, -1});
        return rel;
      };
      for (const auto& [c, count] : cells) {
        auto it = spans.find(count);
        if (it == spans.end()) continue;
        for (const auto& [s, run] : it->second) {
          if (run.first == run.last && !share_a_word(table.row_keys[r], s->label + " " + s->table))
            continue;
          out.push_back(relation(c, *s, run));
          // The row's other cells, each over the run before: the previous monitor's months.
          for (Run now = run; now.first > 0;) {
            auto before = runs_ending(*s, now.first - 1);
            auto match = std::find_if(before.begin(), before.end(), [&](const Run& b) {
              return std::any_of(cells.begin(), cells.end(), [&](const auto& other) {
                return other.first != c && other.second == std::llround(b.value);
              });
            });
            if (match == before.end()) break;
            for (const auto& [other, value] : cells)
              if (other != c && value == std::llround(match->value))
                out.push_back(relation(other, *s, *match));
            now = *match;
          }
        }
      }
    }
  }
}

// The same figure in two lists ("Volwassen mantelzorgers 221" on two pages): a reader takes
// equal numbers under rows that name the same thing for one figure, so what one list hides the
// other must not show.
void find_equal_list_figures(const Edition& edition, std::vector<DataRelation>& out) {
  struct Figure {
    const Table* table;
    size_t row, column;
  };
  std::map<long long, std::vector<Figure>> by_value;  // in order: relations come in a fixed order
  for (const auto& [name, table] : edition.tables) {
    if (table.rows_are_periods() || table.columns_are_periods()) continue;
    for (size_t r = 0; r < table.row_keys.size(); ++r)
      for (size_t c = 0; c < table.columns.size() && counts_persons(table, r); ++c)
        if (auto v = table.cells[r][c].value; v && may_span_months(table, c))
          by_value[std::llround(*v)].push_back({&table, r, c});
  }
  for (const auto& [value, figures] : by_value)
    for (size_t a = 0; a < figures.size(); ++a)
      for (size_t b = a + 1; b < figures.size(); ++b) {
        const Figure &x = figures[a], &y = figures[b];
        if (x.table == y.table) continue;
        if (!share_a_word(x.table->row_keys[x.row], y.table->row_keys[y.row])) continue;
        auto cell = [](const Figure& f) {
          return DataCell{f.table->name, f.table->row_keys[f.row], f.table->columns[f.column]};
        };
        out.push_back({RelationKind::SameGroup,
                       {{cell(x), 1}, {cell(y), -1}},
                       0,
                       0,
                       "'" + x.table->row_keys[x.row] + "' in " + x.table->name + " is '" +
                           y.table->row_keys[y.row] + "' in " + y.table->name});
      }
}

}  // namespace sdm::relation
