#include "format/number.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>

#include "util/text.h"

namespace sdm {
namespace {

std::string strip_decoration(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text.substr(i, 3) == "\xE2\x82\xAC") {  // €
      i += 2;
    } else if (text.substr(i, 2) == "\xC2\xA0") {  // no-break space
      i += 1;
    } else if (text[i] != ' ' && text[i] != '%') {
      out += text[i];
    }
  }
  return out;
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

// Most cells of an export: digits, perhaps a minus sign and a decimal mark. Read without the
// copies the general case makes; nullopt for anything else.
std::optional<double> plain_number(std::string_view text, char decimal_mark) {
  const bool negative = text.starts_with('-');
  if (negative) text.remove_prefix(1);
  const size_t mark = text.find(decimal_mark);
  const std::string_view integer = text.substr(0, mark);
  if (integer.size() > 15 || !all_digits(integer)) return std::nullopt;  // beyond: not exact
  double value = 0;
  if (mark == std::string_view::npos) {
    uint64_t whole = 0;
    std::from_chars(integer.data(), integer.data() + integer.size(), whole);
    value = static_cast<double>(whole);
  } else {
    char buffer[64];
    if (text.size() >= sizeof buffer || !all_digits(text.substr(mark + 1))) return std::nullopt;
    text.copy(buffer, text.size());
    buffer[mark] = '.';
    std::from_chars(buffer, buffer + text.size(), value);
  }
  return negative ? -value : value;
}

}  // namespace

bool no_figure_mark(std::string_view text) {
  text = trim(text);
  for (std::string_view mark :
       {"-", "\xE2\x80\x93", "\xE2\x80\x94", "--", "x", "X", ".", "?", "-/-"})
    if (text == mark) return true;
  return false;
}

ParsedNumber parse_number(std::string_view raw, char separator) {
  if (auto value = plain_number(trim(raw), separator == ';' ? ',' : '.')) return {value, {}};
  std::string text = strip_decoration(trim(raw));
  bool negative = false;
  if (text.rfind("-/-", 0) == 0) {
    negative = true;
    text.erase(0, 3);
  } else if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
    negative = text[0] == '-';
    text.erase(0, 1);
  }
  if (text.empty()) return {std::nullopt, quoted(trim(raw)) + " is geen getal"};

  const char decimal_mark = separator == ';' ? ',' : '.';
  const char group_mark = separator == ';' ? '.' : '\0';
  std::string integer_part = text, fraction;
  if (auto pos = text.find(decimal_mark); pos != std::string::npos) {
    integer_part = text.substr(0, pos);
    fraction = text.substr(pos + 1);
    if (!all_digits(fraction)) return {std::nullopt, quoted(trim(raw)) + " is geen geldig getal"};
  }
  if (group_mark && integer_part.find(group_mark) != std::string::npos) {
    auto groups = split(integer_part, group_mark);
    bool ok = !groups[0].empty() && groups[0].size() <= 3 && all_digits(groups[0]);
    for (size_t i = 1; i < groups.size(); ++i)
      ok = ok && groups[i].size() == 3 && all_digits(groups[i]);
    if (!ok)
      return {std::nullopt, "'" + std::string(trim(raw)) +
                                "' is geen geldig getal: een punt scheidt duizendtallen (1.234) en "
                                "een komma is het decimaalteken (7,6)"};
    integer_part.clear();
    for (const auto& g : groups) integer_part += g;
  }
  if (!all_digits(integer_part)) return {std::nullopt, quoted(trim(raw)) + " is geen geldig getal"};
  std::string normalized = integer_part + (fraction.empty() ? "" : "." + fraction);
  double value = std::strtod(normalized.c_str(), nullptr);
  if (!std::isfinite(value)) {
    std::string shown(trim(raw));
    if (shown.size() > 20) {
      size_t cut = 20;
      while (cut > 0 && (static_cast<unsigned char>(shown[cut]) & 0xC0) == 0x80) --cut;
      shown = shown.substr(0, cut) + "…";
    }
    return {std::nullopt, quoted(shown) + " is te groot"};
  }
  return {negative ? -value : value, {}};
}

}  // namespace sdm
