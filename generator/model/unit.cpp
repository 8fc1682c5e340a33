#include "model/unit.h"

namespace sdm {
namespace {
struct Name {
  Unit unit;
  const char* keyword;
};
constexpr Name kNames[] = {{Unit::Persons, "personen"}, {Unit::Euro, "euro"},
                           {Unit::Count, "aantal"},     {Unit::Percent, "procent"},
                           {Unit::Mark, "cijfer"},      {Unit::Text, "tekst"}};

struct ScaleName {
  Scale scale;
  const char* keyword;
};
constexpr ScaleName kScales[] = {
    {Scale::Units, "euro"}, {Scale::Thousands, "duizenden"}, {Scale::Millions, "mln"}};
}  // namespace

std::optional<Unit> parse_unit(std::string_view keyword) {
  for (const auto& n : kNames)
    if (keyword == n.keyword) return n.unit;
  return std::nullopt;
}

std::vector<std::string> unit_keywords() {
  std::vector<std::string> out;
  for (const auto& n : kNames) out.emplace_back(n.keyword);
  return out;
}

std::optional<Scale> parse_scale(std::string_view keyword) {
  if (keyword == "miljoenen") return Scale::Millions;
  for (const auto& n : kScales)
    if (keyword == n.keyword) return n.scale;
  return std::nullopt;
}

std::vector<std::string> scale_keywords() {
  std::vector<std::string> out;
  for (const auto& n : kScales) out.emplace_back(n.keyword);
  return out;
}

}  // namespace sdm
