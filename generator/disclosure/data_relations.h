#pragma once
// What a reader can know about the person counts of an edition beyond the figures themselves: the
// relations between dataset cells. Some are declared in editie.yaml (`totaal:`, `optelbaar:`);
// the rest are found in the data, because a reader who sees the published figures can verify a
// relation whether or not the content names it:
//   - a member of a dataset that is the sum of the others (a total under any label: "Totaal",
//     "BMWE", "Aantal aanmeldingen"), or of all others but one ("Eindtotaal excl. …");
//   - a total that does not add up (a person in several parts): at most the sum, at least each
//   part;
//   - one group broken down in several datasets: their sums, or a series of one and the sum of
//     another, are equal in every period they share (a quarter may be the sum or the last of its
//     months: a flow or a stand);
//   - stand and flow: the change of a stand between two periods is instroom minus uitstroom;
//   - a published average (a mark in a list) of a series over some months bounds their sum;
//   - clients by their number of voorzieningen, weighted by that number, are the clients of
//     each voorziening added up (or at most those, with a last category "4 of meer").
//   - an amount per client ("Gemiddeld per cliënt") is the other amounts of its table over a
//     number of clients: to within its rounding, that number is known.
// Only relations that hold for the true figures are returned: a reader may suspect more, but can
// know no more than what is true.

#include <string>
#include <vector>

#include "model/computed.h"
#include "model/edition.h"

namespace sdm {

enum class RelationKind { Total, Overlap, SameGroup, StockFlow, Average, Weighted };

// lower ≤ Σ coef·cell ≤ upper, over the true figures of one edition.
struct DataRelation {
  RelationKind kind = RelationKind::Total;
  std::vector<DataTerm> terms;
  double lower = 0, upper = 0;
  // In Dutch, for `check --list-hidden`: "'Aantal aanmeldingen' in welzijn.csv is de som van de
  // andere regels".
  std::string reason;
  // A total found in the figures under a label that does not say so: the editie.yaml line that
  // would declare it ("totaal: Aantal aanmeldingen"), so that the build checks it stays true.
  std::string declaration;
};

// Every relation between the person counts of `edition`, in a fixed order.
std::vector<DataRelation> data_relations(const Edition& edition);

}  // namespace sdm
