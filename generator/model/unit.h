#pragma once
// What a number measures. Only person counts are subject to disclosure control.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sdm {

enum class Unit {
  Persons,  // personen: clients, residents, benefits, households, jobs
  Euro,     // euro
  Count,    // aantal: anything else that is counted (visitors, organisations, reports)
  Percent,  // procent
  Mark,     // cijfer: a mark or an average with decimals
  Text,     // tekst: free text such as "Zie toelichting"
};

std::optional<Unit> parse_unit(std::string_view keyword);
std::vector<std::string> unit_keywords();

// Whether figures of this unit may be added up into a total: not a mean, a mark or a percentage
// ("41 + 62 = 103" for a mean age).
inline bool unit_adds_up(Unit unit) {
  return unit == Unit::Persons || unit == Unit::Count || unit == Unit::Euro;
}

// notatie: how an amount is written. Millions as "€ 13,2 mln"; thousands as "13.214" under a
// header that says "x € 1.000".
enum class Scale { Units, Thousands, Millions };

// How the figures of a dataset or one of its columns are shown: decimalen and notatie. Empty
// decimals: the unit's own (one for percentages and marks, none else; one for millions).
struct NumberFormat {
  std::optional<int> decimals;
  Scale scale = Scale::Units;
  bool operator==(const NumberFormat&) const = default;
};

std::optional<Scale> parse_scale(std::string_view keyword);
std::vector<std::string> scale_keywords();

}  // namespace sdm
