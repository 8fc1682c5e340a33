#pragma once
// An edition of the monitor as loaded from its folder: config, pages and datasets.

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/directive.h"
#include "model/period.h"
#include "model/table.h"
#include "model/unit.h"
#include "util/diagnostic.h"

namespace sdm {

class PageBody;

// One CSV declared under `data:` in editie.yaml.
struct DatasetInfo {
  Unit unit = Unit::Persons;
  std::string source;          // bron
  std::string reference_note;  // peildatum as free text, e.g. "laatste dag van het kwartaal"
  // clienten: the dataset of person counts this dataset's amounts belong to (same category, a
  // count date within the amount's period); empty when there is none.
  std::string clients;
  SourceLocation clients_where;
  // inwoners: the age group (a column of the edition's bevolking dataset) whose size a rate per
  // 1.000 of these counts is measured against; empty: all inhabitants ("totaal"). "{kolom}" in it
  // stands for each series' own name, for a population per gemeente ("{kolom} 0-17").
  std::string population_group;
  // voorlopig: the figures of the last this many months up to the edition's peildatum may still
  // change (late invoices, late registrations); 0: every figure is final.
  int provisional_months = 0;
  // totaal: the rows or columns that hold the total of the others, under any label ("BMWE",
  // "Totaal Wmo/Wvg"); "Totaal" and "Eindtotaal" need no declaration.
  std::vector<std::string> totals;
  SourceLocation totals_where;
  // optelbaar: nee when a person can be in several parts (a client with two voorzieningen), so
  // that a total is at most the sum of its parts.
  bool additive = true;
  SourceLocation additive_where;
  // vorm: lang: one line per observation (gemeente;regeling;maand;aantal), read as the wide form.
  bool long_form = false;
  // decimalen and notatie: how the dataset's figures are shown; `kolommen:` may type a column
  // (a mean age beside counts) and give it a format of its own.
  NumberFormat format;
  struct ColumnFormat {
    std::optional<Unit> unit;
    NumberFormat format;
    bool has_format = false;  // decimalen or notatie given for this column
    // na-peildatum: figures after the edition's peildatum (verplichtingen, a prognosis for the
    // rest of the year) are expected in this column.
    bool beyond_reference = false;
    SourceLocation where;  // the column's name in editie.yaml
  };
  std::map<std::string, ColumnFormat> column_formats;
  SourceLocation where;
};

// How the figures of `column` of a dataset are shown: its own format, else the dataset's.
NumberFormat format_of(const DatasetInfo& info, const std::string& column);

// The column of the bevolking dataset that `series` of a dataset with `inwoners: declared` is
// measured against: "{kolom} 0-17" gives "Bedum 0-17" for the series Bedum; "totaal" when nothing
// is declared.
std::string population_column(const std::string& declared, const std::string& series = "");
// Whether each series has a population of its own ("{kolom}" in `inwoners:`).
bool population_per_series(const std::string& declared);

struct EditionConfig {
  std::string id;            // folder name, e.g. "2024-q1"
  std::string municipality;  // gemeente
  std::string title;         // titel of the monitor
  std::string label;         // editie, e.g. "1e kwartaal 2024"
  Period reference_date;     // peildatum
  std::string previous;      // vorige: id of the previous edition, may be empty
  std::string contact;  // contact: e-mail address for the accessibility statement, may be empty
  // adres: the web address the site is published at, ending in '/', for links in the PDF; may be
  // empty (the PDF then prints them as text)
  std::string address;
  std::map<std::string, DatasetInfo> datasets;  // keyed by path under data/
  // bevolking: the dataset of inhabitants per peildatum (rows) and age group (columns, with
  // "totaal"), for rates per 1.000 inhabitants; empty when the edition has none.
  std::string population;
  SourceLocation population_where;
  SourceLocation where;
};

struct Page {
  std::string slug;         // file name without .md; output is slug + ".html"
  std::string file;         // path for diagnostics
  std::string title;        // titel
  std::string short_title;  // kort, falls back to title
  int order = 0;            // volgorde
  std::string markdown;     // body after the front matter
  int body_line = 1;        // line in the file where `markdown` starts
  PageSpec spec;            // its blocks and figure references, read from `markdown`
  // `markdown` parsed, the one parse of it (load/page_spec.h). Nothing reads it after load but
  // render, which writes the page from it.
  std::shared_ptr<PageBody> body;
};

// An image's intrinsic size in CSS pixels.
struct ImageSize {
  int width = 0;
  int height = 0;
  bool scalable = false;  // SVG: drawn sharp at any size
};

// A file from the edition folder that is published as is (images).
struct StaticFile {
  std::string path;  // relative to the edition folder
  std::string bytes;
  std::optional<ImageSize> size;  // nothing when the format cannot be read
};

struct Edition {
  EditionConfig config;
  std::vector<StaticFile> images;  // png, jpg, svg, webp, gif from the edition folder, as they are
  std::vector<Page> pages;         // sorted: index first, then by order and slug
  std::map<std::string, Table> tables;
};

// The edition named `id`, or null.
const Edition* find_edition(const std::vector<Edition>& editions, const std::string& id);

// The edition `edition` names as its previous one (`vorige:`), or null.
const Edition* previous_edition(const std::vector<Edition>& editions, const Edition& edition);

// The group's inhabitants on the latest peildatum on or before the end of `period`; empty when
// the population has no such row or no such group.
std::optional<double> population_at(const Table& population, const std::string& group,
                                    const Period& period);

}  // namespace sdm
