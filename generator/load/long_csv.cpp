#include "load/long_csv.h"

#include <algorithm>
#include <map>
#include <optional>

#include "model/period.h"
#include "util/text.h"

namespace sdm {
namespace {

// The column whose every value is a period, if there is one among the dimensions.
std::optional<size_t> period_column(const CsvDocument& doc, size_t dimensions) {
  for (size_t c = 0; c < dimensions; ++c) {
    bool all = doc.rows.size() > 1;
    for (size_t r = 1; r < doc.rows.size() && all; ++r)
      all = c < doc.rows[r].size() && Period::parse(trim(doc.rows[r][c].text)).has_value();
    if (all) return c;
  }
  return std::nullopt;
}

}  // namespace

WideForm widen_long_csv(const CsvDocument& doc, const std::string& file, Diagnostics& diagnostics,
                        bool missing_is_zero) {
  WideForm out;
  CsvDocument& wide = out.doc;
  wide.separator = doc.separator;
  if (doc.rows.empty()) return out;
  const auto& header = doc.rows[0];
  if (header.size() < 3) {
    diagnostics.error({file, header[0].line, header[0].column},
                      "een dataset in lange vorm heeft minstens drie kolommen",
                      "bijvoorbeeld gemeente;maand;aantal: de dimensies, dan de cijfers in de "
                      "laatste kolom");
    return out;
  }
  const size_t dimensions = header.size() - 1;
  auto period = period_column(doc, dimensions);
  if (!period) {
    diagnostics.error({file, header[0].line, header[0].column},
                      "geen kolom met alleen perioden (zoals 2024-03 of 2024-K1)",
                      "een dataset in lange vorm heeft één kolom met de periode van elke regel");
    return out;
  }
  for (size_t c = 0; c < dimensions; ++c)
    if (c != *period) out.dimensions.emplace_back(trim(header[c].text));
  std::vector<CsvField> wide_header{header[*period]};
  std::map<std::string, size_t> column_of;           // a combination of the other dimensions
  std::vector<std::pair<int, std::string>> periods;  // end of the period, its text
  std::map<std::string, std::map<std::string, CsvField>> cells;  // period -> column -> figure
  std::map<std::string, CsvField> period_field;
  for (size_t r = 1; r < doc.rows.size(); ++r) {
    const auto& fields = doc.rows[r];
    if (fields.size() != header.size()) {
      diagnostics.error({file, fields[0].line, 1},
                        "regel heeft " + std::to_string(fields.size()) + " velden, de kopregel " +
                            std::to_string(header.size()),
                        "controleer het aantal scheidingstekens ('" +
                            std::string(1, doc.separator) + "') op deze regel");
      continue;
    }
    std::string combination;
    std::vector<std::string> members;
    for (size_t c = 0; c < dimensions; ++c)
      if (c != *period) {
        members.emplace_back(trim(fields[c].text));
        combination += (combination.empty() ? "" : " · ") + members.back();
      }
    auto [column, added] = column_of.try_emplace(combination, column_of.size());
    if (added) {
      wide_header.push_back({combination, header[0].line, header[0].column});
      out.column_members.push_back(std::move(members));
    }
    std::string key(trim(fields[*period].text));
    if (!period_field.count(key)) {
      period_field[key] = fields[*period];
      periods.push_back({Period::parse(key)->end_key(), key});
    }
    if (!cells[key].emplace(combination, fields.back()).second)
      diagnostics.error({file, fields[0].line, fields[0].column},
                        "deze waarneming (" + combination + ", " + key + ") komt twee keer voor",
                        "geef elke combinatie van dimensies en periode één regel");
  }
  // wide_header's columns are in order of first appearance; column_of numbers them the same way.
  std::stable_sort(periods.begin(), periods.end());
  wide.rows.push_back(std::move(wide_header));
  for (const auto& [end, key] : periods) {
    std::vector<CsvField> row{period_field[key]};
    std::vector<CsvField> figures(column_of.size(),
                                  CsvField{missing_is_zero ? "0" : "", period_field[key].line, 1});
    for (const auto& [combination, field] : cells[key]) figures[column_of[combination]] = field;
    row.insert(row.end(), figures.begin(), figures.end());
    wide.rows.push_back(std::move(row));
  }
  return out;
}

}  // namespace sdm
