"""(g) Categories merged or split between editions: a block of one edition shows a category the
same block of another edition lacks ("Begeleiding en dagbesteding"), and the other shows
categories this one lacks ("Begeleiding", "Dagbesteding"). Where one equals the sum of some of the
others in every period both editions show, at least two, a reader takes it for the merge."""

from itertools import combinations

from .cells import truth_of
from .periods import period_text
from .relations import count_series

MAX_PARTS = 4


def _sums_to(whole, parts):
    """The periods at which `whole` ({period: cell}) is the sum of `parts`, if it is at every
    period all of them show, at least two and not all zero; else []."""
    periods = [p for p in whole if all(p in part for part in parts)]
    values = []
    for p in periods:
        w = truth_of(whole[p])
        ps = [truth_of(part[p]) for part in parts]
        if w is None or None in ps:
            return []
        if w != sum(ps):
            return []
        values.append(w)
    if len(periods) < 2 or not any(values):
        return []
    return periods


def _relate(model, whole_series, whole_name, part_series, names):
    for size in range(1, min(MAX_PARTS, len(names)) + 1):
        for chosen in combinations(sorted(names), size):
            parts = [part_series[n] for n in chosen]
            periods = _sums_to(whole_series[whole_name], parts)
            for p in periods:
                model.relate([(whole_series[whole_name][p], 1.0)] +
                             [(part[p], -1.0) for part in parts], 0.0, 0.0,
                             "%s = %s over editions (%s)" % (whole_name, " + ".join(chosen),
                                                             period_text(p)))
            if periods:
                return


def _counts(view):
    return {n: cells for n, cells in count_series(view).items()
            if all(c.unit == "count" for c in cells.values())}


def merged_categories(model, views):
    by_title = {}
    for view in views:
        if not view.share and not view.block.refers_to:
            by_title.setdefault(view.block.title, []).append(view)
    for same in by_title.values():
        for a in same:
            for b in same:
                if a.edition == b.edition:
                    continue
                sa, sb = _counts(a), _counts(b)
                only_a = [n for n in sa if n not in sb]
                only_b = [n for n in sb if n not in sa]
                if not only_a or not only_b:
                    continue
                for whole in only_a:
                    _relate(model, sa, whole, sb, only_b)
