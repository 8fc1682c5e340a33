#include "disclosure/edition_relations.h"

#include <cmath>
#include <map>
#include <string>

namespace sdm {
namespace {

// The subsets of the members only one edition has are tried one by one: of twelve members at
// most, four at a time at most (a merge of more is no longer read as one).
constexpr size_t kMaxParts = 4;
constexpr size_t kMaxMembers = 12;

// A dataset's person counts by member and period: its columns when its rows are periods, its
// rows when its columns are.
struct Members {
  std::map<std::string, std::map<std::string, double>> values;  // member -> period key -> count
  std::map<std::string, std::map<std::string, DataCell>> cells;
};

Members members_of(const Table& table) {
  Members out;
  bool by_column = table.rows_are_periods();
  if (!by_column && !table.columns_are_periods()) return out;
  for (size_t r = 0; r < table.row_keys.size(); ++r) {
    if (r >= table.row_units.size()) continue;
    for (size_t c = 0; c < table.columns.size(); ++c) {
      const auto& value = table.cells[r][c].value;
      if (!value || table.unit_at(r, c) != Unit::Persons) continue;
      const std::string& member = by_column ? table.columns[c] : table.row_keys[r];
      const std::string& period = by_column ? table.row_keys[r] : table.columns[c];
      out.values[member][period] = *value;
      out.cells[member][period] = {table.name, table.row_keys[r], table.columns[c]};
    }
  }
  return out;
}

std::vector<std::string> only_in(const Members& a, const Members& b) {
  std::vector<std::string> out;
  for (const auto& [member, values] : a.values)
    if (!b.values.count(member)) out.push_back(member);
  return out;
}

// The periods where `whole` equals the sum of `parts` of `other`, if it does in every period
// both have a figure for, at least two of them, not all zero.
std::vector<std::string> periods_where_sum(const std::map<std::string, double>& whole,
                                           const Members& other,
                                           const std::vector<std::string>& parts) {
  std::vector<std::string> out;
  bool nonzero = false;
  for (const auto& [period, value] : whole) {
    double sum = 0;
    bool all = true;
    for (const auto& part : parts) {
      auto it = other.values.at(part).find(period);
      if (it == other.values.at(part).end()) {
        all = false;
        break;
      }
      sum += it->second;
    }
    if (!all) continue;
    if (std::abs(sum - value) > 1e-9 * std::max(1.0, std::abs(value))) return {};
    nonzero = nonzero || value != 0;
    out.push_back(period);
  }
  if (out.size() < 2 || !nonzero) return {};
  return out;
}

// Each member that only `whole_side` has, as the sum of members only `parts_side` has.
void find_sums(const std::string& dataset, const Members& whole_side, int whole_edition,
               const Members& parts_side, int parts_edition, const std::string& earlier_id,
               std::vector<DataRelation>& out) {
  auto edition = [&](int k) {
    return k == 0 ? std::string("deze editie") : "editie " + earlier_id;
  };
  auto wholes = only_in(whole_side, parts_side), candidates = only_in(parts_side, whole_side);
  if (wholes.empty() || candidates.empty() || candidates.size() > kMaxMembers) return;
  for (const auto& whole : wholes) {
    const auto& values = whole_side.values.at(whole);
    for (unsigned mask = 1; mask < (1u << candidates.size()); ++mask) {
      std::vector<std::string> parts;
      for (size_t k = 0; k < candidates.size(); ++k)
        if (mask & (1u << k)) parts.push_back(candidates[k]);
      if (parts.size() > kMaxParts) continue;
      auto periods = periods_where_sum(values, parts_side, parts);
      if (periods.empty()) continue;
      std::string names;
      for (const auto& part : parts) names += (names.empty() ? "'" : ", '") + part + "'";
      for (const auto& period : periods) {
        DataRelation relation;
        relation.kind = RelationKind::SameGroup;
        relation.terms.push_back({whole_side.cells.at(whole).at(period), 1, whole_edition});
        for (const auto& part : parts)
          relation.terms.push_back({parts_side.cells.at(part).at(period), -1, parts_edition});
        // One line for the member, not one per period: `check --list-hidden` lists it once.
        relation.reason = "'" + whole + "' in " + dataset + " (" + edition(whole_edition) +
                          ") is de som van " + names + " (" + edition(parts_edition) + "), in " +
                          std::to_string(periods.size()) + " perioden";
        out.push_back(std::move(relation));
      }
      break;  // one reading of each member is enough
    }
  }
}

}  // namespace

std::vector<DataRelation> edition_relations(const Edition& current, const Edition& earlier) {
  std::vector<DataRelation> out;
  for (const auto& [name, table] : current.tables) {
    auto before = earlier.tables.find(name);
    if (before == earlier.tables.end()) continue;
    Members now = members_of(table), then = members_of(before->second);
    find_sums(name, now, 0, then, 1, earlier.config.id, out);  // merged
    find_sums(name, then, 1, now, 0, earlier.config.id, out);  // split
  }
  return out;
}

}  // namespace sdm
