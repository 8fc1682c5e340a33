#include "disclosure/disclosure.h"

#include <limits>

namespace sdm {
namespace {

bool below_threshold(const RawValue& v) { return v.persons && *v.persons < kThreshold; }

PublishedCell publish(const RawValue& v, bool suppressed) {
  if (suppressed) return {std::nullopt, {}, true};
  return {v.value, v.text, false};
}

}  // namespace

std::vector<std::vector<bool>> suppression_pattern(
    const std::vector<std::vector<std::optional<double>>>& persons,
    const std::vector<LinkedGroup>& linked) {
  std::vector<std::vector<bool>> hidden(persons.size());
  for (size_t i = 0; i < persons.size(); ++i) {
    hidden[i].resize(persons[i].size());
    for (size_t j = 0; j < persons[i].size(); ++j)
      hidden[i][j] = persons[i][j] && *persons[i][j] < kThreshold;
  }
  bool changed = true;
  while (changed) {
    changed = false;
    for (const auto& group : linked) {
      int count = 0;
      double hidden_sum = 0;
      for (auto [i, j] : group)
        if (hidden[i][j]) {
          ++count;
          hidden_sum += persons[i][j].value_or(0);
        }
      if (count == 0 || (count >= 2 && hidden_sum >= kThreshold)) continue;
      // Suppress the smallest published cell: it costs the reader the least information.
      std::optional<CellRef> smallest;
      double smallest_value = std::numeric_limits<double>::max();
      for (auto [i, j] : group)
        if (!hidden[i][j] && persons[i][j] && *persons[i][j] < smallest_value) {
          smallest_value = *persons[i][j];
          smallest = CellRef{i, j};
        }
      if (!smallest) continue;  // nothing left to hide; the audit has the last word
      hidden[smallest->first][smallest->second] = true;
      changed = true;
    }
  }
  return hidden;
}

PublishedChart Disclosure::chart(const ChartData& data) {
  PublishedChart out{DisclosurePass()};
  out.number = data.number;
  out.spec = data.spec;
  out.source = data.source;
  out.reference_note = data.reference_note;
  out.unit = data.unit;
  out.bars = data.bars;
  out.stacked = data.stacked;
  out.percent = data.percent;
  out.x_title = data.x_title;
  out.x = data.x;
  out.notes = data.notes;
  std::vector<std::vector<std::optional<double>>> persons;
  for (const auto& s : data.series) {
    persons.emplace_back();
    for (const auto& p : s.points) persons.back().push_back(p.persons);
  }
  auto hidden = suppression_pattern(persons, data.linked);
  for (size_t i = 0; i < data.series.size(); ++i) {
    PublishedSeries series{data.series[i].label, data.series[i].role, {}};
    for (size_t j = 0; j < data.series[i].points.size(); ++j) {
      series.points.push_back(publish(data.series[i].points[j], hidden[i][j]));
      out.any_suppressed = out.any_suppressed || hidden[i][j];
    }
    out.series.push_back(std::move(series));
  }
  return out;
}

PublishedTable Disclosure::table(const TableData& data) {
  PublishedTable out{DisclosurePass()};
  out.number = data.number;
  out.spec = data.spec;
  out.source = data.source;
  out.key_header = data.key_header;
  out.columns = data.columns;
  std::vector<std::vector<std::optional<double>>> persons;
  for (const auto& row : data.rows) {
    persons.emplace_back();
    for (const auto& c : row.cells) persons.back().push_back(c.persons);
  }
  auto hidden = suppression_pattern(persons, data.linked);
  for (size_t r = 0; r < data.rows.size(); ++r) {
    PublishedRow row{data.rows[r].key, data.rows[r].unit, data.rows[r].total, {}};
    for (size_t c = 0; c < data.rows[r].cells.size(); ++c) {
      row.cells.push_back(publish(data.rows[r].cells[c], hidden[r][c]));
      out.any_suppressed = out.any_suppressed || hidden[r][c];
    }
    out.rows.push_back(std::move(row));
  }
  return out;
}

PublishedTile Disclosure::tile(const TileData& data) {
  PublishedTile out{DisclosurePass()};
  out.spec = data.spec;
  out.unit = data.unit;
  out.period = data.period;
  out.budget = data.budget;
  bool hidden = below_threshold(data.value);
  out.value = publish(data.value, hidden);
  out.has_previous = data.previous.has_value();
  // The change reveals the previous value too, so both must be publishable.
  if (data.previous && !hidden && !below_threshold(*data.previous) && data.value.value &&
      data.previous->value)
    out.change = *data.value.value - *data.previous->value;
  return out;
}

PublishedFigure Disclosure::figure(const FigureData& data) {
  PublishedFigure out{DisclosurePass()};
  out.ref = data.ref;
  out.unit = data.unit;
  out.value = publish(data.value, below_threshold(data.value));
  return out;
}

std::vector<PublishedPage> Disclosure::edition(const std::vector<ComputedPage>& pages) {
  std::vector<PublishedPage> out;
  for (const auto& page : pages) {
    PublishedPage published;
    for (const auto& block : page.blocks) {
      if (const auto* c = std::get_if<ChartData>(&block)) {
        published.blocks.push_back(chart(*c));
      } else if (const auto* t = std::get_if<TableData>(&block)) {
        published.blocks.push_back(table(*t));
      } else if (const auto* tiles = std::get_if<std::vector<TileData>>(&block)) {
        std::vector<PublishedTile> list;
        for (const auto& tile_data : *tiles) list.push_back(tile(tile_data));
        published.blocks.push_back(std::move(list));
      }
    }
    for (const auto& f : page.figures) published.figures.push_back(figure(f));
    out.push_back(std::move(published));
  }
  return out;
}

}  // namespace sdm
