#pragma once
// Internal to the linked audit (linked_audit.h): the search for the first suppressed figure that
// a reader can recompute or narrow, and for the figure to hide next.

#include <optional>
#include <string>
#include <vector>

#include "disclosure/linked_system.h"

namespace sdm::linked {

struct Failure {
  size_t fact;  // the figure that holds what fails
  bool solver = false;
  std::string name;  // what fails: the figure, or a count inside it
};

// The first small count (a suppressed figure, or a count under 10 inside a figure or a relation)
// whose interval in the system of `facts` and `relations` is too narrow, or nothing; `checked`
// counts the items audited.
std::optional<Failure> first_failure(const std::vector<Fact>& facts,
                                     const std::vector<std::vector<DataRelation>>& relations,
                                     Unknowns& unknowns, int& checked);

// What to hide next: a figure of the current edition, or nothing (the audit fails). When the only
// figures left to hide are counts the text asks for, the text is what gives the count away:
// `prose` is the nearest of them and `beside` figures shown with it.
struct NextToHide {
  std::optional<size_t> hide;
  std::optional<size_t> prose;
  std::vector<size_t> beside;
};

// The figure of the current edition to hide next: one that shares a dataset cell with the failing
// figure (or, when none is left, with a figure linked to it by a shared cell or a relation between
// dataset cells), the smallest count first. A figure in a chart or table goes before a change or
// rate in the text, and a count the text asks for is never hidden: the editor wrote a sentence
// around it. When every other linked figure is hidden already, a "<10" among them becomes "x":
// that it is under 10 is then no longer published, which is what narrowed the failing figure (a
// quarter of the previous edition beside three months "<10").
NextToHide next_to_hide(const std::vector<Fact>& facts,
                        const std::vector<std::vector<DataRelation>>& relations, size_t failing);

}  // namespace sdm::linked
