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

}  // namespace sdm
