#include "format/dutch.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <string_view>

namespace sdm {
namespace {

const char* const kMonthsShort[] = {"jan", "feb", "mrt", "apr", "mei", "jun",
                                    "jul", "aug", "sep", "okt", "nov", "dec"};
const char* const kMonthsLong[] = {"januari",   "februari", "maart",    "april",
                                   "mei",       "juni",     "juli",     "augustus",
                                   "september", "oktober",  "november", "december"};

// Exact powers of ten without std::pow for the precisions the site shows.
constexpr int kMaxTabledDecimals = 6;
constexpr double kPowers[kMaxTabledDecimals + 1] = {1, 10, 100, 1e3, 1e4, 1e5, 1e6};

double power_of_ten(int decimals) {
  return decimals >= 0 && decimals <= kMaxTabledDecimals ? kPowers[decimals]
                                                         : std::pow(10.0, decimals);
}

// "€ " before the digits, after a minus sign: -€ 25.000.
std::string with_euro_sign(std::string number) {
  number.insert(!number.empty() && number[0] == '-' ? 1 : 0, "€ ");
  return number;
}

}  // namespace

double round_half_away(double value, int decimals) {
  double scale = power_of_ten(decimals);
  double scaled = value * scale;
  // Binary fractions make 2,05 * 10 come out as 20,4999…; a tiny nudge restores the intended half.
  scaled += std::copysign(1e-9 * std::max(1.0, std::fabs(scaled)), scaled);
  return std::round(scaled) / scale;
}

std::string format_number(double value, int decimals) {
  double rounded = round_half_away(value, decimals);
  if (rounded == 0) rounded = 0;  // no "-0"
  // The digits printf("%.*f") would give, made cheaply: thousands of calls per build.
  char digits[400];
  std::string_view integer, fraction;
  const double units = std::fabs(rounded) * power_of_ten(decimals);
  if (decimals >= 0 && decimals <= kMaxTabledDecimals && units < 1e15) {
    // Rounding made `units` a whole number; far below 2^53 its digits are exactly the shown ones.
    const size_t least = static_cast<size_t>(decimals) + 1;  // a digit before the comma
    char* start = digits + least;
    const auto [end, error] = std::to_chars(start, digits + sizeof digits, std::llround(units));
    size_t count = error == std::errc() ? static_cast<size_t>(end - start) : 0;
    for (; count < least; ++count) *--start = '0';
    const std::string_view text(start, count);
    integer = text.substr(0, count - static_cast<size_t>(decimals));
    fraction = text.substr(integer.size());
  } else {
    // std::to_chars gives the same correctly rounded digits as printf; the buffer holds any
    // double in fixed notation.
    const auto [end, error] = std::to_chars(digits, digits + sizeof digits, std::fabs(rounded),
                                            std::chars_format::fixed, decimals);
    const std::string_view text(digits, error == std::errc() ? end - digits : 0);
    integer = text.substr(0, text.find('.'));
    if (integer.size() < text.size()) fraction = text.substr(integer.size() + 1);
  }
  std::string out;
  out.reserve(integer.size() + integer.size() / 3 + fraction.size() + 2);
  if (rounded < 0) out += '-';
  for (size_t i = 0; i < integer.size(); ++i) {
    if (i > 0 && (integer.size() - i) % 3 == 0) out += '.';
    out += integer[i];
  }
  if (decimals > 0 && !fraction.empty()) {
    out += ',';
    out += fraction;
  }
  return out;
}

std::string format_euro(double value) {
  return with_euro_sign(format_number(value, 0));
}

std::string format_euro_millions(double value) {
  return with_euro_sign(format_number(value / 1e6, 1)) + " mln";
}

std::string format_percent(double percent, int decimals) {
  return format_number(percent, decimals) + '%';
}

std::string format_signed_percent(double percent, int decimals) {
  std::string n = format_number(percent, decimals);
  if (n[0] != '-' && round_half_away(percent, decimals) != 0) n = "+" + n;
  return n + "%";
}

std::string format_signed_number(double value) {
  std::string n = format_number(value, 0);
  if (n[0] != '-' && round_half_away(value, 0) != 0) n = "+" + n;
  return n;
}

std::string format_value(double value, Unit unit) {
  switch (unit) {
    case Unit::Persons:
    case Unit::Count:
      return format_number(value, 0);
    case Unit::Euro:
      return format_euro(value);
    case Unit::Percent:
      return format_percent(value, 1);
    case Unit::Mark:
      return format_number(value, 1);
    case Unit::Text:
      return {};
  }
  return {};
}

std::string month_short(int month) {
  return kMonthsShort[(month - 1) % 12];
}
std::string month_long(int month) {
  return kMonthsLong[(month - 1) % 12];
}

std::string format_period(const Period& p, PeriodStyle style) {
  std::string year = std::to_string(p.year);
  switch (p.kind) {
    case Period::Kind::Month:
      return (style == PeriodStyle::Short ? month_short(p.month) : month_long(p.month)) + " " +
             year;
    case Period::Kind::Quarter:
      return style == PeriodStyle::Short ? "K" + std::to_string(p.quarter) + " " + year
                                         : std::to_string(p.quarter) + "e kwartaal " + year;
    case Period::Kind::Year:
      return year;
    case Period::Kind::Date:
      if (style == PeriodStyle::Short) {
        char buffer[16];
        std::snprintf(buffer, sizeof buffer, "%02d-%02d-%04d", p.day, p.month, p.year);
        return buffer;
      }
      return std::to_string(p.day) + " " + month_long(p.month) + " " + year;
  }
  return {};
}

}  // namespace sdm
