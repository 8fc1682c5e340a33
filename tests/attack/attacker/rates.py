"""Rates per 1.000 inhabitants: unknown counts behind printed rates, and the populations they
share (i)."""

import math
import re
from collections import defaultdict
from dataclasses import dataclass

from .cells import BIG, INF, Cell
from .dutch_numbers import Num
from .periods import periods_compatible
from .words import words_meet


@dataclass
class RateObservation:
    """A printed rate per 1.000 inhabitants of a count."""
    cell: Cell              # the count (printed elsewhere, or the unknown behind a rate cell)
    rate: Num               # the printed rate, None when hidden
    truth: Num              # the true rate, None when unknown
    population: str         # which inhabitants: "0-17" or "alle"
    where: str


def population_key(text):
    m = re.search(r"per 1\.000 (?:inwoners|jeugdigen)"
                  r"(?: van (\d+)\s*(?:–|-|tot en met)\s*(\d+) jaar)?", text)
    if not m:
        return ""
    return "%s-%s" % (m[1], m[2]) if m[1] else "alle"


def _count_of_rate(model, st):
    """The count a rate in the prose is of: same page and period, most words in common."""
    period = st.periods[-1]
    scored = defaultdict(set)
    for cell in model.cells:
        if cell.unit == "count" and cell.edition == st.edition and cell.page == st.page \
                and cell.truth is not None and cell.num is not None \
                and periods_compatible(cell.period, period) \
                and words_meet(st.words, cell.name | cell.ctx):
            scored[(cell.period == period, len(st.words & (cell.name | cell.ctx)))].add(cell.id)
    best = scored[max(scored)] if scored else set()
    return model.cells[best.pop()] if len(best) == 1 else None


def rates(model, statements):
    """(i) A rate r per 1.000 is 1000·n / P rounded to one decimal, P the unknown number of
    inhabitants (of an age group) on 1 January of the year of the period. Every rate of one group
    and year shares P; a rate whose count is printed narrows P, and then the counts behind the
    other rates. Runs before the same-quantity merge, as it gives those counts their true values."""
    for st in statements:
        if st.kind == "rate" and st.truth is not None and st.periods:
            cell = _count_of_rate(model, st)
            if cell is not None:
                model.rate_obs.append(RateObservation(
                    cell, Num(st.value, 0.05, "decimal"), Num(st.truth, 0.05, "decimal"),
                    population_key("per 1.000 " + st.population), st.where))
    groups = defaultdict(list)
    for obs in model.rate_obs:
        p = obs.cell.period
        if obs.population and p is not None and p[0] == "m":
            groups[(obs.population, p[2] // 12)].append(obs)
    for (population, year), items in sorted(groups.items()):
        lo, hi = 1, BIG
        for obs in items:
            if obs.cell.truth is not None and obs.truth is not None:
                r, h = obs.truth.value, obs.truth.half
                lo = max(lo, math.ceil(1000 * obs.cell.truth / (r + h) - 1e-6))
                if r > h:
                    hi = min(hi, math.floor(1000 * obs.cell.truth / (r - h) + 1e-6))
        if lo > hi:
            model.report("error", "per 1.000 %s in %d: the true rates fit no population"
                         % (population, year))
            continue
        known = (lo, hi) if hi < BIG else None
        var = "P|%s|%d" % (population, year)
        model.variable(var, 1, BIG, True, known)
        for obs in items:
            if obs.cell.truth is None and known is not None and obs.truth is not None:
                r, h = obs.truth.value, obs.truth.half
                low = math.ceil((r - h) * lo / 1000 - 1e-6)
                high = math.floor((r + h) * hi / 1000 + 1e-6)
                if low == high:
                    obs.cell.truth = float(low)
            if obs.rate is None:
                continue
            r, h = obs.rate.value, obs.rate.half
            why = "%s: %.1f per 1.000 inwoners (%s) in %d" % (obs.where, r, population, year)
            model.relate([(obs.cell, 1000.0), (var, -(r + h))], -INF, 0.0, why)
            model.relate([(obs.cell, 1000.0), (var, -(r - h))], 0.0, INF, why)
