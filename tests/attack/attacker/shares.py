"""Shares: unknown counts behind printed percentages, and hidden shares of an amount (h)."""

import math
from collections import defaultdict
from dataclasses import dataclass

from .cells import BIG, INF, PROTECTION_WIDTH, SMALL_LIMIT, Cell
from .dutch_numbers import SECRET, SMALL
from .periods import period_text
from .relations import _at, _cells, _describe, _sum_truth
from .words import words, words_meet

SHARE_HALF = 0.1        # largest-remainder rounding to 0,1% moves a share by less than 0,1


@dataclass
class ShareTarget:
    var: str
    cell: Cell
    truth: tuple            # (lo, hi) of the true count, None when unknown
    required: float


def _truth_counts(share, total):
    """Counts consistent with a true share of a known total."""
    lo = max(0, math.ceil((share - SHARE_HALF) * total / 100 - 1e-9))
    hi = math.floor((share + SHARE_HALF) * total / 100 + 1e-9)
    return lo, hi


def _share_feasible(shares, total):
    """Integer counts with these (true) shares and this total exist."""
    bounds = [_truth_counts(s, total) for s in shares]
    return all(lo <= hi for lo, hi in bounds) and \
        sum(lo for lo, _ in bounds) <= total <= sum(hi for _, hi in bounds)


def shares(model, views, series, sums):
    """(h) A chart of shares per period: counts n_i >= 0 (integers for persons) with
    |100 n_i / T − s_i| <= 0,1 and T = Σ n_i. T is linked to a published total of the same
    population (words in common with the chart's title) when, at every common period, integer
    counts exist with the TRUE shares and that total; a `<10` bounds the count n_i."""
    for view in views:
        if not view.share or view.block.refers_to:
            continue
        by_period = defaultdict(dict)
        for cell in view.grid.values():
            if cell.unit == "share" and cell.period is not None:
                by_period[cell.period][cell.series[1]] = cell
        if view.amounts:
            _amount_shares(model, view, by_period)
            continue
        links = _share_totals(view, by_period, series, sums)
        for p, cats in by_period.items():
            truths = tuple(c.truth for c in cats.values())
            if None in truths:
                continue
            # The same chart in two editions with the same true shares is one set of counts.
            key = "%s|%s|%s" % (view.block.title, period_text(p), truths)
            total = "T|" + key
            known_total = None
            link = links.get(p)
            if link is not None:
                known_total = _sum_truth(_at(link, p))
            model.variable(total, 0, BIG, True,
                           None if known_total is None else (known_total, known_total))
            if link is not None:
                w = _at(link, p)
                model.relate([(total, 1.0)] + [(c, -1.0) for c in _cells(w)], 0.0, 0.0,
                             "%s: total %s = %s" % (_describe(view), period_text(p), link.desc))
            terms = []
            for name, cell in cats.items():
                var = "n|%s|%s" % (name, key)
                tr = _truth_counts(cell.truth, known_total) if known_total is not None else None
                lo, hi = 0, BIG
                if cell.mark == SMALL:
                    hi = SMALL_LIMIT - 1
                elif cell.mark == SECRET and view.x_large:
                    lo = SMALL_LIMIT
                if tr is not None:
                    if cell.mark == SMALL and tr[0] >= SMALL_LIMIT:
                        model.report("legend", "%s: shown as <10 but the count is %d..%d"
                                     % (cell.where(), *tr))
                        hi = BIG
                    if cell.mark == SECRET and lo >= SMALL_LIMIT and tr[1] < SMALL_LIMIT:
                        model.report("legend", "%s: x, which the legend says is 10 or more, "
                                     "is a count of %d..%d" % (cell.where(), *tr))
                        lo = 0
                model.variable(var, lo, hi, True, tr)
                terms.append((var, -1.0))
                if cell.num is not None:
                    s = cell.num.value
                    why = "%s: share %s (%s)" % (_describe(view), name, period_text(p))
                    model.relate([(var, 100.0), (total, -(s + SHARE_HALF))], -INF, 0.0, why)
                    model.relate([(var, 100.0), (total, -(s - SHARE_HALF))], 0.0, INF, why)
                elif cell.mark == SMALL or (cell.mark == SECRET and tr is not None
                                            and tr[1] < SMALL_LIMIT):
                    required = PROTECTION_WIDTH
                    if link is not None and all(c.num is not None for c in _cells(_at(link, p))):
                        # A period of 3 persons cannot be 5 wide (docs/onthulling.md).
                        required = min(required, known_total)
                    if all(t.var != var for t in model.share_targets):
                        model.share_targets.append(ShareTarget(var, cell, tr, required))
            model.relate([(total, 1.0)] + terms, 0.0, 0.0,
                         "%s: the counts of %s add up" % (_describe(view), period_text(p)))


def _share_totals(view, by_period, series, sums):
    """{period: published total behind the share chart}: from the series that share a word with
    the chart's title and whose true totals give integer counts with the true shares at every
    common period. Where such candidates disagree about a period, the reader cannot tell which
    total it is and that period stays unlinked."""
    title = words(view.block.title)
    candidates = defaultdict(dict)      # period -> {true total: (number of periods, Series)}
    for s in series + sums:
        if s.edition != view.edition or s.unit != "count" or s.view is view:
            continue
        if not words_meet(title, s.name | s.ctx):
            continue
        common = [(p, _at(s, p)) for p in by_period]
        common = [(p, w) for p, w in common if w is not None]
        if not common or not all(
                _share_feasible([c.truth for c in by_period[p].values()], _sum_truth(w))
                for p, w in common if None not in (c.truth for c in by_period[p].values())):
            continue
        for p, _ in common:
            best = candidates[p].get(_sum_truth(_at(s, p)))
            if best is None or best[0] < len(common):
                candidates[p][_sum_truth(_at(s, p))] = (len(common), s)
    return {p: next(iter(c.values()))[1] for p, c in candidates.items() if len(c) == 1}


def _amount_shares(model, view, by_period):
    """Shares of an amount: the printed shares of a period add up to exactly 100,0 (largest
    remainder), so hidden shares are recovered when that pins them."""
    for p, cats in by_period.items():
        hidden = [c for c in cats.values() if c.is_hidden()]
        if not hidden:
            continue
        shown = sum(c.num.value for c in cats.values() if c.num is not None)
        terms = []
        for c in hidden:
            var = "d|%s|%s|%s" % (view.key, period_text(p), c.series[1])
            model.variable(var, 0.0, 100.0, False,
                           (c.truth, c.truth) if c.truth is not None else None)
            terms.append((var, 1.0))
            model.amount_targets.append((var, c))
        model.relate(terms, 100.0 - shown, 100.0 - shown,
                     "%s: the shares of %s add up to 100%%" % (_describe(view), period_text(p)))
