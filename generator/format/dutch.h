#pragma once
// Dutch formatting of numbers, amounts, percentages and periods.
//
// One rounding rule everywhere: round half away from zero at the precision shown, from the
// unrounded value (2,05 -> 2,1; -2,05 -> -2,1). Thousands are grouped with '.', decimals use ','.

#include <string>

#include "model/period.h"
#include "model/unit.h"

namespace sdm {

double round_half_away(double value, int decimals);

// The plain form, for CSV files and messages: a hyphen before a negative number.
std::string format_number(double value, int decimals = 0);  // 1.464.689 / 7,6 / -3

// As a page shows them: the minus sign U+2212 before a negative figure, and a no-break space
// after "€" (and before "mln"), so that a line never breaks inside an amount.
std::string format_euro(double value, int decimals = 0);           // € 1.464.689
std::string format_euro_millions(double value, int decimals = 1);  // € 7,1 mln
std::string format_signed_euro(double value);                      // +€ 25.000 / −€ 25.000
std::string format_signed_euro_millions(double value);             // +€ 0,3 mln / −€ 0,3 mln
std::string format_percent(double percent, int decimals = 1);      // 2,1% / −4,2%
std::string format_signed_percent(double percent, int decimals = 1);  // +2,1% / −4,2%
std::string format_signed_number(double value);                       // +18 / −3 / 0

// The decimals a figure of `unit` is shown with: one for percentages and marks, none else.
int shown_decimals(Unit unit);
// A value in its unit as a page shows it: persons and counts as integers, euro with its sign,
// percent, mark with one decimal.
std::string format_value(double value, Unit unit);

// The same with a dataset's or column's `decimalen` and `notatie`: "2,83" for a mark with two
// decimals, "€ 13,2 mln" in millions, "13.214" in thousands (the header says "x € 1.000").
int shown_decimals(Unit unit, const NumberFormat& format);
std::string format_value(double value, Unit unit, const NumberFormat& format);
// The plain number for a download, in the notation's scale and without grouping: 13,2 in mln.
std::string format_plain(double value, Unit unit, const NumberFormat& format);
// What a header says of the scale of the figures under it: "x € 1.000", "x € 1 mln", or nothing
// (the cells in mln say "mln" themselves; `download` asks for the plain numbers' note).
std::string scale_note(Unit unit, const NumberFormat& format, bool download);

std::string month_short(int month);  // jan … dec
std::string month_long(int month);   // januari … december

enum class PeriodStyle { Short, Long };
// Short: "mrt 2024", "K1 2024", "2024", "31-03-2024"; Long: "maart 2024", "1e kwartaal 2024",
// "2024", "31 maart 2024".
std::string format_period(const Period& p, PeriodStyle style = PeriodStyle::Short);

}  // namespace sdm
