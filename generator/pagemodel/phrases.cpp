#include "pagemodel/phrases.h"

#include <algorithm>
#include <cmath>

#include "format/dutch.h"
#include "indicators/series_math.h"

namespace sdm {

const char kSuppressedText[] = "<10";
const char kSecondaryText[] = "x";

std::string cell_text(const PublishedCell& cell, Unit unit, const NumberFormat& format) {
  if (cell.suppressed) return cell.secondary ? kSecondaryText : kSuppressedText;
  if (!cell.text.empty()) return cell.text;
  if (!cell.value) return {};
  return format_value(*cell.value, unit, format);
}

std::string cell_csv(const PublishedCell& cell, Unit unit, const NumberFormat& format) {
  if (cell.suppressed) return cell.secondary ? kSecondaryText : kSuppressedText;
  if (!cell.text.empty()) return cell.text;
  if (!cell.value) return {};
  return format_plain(*cell.value, unit, format);
}

std::string change_phrase(double percent) {
  double shown = round_half_away(percent, 1);
  if (std::fabs(shown) < kSteadyBand) return "nagenoeg gelijk gebleven";
  return std::string(shown > 0 ? "toegenomen met " : "afgenomen met ") +
         format_percent(std::fabs(shown), 1);
}

std::string balance_phrase(double forecast_minus_budget) {
  double rounded = round_half_away(forecast_minus_budget, 0);
  if (rounded == 0) return "geen afwijking";
  return std::string(rounded > 0 ? "een nadeel van " : "een voordeel van ") +
         format_euro(std::fabs(rounded));
}

std::string figure_text(const PublishedFigure& figure) {
  const PublishedCell& cell = figure.value;
  if (cell.suppressed) {
    // A derived figure never says "<10": the reader would take it for the figure itself.
    bool derived = figure.ref.function == FigureFunction::Change ||
                   figure.ref.function == FigureFunction::ChangePercent ||
                   figure.ref.function == FigureFunction::Rate;
    // Nor does a figure hidden only to protect another: it may be 10 or more.
    return derived || cell.secondary ? "niet te publiceren (kleine aantallen)" : kSuppressedText;
  }
  if (!cell.value) return cell.text.empty() ? "onbekend" : cell.text;
  switch (figure.ref.function) {
    case FigureFunction::Change:
      return change_phrase(*cell.value);
    case FigureFunction::Rate:
      return format_number(*cell.value, 1) + " per 1.000 " + figure.rate_of;
    case FigureFunction::ChangePercent:
      return format_signed_percent(*cell.value, 1);
    case FigureFunction::Balance:
      return balance_phrase(*cell.value);
    default:
      return cell_text(cell, figure.unit);
  }
}

std::string capitalized(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z')
    text[0] = static_cast<char>(text[0] - 'a' + 'A');
  return text;
}

std::string key_text(const Key& key, bool month_only) {
  if (!key.period) return key.label;
  if (month_only && key.period->kind == Period::Kind::Month) return month_short(key.period->month);
  if (key.period->kind == Period::Kind::Date) {
    // Quarter-end stocks read best as the month they describe ("mrt 2024").
    return month_short(key.period->month) + " " + std::to_string(key.period->year);
  }
  return format_period(*key.period);
}

std::string spoken_key_text(const Key& key, bool month_only) {
  if (!key.period) return key.label;
  if (month_only && key.period->kind == Period::Kind::Month) return month_long(key.period->month);
  if (key.period->kind == Period::Kind::Date)
    return month_long(key.period->month) + " " + std::to_string(key.period->year);
  return format_period(*key.period, PeriodStyle::Long);
}

}  // namespace sdm
