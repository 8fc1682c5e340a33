#pragma once
// Rates per 1.000 inhabitants (docs/methode.md): count / inhabitants × 1.000, with the
// inhabitants of the age group the dataset declares (editie.yaml `inwoners:`) on the latest
// peildatum of the edition's bevolking dataset that is not after the count's period.

#include <optional>
#include <string>

#include "model/computed.h"
#include "model/edition.h"
#include "model/table.h"

namespace sdm {

// "inwoners" for all inhabitants, "inwoners van 0–17 jaar" for an age group.
std::string population_text(const std::string& group);

// Turns a count into its rate per 1.000 of `inhabitants`; the count stays as `persons` and
// `terms`, so disclosure control still judges (and links) the count behind it.
void to_rate(RawValue& v, double inhabitants);

// Every count of a chart or table as a rate, each by the population of its own period. A cell
// without a population for its period is left empty. Adds a note on what the rate is.
// `declared` is the dataset's `inwoners:`; a year-lines chart shows `year_lines_column`.
void rates_per_thousand(ChartData& chart, const Table& population, const std::string& declared,
                        const std::string& year_lines_column);
void rates_per_thousand(TableData& table, const Table& population, const std::string& declared);

}  // namespace sdm
