#include "load/csv_table.h"

#include <cctype>
#include <unordered_set>

#include "format/number.h"
#include "load/csv.h"
#include "load/edition_config.h"
#include "load/long_csv.h"
#include "load/text_file.h"
#include "util/text.h"

namespace sdm {
namespace {

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

}  // namespace

Table read_table(const std::string& name, const std::string& file, std::string_view bytes,
                 Unit unit, Diagnostics& diagnostics, bool long_form,
                 const std::map<std::string, Unit>& column_units) {
  Table table;
  table.name = name;
  table.file = file;
  auto decoded_or = read_text(bytes, file, kSaveCsvHint, diagnostics);
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

}  // namespace sdm
