"""Changes, each kept only when it holds on the true values: a tile's difference with the previous
monitor (f), and a change in the prose or in the column "t.o.v. een jaar eerder" (g)."""

import os
from collections import defaultdict
from dataclasses import dataclass

from .cells import INF, truth_sum
from .dutch_numbers import BLANK, round_half_away
from .periods import period_text
from .relations import _describe, count_series
from .text import Statement
from .words import words_meet


def tile_changes(model, statements):
    """(f) "+17 t.o.v. vorige monitor": the previous edition's tile is this one minus 17."""
    for st in statements:
        if st.kind != "tile-change":
            continue
        page = os.path.basename(st.page)
        before = sorted((c for c in model.cells if c.edition == st.edition + 1
                         and c.block == st.cell.block and c.truth is not None),
                        key=lambda c: os.path.basename(c.page) != page)
        if not before or st.cell.truth is None:
            continue
        if abs(st.cell.truth - before[0].truth - st.value) <= 1e-6:
            model.relate([(st.cell, 1.0), (before[0], -1.0)], st.value, st.value,
                         "%s: %+g t.o.v. vorige monitor" % (st.cell.where(), st.value))


def _change_band(st):
    """The true change p (in %) lies in [lo, hi] given what the sentence prints."""
    if st.kind == "steady":
        return -0.05, 0.05
    return st.value - 0.05, st.value + 0.05


@dataclass
class YearPart:
    """The first months of one year of a quantity, as cells that add up to them."""
    year: int
    months: int
    cells: list
    words: frozenset
    edition: int
    page: str
    desc: str


def year_parts(model, views):
    """Every way the site shows a year so far: the months of a series, or one cell for a period
    from January on ("Tot en met maart 2024 zijn 60 …", a first quarter, a year)."""
    out = []
    for view in views:
        for name, cells in count_series(view).items():
            by_year = defaultdict(dict)
            for p, c in cells.items():
                if p[0] == "m" and p[1] == p[2]:
                    by_year[p[1] // 12][p[1] % 12] = c
            first = next(iter(cells.values()))
            for y, months in by_year.items():
                k = len(months)
                if sorted(months) == list(range(k)):
                    out.append(YearPart(y, k, [months[m] for m in range(k)],
                                        first.name | first.ctx, view.edition, view.block.page,
                                        "%s %s" % (_describe(view), name)))
    for cell in model.cells:
        p = cell.period
        if cell.unit == "count" and cell.mark != BLANK and p and p[0] == "m" and p[1] % 12 == 0 \
                and p[2] > p[1] and p[2] // 12 == p[1] // 12:
            out.append(YearPart(p[1] // 12, p[2] - p[1] + 1, [cell], cell.name | cell.ctx,
                                cell.edition, cell.page, cell.where()))
    return out


def change_statements(model, statements, views):
    """(g) "toegenomen met 2,9%": the ratio of two figures of one quantity lies within the printed
    rounding: the average of a year's months so far against the whole previous year (from any
    edition), or one period against the one before or a year before. Tried on the quantities
    whose words the sentence uses, those of its own page first; kept where the true figures give
    the printed change."""
    parts = year_parts(model, views)
    series_by_edition = defaultdict(list)
    for view in views:
        for name, cells in count_series(view).items():
            first = next(iter(cells.values()))
            series_by_edition[view.edition].append((view, name, cells, first.name | first.ctx))
    for st in statements:
        if st.kind not in ("change", "steady"):
            continue
        years = {p[1] // 12 for p in st.periods if p[2] - p[1] == 11}
        after = [a for a in parts if a.edition == st.edition and words_meet(st.words, a.words)
                 and (not years or a.year in years or a.year - 1 in years)]
        if any(a.page == st.page for a in after):
            after = [a for a in after if a.page == st.page]
        for a in after:
            for b in parts:
                if b.year == a.year - 1 and b.months == 12 and words_meet(b.words, a.words) \
                        and words_meet(st.words, b.words):
                    _add_change(model, st, b.cells, a.cells, 12, a.months,
                                "%s, %d months of %d against %s, %d" % (a.desc, a.months, a.year,
                                                                     b.desc, b.year))
        if st.average:
            continue
        pool = series_by_edition[st.edition]
        chosen = [s for s in pool if s[0].block.page == st.page and words_meet(st.words, s[3])]
        for view, name, cells, _ in chosen:
            for before, after_cell, what in _period_pairs(cells, years):
                _add_change(model, st, [before], [after_cell], 1, 1,
                            "%s %s: %s" % (_describe(view), name, what))
    for view in views:
        # The overview's "t.o.v. een jaar eerder" column: its own row, a year apart.
        for cell in view.grid.values():
            if cell.unit != "change" or cell.num is None or view.block.refers_to:
                continue
            row = {c.period: c for c in view.grid.values()
                   if c.row == cell.row and c.unit == "count" and c.period}
            st = Statement(view.edition, view.block.page, "change", cell.num.value, None,
                           frozenset(), [], where=cell.where())
            for before, after_cell, what in _period_pairs(row, set(), year_only=True):
                _add_change(model, st, [before], [after_cell], 1, 1, what)


def _period_pairs(cells, years, year_only=False):
    """(before, after, description): a period against the same period a year before, or
    against the period just before it."""
    for p, after in cells.items():
        if p[0] != "m" or (years and p[1] // 12 not in years):
            continue
        length = p[2] - p[1]
        candidates = [("m", p[1] - 12, p[2] - 12)]
        if not year_only:
            candidates.append(("m", p[1] - length - 1, p[1] - 1))
        for q in candidates:
            if q in cells:
                yield cells[q], after, "%s against %s" % (period_text(p), period_text(q))


def _add_change(model, st, before, after, k_before, k_after, what):
    """(Σ after / k_after) / (Σ before / k_before) − 1 within the printed band, if the true
    figures give the printed change."""
    tb, ta = truth_sum(before), truth_sum(after)
    if tb is None or ta is None or tb <= 0:
        return
    tb, ta = tb / k_before, ta / k_after
    lo, hi = _change_band(st)
    change = (ta / tb - 1) * 100
    shown = round_half_away(change, 1)
    agrees = lo - 1e-9 <= shown <= hi + 1e-9 if st.kind == "steady" else \
        abs(shown - st.value) < 1e-9
    if not agrees:
        return
    # after/ka − (1 + lo/100) before/kb >= 0 and after/ka − (1 + hi/100) before/kb <= 0
    for bound, sense in ((lo, "lo"), (hi, "hi")):
        terms = [(c, 1.0 / k_after) for c in after]
        terms += [(c, -(1 + bound / 100) / k_before) for c in before]
        if sense == "lo":
            model.relate(terms, 0.0, INF, "%s: %s (%s)" % (st.where, what, "change"))
        else:
            model.relate(terms, -INF, 0.0, "%s: %s (%s)" % (st.where, what, "change"))
