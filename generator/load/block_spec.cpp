#include "load/block_spec.h"

#include <algorithm>
#include <stdexcept>

#include "util/text.h"

namespace sdm {
namespace {

struct ViewName {
  ChartView view;
  const char* keyword;
};
constexpr ViewName kViews[] = {{ChartView::YearLines, "jaarlijnen"},
                               {ChartView::Line, "lijn"},
                               {ChartView::Bar, "staaf"},
                               {ChartView::InOut, "in-uitstroom"},
                               {ChartView::Shares, "aandelen"}};

std::vector<std::string> view_keywords() {
  std::vector<std::string> out;
  for (const auto& v : kViews) out.emplace_back(v.keyword);
  return out;
}

// filter: { regeling: IOAW, maand: [2017-12, 2018-03] }
std::vector<DimensionFilter> read_filter(const YamlNode& doc, const YamlSource& source,
                                         Diagnostics& diagnostics) {
  std::vector<DimensionFilter> out;
  const YamlNode& node = doc["filter"];
  if (!node) return out;
  if (!node.IsMap()) {
    diagnostics.error(
        source.at(node), "'filter' moet per dimensie de waarden noemen",
        "schrijf bijvoorbeeld: filter: { regeling: IOAW, maand: [2017-12, 2018-03] }");
    return out;
  }
  for (const auto& [key, value] : node) {
    DimensionFilter f{key.Scalar(), {}, source.at(key)};
    if (value.IsScalar()) f.values.push_back(value.Scalar());
    for (const auto& item : value.items())
      if (item.IsScalar()) f.values.push_back(item.Scalar());
    if (f.values.empty() || (!value.IsScalar() && f.values.size() != value.items().size()))
      diagnostics.error(source.at(value), "filter op '" + f.dimension + "' noemt geen waarden",
                        "schrijf een waarde of een lijst: " + f.dimension + ": [Bedum, Winsum]");
    else if (std::any_of(out.begin(), out.end(),
                         [&](const DimensionFilter& o) { return o.dimension == f.dimension; }))
      diagnostics.error(f.where, "dimensie '" + f.dimension + "' staat twee keer in 'filter'",
                        "noem alle waarden in één lijst");
    else
      out.push_back(std::move(f));
  }
  return out;
}

std::optional<ChartSpec> read_chart(const YamlNode& doc, const YamlSource& source,
                                    SourceLocation where, Diagnostics& diagnostics) {
  check_keys(doc,
             {"titel", "data", "weergave", "kolommen", "per", "cumulatief", "begroting",
              "samenvatting", "per1000", "filter"},
             source, diagnostics);
  ChartSpec spec;
  spec.where = where;
  spec.title = scalar_at(doc, "titel", true, source, diagnostics).value_or("");
  spec.dataset = scalar_at(doc, "data", true, source, diagnostics).value_or("");
  spec.summary = scalar_at(doc, "samenvatting", false, source, diagnostics).value_or("");
  spec.budget_dataset = scalar_at(doc, "begroting", false, source, diagnostics).value_or("");
  spec.cumulative = yes_no_at(doc, "cumulatief", source, diagnostics).value_or(false);
  spec.per_thousand = yes_no_at(doc, "per1000", source, diagnostics).value_or(false);
  spec.filter = read_filter(doc, source, diagnostics);
  if (auto view = scalar_at(doc, "weergave", true, source, diagnostics)) {
    bool found = false;
    for (const auto& v : kViews)
      if (*view == v.keyword) {
        spec.view = v.view;
        found = true;
      }
    if (!found) {
      std::string guess = closest_match(*view, view_keywords());
      diagnostics.error(source.at(doc["weergave"]), "onbekende weergave '" + *view + "'",
                        guess.empty() ? "kies uit: " + join(view_keywords(), ", ")
                                      : "bedoelde u '" + guess + "'?");
    }
  }
  if (auto per = scalar_at(doc, "per", false, source, diagnostics)) {
    if (*per == "kwartaal") {
      spec.per_quarter = true;
    } else if (*per != "maand") {
      diagnostics.error(source.at(doc["per"]),
                        "'per' moet 'maand' of 'kwartaal' zijn, niet '" + *per + "'");
    }
  }
  if (const YamlNode& columns = doc["kolommen"]) {
    if (columns.IsSequence()) {
      for (const auto& c : columns.items()) spec.columns.push_back(c.as<std::string>(""));
    } else if (columns.IsScalar()) {
      spec.columns.push_back(columns.Scalar());
    }
  }
  return spec;
}

// kopjes and saldo of a financial table.
void read_sections(const YamlNode& doc, const YamlSource& source, TableSpec& spec,
                   Diagnostics& diagnostics) {
  if (const YamlNode& sections = doc["kopjes"]) {
    spec.sections_where = source.at(sections);
    if (sections.IsScalar() && !sections.Scalar().empty())
      spec.sections.push_back(sections.Scalar());
    for (const auto& item : sections.items())
      if (item.IsScalar()) spec.sections.push_back(item.Scalar());
    if (spec.sections.empty())
      diagnostics.error(spec.sections_where,
                        "'kopjes' moet de naam van een regel zijn, of een lijst namen",
                        "schrijf bijvoorbeeld 'kopjes: [Inkomsten, Uitgaven]'");
  }
  if (auto balance = scalar_at(doc, "saldo", false, source, diagnostics)) {
    spec.balance_where = source.at(doc["saldo"]);
    size_t minus = balance->find(" - ");
    size_t width = 3;
    if (minus == std::string::npos) {
      minus = balance->find(" \u2212 ");
      width = std::string_view(" \u2212 ").size();
    }
    if (minus != std::string::npos) {
      spec.balance_plus = std::string(trim(balance->substr(0, minus)));
      spec.balance_minus = std::string(trim(balance->substr(minus + width)));
    }
    if (spec.balance_plus.empty() || spec.balance_minus.empty())
      diagnostics.error(
          spec.balance_where,
          "'saldo' moet twee kopjes noemen met een min ertussen, niet '" + *balance + "'",
          "schrijf bijvoorbeeld 'saldo: Inkomsten - Uitgaven', met de kopjes uit "
          "'kopjes:'");
  }
}

// voetnoten: per row name the text of its note.
void read_row_notes(const YamlNode& doc, const YamlSource& source, TableSpec& spec,
                    Diagnostics& diagnostics) {
  const YamlNode& notes = doc["voetnoten"];
  if (!notes) return;
  if (!notes.IsMap()) {
    diagnostics.error(source.at(notes), "'voetnoten' moet per regel een noot geven",
                      "schrijf bijvoorbeeld:\nvoetnoten:\n  Beschermd Wonen: Vanaf 2023 "
                      "regionaal georganiseerd.");
    return;
  }
  for (const auto& [row, text] : notes) {
    if (!text.IsScalar() || text.Scalar().empty()) {
      diagnostics.error(source.at(row), "de voetnoot bij '" + row.Scalar() + "' is leeg",
                        "schrijf de noot achter de naam van de regel en de dubbele punt");
      continue;
    }
    spec.row_notes.push_back({row.Scalar(), text.Scalar(), source.at(row)});
  }
}

std::optional<TableSpec> read_table_spec(const YamlNode& doc, const YamlSource& source,
                                         SourceLocation where, Diagnostics& diagnostics) {
  check_keys(doc,
             {"titel", "data", "totaal", "overig", "exclusief", "voetnoot", "per1000", "regels",
              "filter", "kopjes", "saldo", "voetnoten"},
             source, diagnostics);
  TableSpec spec;
  spec.where = where;
  spec.title = scalar_at(doc, "titel", false, source, diagnostics).value_or("");
  spec.dataset = scalar_at(doc, "data", true, source, diagnostics).value_or("");
  spec.total = yes_no_at(doc, "totaal", source, diagnostics).value_or(false);
  spec.per_thousand = yes_no_at(doc, "per1000", source, diagnostics).value_or(false);
  spec.exclude_prefix = scalar_at(doc, "exclusief", false, source, diagnostics).value_or("");
  spec.footnote = scalar_at(doc, "voetnoot", false, source, diagnostics).value_or("");
  spec.rows = scalar_at(doc, "regels", false, source, diagnostics).value_or("");
  if (doc["regels"]) spec.rows_where = source.at(doc["regels"]);
  spec.filter = read_filter(doc, source, diagnostics);
  read_sections(doc, source, spec, diagnostics);
  read_row_notes(doc, source, spec, diagnostics);
  if (auto other = scalar_at(doc, "overig", false, source, diagnostics)) {
    try {
      size_t used = 0;
      spec.other_threshold = std::stod(*other, &used);
      if (used != other->size()) throw std::invalid_argument("rest");
    } catch (const std::exception&) {
      diagnostics.error(source.at(doc["overig"]), "'overig' moet een bedrag zijn, zoals 2000");
    }
  }
  return spec;
}

// data: one dataset, or a list whose figures are added; min: what is subtracted.
void read_tile_figures(const YamlNode& item, const YamlSource& source, TileSpec& tile,
                       Diagnostics& diagnostics) {
  if (const YamlNode& data = item["data"]; data && data.IsSequence()) {
    for (const auto& d : data.items())
      if (d.IsScalar() && !trim(d.Scalar()).empty())
        (tile.dataset.empty() ? tile.dataset : tile.more_datasets.emplace_back()) = d.Scalar();
    if (tile.dataset.empty() || tile.more_datasets.size() + 1 != data.items().size())
      diagnostics.error(source.at(data), "'data' noemt een dataset of een lijst van datasets",
                        "schrijf bijvoorbeeld data: [wmo/lasten.csv, jeugd/lasten.csv]");
  } else {
    tile.dataset = scalar_at(item, "data", true, source, diagnostics).value_or("");
  }
  tile.minus = scalar_at(item, "min", false, source, diagnostics).value_or("");
  if (item["min"]) tile.minus_where = source.at(item["min"]);
}

std::optional<TilesSpec> read_tiles(const YamlNode& doc, const YamlSource& source,
                                    SourceLocation where, Diagnostics& diagnostics) {
  if (!doc.IsSequence()) {
    diagnostics.error(where, "kerncijfers moeten een lijst zijn",
                      "begin elk kerncijfer met '- titel: …'");
    return std::nullopt;
  }
  TilesSpec spec;
  spec.where = where;
  for (const auto& item : doc.items()) {
    if (!item.IsMap()) {
      diagnostics.error(source.at(item),
                        "een kerncijfer moet instellingen hebben zoals 'titel: …'");
      continue;
    }
    check_keys(item, {"titel", "data", "kolom", "toon", "link", "min"}, source, diagnostics);
    TileSpec tile;
    tile.where = source.at(item);
    tile.title = scalar_at(item, "titel", true, source, diagnostics).value_or("");
    read_tile_figures(item, source, tile, diagnostics);
    tile.column = scalar_at(item, "kolom", false, source, diagnostics).value_or("");
    tile.data_where = item["data"] ? source.at(item["data"]) : tile.where;
    tile.column_where = item["kolom"] ? source.at(item["kolom"]) : tile.where;
    tile.link = scalar_at(item, "link", false, source, diagnostics).value_or("");
    tile.link_where = item["link"] ? source.at(item["link"]) : tile.where;
    // The link goes into <a href>, like a link in the text.
    if (!allowed_link(tile.link))
      diagnostics.error(source.at(item["link"]), "link '" + tile.link + "' is niet toegestaan",
                        "gebruik een relatieve link, #anker, https: of mailto:");
    std::string show = scalar_at(item, "toon", false, source, diagnostics).value_or("laatste");
    if (show == "laatste") {
      tile.show = TileShow::Last;
    } else if (show == "jaartotaal") {
      tile.show = TileShow::YearTotal;
    } else if (show == "prognose") {
      tile.show = TileShow::Forecast;
    } else {
      diagnostics.error(source.at(item["toon"]), "onbekende waarde voor 'toon': '" + show + "'",
                        "kies uit: laatste, jaartotaal, prognose");
    }
    spec.tiles.push_back(tile);
  }
  return spec;
}

}  // namespace

bool allowed_link(const std::string& url) {
  if (url.empty() || url[0] == '#') return true;
  if (url.rfind("https:", 0) == 0 || url.rfind("mailto:", 0) == 0) return true;
  // Relative: no scheme before the first '/', '?' or '#', and not protocol-relative.
  if (url.rfind("//", 0) == 0) return false;
  auto colon = url.find(':');
  auto stop = url.find_first_of("/?#");
  return colon == std::string::npos || (stop != std::string::npos && stop < colon);
}

std::optional<Directive> read_block_spec(const std::string& info, const YamlNode& doc,
                                         const YamlSource& source, SourceLocation where,
                                         Diagnostics& diagnostics) {
  if (info == "grafiek") return read_chart(doc, source, where, diagnostics);
  if (info == "tabel") return read_table_spec(doc, source, where, diagnostics);
  return read_tiles(doc, source, where, diagnostics);
}

}  // namespace sdm
