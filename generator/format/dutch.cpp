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

constexpr std::string_view kMinus = "\u2212";    // the minus sign, not the hyphen
constexpr std::string_view kNoBreak = "\u00a0";  // the space that keeps € with its amount

// A number as a page shows it: the minus sign instead of the hyphen the plain form has.
std::string shown(std::string number) {
  if (!number.empty() && number[0] == '-') number.replace(0, 1, kMinus);
  return number;
}

// "€" and a space that does not break before the digits, after a minus sign: −€ 25.000.
std::string with_euro_sign(std::string number) {
  const bool negative = number.starts_with(kMinus);
  number.insert(negative ? kMinus.size() : 0, std::string("€").append(kNoBreak));
  return number;
}

// "+" before a figure above zero as shown, the minus sign before one below.
std::string with_sign(double value, int decimals, std::string text) {
  if (!text.starts_with(kMinus) && round_half_away(value, decimals) != 0) text.insert(0, "+");
  return text;
}

// |value| rounded half away from zero to `decimals` places, as decimal digits: the integer part
// and the fraction. Rounded on the shortest text that reads back as the same double ("2.05", not
// 2,04999… in binary), so that a figure exported as 2,05 shows as 2,1 and any amount a
// municipality or the state can have keeps every digit.
struct Digits {
  std::string integer, fraction;
};

Digits rounded_digits(double value, int decimals) {
  const size_t places = static_cast<size_t>(std::max(decimals, 0));
  // Most figures are whole counts: their digits are exact as an integer, without the text of
  // the double and the carry below.
  if (const double whole = std::fabs(value); whole < 1e15 && whole == std::trunc(whole)) {
    char digits[24];
    const auto end =
        std::to_chars(digits, digits + sizeof digits, static_cast<long long>(whole)).ptr;
    return {std::string(digits, end), std::string(places, '0')};
  }
  char buffer[400];  // any double in fixed notation
  const auto [end, error] =
      std::to_chars(buffer, buffer + sizeof buffer, std::fabs(value), std::chars_format::fixed);
  const std::string_view text(buffer, error == std::errc() ? end - buffer : 0);
  const size_t point = std::min(text.find('.'), text.size());
  std::string fraction(point < text.size() ? text.substr(point + 1) : std::string_view());
  const bool up = fraction.size() > places && fraction[places] >= '5';
  fraction.resize(places, '0');
  std::string digits = std::string(text.substr(0, point)) + fraction;
  // Carry from the last digit kept: 9,96 → 10,0.
  for (size_t i = digits.size(); up && i-- > 0;) {
    if (digits[i] != '9') {
      ++digits[i];
      break;
    }
    digits[i] = '0';
    if (i == 0) digits.insert(digits.begin(), '1');
  }
  const size_t whole = digits.size() - places;
  return {digits.substr(0, whole), digits.substr(whole)};
}

bool all_zero(const Digits& d) {
  return d.integer.find_first_not_of('0') == std::string::npos &&
         d.fraction.find_first_not_of('0') == std::string::npos;
}

}  // namespace

double round_half_away(double value, int decimals) {
  // Whole already; and no "-0" from a negative zero.
  if (std::fabs(value) < 1e15 && value == std::trunc(value)) return value == 0 ? 0.0 : value;
  const Digits d = rounded_digits(value, decimals);
  const std::string text = d.integer + "." + d.fraction;
  double out = 0;
  std::from_chars(text.data(), text.data() + text.size(), out);
  return value < 0 ? -out : out;
}

std::string format_number(double value, int decimals) {
  const Digits d = rounded_digits(value, decimals);
  std::string out;
  out.reserve(d.integer.size() + d.integer.size() / 3 + d.fraction.size() + 2);
  if (value < 0 && !all_zero(d)) out += '-';  // no "-0"
  for (size_t i = 0; i < d.integer.size(); ++i) {
    if (i > 0 && (d.integer.size() - i) % 3 == 0) out += '.';
    out += d.integer[i];
  }
  if (!d.fraction.empty()) {
    out += ',';
    out += d.fraction;
  }
  return out;
}

std::string format_euro(double value, int decimals) {
  return with_euro_sign(shown(format_number(value, decimals)));
}

std::string format_euro_millions(double value, int decimals) {
  return with_euro_sign(shown(format_number(value / 1e6, decimals))) + kNoBreak.data() + "mln";
}

std::string format_signed_euro(double value) {
  return with_sign(value, 0, format_euro(value));
}

std::string format_signed_euro_millions(double value) {
  return with_sign(value / 1e6, 1, format_euro_millions(value));
}

std::string format_percent(double percent, int decimals) {
  return shown(format_number(percent, decimals)) + '%';
}

std::string format_signed_percent(double percent, int decimals) {
  return with_sign(percent, decimals, format_percent(percent, decimals));
}

std::string format_signed_number(double value) {
  return with_sign(value, 0, shown(format_number(value, 0)));
}

int shown_decimals(Unit unit) {
  return unit == Unit::Percent || unit == Unit::Mark ? 1 : 0;
}

std::string format_value(double value, Unit unit) {
  switch (unit) {
    case Unit::Persons:
    case Unit::Count:
      return shown(format_number(value, 0));
    case Unit::Euro:
      return format_euro(value);
    case Unit::Percent:
      return format_percent(value, 1);
    case Unit::Mark:
      return shown(format_number(value, 1));
    case Unit::Text:
      return {};
  }
  return {};
}

int shown_decimals(Unit unit, const NumberFormat& format) {
  if (format.decimals) return *format.decimals;
  if (unit == Unit::Euro && format.scale == Scale::Millions) return 1;
  return shown_decimals(unit);
}

namespace {
double scaled(double value, Unit unit, const NumberFormat& format) {
  if (unit != Unit::Euro) return value;
  return format.scale == Scale::Millions    ? value / 1e6
         : format.scale == Scale::Thousands ? value / 1e3
                                            : value;
}
}  // namespace

std::string format_value(double value, Unit unit, const NumberFormat& format) {
  if (format == NumberFormat{}) return format_value(value, unit);
  const int decimals = shown_decimals(unit, format);
  switch (unit) {
    case Unit::Euro:
      if (format.scale == Scale::Millions) return format_euro_millions(value, decimals);
      if (format.scale == Scale::Thousands)
        return shown(format_number(scaled(value, unit, format), decimals));
      return format_euro(value, decimals);
    case Unit::Percent:
      return format_percent(value, decimals);
    case Unit::Text:
      return {};
    default:
      return shown(format_number(value, decimals));
  }
}

std::string format_plain(double value, Unit unit, const NumberFormat& format) {
  std::string text = format_number(scaled(value, unit, format), shown_decimals(unit, format));
  text.erase(std::remove(text.begin(), text.end(), '.'), text.end());
  return text;
}

std::string scale_note(Unit unit, const NumberFormat& format, bool download) {
  if (unit != Unit::Euro) return {};
  if (format.scale == Scale::Thousands) return std::string("x €").append(kNoBreak) + "1.000";
  if (format.scale == Scale::Millions && download)
    return std::string("x €").append(kNoBreak) + "1 mln";
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
