#include "pagemodel/page_model.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <unordered_map>
#include <utility>

#include "format/dutch.h"
#include "pagemodel/embed_page.h"
#include "pagemodel/phrases.h"
#include "pagemodel/quarter_overview.h"

namespace sdm {

// What each mark says, and no more: an "x" may hide a count under 10 too (the audit across the
// edition turns a "<10" into an "x" when its being under 10 is what gives a neighbour away), so the
// legend does not claim that every count under 10 reads "<10".
const char kSuppressionNote[] = "Met <10 is een aantal van minder dan 10 aangeduid.";
const char kSecondaryNote[] =
    "Met x is een cijfer aangeduid dat niet wordt getoond ter bescherming van kleine aantallen; "
    "het kan elk getal zijn, ook onder de 10.";

// The legend of the marks a table cell can carry (table_cell), as CBS does.
const char kProvisionalNote[] =
    "* Voorlopig: dit cijfer kan nog veranderen, bijvoorbeeld door late facturen of registraties.";
const char kRevisedNote[] = "h Herzien: dit cijfer is anders dan in de vorige monitor.";

namespace {

struct StatusSeen {
  bool provisional = false, revised = false;
  void add(const std::vector<PublishedCell>& cells) {
    for (const auto& c : cells) {
      provisional = provisional || (!c.suppressed && c.provisional);
      revised = revised || (!c.suppressed && c.revised);
    }
  }
  void notes(json& out) const {
    if (provisional) out.push_back(kProvisionalNote);
    if (revised) out.push_back(kRevisedNote);
  }
};

bool any_secondary(const std::vector<PublishedCell>& cells) {
  for (const auto& c : cells)
    if (c.secondary) return true;
  return false;
}

std::string role_name(SeriesRole role) {
  return role == SeriesRole::Budget     ? "begroting"
         : role == SeriesRole::Forecast ? "prognose"
                                        : "data";
}

std::string source_line(const std::string& source, const std::string& reference_note) {
  std::string out;
  if (!source.empty()) out = "Bron: " + source;
  if (!reference_note.empty())
    out += (out.empty() ? "Peildatum: " : " · peildatum: ") + reference_note;
  return out;
}

// An empty list with room for `size` items: a list grown one push_back at a time moves all its
// items at every reallocation.
json list_of_size(size_t size) {
  json list = json::array();
  list.get_ref<json::array_t&>().reserve(size);
  return list;
}

// What a shown figure's mark means: "voorlopig", "herzien", both, or nothing.
std::string mark_text(const PublishedCell& cell) {
  if (cell.suppressed) return "";
  return cell.provisional && cell.revised ? "voorlopig, herzien"
         : cell.provisional               ? "voorlopig"
         : cell.revised                   ? "herzien"
                                          : "";
}

// A table cell with its text already made.
json cell_json(const PublishedCell& cell, std::string text) {
  // Straight into the object's vector without a search for each key: an initializer list would
  // build and copy a pair per key, for every cell.
  json out = json::object();
  auto& keys = out.get_ref<json::object_t&>();
  keys.reserve(7);
  std::string words = mark_text(cell);
  bool marked = !words.empty();
  if (marked) {
    // A mark for the eye and words for a screen reader: "1.234 (voorlopig)".
    keys.emplace_back("mark", std::string(cell.provisional ? "*" : "") + (cell.revised ? "h" : ""));
    keys.emplace_back("mark_text", std::move(words));
  }
  keys.emplace_back("marked", marked);
  keys.emplace_back("numeric", cell.text.empty());
  keys.emplace_back("secret", cell.suppressed && cell.secondary);
  keys.emplace_back("small", cell.suppressed && !cell.secondary);
  keys.emplace_back("text", std::move(text));
  return out;
}

// A series as its legend, table and download name it: a period column ("2024-03", the export's
// code) as a reader says it, "Maart 2024".
std::string series_name(const std::string& label) {
  auto period = Period::parse(label);
  return capitalized(period ? format_period(*period, PeriodStyle::Long) : label);
}

json chart_block(const PublishedChart& chart, const std::string& peildatum, ChartNumbers& numbers) {
  std::string id = "grafiek-" + std::to_string(chart.number);
  Unit shown = chart.percent ? Unit::Percent : chart.unit;
  // Shares are computed to one decimal; other values with the dataset's decimals. Not in millions:
  // the axis and the download name no scale.
  const NumberFormat format{chart.percent ? std::nullopt : chart.format.decimals, Scale::Units};
  bool months = chart.spec.view == ChartView::YearLines;
  // Each point's text, made once: the chart's labels and its table show the same.
  std::unordered_map<const PublishedCell*, std::string> texts;
  auto text_of = [&](const PublishedCell& p) -> const std::string& {
    auto [it, fresh] = texts.try_emplace(&p);
    if (fresh) it->second = cell_text(p, shown, format);
    return it->second;
  };

  numbers.type = chart.bars ? "bar" : "line";
  numbers.stacked = chart.stacked;
  numbers.percent = chart.percent;
  numbers.unit = unit_name(shown);
  for (const auto& k : chart.x) {
    numbers.labels.push_back(key_text(k, months));
    numbers.spoken.push_back(spoken_key_text(k, months));
  }
  for (const auto& s : chart.series) {
    ChartNumbers::Series& series = numbers.series.emplace_back();
    series.label = series_name(s.label);
    series.role = role_name(s.role);
    bool marked = false;
    for (const auto& p : s.points) {
      // As precise as the text beside it: a rate per 1.000 to more decimals gives the population
      // back, and with it the counts.
      series.data.push_back(
          p.value ? std::optional(round_half_away(*p.value, shown_decimals(shown, format)))
                  : std::nullopt);
      series.display.push_back(text_of(p));
      series.marks.push_back(mark_text(p));
      marked = marked || !series.marks.back().empty();
    }
    if (!marked) series.marks.clear();
  }
  numbers.x_title = months ? "Maand" : capitalized(chart.x_title);

  // The same numbers as a table: a row per x position, a column per data series. Budget and
  // forecast lines are constant, so they become one row each under their year's column.
  std::string x_head = months                  ? "Maand"
                       : chart.x_title.empty() ? "Periode"
                                               : capitalized(chart.x_title);
  std::vector<const PublishedSeries*> columns, references;
  for (const auto& s : chart.series)
    (s.role == SeriesRole::Data ? columns : references).push_back(&s);
  json head_cells = json::array({{{"text", x_head}}});
  auto& csv_rows = numbers.csv_rows;
  csv_rows.reserve(chart.x.size() + 3);  // head, a row per x, budget, forecast
  csv_rows.push_back({x_head});
  for (const auto* s : columns) {
    head_cells.push_back({{"text", series_name(s->label)}});
    csv_rows[0].push_back(series_name(s->label));
  }
  json rows = list_of_size(chart.x.size() + 2);
  auto add_row = [&](const std::string& label, const std::vector<const PublishedCell*>& cells) {
    json row_cells = list_of_size(cells.size());
    std::vector<std::string> csv;
    csv.reserve(cells.size() + 1);
    csv.push_back(label);
    for (const auto* c : cells) {
      row_cells.push_back(c ? cell_json(*c, text_of(*c)) : table_cell({}, shown));
      csv.push_back(c ? cell_csv(*c, shown, format) : "");
    }
    rows.push_back({{"head", label}, {"unit", unit_name(shown)}, {"cells", std::move(row_cells)}});
    csv_rows.push_back(std::move(csv));
  };
  for (size_t i = 0; i < chart.x.size(); ++i) {
    std::vector<const PublishedCell*> cells;
    for (const auto* s : columns) cells.push_back(&s->points[i]);
    add_row(key_text(chart.x[i], months), cells);
  }
  for (SeriesRole role : {SeriesRole::Budget, SeriesRole::Forecast}) {
    std::vector<const PublishedCell*> cells(columns.size(), nullptr);
    bool any = false;
    for (const auto* r : references) {
      if (r->role != role) continue;
      std::string year = r->label.substr(r->label.find_last_of(' ') + 1);
      for (size_t c = 0; c < columns.size(); ++c)
        if (columns[c]->label == year && !r->points.empty()) {
          cells[c] = &r->points.front();
          any = true;
        }
    }
    if (any) add_row(role == SeriesRole::Budget ? "Begroting" : "Prognose", cells);
  }

  std::string caption = "Grafiek " + std::to_string(chart.number) + ": " + chart.spec.title;
  json notes = json::array();
  for (const auto& n : chart.notes) notes.push_back(n);
  if (chart.any_suppressed) notes.push_back(kSuppressionNote);
  bool secondary = false;
  for (const auto& s : chart.series) secondary = secondary || any_secondary(s.points);
  if (secondary) notes.push_back(kSecondaryNote);
  StatusSeen status;
  for (const auto* s : columns) status.add(s->points);
  status.notes(notes);
  return {
      {"id", id},
      {"number", chart.number},
      {"title", chart.spec.title},
      {"caption", caption},
      {"summary", chart.spec.summary},
      {"aria_label", caption + ". " + (chart.spec.summary.empty() ? "" : chart.spec.summary + " ") +
                         "De cijfers staan in de tabel onder de grafiek."},
      {"source",
       source_line(chart.source, chart.reference_note.empty() ? peildatum : chart.reference_note)},
      {"notes", std::move(notes)},
      {"head", std::move(head_cells)},
      {"rows", std::move(rows)},
      {"csv_path", "data/" + id + ".csv"}};
}

// An untitled table still needs a caption that tells it apart from the others on the page:
// "sociale-basis/welzijn-op-recept.csv" -> "Cijfers welzijn op recept".
std::string untitled_caption(const std::string& dataset) {
  std::string name = dataset.substr(dataset.find_last_of('/') + 1);
  name = name.substr(0, name.rfind('.'));
  for (auto& c : name)
    if (c == '-' || c == '_') c = ' ';
  return "Cijfers " + name;
}

// `download` is the name of its CSV file when the table has no number.
json table_block(const PublishedTable& table, const std::string& peildatum,
                 const std::string& download, std::vector<std::vector<std::string>>& csv_rows) {
  std::string id = table.number ? "tabel-" + std::to_string(table.number) : "";
  // Two header rows when the columns come in groups ("Bedum" over its months): the key's header
  // then spans both.
  json groups = json::array();
  for (const auto& c : table.columns) {
    if (c.group.empty()) continue;
    if (groups.empty() || groups.back()["text"] != c.group)
      groups.push_back({{"text", c.group}, {"span", 0}});
    groups.back()["span"] = groups.back()["span"].get<int>() + 1;
  }
  // Each column's unit (its own, or that of the rows) and format: decimalen and notatie.
  const Unit first_unit = table.rows.empty() ? Unit::Count : table.rows.front().unit;
  auto format_at = [&](size_t c) {
    return c < table.formats.size() ? table.formats[c].format : NumberFormat{};
  };
  auto unit_at = [&](const PublishedRow& row, size_t c) {
    return c < table.formats.size() && table.formats[c].unit ? *table.formats[c].unit : row.unit;
  };
  // "x € 1.000" once in the caption when every column says it, else in the header of each.
  std::vector<std::string> scale_notes;
  for (size_t c = 0; c < table.columns.size(); ++c)
    scale_notes.push_back(scale_note(
        c < table.formats.size() && table.formats[c].unit ? *table.formats[c].unit : first_unit,
        format_at(c), false));
  const bool one_scale =
      !scale_notes.empty() && !scale_notes.front().empty() &&
      std::all_of(scale_notes.begin(), scale_notes.end(),
                  [&](const std::string& n) { return n == scale_notes.front(); });
  json head = json::array();
  if (groups.empty()) head.push_back({{"text", capitalized(table.key_header)}});
  csv_rows.reserve(table.rows.size() + 1);
  csv_rows.push_back({capitalized(table.key_header)});
  for (size_t i = 0; i < table.columns.size(); ++i) {
    const Key& c = table.columns[i];
    std::string text = c.period ? key_text(c) : capitalized(key_text(c));
    // One header row in the download: the group goes into each of its columns; its plain
    // numbers say their scale.
    std::string plain_note = scale_note(
        i < table.formats.size() && table.formats[i].unit ? *table.formats[i].unit : first_unit,
        format_at(i), true);
    csv_rows[0].push_back((c.group.empty() ? text : c.group + " · " + text) +
                          (plain_note.empty() ? "" : " (" + plain_note + ")"));
    if (!one_scale && !scale_notes[i].empty()) text += " (" + scale_notes[i] + ")";
    head.push_back({{"text", std::move(text)}});
  }
  // The number of each row's note, counted across the edition.
  auto note_of = [&](const PublishedRow& row) {
    for (size_t n = 0; n < table.spec.row_notes.size(); ++n)
      if (table.spec.row_notes[n].row == row.key.label)
        return table.first_note + static_cast<int>(n);
    return 0;
  };
  json rows = list_of_size(table.rows.size());
  for (const auto& row : table.rows) {
    json cells = list_of_size(row.cells.size());
    const int note = note_of(row);
    std::vector<std::string> csv{key_text(row.key) +
                                 (note ? " (noot " + std::to_string(note) + ")" : "")};
    for (size_t c = 0; c < row.cells.size(); ++c) {
      const Unit unit = unit_at(row, c);
      cells.push_back(cell_json(row.cells[c], cell_text(row.cells[c], unit, format_at(c))));
      csv.push_back(cell_csv(row.cells[c], unit, format_at(c)));
    }
    csv_rows.push_back(std::move(csv));
    rows.push_back({{"head", key_text(row.key)},
                    {"unit", unit_name(row.unit)},
                    {"total", row.total},
                    {"section", row.section},
                    {"note", note ? json(note) : json(false)},
                    {"span", row.cells.size() + 1},
                    {"cells", std::move(cells)}});
  }
  const std::string scale_caption = one_scale ? " (bedragen " + scale_notes.front() + ")" : "";
  json notes = json::array();
  if (!table.spec.footnote.empty()) notes.push_back(table.spec.footnote);
  for (size_t n = 0; n < table.spec.row_notes.size(); ++n)
    notes.push_back(std::to_string(table.first_note + static_cast<int>(n)) + ") " +
                    table.spec.row_notes[n].text);
  for (const auto& n : table.notes) notes.push_back(n);
  if (table.any_suppressed) notes.push_back(kSuppressionNote);
  bool secondary = false;
  for (const auto& r : table.rows) secondary = secondary || any_secondary(r.cells);
  if (secondary) notes.push_back(kSecondaryNote);
  StatusSeen status;
  for (const auto& r : table.rows) status.add(r.cells);
  status.notes(notes);
  return {
      {"id", id},
      {"number", table.number},
      {"title", table.spec.title},
      {"scale", scale_caption},
      {"caption", (table.number ? "Tabel " + std::to_string(table.number) + ": " + table.spec.title
                   : table.spec.title.empty() ? untitled_caption(table.spec.dataset)
                                              : table.spec.title) +
                      scale_caption},
      {"source", source_line(table.source, peildatum)},
      {"csv_path", "data/" + (id.empty() ? download : id) + ".csv"},
      {"notes", std::move(notes)},
      {"corner", capitalized(table.key_header)},
      // On a phone the table opens at its newest period, when that is its last column.
      {"newest_last", groups.empty() && !table.columns.empty() &&
                          std::all_of(table.columns.begin(), table.columns.end(),
                                      [](const auto& c) { return c.period.has_value(); })},
      {"has_groups", !groups.empty()},
      {"groups", std::move(groups)},
      {"head", std::move(head)},
      {"rows", std::move(rows)}};
}

json tiles_block(const std::vector<PublishedTile>& tiles) {
  json list = json::array();
  bool secret = false;
  for (const auto& tile : tiles) {
    TileTexts t = tile_texts(tile);
    // A tile hidden to protect another count says "x", as a table cell does: "<10" would tell
    // the reader it is under 10, which is what the audit hid it for.
    bool hidden_x = tile.value.suppressed && tile.value.secondary;
    secret = secret || hidden_x;
    list.push_back({{"title", tile.spec.title},
                    {"value", t.value},
                    {"small", tile.value.suppressed && !hidden_x},
                    {"secret", hidden_x},
                    {"change", t.change},
                    {"period", t.period},
                    {"budget", t.budget},
                    {"href", tile.spec.link}});
  }
  json notes = json::array();
  if (secret) notes.push_back(kSecondaryNote);
  return {{"kerncijfers", true}, {"tiles", std::move(list)}, {"notes", std::move(notes)}};
}

// The text of each of the page's figure references, in the order load found them. The text (a
// `tekst` cell, say) is never parsed as Markdown: render puts it in a text node, so it cannot add
// images, links or blocks after validation.
std::vector<std::string> figure_texts(const Page& page,
                                      const std::vector<PublishedFigure>& figures) {
  std::vector<std::string> out(page.spec.figures.size());
  for (const auto& figure : figures)
    for (size_t i = 0; i < out.size(); ++i)
      if (page.spec.figures[i].offset == figure.ref.offset) out[i] = figure_text(figure);
  return out;
}

}  // namespace

const char kChangesSlug[] = "veranderd";

std::string unit_name(Unit unit) {
  switch (unit) {
    case Unit::Euro:
      return "euro";
    case Unit::Persons:
      return "personen";
    case Unit::Percent:
      return "procent";
    case Unit::Mark:
      return "cijfer";
    case Unit::Text:
      return "tekst";
    default:
      return "aantal";
  }
}

// What min: subtracts, as the tile says it: "begroting", or for a dataset "begroting" too.
std::string minus_text(const std::string& minus) {
  return minus.ends_with(".csv") ? "begroting" : minus;
}

TileTexts tile_texts(const PublishedTile& tile) {
  TileTexts t;
  if (!tile.value.value && !tile.value.suppressed)
    t.value = "–";
  else if (tile.unit == Unit::Euro && tile.value.value)
    t.value = format_euro_millions(*tile.value.value);
  else
    t.value = cell_text(tile.value, tile.unit);
  if (tile.change) {
    const std::string against = tile.revised
                                    ? format_period(*tile.revised, PeriodStyle::Long) + " (herzien)"
                                    : "vorige monitor";
    if (round_half_away(*tile.change, 0) == 0)
      t.change = "gelijk aan " + against;
    else if (tile.unit == Unit::Euro)
      t.change = format_signed_euro_millions(*tile.change) + " t.o.v. " + against;
    else
      t.change = format_signed_number(*tile.change) + " t.o.v. " + against;
  }
  if (tile.period) {
    if (tile.spec.show == TileShow::Forecast)
      t.period = "prognose " + std::to_string(tile.period->year);
    else if (tile.spec.show == TileShow::YearTotal)
      t.period = "geboekt in " + std::to_string(tile.period->year);
    else
      t.period = format_period(*tile.period, PeriodStyle::Long);
    if (!tile.spec.minus.empty()) t.period += ", min " + minus_text(tile.spec.minus);
  }
  // Forecast and budget often round to the same millions; the balance says what differs.
  if (tile.budget) {
    t.budget = "begroting " + format_euro_millions(*tile.budget);
    if (tile.value.value) {
      std::string balance = balance_phrase(*tile.value.value - *tile.budget);
      t.budget += ", " + (balance.rfind("een ", 0) == 0 ? balance.substr(4) : balance);
    }
  }
  return t;
}

json table_cell(const PublishedCell& cell, Unit unit) {
  return cell_json(cell, cell_text(cell, unit));
}

json base_model(const Edition& edition, const SiteInfo& site, const std::string& title,
                const std::string& slug) {
  const bool has_changes = !edition.config.previous.empty();
  const std::string root = site.dir.empty() ? "" : "../";
  json nav = json::array();
  for (const auto& other : edition.pages) {
    nav.push_back({{"title", other.short_title},
                   {"href", other.slug + ".html"},
                   {"current", other.slug == slug}});
    if (other.slug == "index" && has_changes)
      nav.push_back({{"title", "Wat is er veranderd"},
                     {"href", std::string(kChangesSlug) + ".html"},
                     {"current", slug == kChangesSlug}});
  }
  json editions = json::array();
  for (size_t e = 0; e < site.editions.size(); ++e)
    editions.push_back({{"label", site.editions[e].label},
                        {"href", root + site.editions[e].dir + "index.html"},
                        {"current", e == site.current}});
  const std::string site_title = edition.config.title + " " + edition.config.municipality;
  const std::string peildatum = format_period(edition.config.reference_date, PeriodStyle::Long);
  return {
      {"title", title},
      // What a search engine or a shared link shows under the title.
      {"description", title + " – " + site_title + ", " + edition.config.label + " (peildatum " +
                          peildatum + "): cijfers, grafieken en toelichting."},
      {"site_title", site_title},
      {"municipality", edition.config.municipality},
      {"address", edition.config.address},
      {"edition", edition.config.label},
      {"peildatum", peildatum},
      {"root", root},
      {"assets", root + "assets/"},
      {"has_charts", false},
      {"nav", std::move(nav)},
      {"editions", std::move(editions)},
      {"multiple_editions", site.editions.size() > 1},
      {"latest", site.current == 0},
      {"latest_href", root + "index.html"},
      {"blocks", json::array()},
  };
}

PageModel accessibility_page_model(const Edition& edition, const SiteInfo& site) {
  json model = base_model(edition, site, "Toegankelijkheid", "toegankelijkheid");
  model["contact"] = edition.config.contact;
  return {.path = site.dir + "toegankelijkheid.html",
          .model = std::move(model),
          .content_template = "toegankelijkheid"};
}

std::vector<PageModel> page_models(const Edition& edition, const std::vector<PublishedPage>& pages,
                                   const SiteInfo& site) {
  const std::string peildatum = format_period(edition.config.reference_date, PeriodStyle::Long);
  std::vector<PageModel> out, embeds;
  for (size_t i = 0; i < edition.pages.size(); ++i) {
    const Page& page = edition.pages[i];
    json blocks = json::array();
    std::map<size_t, ChartNumbers> charts;
    std::map<size_t, std::vector<std::vector<std::string>>> tables;
    bool has_charts = false;
    for (const auto& block : pages[i].blocks) {
      if (const auto* chart = std::get_if<PublishedChart>(&block)) {
        blocks.push_back(chart_block(*chart, peildatum, charts[blocks.size()]));
        blocks.back()["embed"] = embed_link(blocks.back());
        has_charts = true;
      } else if (const auto* table = std::get_if<PublishedTable>(&block)) {
        const size_t index = blocks.size();
        blocks.push_back(table_block(
            *table, peildatum, page.slug + "-tabel-" + std::to_string(index + 1), tables[index]));
      } else if (const auto* tiles = std::get_if<std::vector<PublishedTile>>(&block)) {
        blocks.push_back(tiles_block(*tiles));
        if (page.slug == "index")  // the overview also shows them over the last eight quarters
          if (json quarters = quarter_overview(*tiles, pages, edition); !quarters.is_null())
            blocks.back()["quarters"] = std::move(quarters);
      }
    }
    json model = base_model(edition, site, page.title, page.slug);
    model["has_charts"] = has_charts;
    json images = json::object();
    for (const auto& image : edition.images)
      if (image.size)
        images[image.path] = {{"width", image.size->width}, {"height", image.size->height}};
    model["images"] = std::move(images);
    for (size_t b = 0; b < blocks.size(); ++b)
      if (blocks[b].contains("embed"))
        embeds.push_back(embed_page_model(model, blocks[b], b, page.slug, site));
    model["blocks"] = std::move(blocks);
    out.push_back({.path = site.dir + page.slug + ".html",
                   .model = std::move(model),
                   .body = page.body,
                   .figures = figure_texts(page, pages[i].figures),
                   .charts = std::move(charts),
                   .tables = std::move(tables)});
  }
  // After the pages: the print document and the edition's folder come from the first page.
  out.insert(out.end(), embeds.begin(), embeds.end());
  return out;
}

}  // namespace sdm
