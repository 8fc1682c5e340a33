#include "load/edition_config.h"

#include "format/number.h"
#include "load/text_file.h"
#include "load/yaml_source.h"
#include "util/text.h"

namespace sdm {
namespace {

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

}  // namespace

std::string unit_list() {
  std::string out;
  for (const auto& k : unit_keywords()) out += (out.empty() ? "" : ", ") + k;
  return out;
}

EditionConfig read_config(const std::string& id, const std::string& file, std::string_view bytes,
                          Diagnostics& diagnostics) {
  EditionConfig config;
  config.id = id;
  config.where = {file, 0, 0};
  auto decoded = read_text(bytes, file, kSaveTextHint, diagnostics);
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

}  // namespace sdm
