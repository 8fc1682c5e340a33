#include "model/period.h"

#include <charconv>

#include "util/text.h"

namespace sdm {
namespace {

std::optional<int> parse_int(std::string_view s) {
  int v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || s.empty()) return std::nullopt;
  return v;
}

bool plausible_year(int y) {
  return y >= 1900 && y <= 2199;
}

std::string two(int v) {
  return (v < 10 ? "0" : "") + std::to_string(v);
}

}  // namespace

bool is_leap_year(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && is_leap_year(year)) return 29;
  return days[month - 1];
}

Period Period::of_month(int year, int month) {
  return Period{Kind::Month, year, month, (month - 1) / 3 + 1, 0};
}

Period Period::of_quarter(int year, int quarter) {
  return Period{Kind::Quarter, year, quarter * 3, quarter, 0};
}

Period Period::of_year(int year) {
  return Period{Kind::Year, year, 12, 4, 0};
}

std::optional<Period> Period::parse(std::string_view raw) {
  std::string_view text = trim(raw);
  // Quarter written as "Q1 2024" / "K1 2024".
  if (text.size() == 7 && (text[0] == 'Q' || text[0] == 'K' || text[0] == 'q' || text[0] == 'k') &&
      text[2] == ' ') {
    auto q = parse_int(text.substr(1, 1));
    auto y = parse_int(text.substr(3));
    if (q && y && *q >= 1 && *q <= 4 && plausible_year(*y)) return of_quarter(*y, *q);
    return std::nullopt;
  }
  if (text.size() < 4) return std::nullopt;
  auto year = parse_int(text.substr(0, 4));
  if (!year || !plausible_year(*year)) return std::nullopt;
  if (text.size() == 4) return of_year(*year);
  if (text[4] != '-') return std::nullopt;
  std::string_view rest = text.substr(5);
  if (rest.size() == 2 && (rest[0] == 'K' || rest[0] == 'Q' || rest[0] == 'k' || rest[0] == 'q')) {
    auto q = parse_int(rest.substr(1));
    if (!q || *q < 1 || *q > 4) return std::nullopt;
    return of_quarter(*year, *q);
  }
  if (rest.size() == 2) {
    auto m = parse_int(rest);
    if (!m || *m < 1 || *m > 12) return std::nullopt;
    return of_month(*year, *m);
  }
  if (rest.size() == 5 && rest[2] == '-') {
    auto m = parse_int(rest.substr(0, 2));
    auto d = parse_int(rest.substr(3, 2));
    if (!m || !d || *m < 1 || *m > 12 || *d < 1 || *d > days_in_month(*year, *m))
      return std::nullopt;
    return Period{Kind::Date, *year, *m, (*m - 1) / 3 + 1, *d};
  }
  return std::nullopt;
}

int Period::end_key() const {
  int last_day = kind == Kind::Date ? day : days_in_month(year, month);
  return year * 10000 + month * 100 + last_day;
}

int Period::start_key() const {
  switch (kind) {
    case Kind::Date:
      return end_key();
    case Kind::Month:
      return year * 10000 + month * 100 + 1;
    case Kind::Quarter:
      return year * 10000 + (month - 2) * 100 + 1;
    case Kind::Year:
      break;
  }
  return year * 10000 + 101;
}

bool Period::within(const Period& outer) const {
  return start_key() >= outer.start_key() && end_key() <= outer.end_key();
}

Period Period::quarter_of() const {
  return of_quarter(year, quarter);
}

std::string Period::iso() const {
  switch (kind) {
    case Kind::Month:
      return std::to_string(year) + "-" + two(month);
    case Kind::Quarter:
      return std::to_string(year) + "-K" + std::to_string(quarter);
    case Kind::Year:
      return std::to_string(year);
    case Kind::Date:
      return std::to_string(year) + "-" + two(month) + "-" + two(day);
  }
  return {};
}

}  // namespace sdm
