#include "pagemodel/changes_page.h"

#include <cmath>
#include <set>

#include "format/dutch.h"
#include "pagemodel/phrases.h"

namespace sdm {
namespace {

// A chart is the same chart in both editions when it shows the same dataset the same way.
std::string chart_key(const PublishedChart& c) {
  std::string columns;
  for (const auto& col : c.spec.columns) columns += col + "|";
  return c.spec.dataset + "#" + std::to_string(static_cast<int>(c.spec.view)) + "#" +
         std::to_string(c.spec.per_quarter) + "#" + std::to_string(c.spec.cumulative) + "#" +
         columns;
}

std::vector<const PublishedChart*> charts(const std::vector<PublishedPage>& pages) {
  std::vector<const PublishedChart*> out;
  for (const auto& page : pages)
    for (const auto& block : page.blocks)
      if (const auto* c = std::get_if<PublishedChart>(&block)) out.push_back(c);
  return out;
}

std::string difference_text(double difference, Unit unit) {
  if (unit == Unit::Euro) return format_signed_euro(difference);
  return format_signed_number(difference);
}

// Every row of this table is a revision; a mark saying so on each cell would only repeat that.
json unmarked_cell(PublishedCell cell, Unit unit) {
  cell.provisional = cell.revised = false;
  return table_cell(cell, unit);
}

// Points published in both editions with different values. For running totals only the last
// point of each year counts: one late invoice would otherwise change every later month.
json revisions(const PublishedChart& now, const PublishedChart& before) {
  json rows = json::array();
  Unit unit = now.percent ? Unit::Percent : now.unit;
  bool months = now.spec.view == ChartView::YearLines;
  std::vector<std::string> before_keys;
  for (const auto& x : before.x) before_keys.push_back(key_text(x, months));
  for (const auto& series : now.series) {
    if (series.role != SeriesRole::Data) continue;
    const PublishedSeries* old = nullptr;
    for (const auto& s : before.series)
      if (s.label == series.label && s.role == SeriesRole::Data) old = &s;
    if (!old) continue;
    std::vector<std::pair<size_t, size_t>> shared;  // (index now, index before)
    for (size_t i = 0; i < now.x.size() && i < series.points.size(); ++i) {
      std::string key = key_text(now.x[i], months);
      for (size_t j = 0; j < before.x.size() && j < old->points.size(); ++j)
        if (before_keys[j] == key && series.points[i].value && old->points[j].value)
          shared.push_back({i, j});
    }
    if (now.spec.cumulative && !shared.empty()) shared = {shared.back()};
    for (auto [i, j] : shared) {
      double a = *old->points[j].value, b = *series.points[i].value;
      if (std::fabs(b - a) < (unit == Unit::Percent ? 0.05 : 0.5)) continue;
      std::string period = key_text(now.x[i], months);
      if (months) period += " " + series.label;
      rows.push_back({{"series", months ? now.spec.title : series.label},
                      {"period", (now.spec.cumulative ? "t/m " : "") + period},
                      {"previous", unmarked_cell(old->points[j], unit)},
                      {"value", unmarked_cell(series.points[i], unit)},
                      {"difference", unit == Unit::Percent ? format_signed_percent(b - a)
                                                           : difference_text(b - a, unit)}});
    }
  }
  return rows;
}

}  // namespace

PageModel changes_page_model(const Edition& edition, const std::vector<PublishedPage>& now,
                             const std::vector<PublishedPage>& before, const SiteInfo& site,
                             const std::string& previous_label) {
  json latest = json::array();
  // A tile on the overview and again in its chapter is one change, listed once.
  std::set<std::string> listed;
  for (const auto& page : now)
    for (const auto& block : page.blocks)
      if (const auto* tiles = std::get_if<std::vector<PublishedTile>>(&block))
        for (const auto& tile : *tiles) {
          if (!tile.change) continue;
          TileTexts t = tile_texts(tile);
          if (!listed.insert(tile.spec.title + '\n' + t.value + '\n' + t.change).second) continue;
          latest.push_back({{"title", tile.spec.title},
                            {"value", t.value},
                            {"change", t.change},
                            {"period", t.period}});
        }

  json groups = json::array();
  auto old_charts = charts(before);
  std::vector<std::string> old_keys;
  for (const auto* old : old_charts) old_keys.push_back(chart_key(*old));
  for (const auto* chart : charts(now)) {
    std::string key = chart_key(*chart);
    for (size_t k = 0; k < old_charts.size(); ++k) {
      if (old_keys[k] != key) continue;
      json rows = revisions(*chart, *old_charts[k]);
      if (!rows.empty())
        groups.push_back(
            {{"title", "Grafiek " + std::to_string(chart->number) + ": " + chart->spec.title},
             {"href", "#"},
             {"rows", std::move(rows)}});
      break;
    }
  }
  json model = base_model(edition, site, "Wat is er veranderd", kChangesSlug);
  model["changes"] = {{"previous_label", previous_label},
                      {"has_latest", !latest.empty()},
                      {"has_revisions", !groups.empty()}};
  model["changes"]["latest"] = std::move(latest);
  model["changes"]["revision_groups"] = std::move(groups);
  return {.path = site.dir + kChangesSlug + ".html",
          .model = std::move(model),
          .content_template = "veranderd"};
}

}  // namespace sdm
