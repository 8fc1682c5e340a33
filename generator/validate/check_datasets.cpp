#include "validate/check_datasets.h"

#include <algorithm>
#include <cmath>

#include "format/dutch.h"
#include "util/text.h"
#include "validate/series_history.h"

namespace sdm {
namespace {

// A month or quarter as a count since year 0, so that consecutive periods differ by one.
int ordinal(const Period& p) {
  return p.kind == Period::Kind::Month ? p.year * 12 + p.month - 1 : p.year * 4 + p.quarter - 1;
}

Period from_ordinal(Period::Kind kind, int n) {
  return kind == Period::Kind::Month ? Period::of_month(n / 12, n % 12 + 1)
                                     : Period::of_quarter(n / 4, n % 4 + 1);
}

// "K3 2022 ontbreekt", "jul 2022 tot en met sep 2022 ontbreken": which rows to add.
std::string missing_periods(const Period& first, const Period& last, int count) {
  if (count == 1) return format_period(first) + " ontbreekt";
  return format_period(first) + " tot en met " + format_period(last) + " ontbreken";
}

// A row after the peildatum with figures only in columns declared `na-peildatum: ja`.
bool only_expected_figures(const Edition& edition, const Table& table, size_t row) {
  bool any = false;
  for (size_t c = 0; c < table.columns.size(); ++c) {
    if (!table.cells[row][c].value && table.cells[row][c].text.empty()) continue;
    if (!beyond_reference(edition, table.name, table.columns[c])) return false;
    any = true;
  }
  return any;
}

void check_data(const Edition& edition, const Table& table, Diagnostics& diagnostics) {
  int peil = edition.config.reference_date.end_key();
  if (table.rows_are_periods()) {
    for (size_t r = 0; r < table.row_periods.size(); ++r) {
      const Period& p = table.row_periods[r];
      if (peil > 0 && p.end_key() > peil && p.kind != Period::Kind::Year &&
          !only_expected_figures(edition, table, r))
        diagnostics.error({table.file, table.row_lines[r], 1},
                          "periode " + format_period(p) + " ligt na de peildatum " +
                              format_period(edition.config.reference_date, PeriodStyle::Long),
                          "verwijder de regel of pas de peildatum in editie.yaml aan");
      const bool counted = p.kind == Period::Kind::Month || p.kind == Period::Kind::Quarter;
      if (r > 0 && counted && table.row_periods[r - 1].kind == p.kind) {
        int expected = ordinal(table.row_periods[r - 1]) + 1, actual = ordinal(p);
        if (actual != expected)
          diagnostics.error({table.file, table.row_lines[r], 1},
                            actual > expected ? missing_periods(from_ordinal(p.kind, expected),
                                                                from_ordinal(p.kind, actual - 1),
                                                                actual - expected)
                                              : format_period(p) + " staat niet in volgorde",
                            p.kind == Period::Kind::Month
                                ? "zet elke maand op een eigen regel, oplopend en zonder gaten"
                                : "zet elk kwartaal op een eigen regel, oplopend en zonder gaten");
      }
    }
  }
  // Columns run from old to new, as rows do: 'laatste' and every chart read the last one as the
  // newest (with 2024 left of 2019, "laatste" said 2019).
  if (table.columns_are_periods())
    for (size_t c = 1; c < table.column_periods.size(); ++c)
      if (table.column_periods[c].end_key() <= table.column_periods[c - 1].end_key()) {
        diagnostics.error(
            {table.file, table.header_line,
             c < table.header_columns.size() ? table.header_columns[c] : 1},
            "kolom '" + table.columns[c] + "' staat niet in volgorde: de perioden moeten oplopen",
            "zet de oudste periode links en de nieuwste rechts");
        break;
      }
  for (size_t r = 0; r < table.cells.size(); ++r) {
    for (size_t c = 0; c < table.cells[r].size(); ++c) {
      const Cell& cell = table.cells[r][c];
      if (!cell.value || table.unit_at(r, c) != Unit::Persons) continue;
      if (*cell.value < 0 || std::floor(*cell.value) != *cell.value)
        diagnostics.error({table.file, cell.line, cell.column},
                          "een aantal personen moet een geheel getal van 0 of meer zijn",
                          "controleer de export; is de eenheid van deze dataset wel 'personen'?");
    }
  }
  // A total line among the categories (docs/data.md: "Neem geen totaalregels op"). A person can
  // be in several categories, so the total may be less than the sum of the others, but more
  // means the figures are wrong.
  for (size_t t = 0; t < table.cells.size(); ++t) {
    if (!is_total_label(table.row_keys[t])) continue;
    for (size_t c = 0; c < table.columns.size(); ++c) {
      if (table.unit_at(t, c) != Unit::Persons) continue;
      const Cell& total = table.cells[t][c];
      std::optional<double> sum;
      for (size_t r = 0; r < table.cells.size(); ++r)
        if (table.unit_at(r, c) == Unit::Persons && !is_total_label(table.row_keys[r]) &&
            table.cells[r][c].value)
          sum = sum.value_or(0) + *table.cells[r][c].value;
      if (total.value && sum && *total.value > *sum)
        diagnostics.error({table.file, total.line, total.column},
                          "'" + table.row_keys[t] + "' (" + format_number(*total.value, 0) +
                              ") is groter dan de som van de andere regels (" +
                              format_number(*sum, 0) + ")",
                          // Dropping the line for 'totaal: ja' would publish the sum of the
                          // rows: too low here, and too high where a person is in several rows.
                          "controleer de export: een totaal telt geen personen die in geen van "
                          "de regels staan; horen er zulke personen bij, zet ze dan in een eigen "
                          "regel (bijvoorbeeld 'Overig')");
    }
  }
}

// A label of a total: "Totaal", "Eindtotaal", or one `totaal:` names.
bool is_total(const DatasetInfo& info, const std::string& label) {
  return is_total_label(label) ||
         std::find(info.totals.begin(), info.totals.end(), label) != info.totals.end();
}

// An empty cell among the parts of a total that equals the sum of the other parts: a reader
// reads it as 0, a count under 10 the monitor then shows unprotected. A blank is no figure to the
// generator; here it is one to the reader.
void check_blank_beside_total(const Table& table, const DatasetInfo& info,
                              Diagnostics& diagnostics) {
  for (bool columns : {false, true}) {
    const size_t members = columns ? table.columns.size() : table.row_keys.size();
    const size_t lines = columns ? table.row_keys.size() : table.columns.size();
    auto cell = [&](size_t line, size_t m) -> const Cell& {
      return columns ? table.cells[line][m] : table.cells[m][line];
    };
    auto counts = [&](size_t line, size_t m) {
      return (columns ? table.unit_at(line, m) : table.unit_at(m, line)) == Unit::Persons;
    };
    auto label = [&](size_t m) { return columns ? table.columns[m] : table.row_keys[m]; };
    for (size_t t = 0; t < members; ++t) {
      if (!is_total(info, label(t))) continue;
      for (size_t line = 0; line < lines; ++line) {
        if (!counts(line, t) || !cell(line, t).value) continue;
        double sum = 0;
        std::vector<size_t> blank;
        size_t present = 0;
        for (size_t m = 0; m < members; ++m) {
          if (m == t || is_total(info, label(m)) || !counts(line, m)) continue;
          if (auto v = cell(line, m).value) {
            sum += *v;
            ++present;
          } else if (cell(line, m).text.empty()) {
            blank.push_back(m);
          }
        }
        if (blank.size() != 1 || present < 2 || *cell(line, t).value != sum) continue;
        const Cell& empty = cell(line, blank.front());
        diagnostics.warning(
            {table.file, empty.line, empty.column},
            "lege cel bij '" + label(blank.front()) + "', terwijl '" + label(t) +
                "' gelijk is aan de som van de andere: een lezer leest hier 0",
            "staat er echt 0, zet dan 0 in de cel: dan toont de monitor <10; is het cijfer "
            "onbekend, zet het dan ook niet in het totaal");
      }
    }
  }
}

// A declared total is checked on every line: it is the sum of the other members (or, with
// `optelbaar: nee`, between the largest and the sum). `members` are rows, or columns when
// `columns`; a total and the other totals among them do not count as parts. `slice` names the
// slice of a table in long form the members belong to ("IOAW").
void check_total_of(const Table& table, const DatasetInfo& info, const std::string& name,
                    size_t total_member, const std::vector<size_t>& members,
                    const std::vector<bool>& is_total, bool columns, const std::string& slice,
                    Diagnostics& diagnostics) {
  size_t lines = columns ? table.row_keys.size() : table.columns.size();
  for (size_t line = 0; line < lines; ++line) {
    auto at = [&](size_t m) -> const Cell& {
      return columns ? table.cells[line][m] : table.cells[m][line];
    };
    auto persons = [&](size_t m) {
      return (columns ? table.unit_at(line, m) : table.unit_at(m, line)) == Unit::Persons;
    };
    if (!persons(total_member)) continue;
    const Cell& total = at(total_member);
    if (!total.value) continue;
    double sum = 0, largest = 0;
    for (size_t k = 0; k < members.size(); ++k) {
      size_t m = members[k];
      if (is_total[k] || !persons(m)) continue;
      sum += at(m).value.value_or(0);
      largest = std::max(largest, at(m).value.value_or(0));
    }
    bool ok = info.additive ? std::abs(*total.value - sum) < 1e-9
                            : *total.value <= sum + 1e-9 && *total.value >= largest - 1e-9;
    if (ok) continue;
    std::string where =
        columns ? (table.rows_are_periods() ? format_period(table.row_periods[line])
                                            : table.row_keys[line])
                : (table.columns_are_periods() ? format_period(table.column_periods[line])
                                               : table.columns[line]);
    if (!slice.empty()) where += " (" + slice + ")";
    diagnostics.error(
        {table.file, total.line, total.column},
        info.additive ? "'" + name + "' is bij " + where + " niet de som van de andere " +
                            (columns ? "kolommen" : "regels")
                      : "'" + name + "' is bij " + where + " kleiner dan een deel of groter " +
                            "dan de som van de delen",
        info.additive ? "kan een persoon in meer dan één deel zitten, zet dan 'optelbaar: nee' "
                        "bij deze dataset in editie.yaml; anders klopt de export niet"
                      : "controleer de export: een totaal telt elke persoon van de delen "
                        "minstens één keer");
    return;
  }
}

// totaal: names rows or columns of the dataset, each the total of the other parts: their sum, or
// with optelbaar: nee at most their sum and at least each part.
void check_declared_totals(const Table& table, const DatasetInfo& info, Diagnostics& diagnostics) {
  if (info.totals.empty()) return;
  const auto slices = slices_of(table);
  for (const auto& name : info.totals) {
    auto row = table.row_index(name);
    auto column = table.column_index(name);
    if (row || column) {
      bool columns = column.has_value();
      std::vector<size_t> members(columns ? table.columns.size() : table.row_keys.size());
      std::vector<bool> totals;
      for (size_t m = 0; m < members.size(); ++m) {
        members[m] = m;
        totals.push_back(is_total(info, columns ? table.columns[m] : table.row_keys[m]));
      }
      check_total_of(table, info, name, columns ? *column : *row, members, totals, columns, "",
                     diagnostics);
      continue;
    }
    // In long form a total is a value of one dimension ("BMWE" of gemeente): the total of each
    // slice along that dimension ("BMWE · IOAW" of the gemeenten' IOAW).
    bool found = false;
    for (const auto& slice : slices) {
      auto it = std::find(slice.names.begin(), slice.names.end(), name);
      if (it == slice.names.end()) continue;
      found = true;
      std::vector<bool> totals;
      for (const auto& member : slice.names) totals.push_back(is_total(info, member));
      check_total_of(table, info, name, slice.columns[it - slice.names.begin()], slice.columns,
                     totals, true, slice.shared, diagnostics);
    }
    if (found) continue;
    std::vector<std::string> labels = table.row_keys;
    labels.insert(labels.end(), table.columns.begin(), table.columns.end());
    for (const auto& slice : slices)
      labels.insert(labels.end(), slice.names.begin(), slice.names.end());
    std::string guess = closest_match(name, labels);
    diagnostics.error(info.totals_where,
                      "totaal: '" + name + "' is geen regel of kolom van " + table.name,
                      guess.empty() ? "schrijf de naam zoals in de eerste regel of kolom van "
                                      "het CSV-bestand"
                                    : "bedoelde u '" + guess + "'?");
  }
}

// `clienten:` names a declared dataset of person counts, for a dataset that is not one itself.
void check_clients(const Edition& edition, const std::string& name, const DatasetInfo& info,
                   Diagnostics& diagnostics) {
  if (info.clients.empty()) return;
  auto it = edition.config.datasets.find(info.clients);
  if (it == edition.config.datasets.end()) {
    std::vector<std::string> names;
    for (const auto& [other, other_info] : edition.config.datasets) names.push_back(other);
    std::string guess = closest_match(info.clients, names);
    diagnostics.error(info.clients_where,
                      "clienten verwijst naar onbekende dataset '" + info.clients + "'",
                      guess.empty() ? "noem een dataset met eenheid personen uit 'data:'"
                                    : "bedoelde u '" + guess + "'?");
  } else if (it->second.unit != Unit::Persons) {
    diagnostics.error(info.clients_where,
                      "clienten: " + info.clients + " heeft geen eenheid personen",
                      "noem de dataset met de aantallen cliënten die bij deze bedragen horen");
  } else if (info.unit == Unit::Persons) {
    diagnostics.error(
        info.clients_where,
        "clienten hoort bij bedragen, niet bij een dataset met eenheid personen (" + name + ")",
        "laat 'clienten:' weg of zet het bij de dataset met de bedragen");
  }
}

// bevolking: a declared dataset with peildata down the first column and a column "totaal".
void check_population(const Edition& edition, Diagnostics& diagnostics) {
  const auto& name = edition.config.population;
  bool asked = false;
  SourceLocation where;
  for (const Page& page : edition.pages) {
    const PageSpec& spec = page.spec;
    for (const auto& d : spec.directives) {
      if (const auto* c = std::get_if<ChartSpec>(&d); c && c->per_thousand) {
        asked = true;
        where = c->where;
      }
      if (const auto* t = std::get_if<TableSpec>(&d); t && t->per_thousand) {
        asked = true;
        where = t->where;
      }
    }
    for (const auto& ref : spec.figures)
      if (ref.function == FigureFunction::Rate) {
        asked = true;
        where = ref.where;
      }
  }
  if (name.empty()) {
    if (asked)
      diagnostics.error(where, "een cijfer per 1.000 inwoners vraagt bevolkingscijfers",
                        "zet in editie.yaml 'bevolking: bevolking.csv' en lever dat bestand aan "
                        "(zie docs/data.md)");
    return;
  }
  auto it = edition.tables.find(name);
  if (it == edition.tables.end()) {
    if (!edition.config.datasets.count(name))
      diagnostics.error(edition.config.population_where,
                        "bevolking verwijst naar onbekende dataset '" + name + "'",
                        "zet het bestand in data/ en declareer het onder 'data:'");
    return;
  }
  if (!it->second.rows_are_periods() || !it->second.column_index("totaal"))
    diagnostics.error(edition.config.population_where,
                      name + " moet peildata in de eerste kolom en een kolom 'totaal' hebben",
                      "schrijf bijvoorbeeld: peildatum;totaal;0-17 met regels als "
                      "2024-01-01;26012;4987");
}

// inwoners: a column that the bevolking dataset has; with "{kolom}", one for every series of the
// dataset ("{kolom} 0-17": "Bedum 0-17", "Winsum 0-17", … and the region's).
void check_population_group(const Edition& edition, const std::string& name,
                            const DatasetInfo& info, Diagnostics& diagnostics) {
  if (info.population_group.empty()) return;
  auto it = edition.tables.find(edition.config.population);
  if (it == edition.tables.end()) return;
  std::vector<std::string> series{""};
  if (population_per_series(info.population_group)) {
    auto data = edition.tables.find(name);
    if (data == edition.tables.end()) return;
    series = series_names(data->second);
  }
  for (const auto& s : series) {
    std::string group = population_column(info.population_group, s);
    if (it->second.column_index(group)) continue;
    std::string guess = closest_match(group, it->second.columns);
    diagnostics.error(
        info.where,
        (s.empty() ? "inwoners: leeftijdsgroep '" : "inwoners: '") + group + "' staat niet in " +
            edition.config.population + (s.empty() ? "" : " (voor de reeks '" + s + "')"),
        !guess.empty() ? "bedoelde u '" + guess + "'?"
        : s.empty()    ? ""
                       : "zet een kolom '" + group + "' in " + edition.config.population);
    return;
  }
}

}  // namespace

bool beyond_reference(const Edition& edition, const std::string& dataset,
                      const std::string& column) {
  auto info = edition.config.datasets.find(dataset);
  if (info == edition.config.datasets.end()) return false;
  auto c = info->second.column_formats.find(column);
  return c != info->second.column_formats.end() && c->second.beyond_reference;
}

void check_datasets(const Edition& edition, Diagnostics& diagnostics) {
  for (const auto& [name, table] : edition.tables) {
    check_data(edition, table, diagnostics);
    check_series_history(table, diagnostics);
  }
  for (const auto& [name, info] : edition.config.datasets) {
    if (auto table = edition.tables.find(name); table != edition.tables.end()) {
      check_declared_totals(table->second, info, diagnostics);
      check_blank_beside_total(table->second, info, diagnostics);
    }
    check_clients(edition, name, info, diagnostics);
    check_population_group(edition, name, info, diagnostics);
  }
  check_population(edition, diagnostics);
}

}  // namespace sdm
