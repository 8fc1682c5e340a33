#include "load/figure_refs.h"

#include <algorithm>
#include <optional>

#include "util/text.h"

namespace sdm {
namespace {

struct FunctionName {
  FigureFunction function;
  const char* keyword;
  bool needs_year;
};

constexpr FunctionName kFunctions[] = {
    {FigureFunction::Change, "verandering", true},
    {FigureFunction::ChangePercent, "procent", true},
    {FigureFunction::YearTotal, "jaartotaal", true},
    {FigureFunction::Last, "laatste", false},
    {FigureFunction::Budget, "begroting", true},
    {FigureFunction::Forecast, "prognose", true},
    {FigureFunction::Balance, "saldo", true},
    {FigureFunction::Value, "waarde", false},
    {FigureFunction::Rate, "per1000", false},
};

// Splits on spaces; "double quotes" group words. Returns nothing on an unterminated quote.
std::optional<std::vector<std::string>> tokenize(std::string_view text) {
  std::vector<std::string> tokens;
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] == ' ' || text[i] == '\t' || text[i] == '\n') {
      ++i;
      continue;
    }
    if (text[i] == '"') {
      size_t end = text.find('"', i + 1);
      if (end == std::string_view::npos) return std::nullopt;
      tokens.emplace_back(text.substr(i + 1, end - i - 1));
      i = end + 1;
      continue;
    }
    size_t end = text.find_first_of(" \t\n", i);
    if (end == std::string_view::npos) end = text.size();
    tokens.emplace_back(text.substr(i, end - i));
    i = end;
  }
  return tokens;
}

bool four_digits(const std::string& s) {
  return s.size() == 4 &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The years Period::parse accepts.
bool plausible_year(int year) {
  return year >= 1900 && year <= 2199;
}

}  // namespace

std::string figure_function_keyword(FigureFunction f) {
  for (const auto& n : kFunctions)
    if (n.function == f) return n.keyword;
  return {};
}

std::vector<std::string> figure_function_keywords() {
  std::vector<std::string> out;
  for (const auto& n : kFunctions) out.emplace_back(n.keyword);
  return out;
}

std::vector<FigureRef> find_figure_refs(const std::string& markdown, const std::string& file,
                                        int body_line, Diagnostics& diagnostics) {
  std::vector<FigureRef> refs;
  size_t pos = 0;
  // Line and column of `pos`, counted on from the previous reference: references come in order.
  size_t counted = 0;
  int line = body_line, column = 1;
  while ((pos = markdown.find("{{", pos)) != std::string::npos) {
    for (; counted < pos; ++counted) {
      if (markdown[counted] == '\n') {
        ++line;
        column = 1;
      } else if ((static_cast<unsigned char>(markdown[counted]) & 0xC0) != 0x80) {
        ++column;
      }
    }
    SourceLocation where{file, line, column};
    size_t end = markdown.find("}}", pos + 2);
    size_t newline = markdown.find("\n\n", pos + 2);
    if (end == std::string::npos || (newline != std::string::npos && newline < end)) {
      diagnostics.error(where, "verwijzing naar een cijfer wordt niet afgesloten met '}}'",
                        "schrijf bijvoorbeeld {{ laatste wmo/clienten.csv Totaal }}");
      pos += 2;
      continue;
    }
    FigureRef ref;
    ref.offset = pos;
    ref.length = end + 2 - pos;
    ref.where = where;
    auto tokens = tokenize(std::string_view(markdown).substr(pos + 2, end - pos - 2));
    pos = end + 2;
    if (!tokens) {
      diagnostics.error(where, "aanhalingsteken in de verwijzing wordt niet gesloten");
      continue;
    }
    if (tokens->size() < 2) {
      diagnostics.error(
          where, "verwijzing naar een cijfer is onvolledig",
          "schrijf '{{ functie bestand [kolom] [jaar] }}', bijvoorbeeld {{ verandering "
          "wmo/clienten.csv Totaal 2023 }}");
      continue;
    }
    const FunctionName* function = nullptr;
    for (const auto& f : kFunctions)
      if ((*tokens)[0] == f.keyword) function = &f;
    if (!function) {
      std::string guess = closest_match((*tokens)[0], figure_function_keywords());
      std::string all;
      for (const auto& k : figure_function_keywords()) all += (all.empty() ? "" : ", ") + k;
      diagnostics.error(where, "onbekende functie '" + (*tokens)[0] + "'",
                        guess.empty() ? "mogelijk: " + all : "bedoelde u '" + guess + "'?");
      continue;
    }
    ref.function = function->function;
    ref.dataset = (*tokens)[1];
    if (trim(ref.dataset).empty()) {  // {{ laatste "" }}
      diagnostics.error(where, "verwijzing naar een cijfer noemt geen bestand",
                        "schrijf bijvoorbeeld {{ " + std::string(function->keyword) +
                            " wmo/clienten.csv Totaal" + (function->needs_year ? " 2024" : "") +
                            " }}");
      continue;
    }
    std::vector<std::string> rest(tokens->begin() + 2, tokens->end());
    if (!rest.empty() && four_digits(rest.back()) && ref.function != FigureFunction::Value) {
      ref.year = std::stoi(rest.back());
      if (!plausible_year(ref.year)) {
        diagnostics.error(where, "'" + rest.back() + "' is geen jaar",
                          "schrijf een jaar van 1900 tot en met 2199, bijvoorbeeld {{ " +
                              std::string(function->keyword) + " " + ref.dataset + " 2024 }}");
        continue;
      }
      rest.pop_back();
    }
    if (ref.function == FigureFunction::Value) {
      if (rest.size() != 2) {
        diagnostics.error(where, "'waarde' heeft een rij en een kolom nodig",
                          "schrijf {{ waarde bestand.csv \"rij\" kolom }}");
        continue;
      }
      ref.row = rest[0];
      ref.series = rest[1];
    } else if (rest.size() > 1) {
      diagnostics.error(where, "te veel woorden in de verwijzing",
                        "zet een kolomnaam met spaties tussen aanhalingstekens: \"Hulp bij het "
                        "huishouden\"");
      continue;
    } else if (!rest.empty()) {
      ref.series = rest[0];
    }
    if (function->needs_year && ref.year == 0) {
      diagnostics.error(where, "'" + std::string(function->keyword) + "' heeft een jaar nodig",
                        "zet het jaar achteraan, bijvoorbeeld {{ " +
                            std::string(function->keyword) + " " + ref.dataset + " 2024 }}");
      continue;
    }
    refs.push_back(ref);
  }
  return refs;
}

}  // namespace sdm
