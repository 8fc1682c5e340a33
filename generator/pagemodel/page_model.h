#pragma once
// The page model stage: one JSON object per page, the read-only view templates get. Numbers
// arrive here only as published (disclosed) values and leave as Dutch text.

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/edition.h"
#include "model/published.h"
#include "pagemodel/json.h"

namespace sdm {

struct EditionLink {
  std::string label;  // "1e kwartaal 2024"
  std::string dir;    // "" for the latest edition at the site root, else "2023-h2/"
};

// Where an edition's pages go and which editions the switcher lists.
struct SiteInfo {
  std::string dir;                    // this edition's folder in the site: "" or "2023-h2/"
  std::vector<EditionLink> editions;  // newest first
  size_t current = 0;                 // index of this edition in `editions`
};

// What a chart block has besides what its template reads: the numbers its script draws and the
// rows of its CSV download. Typed, since no template reads them; the render stage writes them
// out as JSON and CSV.
struct ChartNumbers {
  struct Series {
    std::string label;
    std::string role;                         // "data", "begroting", "prognose"
    std::vector<std::optional<double>> data;  // empty where hidden or missing
    std::vector<std::string> display;         // the same values as Dutch text
    std::vector<std::string> marks;           // "voorlopig", "herzien"; empty when none has one
  };
  std::string type;  // "bar" or "line"
  bool stacked = false, percent = false;
  std::string unit;
  std::vector<std::string> labels;
  std::vector<std::string> spoken;  // the labels as a screen reader announces them
  std::vector<Series> series;
  std::string x_title;
  std::vector<std::vector<std::string>> csv_rows;  // the header first
};

// An embeddable chart's page shows a block of another page.
struct EmbedOf {
  std::string page;  // that page's path
  size_t block = 0;  // the block's index in its model["blocks"]
  json overrides;    // what differs on the chart's own page, on top of the block
};

struct PageModel {
  std::string path;  // output file relative to the site root, e.g. "2023-h2/wmo.html"
  json model;        // the fields the templates in site-templates/ read
  // What makes the content of the page: its Markdown and blocks (a chapter), a template of its own
  // ("veranderd", "toegankelijkheid"), or the block of another page.
  std::string content_template;
  std::optional<EmbedOf> embed_of;
  // A chapter's Markdown as load parsed it, and the text of each of its figure references, in the
  // order of PageSpec::figures.
  std::shared_ptr<PageBody> body;
  std::vector<std::string> figures;
  std::map<size_t, ChartNumbers> charts;  // by the chart's index in model["blocks"]
  // The CSV download of each table block (the header first), by its index in model["blocks"].
  std::map<size_t, std::vector<std::vector<std::string>>> tables;
};

// One model per page of `edition`, then one per chart for its embeddable page (embed_page.h).
std::vector<PageModel> page_models(const Edition& edition, const std::vector<PublishedPage>& pages,
                                   const SiteInfo& site);

// The accessibility statement (toegankelijkheid.html) every edition folder has.
PageModel accessibility_page_model(const Edition& edition, const SiteInfo& site);

// The fields every page has: titles, navigation, edition switcher. An edition with a previous
// edition also lists the page "Wat is er veranderd" (kChangesSlug) after the overview.
json base_model(const Edition& edition, const SiteInfo& site, const std::string& title,
                const std::string& slug);

// The unit as templates and chart JSON name it: "personen", "euro", "procent", "aantal", ….
std::string unit_name(Unit unit);

// Table cell as the templates' `cel` partial expects it.
json table_cell(const PublishedCell& cell, Unit unit);

// The words of a headline tile: "1.749", "+17 t.o.v. vorige monitor", "maart 2024".
struct TileTexts {
  std::string value, change, period, budget;
};
TileTexts tile_texts(const PublishedTile& tile);

extern const char kChangesSlug[];
extern const char kSuppressionNote[];  // under a table or chart with a "<10"
extern const char kSecondaryNote[];    // under one with an "x"
extern const char kProvisionalNote[];  // under one with a figure marked * (voorlopig)
extern const char kRevisedNote[];      // under one with a figure marked h (herzien)

}  // namespace sdm
