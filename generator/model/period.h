#pragma once
// A calendar period as analysts write it in CSV: month, quarter, year or a single date.

#include <optional>
#include <string>
#include <string_view>

namespace sdm {

struct Period {
  enum class Kind { Month, Quarter, Year, Date };
  Kind kind = Kind::Month;
  int year = 0;
  int month = 0;    // 1-12 for Month and Date; last month for Quarter (3, 6, 9, 12)
  int quarter = 0;  // 1-4 for Month, Quarter and Date
  int day = 0;      // Date only

  // Parses 2024-03, 2024-K1 / 2024-Q1, 2024, 2024-03-31. Returns nothing for anything else.
  static std::optional<Period> parse(std::string_view text);
  static Period of_month(int year, int month);
  static Period of_quarter(int year, int quarter);
  static Period of_year(int year);

  // Ordering key: the last day the period covers.
  int end_key() const;
  // The same key for the first day the period covers.
  int start_key() const;
  // Whether this period lies within `outer` (a date or month within a quarter, a quarter in a
  // year).
  bool within(const Period& outer) const;
  // The quarter a month or date falls in.
  Period quarter_of() const;
  std::string iso() const;  // canonical text: 2024-03, 2024-K1, 2024, 2024-03-31

  bool operator==(const Period&) const = default;
};

bool is_leap_year(int year);
int days_in_month(int year, int month);

}  // namespace sdm
