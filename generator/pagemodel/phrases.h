#pragma once
// The Dutch words for published figures: cell texts, change phrases, budget balances.

#include <string>

#include "model/published.h"

namespace sdm {

extern const char kSuppressedText[];  // "<10"
extern const char kSecondaryText[];   // "x": hidden to protect a "<10" elsewhere in the table

// A cell as shown in tables and tooltips: "<10" when suppressed ("x" when secondary), the text of a
// text cell, otherwise the value formatted for its unit; "" when there is no figure.
std::string cell_text(const PublishedCell& cell, Unit unit, const NumberFormat& format = {});
// A cell for a CSV download that Dutch Excel reads as a number: no grouping, decimal comma.
std::string cell_csv(const PublishedCell& cell, Unit unit, const NumberFormat& format = {});

// "toegenomen met 2,1%", "afgenomen met 4,2%", "nagenoeg gelijk gebleven".
std::string change_phrase(double percent);
// "een nadeel van € 25.000" (forecast above budget) or "een voordeel van € 25.000".
std::string balance_phrase(double forecast_minus_budget);
// The text a `{{ … }}` reference is replaced by.
std::string figure_text(const PublishedFigure& figure);

// "instroom" -> "Instroom": CSV headers are often lower case; headings and legends are not.
std::string capitalized(std::string text);

// Label of an x-axis position or heading: "mrt 2024", "K1 2024", a category as written.
std::string key_text(const Key& key, bool month_only = false);
// The same as a screen reader should say it: "maart", "maart 2024", "1e kwartaal 2024".
std::string spoken_key_text(const Key& key, bool month_only = false);

}  // namespace sdm
