#include <algorithm>
#include <cctype>
#include <cmath>
#include <optional>

#include "disclosure/relation_figures.h"

namespace sdm::relation {

// "Gemiddeld aantal jeugdigen in crisisopvang per maand: 12,8" (eenheid cijfer) beside the
// months of 2023, one of them <10: the year adds up to 12 × 12,75 … 12 × 12,85, which bounds the
// hidden month to two values. A mark in a list whose name a series shares, and that is the mean
// of that series over a span to within its rounding, bounds the span's sum so.
void find_averages(const Edition& edition, const std::vector<Series>& series,
                   std::vector<DataRelation>& out) {
  for (const auto& [name, table] : edition.tables) {
    if (table.rows_are_periods()) continue;
    auto info = edition.config.datasets.find(name);
    for (size_t r = 0; r < table.row_keys.size(); ++r) {
      for (size_t c = 0; c < table.columns.size(); ++c) {
        if (table.unit_at(r, c) != Unit::Mark) continue;
        auto v = table.cells[r][c].value;
        const bool period = table.columns_are_periods();
        if (!v || (!period && !may_span_months(table, c))) continue;
        // As precise as it is published: one decimal, or the dataset's `decimalen`.
        const int decimals = info == edition.config.datasets.end()
                                 ? 1
                                 : format_of(info->second, table.columns[c]).decimals.value_or(1);
        const double step = std::pow(10.0, -decimals);
        const double half = step / 2;
        const double shown = std::round(*v / step) * step;
        for (const auto& s : series) {
          if (!share_a_word(table.row_keys[r], s.label + " " + s.table)) continue;
          // The months the mark is over: its column's period, or a span of the series.
          std::vector<Span> spans;
          if (!period) {
            for (const Run& run : spans_of(s)) {
              Span span;
              for (size_t k = run.first; k <= run.last; ++k) span.add(&s.points[k]);
              spans.push_back(span);
            }
          } else if (auto span = over(s, table.column_periods[c], Aggregate::Sum)) {
            spans.push_back(*span);
          }
          for (const Span& span : spans) {
            const double n = static_cast<double>(span.size);
            if (n < 2 || std::abs(span.value / n - shown) > half + kTolerance) continue;
            DataRelation rel{RelationKind::Average,
                             {},
                             n * (shown - half),
                             n * (shown + half),
                             "'" + table.row_keys[r] + "' in " + name + " is het gemiddelde van '" +
                                 s.label + "' in " + s.table + " van " +
                                 span.points[0]->period.iso() + " t/m " +
                                 span.points[span.size - 1]->period.iso()};
            span.append_cells(1, rel.terms);
            out.push_back(std::move(rel));
          }
        }
      }
    }
  }
}

namespace {

// A category that is a number of things: "2 voorzieningen" (k = 2), "4 of meer" (k = 4, open),
// "3+"; not an age group ("0 tot 4 jaar", a second number).
struct CountLabel {
  int k = 0;
  bool open = false;
  std::string counted;  // what is counted: "voorzieningen"
};

std::optional<CountLabel> count_label(std::string_view label) {
  label = trim(label);
  CountLabel out;
  size_t i = 0;
  for (; i < label.size() && i < 4 && std::isdigit(static_cast<unsigned char>(label[i])); ++i)
    out.k = out.k * 10 + (label[i] - '0');
  if (i == 0) return std::nullopt;
  std::string_view rest = trim(label.substr(i));
  for (std::string_view more : {"+", "of meer", "en meer"})
    if (rest.substr(0, more.size()) == more) {
      out.open = true;
      rest = trim(rest.substr(more.size()));
    }
  if (std::any_of(rest.begin(), rest.end(),
                  [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
    return std::nullopt;
  out.counted = std::string(rest);
  return out;
}

// Two names share a word, singular or plural ("voorziening" and "voorzieningen").
bool words_meet(const std::set<std::string>& a, const std::set<std::string>& b) {
  for (const auto& x : a)
    for (const auto& y : b)
      if (x.rfind(y, 0) == 0 || y.rfind(x, 0) == 0) return true;
  return false;
}

}  // namespace

// Clients by their number of voorzieningen ("1 voorziening", "2 voorzieningen", … "4 of meer")
// beside the clients of each voorziening, where a client with two counts twice: the second sums
// to 1·n1 + 2·n2 + …, or to at least that with an open last category. Each such table is set
// beside every series of another table over the periods both have; an open sum only beside one
// whose names say what is counted.
void find_weighted_sums(const Edition& edition, const std::vector<Series>& series,
                        std::vector<DataRelation>& out) {
  for (const auto& [name, table] : edition.tables) {
    const bool columns = table.rows_are_periods();
    if (!columns && !table.columns_are_periods()) continue;
    Axis axis(table, columns);
    std::vector<std::pair<size_t, CountLabel>> parts;
    std::set<std::string> counted;
    bool open = false;
    for (size_t m = 0; m < axis.members(); ++m) {
      if (names_a_total(axis.label(m))) continue;
      auto label = count_label(axis.label(m));
      if (!label) {
        parts.clear();
        break;
      }
      open = open || label->open;
      counted.merge(content_words(label->counted));
      parts.push_back({m, *label});
    }
    std::set<int> ks;
    for (const auto& [m, label] : parts) ks.insert(label.k);
    if (parts.size() < 2 || ks.size() != parts.size()) continue;
    if (std::any_of(parts.begin(), parts.end(),
                    [&](const auto& p) { return p.second.open && p.second.k != *ks.rbegin(); }))
      continue;
    const std::vector<Period>& periods = columns ? table.row_periods : table.column_periods;
    for (const Series& s : series) {
      if (s.table == name) continue;
      if (open && !words_meet(counted, content_words(s.label + " " + s.table))) continue;
      std::vector<std::pair<double, DataRelation>> found;  // weighted sum, relation
      bool holds = true;
      for (size_t line = 0; line < axis.lines() && holds; ++line) {
        auto other = over(s, periods[axis.line_index(line)], Aggregate::Same);
        if (!other) continue;
        DataRelation r{RelationKind::Weighted, {}, open ? -kInfinity : 0, 0, ""};
        double sum = 0;
        for (const auto& [m, label] : parts) {
          auto v = axis.at(line, m);
          if (!v) break;
          sum += label.k * *v;
          r.terms.push_back({axis.cell(line, m), static_cast<double>(label.k)});
        }
        if (r.terms.size() != parts.size()) continue;
        holds = open ? sum <= other->value + kTolerance : same(sum, other->value);
        other->append_cells(-1, r.terms);
        found.push_back({sum, std::move(r)});
      }
      if (!holds || std::none_of(found.begin(), found.end(), [](auto& f) { return f.first; }))
        continue;
      std::string terms;  // "1 × '1 voorziening' + 2 × '2 voorzieningen' + …"
      for (size_t k = 0; k < std::min<size_t>(parts.size(), 2); ++k)
        terms += (k ? " + " : "") + std::to_string(parts[k].second.k) + " × '" +
                 axis.label(parts[k].first) + "'";
      if (parts.size() > 2) terms += " + …";
      const std::string reason = "'" + s.label + "' in " + s.table +
                                 (open ? " is minstens " : " is ") + terms + " in " + name;
      for (auto& [sum, r] : found) {
        r.reason = reason;
        out.push_back(std::move(r));
      }
    }
  }
}

namespace {

// "Gemiddeld per cliënt", "Kosten per client", "Bedrag per persoon": an amount that is a mean
// over people, not a part of the others.
bool per_person(std::string_view label) {
  const std::string lower = to_lower_ascii(label);
  for (std::string_view word : {"per cli", "per persoon", "gemiddeld"})
    if (lower.find(word) != std::string::npos) return true;
  return false;
}

}  // namespace

// An amount per client beside the amounts it is the mean of: the lasten of all voorzieningen
// divided by all their clients. A reader who has the lasten and the mean, shown in whole euros,
// knows the number of clients to within lasten / (mean ± 0,5): one more equation over the
// counts, and the count of the smallest voorziening follows from the others. Each mean is set
// beside the sum of every amount table's parts and every person series, in each period the three
// share, where the true figures agree.
void find_amounts_per_client(const Edition& edition, const std::vector<Series>& series,
                             std::vector<DataRelation>& out) {
  constexpr double kHalf = 0.5;
  std::vector<Series> means, lasten;
  for (const auto& [name, table] : edition.tables) {
    const bool columns = table.rows_are_periods();
    if (!columns && !table.columns_are_periods()) continue;
    Axis axis(table, columns, Unit::Euro);
    std::vector<Period> periods;
    for (size_t line = 0; line < axis.lines(); ++line)
      periods.push_back(columns ? table.row_periods[axis.line_index(line)]
                                : table.column_periods[axis.line_index(line)]);
    std::vector<size_t> parts;
    std::vector<Series> members;
    table_series(table, axis, {}, periods, members);
    for (size_t m = 0; m < axis.members(); ++m)
      if (!per_person(axis.label(m)) && !names_a_total(axis.label(m))) parts.push_back(m);
    for (auto& s : members)
      if (per_person(s.label)) means.push_back(std::move(s));
    if (parts.size() < 2) continue;
    std::vector<Series> sums;
    table_series(table, axis, parts, periods, sums, "de som van de andere bedragen");
    for (auto& s : sums) lasten.push_back(std::move(s));
  }
  for (const Series& mean : means)
    for (const Point& a : mean.points) {
      if (a.value <= kHalf) continue;
      for (const Series& cost : lasten) {
        const Point* l = cost.at(a.period.kind, a.period.end_key());
        if (!l) continue;
        for (const Series& s : series) {
          const Point* n = s.at(a.period.kind, a.period.end_key());
          if (!n || n->value <= 0 || std::abs(l->value / n->value - a.value) > kHalf + kTolerance)
            continue;
          DataRelation rel{RelationKind::Average,
                           {},
                           l->value / (a.value + kHalf),
                           l->value / (a.value - kHalf),
                           "'" + mean.label + "' in " + mean.table + " is " + cost.label + " in " +
                               cost.table + " gedeeld door '" + s.label + "' in " + s.table + " (" +
                               a.period.iso() + ")"};
          for (const auto& c : n->cells) rel.terms.push_back({c, 1});
          out.push_back(std::move(rel));
        }
      }
    }
}

}  // namespace sdm::relation
