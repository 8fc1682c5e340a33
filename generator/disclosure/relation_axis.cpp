#include "disclosure/relation_axis.h"

namespace sdm::relation {
namespace {

// How `total` compares with the sum of `parts` on the lines where all of them have a figure.
struct Comparison {
  int lines = 0;         // lines compared
  bool equal = true;     // total = Σ parts on every one
  bool within = true;    // each part ≤ total ≤ Σ parts on every one
  bool nonzero = false;  // the total is not 0 everywhere
};

Comparison compare(const Axis& axis, size_t total, const std::vector<size_t>& parts) {
  Comparison out;
  for (size_t line = 0; line < axis.lines(); ++line) {
    auto t = axis.at(line, total);
    if (!t) continue;
    double sum = 0, largest = 0;
    bool complete = true;
    for (size_t p : parts) {
      auto v = axis.at(line, p);
      if (!v) {
        complete = false;
        break;
      }
      sum += *v;
      largest = std::max(largest, *v);
    }
    if (!complete) continue;
    ++out.lines;
    out.equal = out.equal && same(*t, sum);
    out.within = out.within && *t <= sum + kTolerance && *t >= largest - kTolerance;
    out.nonzero = out.nonzero || *t != 0;
  }
  return out;
}

// The sum of a set of parts on every line, and which are missing there: whether one part is the
// sum of the others (but one) is asked for every pair, so the sums are made once.
class LineSums {
 public:
  LineSums(const Axis& axis, const std::vector<size_t>& parts) : axis_(axis) {
    for (size_t line = 0; line < axis.lines(); ++line) {
      Line l;
      for (size_t p : parts) {
        if (auto v = axis.at(line, p)) {
          l.sum += *v;
        } else if (++l.missing == 1) {
          l.absent = p;
        }
      }
      lines_.push_back(l);
    }
  }
  // Whether `m` is the sum of the other parts but `excluded` (SIZE_MAX: none) on every line where
  // they all have a figure, with at least one such line and a total not 0 everywhere: as
  // compare(axis, m, parts without m and excluded) would say.
  bool is_sum(size_t m, size_t excluded) const {
    int compared = 0;
    bool nonzero = false;
    for (size_t line = 0; line < lines_.size(); ++line) {
      const Line& l = lines_[line];
      auto total = axis_.at(line, m);
      if (!total || l.missing > 1 || (l.missing == 1 && l.absent != excluded)) continue;
      double rest = l.sum - *total;
      if (excluded != SIZE_MAX && l.missing == 0) rest -= *axis_.at(line, excluded);
      if (!same(*total, rest)) return false;
      ++compared;
      nonzero = nonzero || *total != 0;
    }
    return compared > 0 && nonzero;
  }

 private:
  struct Line {
    double sum = 0;
    int missing = 0;
    size_t absent = SIZE_MAX;
  };
  const Axis& axis_;
  std::vector<Line> lines_;
};

std::string quoted_list(const Axis& axis, const std::vector<size_t>& members) {
  std::string out;
  for (size_t k = 0; k < members.size(); ++k)
    out += (k == 0                    ? ""
            : k + 1 == members.size() ? " en "
                                      : ", ") +
           ("'" + axis.label(members[k]) + "'");
  return out;
}

// total − Σ parts within [lower, upper] on every line where all have a figure.
void relate_lines(const Axis& axis, size_t total, const std::vector<size_t>& parts,
                  RelationKind kind, const std::string& reason, std::vector<DataRelation>& out) {
  for (size_t line = 0; line < axis.lines(); ++line) {
    if (!axis.at(line, total)) continue;
    DataRelation r{kind, {{axis.cell(line, total), 1}}, 0, 0, reason};
    bool complete = true;
    for (size_t p : parts) {
      complete = complete && axis.at(line, p).has_value();
      r.terms.push_back({axis.cell(line, p), -1});
    }
    if (!complete) continue;
    if (kind == RelationKind::Total) {
      out.push_back(std::move(r));
      continue;
    }
    // A person in several parts: total ≤ Σ parts, and total ≥ each part.
    r.lower = -kInfinity;
    out.push_back(r);
    for (size_t p : parts)
      out.push_back(
          {kind, {{axis.cell(line, total), 1}, {axis.cell(line, p), -1}}, 0, kInfinity, reason});
  }
}

std::vector<size_t> without(const std::vector<size_t>& set, size_t a, size_t b = SIZE_MAX) {
  std::vector<size_t> out;
  for (size_t x : set)
    if (x != a && x != b) out.push_back(x);
  return out;
}

bool says_totaal(const std::string& label) {
  return to_lower_ascii(label).find("totaal") != std::string::npos;
}

// Subtotals: a member whose label says "totaal" ("Subtotaal maatwerk", "Totaal Wvg") and that is
// the sum of the members directly before it, back to the previous subtotal. Related to those,
// and no part of any other total.
std::vector<size_t> subtotals(const Axis& axis, std::vector<DataRelation>& out) {
  std::vector<size_t> found, block;
  for (size_t m = 0; m < axis.members(); ++m) {
    if (says_totaal(axis.name(m)) && block.size() >= 2) {
      Comparison c = compare(axis, m, block);
      if (c.lines > 0 && c.equal && c.nonzero) {
        relate_lines(axis, m, block, RelationKind::Total,
                     "'" + axis.label(m) + "' in " + axis.table() + " is de som van " +
                         quoted_list(axis, block),
                     out);
        found.push_back(m);
        block.clear();
        continue;
      }
    }
    block.push_back(m);
  }
  return found;
}

}  // namespace

// Totals along one axis of a table: subtotals, those the content names (a "Totaal" label or
// `totaal:`) and every member that is the sum of the other parts, or of all other parts but one.
void axis_totals(const Axis& axis, const DatasetInfo* info, std::vector<DataRelation>& out,
                 std::vector<size_t>* parts_out) {
  const char* along = axis.members_are_columns() ? "kolommen" : "regels";
  std::vector<size_t> named, parts;
  // Without the subtotals, the grand total is the sum of what is left.
  const auto sub = axis.members_are_periods() ? std::vector<size_t>{} : subtotals(axis, out);
  for (size_t m = 0; m < axis.members(); ++m) {
    if (std::find(sub.begin(), sub.end(), m) != sub.end()) continue;
    bool declared = info && std::find(info->totals.begin(), info->totals.end(), axis.name(m)) !=
                                info->totals.end();
    (declared || names_a_total(axis.name(m)) ? named : parts).push_back(m);
  }
  // A sum the content does not name is found in the figures, whatever its label: a member equal
  // to the sum of the other parts, or (among categories) of all other parts but one.
  for (bool found = true; found;) {
    found = false;
    LineSums sums(axis, parts);
    for (size_t m : parts) {
      std::vector<size_t> excluded{SIZE_MAX};
      if (!axis.members_are_periods()) excluded.insert(excluded.end(), parts.begin(), parts.end());
      for (size_t e : excluded) {
        if (e == m || parts.size() - (e == SIZE_MAX ? 1 : 2) < 2 || !sums.is_sum(m, e)) continue;
        std::string reason =
            "'" + axis.label(m) + "' in " + axis.table() + " is de som van de andere " + along;
        if (e != SIZE_MAX) reason += " behalve '" + axis.label(e) + "'";
        size_t first = out.size();
        relate_lines(axis, m, without(parts, m, e), RelationKind::Total, reason, out);
        for (size_t k = first; k < out.size(); ++k) out[k].declaration = "totaal: " + axis.name(m);
        parts = without(parts, m);
        found = true;
        break;
      }
      if (found) break;
    }
  }
  for (size_t t : named) {
    for (size_t e = 0; e <= parts.size(); ++e) {
      size_t excluded = e < parts.size() ? parts[e] : SIZE_MAX;
      auto rest = without(parts, excluded);
      if (rest.empty()) continue;
      Comparison c = compare(axis, t, rest);
      if (c.lines == 0) continue;
      if (c.equal) {
        relate_lines(axis, t, rest, RelationKind::Total,
                     "'" + axis.label(t) + "' in " + axis.table() + " is de som van " +
                         quoted_list(axis, rest),
                     out);
        break;
      }
      if (excluded == SIZE_MAX && c.within) {
        relate_lines(axis, t, rest, RelationKind::Overlap,
                     "'" + axis.label(t) + "' in " + axis.table() +
                         " telt elke persoon één keer; " + quoted_list(axis, rest) +
                         " kunnen dezelfde personen bevatten",
                     out);
        break;
      }
    }
  }
  if (parts_out) *parts_out = parts;
}

}  // namespace sdm::relation
