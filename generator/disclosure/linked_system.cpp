#include "disclosure/linked_system.h"

#include <map>
#include <set>
#include <tuple>

#include "disclosure/disclosure.h"

namespace sdm::linked {
namespace {

constexpr double kShareSlack = 0.1;    // a largest-remainder share is within 0,1 of the truth
constexpr double kRateSlack = 0.05;    // a rate is rounded to one decimal
constexpr double kChangeSlack = 0.05;  // so is a percentage change in the text

Fact::Text text_kind(const FigureRef& ref) {
  bool derived = ref.function == FigureFunction::Change ||
                 ref.function == FigureFunction::ChangePercent ||
                 ref.function == FigureFunction::Rate;
  return derived ? Fact::Text::Derived : Fact::Text::Count;
}

}  // namespace

void collect(EditionFacts facts, int edition, std::vector<Fact>& out, int& groups) {
  auto& published = *facts.published;
  const auto& computed = *facts.computed;
  for (size_t p = 0; p < computed.size(); ++p) {
    for (size_t b = 0; b < computed[p].blocks.size(); ++b) {
      const auto& block = computed[p].blocks[b];
      if (const auto* c = std::get_if<ChartData>(&block)) {
        auto& pc = std::get<PublishedChart>(published[p].blocks[b]);
        std::string block_name =
            "Grafiek " + std::to_string(c->number) + " '" + c->spec.title + "'";
        int first_group = groups;
        if (c->percent) groups += static_cast<int>(c->x.size());
        for (size_t i = 0; i < c->series.size(); ++i)
          for (size_t j = 0; j < c->series[i].points.size(); ++j)
            if (!c->series[i].points[j].terms.empty())
              out.push_back({edition, &c->series[i].points[j], &pc.series[i].points[j], c->percent,
                             c->percent ? first_group + static_cast<int>(j) : -1,
                             block_name + ": " + c->series[i].label + ", " + key_text(c->x[j]),
                             &c->spec.where});
      } else if (const auto* t = std::get_if<TableData>(&block)) {
        auto& pt = std::get<PublishedTable>(published[p].blocks[b]);
        std::string block_name =
            t->number ? "Tabel " + std::to_string(t->number) + " '" + t->spec.title + "'"
                      : "de tabel met " + t->spec.dataset;
        for (size_t r = 0; r < t->rows.size(); ++r)
          for (size_t k = 0; k < t->rows[r].cells.size(); ++k)
            if (!t->rows[r].cells[k].terms.empty())
              out.push_back(
                  {edition, &t->rows[r].cells[k], &pt.rows[r].cells[k], false, -1,
                   block_name + ": " + t->rows[r].key.label + ", " + key_text(t->columns[k]),
                   &t->spec.where});
      } else if (const auto* tiles = std::get_if<std::vector<TileData>>(&block)) {
        auto& pt = std::get<std::vector<PublishedTile>>(published[p].blocks[b]);
        for (size_t k = 0; k < tiles->size(); ++k)
          if (!(*tiles)[k].value.terms.empty())
            out.push_back({edition, &(*tiles)[k].value, &pt[k].value, false, -1,
                           "kerncijfer '" + (*tiles)[k].spec.title + "'", &(*tiles)[k].spec.where});
      }
    }
    for (size_t f = 0; f < computed[p].figures.size(); ++f)
      if (!computed[p].figures[f].value.terms.empty())
        out.push_back({edition, &computed[p].figures[f].value, &published[p].figures[f].value,
                       false, -1,
                       "verwijzing in de tekst naar " + computed[p].figures[f].ref.dataset,
                       &computed[p].figures[f].ref.where, text_kind(computed[p].figures[f].ref)});
  }
}

namespace {

// What a reader knows of the dataset cells themselves (data_relations.h), in both editions.
void relation_rows(const std::vector<std::vector<DataRelation>>& relations, Unknowns& unknowns,
                   std::vector<LinearRow>& rows) {
  for (size_t e = 0; e < relations.size(); ++e)
    for (const auto& relation : relations[e]) {
      LinearRow row{{}, relation.lower, relation.upper};
      for (const auto& t : relation.terms)
        row.terms.push_back({unknowns.of(static_cast<int>(e) + t.edition, t.cell), t.coef});
      rows.push_back(std::move(row));
    }
}

// The same figure shown in a chart, its table, a tile and the previous edition is one row many
// times, and a row of one cell is a bound on that cell. Folded, the linear programs shrink to
// their real size: the largest part of the demo had 683 rows for 252 cells.
void fold_rows(System& s) {
  std::vector<LinearRow> kept;
  std::set<std::tuple<std::vector<std::pair<size_t, double>>, double, double>> seen;
  std::vector<std::pair<size_t, double>> merged;
  for (auto& row : s.rows) {
    // The terms by variable, each once with its coefficients added up.
    merged.clear();
    for (const auto& t : row.terms) merged.push_back({t.var, t.coef});
    std::sort(merged.begin(), merged.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    size_t n = 0;
    for (size_t i = 0; i < merged.size(); ++i) {
      if (n > 0 && merged[n - 1].first == merged[i].first)
        merged[n - 1].second += merged[i].second;
      else
        merged[n++] = merged[i];
    }
    merged.resize(n);
    std::erase_if(merged, [](const auto& t) { return t.second == 0; });
    if (merged.empty()) continue;  // a cell of the previous edition that is the same unknown
    if (merged.size() == 1) {
      auto [var, coef] = merged.front();
      double lower = coef > 0 ? row.lower / coef : row.upper / coef;
      double upper = coef > 0 ? row.upper / coef : row.lower / coef;
      auto& bound = s.bounds[var];
      bound = {std::max(bound.first, lower), std::min(bound.second, upper)};
      continue;
    }
    if (!seen.insert({merged, row.lower, row.upper}).second) continue;
    row.terms.clear();
    for (const auto& [var, coef] : merged) row.terms.push_back({var, coef});
    kept.push_back(std::move(row));
  }
  s.rows = std::move(kept);
}

}  // namespace

System build_system(const std::vector<Fact>& facts,
                    const std::vector<std::vector<DataRelation>>& relations, Unknowns& unknowns) {
  System s;
  std::map<int, std::vector<LinearTerm>> group_total;
  for (const auto& f : facts)
    if (f.share) {
      auto t = terms_of(f, unknowns);
      auto& g = group_total[f.group];
      g.insert(g.end(), t.begin(), t.end());
    }
  for (const auto& f : facts) {
    auto terms = terms_of(f, unknowns);
    const PublishedCell& cell = *f.cell;
    if (!f.raw->change_base.empty()) {
      // A change p% shown to one decimal: (p ∓ 0,05)% of the average before bounds the change.
      if (cell.suppressed || !cell.value) continue;
      for (double side : {-1.0, 1.0}) {
        std::vector<LinearTerm> row = terms;
        for (const auto& t : f.raw->change_base)
          row.push_back({unknowns.of_term(f.edition, t.cell),
                         -(*cell.value + side * kChangeSlack) / 100 * t.coef});
        double lower = side < 0 ? 0 : -kInfinity, upper = side < 0 ? kInfinity : 0;
        if (holds(evaluate(row, unknowns.truth()), lower, upper))
          s.rows.push_back({row, lower, upper});
      }
      continue;
    }
    if (cell.suppressed) {
      if (!cell.secondary) s.rows.push_back({terms, 0, kThreshold - 1});  // "<10"
      continue;
    }
    if (!cell.value) continue;
    if (f.raw->rate_base) {
      // A rate r per 1.000 of P, shown to one decimal: the count is within (r ± 0,05)·P/1.000.
      double scale = *f.raw->rate_base / 1000;
      s.rows.push_back(
          {terms, (*cell.value - kRateSlack) * scale, (*cell.value + kRateSlack) * scale});
      continue;
    }
    if (!f.share) {
      s.rows.push_back({terms, *cell.value, *cell.value});
      continue;
    }
    // share p of the period total T: (p − slack)·T ≤ 100·x ≤ (p + slack)·T
    for (double side : {-1.0, 1.0}) {
      std::vector<LinearTerm> row;
      for (const auto& t : terms) row.push_back({t.var, 100 * t.coef});
      for (const auto& t : group_total[f.group])
        row.push_back({t.var, -(*cell.value + side * kShareSlack) * t.coef});
      double truth = evaluate(row, unknowns.truth());
      double lower = side < 0 ? 0 : -kInfinity, upper = side < 0 ? kInfinity : 0;
      if (holds(truth, lower, upper)) s.rows.push_back({row, lower, upper});
    }
  }
  relation_rows(relations, unknowns, s.rows);
  s.bounds.assign(unknowns.truth().size(), {0, kInfinity});
  fold_rows(s);
  return s;
}

}  // namespace sdm::linked
