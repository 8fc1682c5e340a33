#include "load/load_edition.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <stdexcept>
#include <unordered_set>

#include "format/number.h"
#include "load/csv.h"
#include "load/encoding.h"
#include "load/image_size.h"
#include "load/long_csv.h"
#include "load/page_spec.h"
#include "load/svg_check.h"
#include "load/yaml_source.h"
#include "util/text.h"

namespace sdm {
namespace {

const char kConfigFile[] = "editie.yaml";
const char kSaveCsvHint[] =
    "sla het bestand in Excel op als 'CSV UTF-8 (door lijstscheidingsteken gescheiden)'";
const char kSaveTextHint[] = "sla het bestand op als tekst met de codering UTF-8";
const char kDamagedUtf8Hint[] =
    "typ het teken op deze plek opnieuw (vaak een ë, ï, é of €) en sla het bestand op als UTF-8";

// False, with one error, for bytes that are no text decode_text can read: UTF-16, or a file with
// NUL bytes (an Excel workbook renamed to .csv). Reading on would give an error per line.
bool readable_text(std::string_view bytes, const std::string& file, const char* hint,
                   Diagnostics& diagnostics) {
  if (looks_like_utf16(bytes)) {
    diagnostics.error({file, 0, 0}, "bestand is opgeslagen als UTF-16", hint);
    return false;
  }
  if (bytes.find('\0') != std::string_view::npos) {
    diagnostics.error({file, 0, 0}, "bestand is geen tekst: het bevat NUL-tekens", hint);
    return false;
  }
  return true;
}

// The bytes as UTF-8 text; nothing, with one error at the first bad byte, when they are damaged
// UTF-8 (reading on would publish "geÃ¯soleerd" for "geïsoleerd").
std::optional<DecodedText> decode_or_report(std::string_view bytes, const std::string& file,
                                            Diagnostics& diagnostics) {
  DecodedText decoded = decode_text(bytes);
  if (decoded.invalid_line == 0) return decoded;
  diagnostics.error({file, decoded.invalid_line, decoded.invalid_column},
                    "ongeldig teken: het bestand is geen geldige UTF-8", kDamagedUtf8Hint);
  return std::nullopt;
}

// Pages the render stage makes in every edition folder (kChangesSlug, the accessibility
// statement, the print document).
bool reserved_page_name(std::string_view slug) {
  return slug == "veranderd" || slug == "toegankelijkheid" || slug == "afdrukken";
}

std::string unit_list() {
  std::string out;
  for (const auto& k : unit_keywords()) out += (out.empty() ? "" : ", ") + k;
  return out;
}

// The unit at `eenheid:`; nothing, with a "bedoelde u" for a misspelt one, when it is not one.
std::optional<Unit> read_unit(const YamlNode& fields, bool required, const YamlSource& source,
                              Diagnostics& diagnostics) {
  auto text = scalar_at(fields, "eenheid", required, source, diagnostics);
  if (!text) return std::nullopt;
  if (auto unit = parse_unit(*text)) return unit;
  std::string guess = closest_match(*text, unit_keywords());
  diagnostics.error(source.at(fields["eenheid"]), "onbekende eenheid '" + *text + "'",
                    guess.empty() ? "kies uit: " + unit_list() : "bedoelde u '" + guess + "'?");
  return std::nullopt;
}

// decimalen and notatie of a dataset or a column; true when either was given.
bool read_number_format(const YamlNode& fields, Unit unit, NumberFormat& format,
                        const YamlSource& source, Diagnostics& diagnostics) {
  bool given = false;
  if (auto decimals = scalar_at(fields, "decimalen", false, source, diagnostics)) {
    given = true;
    if (decimals->size() == 1 && (*decimals)[0] >= '0' && (*decimals)[0] <= '4')
      format.decimals = (*decimals)[0] - '0';
    else
      diagnostics.error(
          source.at(fields["decimalen"]),
          "'decimalen' moet een aantal van 0 tot en met 4 zijn, niet '" + *decimals + "'",
          "schrijf bijvoorbeeld 'decimalen: 2' voor 2,83");
  }
  if (auto scale = scalar_at(fields, "notatie", false, source, diagnostics)) {
    given = true;
    if (auto parsed = parse_scale(*scale); parsed && unit == Unit::Euro) {
      format.scale = *parsed;
    } else if (!parsed) {
      std::string guess = closest_match(*scale, scale_keywords());
      diagnostics.error(source.at(fields["notatie"]), "onbekende notatie '" + *scale + "'",
                        guess.empty() ? "kies 'euro' (€ 13.214.000), 'duizenden' (13.214, "
                                        "met 'x € 1.000' in de kop) of 'mln' (€ 13,2 mln)"
                                      : "bedoelde u '" + guess + "'?");
    } else {
      diagnostics.error(source.at(fields["notatie"]),
                        "'notatie' is alleen voor bedragen (eenheid euro)",
                        "laat 'notatie' weg, of geef deze cijfers eenheid 'euro'");
    }
  }
  return given;
}

// `kolommen:` under a dataset: per column a unit (a mean age among counts) and a format.
void read_column_formats(const YamlNode& columns, const YamlSource& source, DatasetInfo& info,
                         Diagnostics& diagnostics) {
  const char kExample[] =
      "schrijf per kolom de eenheid of de notatie, bijvoorbeeld:\n    kolommen:\n      "
      "Gemiddelde leeftijd: { eenheid: cijfer, decimalen: 1 }";
  if (!columns.IsMap()) {
    diagnostics.error(source.at(columns), "'kolommen' moet per kolom instellingen geven", kExample);
    return;
  }
  for (const auto& [name_node, fields] : columns) {
    DatasetInfo::ColumnFormat column;
    const std::string name = name_node.as<std::string>("");
    column.where = source.at(name_node);
    if (!fields.IsMap()) {
      diagnostics.error(column.where, "kolom '" + name + "' heeft geen instellingen", kExample);
      continue;
    }
    check_keys(fields, {"eenheid", "decimalen", "notatie", "na-peildatum"}, source, diagnostics);
    column.beyond_reference =
        yes_no_at(fields, "na-peildatum", source, diagnostics).value_or(false);
    column.unit = read_unit(fields, false, source, diagnostics);
    column.has_format = read_number_format(fields, column.unit.value_or(info.unit), column.format,
                                           source, diagnostics);
    if (!info.column_formats.emplace(name, column).second)
      diagnostics.error(column.where, "kolom '" + name + "' staat twee keer onder 'kolommen'",
                        "laat één regel '" + name + ":' staan");
  }
}

void read_datasets(const YamlNode& data, const YamlSource& source, EditionConfig& config,
                   Diagnostics& diagnostics) {
  if (!data) return;
  if (!data.IsMap()) {
    diagnostics.error(
        source.at(data), "'data' moet per CSV-bestand een eenheid geven",
        "schrijf bijvoorbeeld:\n    data:\n      wmo/lasten.csv:\n        eenheid: euro");
    return;
  }
  for (const auto& item : data) {
    std::string path = item.first.as<std::string>("");
    DatasetInfo info;
    info.where = source.at(item.first);
    if (config.datasets.count(path)) {
      diagnostics.error(info.where, "dataset '" + path + "' staat twee keer onder 'data:'",
                        "laat één regel '" + path + ":' staan");
      continue;
    }
    const YamlNode& fields = item.second;
    if (!fields.IsMap()) {
      diagnostics.error(info.where, "dataset '" + path + "' heeft geen eenheid",
                        "geef 'eenheid:' (" + unit_list() + ")");
      continue;
    }
    check_keys(fields,
               {"eenheid", "bron", "peildatum", "clienten", "inwoners", "voorlopig", "totaal",
                "optelbaar", "vorm", "decimalen", "notatie", "kolommen"},
               source, diagnostics);
    if (auto unit = read_unit(fields, true, source, diagnostics)) info.unit = *unit;
    info.source = scalar_at(fields, "bron", false, source, diagnostics).value_or("");
    info.reference_note = scalar_at(fields, "peildatum", false, source, diagnostics).value_or("");
    info.clients = scalar_at(fields, "clienten", false, source, diagnostics).value_or("");
    if (!info.clients.empty()) info.clients_where = source.at(fields["clienten"]);
    info.population_group = scalar_at(fields, "inwoners", false, source, diagnostics).value_or("");
    if (auto months = scalar_at(fields, "voorlopig", false, source, diagnostics)) {
      std::string digits = months->substr(0, months->find(' '));
      bool ok = !digits.empty() && digits.size() <= 2 &&
                digits.find_first_not_of("0123456789") == std::string::npos &&
                (digits.size() == months->size() || months->substr(digits.size()) == " maanden" ||
                 months->substr(digits.size()) == " maand");
      if (ok)
        info.provisional_months = std::stoi(digits);
      else
        diagnostics.error(source.at(fields["voorlopig"]),
                          "'voorlopig' moet een aantal maanden zijn, niet '" + *months + "'",
                          "schrijf bijvoorbeeld 'voorlopig: 3 maanden'");
    }
    if (const YamlNode& totals = fields["totaal"]) {
      info.totals_where = source.at(totals);
      if (totals.IsScalar() && !totals.Scalar().empty()) info.totals.push_back(totals.Scalar());
      for (const auto& item : totals.items())
        if (item.IsScalar()) info.totals.push_back(item.Scalar());
      if (info.totals.empty() || info.totals.size() < totals.items().size())
        diagnostics.error(info.totals_where,
                          "'totaal' moet de naam van een regel of kolom zijn, of een lijst namen",
                          "schrijf bijvoorbeeld 'totaal: BMWE' of 'totaal: [Regio, Totaal excl. "
                          "energietoeslag]'");
    }
    if (auto form = scalar_at(fields, "vorm", false, source, diagnostics)) {
      if (*form == "lang" || *form == "breed")
        info.long_form = *form == "lang";
      else
        diagnostics.error(source.at(fields["vorm"]), "onbekende vorm '" + *form + "'",
                          "kies 'breed' (een periode per regel, de reeksen in kolommen) of "
                          "'lang' (één regel per waarneming: gemeente;maand;aantal)");
    }
    if (auto additive = yes_no_at(fields, "optelbaar", source, diagnostics)) {
      info.additive = *additive;
      info.additive_where = source.at(fields["optelbaar"]);
    }
    read_number_format(fields, info.unit, info.format, source, diagnostics);
    if (const YamlNode& columns = fields["kolommen"])
      read_column_formats(columns, source, info, diagnostics);
    config.datasets[path] = info;
  }
}

EditionConfig read_config(const std::string& id, const std::string& file, std::string_view bytes,
                          Diagnostics& diagnostics) {
  EditionConfig config;
  config.id = id;
  config.where = {file, 0, 0};
  if (!readable_text(bytes, file, kSaveTextHint, diagnostics)) return config;
  auto decoded = decode_or_report(bytes, file, diagnostics);
  if (!decoded) return config;
  YamlSource source{file};
  auto doc = parse_yaml(decoded->text, source, diagnostics);
  if (!doc) return config;
  if (!doc->IsMap()) {
    diagnostics.error({file, 1, 1}, "editie.yaml moet instellingen bevatten zoals 'gemeente: …'");
    return config;
  }
  check_keys(*doc,
             {"gemeente", "titel", "editie", "peildatum", "vorige", "contact", "adres", "bevolking",
              "data"},
             source, diagnostics);
  config.municipality = scalar_at(*doc, "gemeente", true, source, diagnostics).value_or("");
  config.title = scalar_at(*doc, "titel", true, source, diagnostics).value_or("");
  config.label = scalar_at(*doc, "editie", true, source, diagnostics).value_or("");
  config.previous = scalar_at(*doc, "vorige", false, source, diagnostics).value_or("");
  config.contact = scalar_at(*doc, "contact", false, source, diagnostics).value_or("");
  config.population = scalar_at(*doc, "bevolking", false, source, diagnostics).value_or("");
  config.address = scalar_at(*doc, "adres", false, source, diagnostics).value_or("");
  if (!config.address.empty()) {
    if (!config.address.starts_with("https://") && !config.address.starts_with("http://")) {
      diagnostics.error(source.at((*doc)["adres"]),
                        "adres '" + config.address + "' is geen webadres",
                        "schrijf het volledige adres van de site, bijvoorbeeld "
                        "https://www.gemeente.nl/monitor/");
      config.address.clear();
    } else if (!config.address.ends_with("/")) {
      config.address += '/';
    }
  }
  if (!config.population.empty()) config.population_where = source.at((*doc)["bevolking"]);
  if (auto date = scalar_at(*doc, "peildatum", true, source, diagnostics)) {
    auto period = Period::parse(*date);
    if (period && period->kind == Period::Kind::Date) {
      config.reference_date = *period;
    } else {
      diagnostics.error(source.at((*doc)["peildatum"]), "ongeldige peildatum '" + *date + "'",
                        "schrijf de datum als jjjj-mm-dd, bijvoorbeeld 2024-03-31");
    }
  }
  read_datasets((*doc)["data"], source, config, diagnostics);
  return config;
}

bool is_image_file(const std::string& rel) {
  std::string lower = to_lower_ascii(rel);
  for (const char* ext : {".png", ".jpg", ".jpeg", ".svg", ".webp", ".gif"})
    if (lower.ends_with(ext)) return true;
  return false;
}

// "612.345" in a file with commas between the columns: as written it is 612,345, but an export
// with Dutch thousands separators means 612345; guessing would be wrong by a factor 1000.
bool looks_grouped(std::string_view text) {
  if (!text.empty() && text[0] == '-') text.remove_prefix(1);
  size_t dot = text.find('.');
  if (dot == std::string_view::npos || dot == 0 || dot > 3 || text.size() - dot - 1 != 3)
    return false;
  for (size_t i = 0; i < text.size(); ++i)
    if (i != dot && !std::isdigit(static_cast<unsigned char>(text[i]))) return false;
  return true;
}

// "pm" (pro memorie: an amount not yet known) and "nvt" (niet van toepassing) in a cell of
// figures, in the spellings a controller types; the form a page shows, or nothing.
std::optional<std::string> not_a_figure(std::string_view text) {
  std::string lower = to_lower_ascii(std::string(text));
  if (lower == "pm" || lower == "p.m." || lower == "p.m") return "pm";
  if (lower == "nvt" || lower == "n.v.t." || lower == "n.v.t") return "nvt";
  return std::nullopt;
}

// When most keys are periods, one that is not ("2023-4", "2023-Q5") is a typo; without this the
// whole table silently turns into categories and a chart elsewhere fails with a vaguer message.
void report_malformed_periods(const std::vector<std::string>& names, const std::vector<int>& lines,
                              const std::vector<int>& columns, const std::string& file,
                              Diagnostics& diagnostics) {
  size_t periods = 0;
  for (const auto& name : names)
    if (Period::parse(name)) ++periods;
  if (periods < 2 || periods * 2 <= names.size() || periods == names.size()) return;
  for (size_t i = 0; i < names.size(); ++i)
    if (!Period::parse(names[i]))
      diagnostics.error({file, lines[i], columns.empty() ? 1 : columns[i]},
                        quoted(names[i]) + " is geen geldige periode, terwijl de andere " +
                            (columns.empty() ? "regels" : "kolommen") + " perioden zijn",
                        "schrijf een maand als 2024-03, een kwartaal als 2024-K1, een jaar als "
                        "2024 en een datum als 2024-03-31");
}

// More than this many '|' on one line of Markdown is no table an editor wrote; cmark-gfm's time
// grows with the square of a table's columns (40 000 took half a minute).
constexpr size_t kMaxPipesPerLine = 1000;

// False, with an error at the first line that has too many, when a line has more '|' than that.
bool table_rows_fit(std::string_view markdown, const std::string& file, int first_line,
                    Diagnostics& diagnostics) {
  int line = first_line;
  for (size_t pos = 0; pos < markdown.size(); ++line) {
    size_t end = std::min(markdown.find('\n', pos), markdown.size());
    std::string_view text = markdown.substr(pos, end - pos);
    if (static_cast<size_t>(std::count(text.begin(), text.end(), '|')) > kMaxPipesPerLine) {
      diagnostics.error({file, line, 1},
                        "regel heeft meer dan " + std::to_string(kMaxPipesPerLine) +
                            " tekens '|': te veel kolommen voor een tabel",
                        "zet zo'n grote tabel in een CSV-bestand onder data/ en toon die met een "
                        "tabel-blok");
      return false;
    }
    pos = end + 1;
  }
  return true;
}

// The columns `kolommen:` names are in the file, and a file with an `eenheid` column gives its
// units per row, not per column.
void check_column_formats(const DatasetInfo& info, const Table& table, Diagnostics& diagnostics) {
  for (const auto& [name, column] : info.column_formats) {
    if (table.column_index(name)) {
      if (table.units_per_row && column.unit)
        diagnostics.error(column.where,
                          "kolom '" + name + "' krijgt een eenheid, maar " + table.name +
                              " heeft een kolom 'eenheid' met een eenheid per regel",
                          "geef de eenheid per regel in de kolom 'eenheid', of haal die kolom "
                          "weg en geef de eenheid per kolom");
      continue;
    }
    std::string guess = closest_match(name, table.columns);
    diagnostics.error(column.where, "kolom '" + name + "' bestaat niet in " + table.name,
                      guess.empty() ? "de kolommen zijn: " + join(table.columns, ", ")
                                    : "bedoelde u '" + guess + "'?");
  }
}

}  // namespace

bool is_plain_name(std::string_view name) {
  if (name.empty() || name[0] == '-') return false;
  for (char c : name)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return true;
}

Page read_page(const std::string& slug, const std::string& file, std::string_view bytes,
               Diagnostics& diagnostics) {
  Page page;
  page.slug = slug;
  page.file = file;
  if (!readable_text(bytes, file, kSaveTextHint, diagnostics)) return page;
  auto decoded = decode_or_report(bytes, file, diagnostics);
  if (!decoded) return page;
  std::string text = replace_all(std::move(decoded->text), "\r\n", "\n");
  if (text.rfind("---\n", 0) != 0) {
    diagnostics.error({file, 1, 1}, "de pagina begint niet met gegevens tussen '---'-regels",
                      "begin met:\n---\ntitel: …\nvolgorde: 1\n---");
    page.markdown = text;
    return page;
  }
  size_t end = text.find("\n---\n", 3);
  if (end == std::string::npos && text.size() >= 4 && text.ends_with("\n---"))
    end = text.size() - 4;
  if (end == std::string::npos) {
    diagnostics.error({file, 1, 1}, "de gegevens bovenaan worden niet afgesloten met '---'",
                      "zet een regel met alleen '---' onder de laatste instelling");
    return page;
  }
  std::string front = text.substr(4, end - 3);
  int front_lines = static_cast<int>(std::count(front.begin(), front.end(), '\n'));
  page.body_line = 2 + front_lines + 1;
  page.markdown = end + 5 <= text.size() ? text.substr(end + 5) : "";
  if (!table_rows_fit(page.markdown, file, page.body_line, diagnostics)) page.markdown.clear();

  YamlSource source{file, 2};
  auto doc = parse_yaml(front, source, diagnostics);
  if (!doc) return page;
  if (!doc->IsMap()) {
    diagnostics.error({file, 2, 1},
                      "de gegevens bovenaan moeten instellingen zijn zoals 'titel: …'");
    return page;
  }
  check_keys(*doc, {"titel", "volgorde", "kort"}, source, diagnostics);
  page.title = scalar_at(*doc, "titel", true, source, diagnostics).value_or(slug);
  page.short_title = scalar_at(*doc, "kort", false, source, diagnostics).value_or(page.title);
  // The short title is the text of the menu link; a link needs text.
  if (trim(page.short_title).empty() && (*doc)["kort"])
    diagnostics.error(source.at((*doc)["kort"]), "instelling 'kort' is leeg",
                      "geef de korte titel voor het menu, of laat 'kort' weg");
  if (auto order = scalar_at(*doc, "volgorde", false, source, diagnostics)) {
    try {
      size_t used = 0;
      page.order = std::stoi(*order, &used);
      if (used != order->size()) throw std::invalid_argument("rest");
    } catch (const std::exception&) {
      diagnostics.error(source.at((*doc)["volgorde"]), "volgorde moet een geheel getal zijn",
                        "bijvoorbeeld 'volgorde: 2'");
    }
  }
  return page;
}

Table read_table(const std::string& name, const std::string& file, std::string_view bytes,
                 Unit unit, Diagnostics& diagnostics, bool long_form,
                 const std::map<std::string, Unit>& column_units) {
  Table table;
  table.name = name;
  table.file = file;
  if (!readable_text(bytes, file, kSaveCsvHint, diagnostics)) return table;
  auto decoded_or = decode_or_report(bytes, file, diagnostics);
  if (!decoded_or) return table;
  DecodedText& decoded = *decoded_or;
  if (decoded.was_windows_1252)
    diagnostics.warning({file, 0, 0}, "bestand is geen UTF-8; gelezen als Windows-1252",
                        kSaveCsvHint);
  CsvDocument doc = parse_csv(decoded.text, file, diagnostics);
  if (long_form) {
    WideForm wide = widen_long_csv(
        doc, file, diagnostics, unit == Unit::Persons || unit == Unit::Count || unit == Unit::Euro);
    doc = std::move(wide.doc);
    table.dimensions = std::move(wide.dimensions);
    table.column_members = std::move(wide.column_members);
  }
  if (doc.rows.empty()) {
    diagnostics.error({file, 1, 1}, "het bestand is leeg",
                      "de eerste regel moet de kolomnamen bevatten");
    return table;
  }
  const auto& header = doc.rows[0];
  table.key_header = std::string(trim(header[0].text));
  std::optional<size_t> unit_column;
  std::unordered_set<std::string> seen_columns;  // a search per column would be quadratic
  for (size_t c = 1; c < header.size(); ++c) {
    std::string h(trim(header[c].text));
    if (to_lower_ascii(h) == "eenheid") {
      unit_column = c;
      table.units_per_row = true;
      continue;
    }
    if (h.empty()) {
      diagnostics.error({file, header[c].line, header[c].column}, "kolom zonder naam",
                        "geef elke kolom een naam in de eerste regel");
    } else if (!seen_columns.insert(h).second) {
      diagnostics.error({file, header[c].line, header[c].column},
                        "kolom " + quoted(h) + " komt twee keer voor",
                        "geef elke kolom een eigen naam");
    }
    table.columns.push_back(h);
    table.column_positions.push_back(static_cast<int>(c));
    auto declared = column_units.find(h);
    if (declared != column_units.end()) {
      table.column_units.resize(table.columns.size());
      table.column_units.back() = declared->second;
    }
  }
  if (!table.column_units.empty()) table.column_units.resize(table.columns.size());
  if (table.columns.empty())
    diagnostics.error({file, header[0].line, header[0].column},
                      "het bestand heeft geen kolommen met cijfers",
                      "gebruik ';' als scheidingsteken tussen de kolommen");

  // A chart of it would be published empty.
  if (doc.rows.size() == 1)
    diagnostics.error({file, header[0].line, header[0].column},
                      "het bestand heeft alleen een kopregel, geen regels met cijfers",
                      "zet onder de kopregel een regel per periode of categorie");
  std::unordered_set<std::string> seen_keys;
  int reported_grouping = 0;  // one message per file: the whole export has the same cause
  for (size_t r = 1; r < doc.rows.size(); ++r) {
    const auto& fields = doc.rows[r];
    int line = fields[0].line;
    if (fields.size() != header.size()) {
      diagnostics.error({file, line, 1},
                        "regel heeft " + std::to_string(fields.size()) + " velden, de kopregel " +
                            std::to_string(header.size()),
                        "controleer het aantal scheidingstekens ('" +
                            std::string(1, doc.separator) + "') op deze regel");
    }
    std::string key(trim(fields[0].text));
    if (key.empty()) {
      diagnostics.error({file, line, 1}, "regel zonder naam of periode in de eerste kolom");
      continue;
    }
    if (!seen_keys.insert(key).second) {
      diagnostics.error({file, line, fields[0].column}, quoted(key) + " komt twee keer voor",
                        "elke periode of categorie mag maar één regel hebben");
      continue;
    }
    Unit row_unit = unit;
    if (unit_column && *unit_column < fields.size()) {
      std::string u(trim(fields[*unit_column].text));
      if (auto parsed = parse_unit(u)) {
        row_unit = *parsed;
      } else if (!u.empty()) {
        std::string guess = closest_match(u, unit_keywords());
        diagnostics.error(
            {file, line, fields[*unit_column].column}, "onbekende eenheid " + quoted(u),
            guess.empty() ? "kies uit: " + unit_list() : "bedoelde u '" + guess + "'?");
      }
    }
    std::vector<Cell> cells;
    cells.reserve(table.column_positions.size());
    for (size_t c = 0; c < table.column_positions.size(); ++c) {
      const int position = table.column_positions[c];
      const Unit cell_unit = c < table.column_units.size() && table.column_units[c]
                                 ? *table.column_units[c]
                                 : row_unit;
      // A short row keeps its key, so that a gap in the periods is not reported as well.
      if (static_cast<size_t>(position) >= fields.size() || fields.size() != header.size()) {
        cells.push_back(Cell{std::nullopt, {}, line, 1});
        continue;
      }
      const CsvField& f = fields[position];
      Cell cell{std::nullopt, {}, f.line, f.column};
      std::string_view text = trim(f.text);
      if (cell_unit == Unit::Text) {
        cell.text = std::string(text);
      } else if (auto mark = not_a_figure(text); mark && cell_unit != Unit::Persons) {
        cell.text = *mark;  // pm, nvt: shown as such, counted as no figure
      } else if (text.rfind("<", 0) == 0) {
        diagnostics.error(
            {file, f.line, f.column}, quoted(text) + " is geen aantal",
            "vul het werkelijke aantal in; de generator toont kleine aantallen zelf als <10");
      } else if (doc.separator == ',' && looks_grouped(text) && !(reported_grouping++)) {
        diagnostics.error({file, f.line, f.column},
                          quoted(text) +
                              " is dubbelzinnig: in een bestand met komma's tussen de kolommen is "
                              "de punt het decimaalteken, maar drie cijfers na de punt lijken een "
                              "duizendtal",
                          "sla het bestand op met ';' tussen de kolommen (dan is 1.234 duizend "
                          "tweehonderdvierendertig), of schrijf het getal zonder punt");
      } else if (!text.empty()) {
        ParsedNumber n = parse_number(text, doc.separator);
        if (n.value) {
          cell.value = n.value;
        } else {
          // Person counts stay counts: as text they would be published unprotected. A mark
          // such as "-" is no text either: as 'tekst' its row would leave every total.
          diagnostics.error(
              {file, f.line, f.column}, n.error,
              no_figure_mark(text)
                  ? std::string("laat de cel leeg als er geen cijfer is, en vul 0 in als het 0 "
                                "is") +
                        (cell_unit == Unit::Persons
                             ? "; kleine aantallen toont de generator zelf als <10 of x"
                             : "")
              : cell_unit == Unit::Persons
                  ? "vul het aantal in, of laat de cel leeg als er geen cijfer is; "
                    "kleine aantallen toont de generator zelf als <10"
                  : "staat hier tekst zoals 'Zie toelichting', geef de regel dan eenheid 'tekst' "
                    "(docs/data.md); is het een getal, schrijf het dan als 1234,5");
        }
      }
      cells.push_back(std::move(cell));
    }
    table.row_keys.push_back(key);
    table.row_units.push_back(row_unit);
    table.row_lines.push_back(line);
    table.cells.push_back(std::move(cells));
  }

  report_malformed_periods(table.row_keys, table.row_lines, {}, file, diagnostics);
  table.header_line = header[0].line;
  for (int position : table.column_positions)
    table.header_columns.push_back(header[position].column);
  report_malformed_periods(table.columns, std::vector<int>(table.columns.size(), table.header_line),
                           table.header_columns, file, diagnostics);
  for (const auto& key : table.row_keys)
    if (auto p = Period::parse(key)) table.row_periods.push_back(*p);
  if (table.row_periods.size() != table.row_keys.size()) table.row_periods.clear();
  for (const auto& h : table.columns)
    if (auto p = Period::parse(h)) table.column_periods.push_back(*p);
  if (table.column_periods.size() != table.columns.size()) table.column_periods.clear();
  table.build_index();
  return table;
}

bool is_edition_dir(const FileSystem& fs, const std::string& dir) {
  return is_there(fs, join_path(dir, kConfigFile));
}

Edition load_edition(const FileSystem& fs, const std::string& dir, Diagnostics& diagnostics) {
  Edition edition;
  std::string id = dir.substr(dir.find_last_of('/') + 1);
  std::string config_path = join_path(dir, kConfigFile);
  if (auto bytes = read_or_report(fs, config_path, diagnostics)) {
    edition.config = read_config(id, config_path, *bytes, diagnostics);
  } else {
    edition.config.id = id;
    // Unreadable: reported; without the declarations every dataset would be one more error.
    if (!fs.unreadable(config_path).empty()) return edition;
    diagnostics.error({config_path, 0, 0}, "editie.yaml ontbreekt",
                      "maak een nieuwe editie met 'sdmonitor new'");
  }

  for (const auto& rel : fs.list_files(dir)) {
    if (is_image_file(rel) && rel.rfind("data/", 0) != 0) {
      const std::string path = join_path(dir, rel);
      auto bytes = read_or_report(fs, path, diagnostics);
      if (!bytes) continue;
      auto size = image_size(*bytes);
      // An SVG can carry script: published only when it holds nothing but drawing. A raster
      // image named .svg is left to the check that the name matches the format.
      const bool svg = size ? size->scalable : to_lower_ascii(rel).ends_with(".svg");
      if (!svg || check_svg(path, *bytes, diagnostics))
        edition.images.push_back({rel, *bytes, size});
      continue;
    }
    if (rel.find('/') != std::string::npos || !rel.ends_with(".md")) continue;
    std::string path = join_path(dir, rel);
    std::string slug = rel.substr(0, rel.size() - 3);
    if (!is_plain_name(slug)) {
      diagnostics.error({path, 0, 0}, "ongeldige bestandsnaam '" + rel + "'",
                        "gebruik alleen kleine letters, cijfers en '-', bijvoorbeeld "
                        "sociale-basis.md");
      continue;
    }
    if (reserved_page_name(slug)) {
      diagnostics.error({path, 0, 0},
                        "de naam '" + rel + "' is van een pagina die de generator maakt",
                        "kies een andere bestandsnaam");
      continue;
    }
    auto bytes = read_or_report(fs, path, diagnostics);
    if (!bytes) continue;
    edition.pages.push_back(read_page(slug, path, *bytes, diagnostics));
  }
  std::stable_sort(edition.pages.begin(), edition.pages.end(), [](const Page& a, const Page& b) {
    if ((a.slug == "index") != (b.slug == "index")) return a.slug == "index";
    return a.order != b.order ? a.order < b.order : a.slug < b.slug;
  });
  if (edition.pages.empty() || edition.pages.front().slug != "index")
    diagnostics.error({join_path(dir, "index.md"), 0, 0}, "de overzichtspagina index.md ontbreekt",
                      "maak index.md met de kerncijfers van deze editie");

  std::string data_dir = join_path(dir, "data");
  std::vector<std::string> found;
  for (const auto& rel : fs.list_files(data_dir)) {
    if (!rel.ends_with(".csv")) continue;
    found.push_back(rel);
    std::string path = join_path(data_dir, rel);
    auto declared = edition.config.datasets.find(rel);
    if (declared == edition.config.datasets.end()) {
      diagnostics.error({path, 0, 0},
                        "dataset '" + rel + "' staat niet onder 'data:' in editie.yaml",
                        "voeg toe: '" + rel + ":' met 'eenheid:' (" + unit_list() + ")");
      continue;
    }
    auto bytes = read_or_report(fs, path, diagnostics);
    if (!bytes) continue;
    std::map<std::string, Unit> column_units;
    for (const auto& [column, format] : declared->second.column_formats)
      if (format.unit) column_units[column] = *format.unit;
    edition.tables[rel] = read_table(rel, path, *bytes, declared->second.unit, diagnostics,
                                     declared->second.long_form, column_units);
    check_column_formats(declared->second, edition.tables[rel], diagnostics);
  }
  for (const auto& [name, info] : edition.config.datasets) {
    if (std::find(found.begin(), found.end(), name) != found.end()) continue;
    // A folder in place of the file is there, but not listed among the files.
    if (read_or_report(fs, join_path(data_dir, name), diagnostics) ||
        !fs.unreadable(join_path(data_dir, name)).empty())
      continue;
    std::string guess = closest_match(name, found);
    diagnostics.error(
        info.where, "bestand data/" + name + " bestaat niet",
        guess.empty() ? "zet het CSV-bestand in de map data/" : "bedoelde u '" + guess + "'?");
  }
  for (auto& page : edition.pages) page.spec = read_page_spec(page, diagnostics, &page.body);
  return edition;
}

std::vector<Edition> load_editions(const FileSystem& fs, const std::string& content_dir,
                                   Diagnostics& diagnostics) {
  std::vector<Edition> editions;
  for (const auto& name : fs.list_dirs(content_dir)) {
    std::string dir = join_path(content_dir, name);
    if (!is_edition_dir(fs, dir)) {
      if (is_there(fs, join_path(dir, "editie.yml")))
        diagnostics.error({join_path(dir, "editie.yml"), 0, 0},
                          "een editie heeft een editie.yaml, niet editie.yml",
                          "noem het bestand editie.yaml");
      continue;
    }
    if (!is_plain_name(name)) {
      diagnostics.error({join_path(dir, kConfigFile), 0, 0}, "ongeldige mapnaam '" + name + "'",
                        "noem de map naar de editie, bijvoorbeeld 2024-q1");
      continue;
    }
    Edition edition = load_edition(fs, dir, diagnostics);
    // Without its editie.yaml (reported) it has no peildatum to be ordered by.
    if (fs.unreadable(join_path(dir, kConfigFile)).empty()) editions.push_back(std::move(edition));
  }
  if (editions.empty())
    diagnostics.error({content_dir, 0, 0}, "geen editie gevonden",
                      "een editie is een map met een editie.yaml, bijvoorbeeld " + content_dir +
                          "/2024-q1/editie.yaml");
  std::stable_sort(editions.begin(), editions.end(), [](const Edition& a, const Edition& b) {
    return a.config.reference_date.end_key() < b.config.reference_date.end_key();
  });
  return editions;
}

}  // namespace sdm
