#pragma once
// Internal to data_relations: relations of single figures, found by their number and their name
// beside the series of other tables.

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "disclosure/relation_series.h"

namespace sdm::relation {

// The words of a label or file name that say what is counted: lowered, at least five letters,
// without the ones every count has ("aantal", "cliënten").
std::set<std::string> content_words(std::string_view text);

// Whether two names speak of the same thing ("Nieuwe cliënten hulpmiddelen" and 'Hulpmiddelen',
// "Jeugdigen in zorg" and jeugd/jeugdigen-per-vorm.csv): where one equal number alone links two
// figures, or every small number in a list would match some month.
bool share_a_word(std::string_view a, std::string_view b);

// A run of consecutive points of a series: one point, or whole quarters of months (a quarter, a
// half year, …), or up to four quarters.
struct Run {
  size_t first, last;  // points, inclusive
  double value;
};

// A figure that may span months: in a list of assorted figures (an `eenheid` column), or in a
// column whose header names a time ("deze monitor", "jaar"). In a cross table of voorzieningen ×
// gemeenten on one peildatum an equal number is chance.
bool may_span_months(const Table& table, size_t column);

// The runs a figure without a period may stand for: those up to the series' last point, and its
// calendar years and half years ("Nieuwe cliënten 2023", a jaarverslag over July to December).
std::vector<Run> spans_of(const Series& s);

// Relations found by name and number (margins, period spans, equal list figures), in
// relation_margins.cpp.
void find_named_margins(const Edition& edition, const std::vector<Series>& series,
                        std::vector<DataRelation>& out);
void find_period_spans(const Edition& edition, const std::vector<Series>& series,
                       std::vector<DataRelation>& out);
void find_equal_list_figures(const Edition& edition, std::vector<DataRelation>& out);

// Relations of means and weighted sums, in relation_means.cpp.
void find_averages(const Edition& edition, const std::vector<Series>& series,
                   std::vector<DataRelation>& out);
void find_weighted_sums(const Edition& edition, const std::vector<Series>& series,
                        std::vector<DataRelation>& out);
void find_amounts_per_client(const Edition& edition, const std::vector<Series>& series,
                             std::vector<DataRelation>& out);

}  // namespace sdm::relation
