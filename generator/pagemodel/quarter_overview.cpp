#include "pagemodel/quarter_overview.h"

#include <cmath>

#include "format/dutch.h"
#include "pagemodel/page_model.h"
#include "pagemodel/phrases.h"

namespace sdm {
namespace {

// The column a chart shows when its spec names none: the dataset's first value column.
std::string chart_column(const ChartSpec& spec, const Edition& edition) {
  if (!spec.columns.empty()) return spec.columns.size() == 1 ? spec.columns.front() : "";
  auto table = edition.tables.find(spec.dataset);
  return table == edition.tables.end() || table->second.columns.empty()
             ? ""
             : table->second.columns.front();
}

// The published point of `chart` at the end of `quarter` for `column`: the quarter itself, or
// its last month. Null when the chart does not show that series at that time.
const PublishedCell* point_at(const PublishedChart& chart, const std::string& column,
                              const Edition& edition, const Period& quarter) {
  if (chart.spec.view == ChartView::YearLines) {
    // Months on the x-axis, a line per year.
    if (chart_column(chart.spec, edition) != column) return nullptr;
    for (const auto& s : chart.series)
      if (s.role == SeriesRole::Data && s.label == std::to_string(quarter.year) &&
          s.points.size() >= static_cast<size_t>(quarter.month))
        return &s.points[quarter.month - 1];
    return nullptr;
  }
  for (const auto& s : chart.series) {
    if (s.role != SeriesRole::Data || s.label != column) continue;
    for (size_t i = 0; i < chart.x.size() && i < s.points.size(); ++i) {
      const auto& p = chart.x[i].period;
      if (!p || p->year != quarter.year) continue;
      if ((p->kind == Period::Kind::Quarter && p->quarter == quarter.quarter) ||
          (p->kind == Period::Kind::Month && p->month == quarter.month))
        return &s.points[i];
    }
  }
  return nullptr;
}

// Charts that show a series the way its tile does: values per month or quarter as published,
// not running totals, shares or sums of months.
bool usable(const PublishedChart& chart, const TileSpec& tile) {
  if (chart.spec.dataset != tile.dataset || chart.spec.cumulative || chart.spec.per_quarter ||
      chart.percent)
    return false;
  return chart.spec.view == ChartView::YearLines || chart.spec.view == ChartView::Line ||
         chart.spec.view == ChartView::InOut;
}

// The first chart of the edition that publishes the tile's series up to the last quarter.
const PublishedChart* find_chart(const TileSpec& tile, const std::vector<PublishedPage>& pages,
                                 const Edition& edition, const Period& last) {
  for (const auto& page : pages)
    for (const auto& block : page.blocks) {
      const auto* chart = std::get_if<PublishedChart>(&block);
      if (chart && usable(*chart, tile) && point_at(*chart, tile.column, edition, last))
        return chart;
    }
  return nullptr;
}

// "+2,1%" against the same quarter a year earlier, when both are published numbers.
json trend(const PublishedCell& year_ago, const PublishedCell& now) {
  if (!year_ago.value || !now.value || *year_ago.value == 0) return nullptr;
  double percent = (*now.value - *year_ago.value) / std::fabs(*year_ago.value) * 100.0;
  double shown = round_half_away(percent, 1);
  std::string direction = shown > 0 ? "op" : shown < 0 ? "neer" : "gelijk";
  std::string arrow = shown > 0 ? "▲" : shown < 0 ? "▼" : "=";
  return {{"direction", direction},
          {"arrow", arrow},
          {"text", shown == 0 ? "gelijk" : format_signed_percent(percent)}};
}

}  // namespace

std::vector<Period> last_quarters(const Period& reference_date, int count) {
  auto previous = [](const Period& q) {
    return q.quarter == 1 ? Period::of_quarter(q.year - 1, 4)
                          : Period::of_quarter(q.year, q.quarter - 1);
  };
  Period last = reference_date.quarter_of();
  // The peildatum's quarter counts only when it has ended.
  if (last.end_key() > reference_date.end_key()) last = previous(last);
  std::vector<Period> out(count);
  for (int i = count - 1; i >= 0; --i, last = previous(last)) out[i] = last;
  return out;
}

json quarter_overview(const std::vector<PublishedTile>& tiles,
                      const std::vector<PublishedPage>& pages, const Edition& edition) {
  const std::vector<Period> quarters = last_quarters(edition.config.reference_date);
  json rows = json::array();
  bool suppressed = false, secondary = false, provisional = false, revised = false;
  for (const auto& tile : tiles) {
    // A sum or difference of figures is no one chart's point.
    if (tile.spec.show != TileShow::Last || !tile.spec.more_datasets.empty() ||
        !tile.spec.minus.empty())
      continue;
    const PublishedChart* chart = find_chart(tile.spec, pages, edition, quarters.back());
    if (!chart) continue;
    json cells = json::array();
    std::vector<PublishedCell> points;
    for (const auto& quarter : quarters) {
      const PublishedCell* p = point_at(*chart, tile.spec.column, edition, quarter);
      points.push_back(p ? *p : PublishedCell{});
      cells.push_back(table_cell(points.back(), chart->unit));
      suppressed = suppressed || (points.back().suppressed && !points.back().secondary);
      secondary = secondary || points.back().secondary;
      provisional = provisional || (!points.back().suppressed && points.back().provisional);
      revised = revised || (!points.back().suppressed && points.back().revised);
    }
    rows.push_back({{"title", tile.spec.title},
                    {"unit", unit_name(chart->unit)},
                    {"cells", cells},
                    {"trend", trend(points[points.size() - 5], points.back())}});
  }
  if (rows.empty()) return nullptr;
  json head = json::array();
  for (const auto& q : quarters)
    head.push_back({{"short", format_period(q, PeriodStyle::Short)},
                    {"long", format_period(q, PeriodStyle::Long)}});
  json notes = json::array(
      {"Per kwartaal de stand aan het eind van het kwartaal (bij maandcijfers de laatste maand), "
       "zoals in de grafieken van de hoofdstukken. De verandering vergelijkt het laatste kwartaal "
       "met hetzelfde kwartaal een jaar eerder."});
  if (suppressed) notes.push_back(std::string(kSuppressionNote));
  if (secondary) notes.push_back(std::string(kSecondaryNote));
  if (provisional) notes.push_back(std::string(kProvisionalNote));
  if (revised) notes.push_back(std::string(kRevisedNote));
  return {{"caption", "Kerncijfers in de laatste acht kwartalen, " +
                          format_period(quarters.front(), PeriodStyle::Long) + " tot en met " +
                          format_period(quarters.back(), PeriodStyle::Long)},
          {"head", head},
          {"rows", rows},
          {"notes", notes}};
}

}  // namespace sdm
