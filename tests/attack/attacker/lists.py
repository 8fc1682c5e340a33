"""Small lists (j): a table of descriptions with one or two columns ("Omschrijving | Aantal",
"Omschrijving | 2023"), whose figures carry no period or one period for the whole list. Such a
list names its figures in its own words ("Nieuwe cliënten Wmo"), not in those of the chart they
come from ("Instroom"), so the labels of (a) and (d) do not meet; each rule here takes a shared
word instead, with a guard of its own against chance."""

from collections import defaultdict

from .cells import truth_of
from .dutch_numbers import BLANK
from .periods import parse_period, period_text
from .relations import _cells, _describe, _sub_periods, _sum_truth
from .words import words_meet


def is_list(view):
    """Rows of descriptions (no row is a period) and at most two columns of figures."""
    block = view.block
    if view.share or block.refers_to or not view.grid:
        return False
    if any(parse_period(row.head) is not None for row in block.rows):
        return False
    return len({c for _, c in view.grid}) <= 2


def _list_cells(views, period_kind):
    """(view, cell) of the counts in lists that have a true value other than 0: period_kind None
    for the figures without a period, "span" for those of several months (a year column, or a
    note "Periode 1 juli tot en met 31 december 2023")."""
    out = []
    for view in views:
        if not is_list(view):
            continue
        for cell in view.grid.values():
            if cell.unit != "count" or cell.mark == BLANK or not truth_of(cell):
                continue
            p = cell.period
            if (period_kind is None and p is None) or (
                    period_kind == "span" and p and p[0] == "m" and p[2] > p[1]):
                out.append((view, cell))
    return out


def _about(cell, series):
    """The cell's label shares a word with the series' name or its block's title."""
    return words_meet(cell.name, series.name | series.ctx)


def list_period_sums(model, views, series):
    """(j) A list figure of a year or half year ("Nieuwe cliënten Wmo" in the column 2023) is the
    sum of that period's months of a month series whose name or title shares a word with it
    ("In- en uitstroom cliënten Wmo": the instroom). Only when exactly one such series fits:
    the list may as well count something else that the months of the outflow happen to add up
    to."""
    for view, cell in _list_cells(views, "span"):
        fits = []
        for s in series:
            if s.edition != view.edition or s.unit != "count" or s.view is view \
                    or not _about(cell, s):
                continue
            months = _sub_periods(s, cell.period)
            if months and len(months) >= 2 and _sum_truth(months) == truth_of(cell):
                fits.append((s, months))
        if len(fits) != 1:
            continue
        s, months = fits[0]
        model.relate([(cell, 1.0)] + [(c, -1.0) for c in months], 0.0, 0.0,
                     "%s '%s' = sum of %s (%s)" % (_describe(view), cell.row, s.desc,
                                                  period_text(cell.period)))


def _page(series):
    if series.view is not None:
        return series.view.block.page
    return next(iter(series.cells.values())).page


def _latest(series):
    """The period and value of the newest point of a series (the shortest of those ending last)."""
    periods = [p for p in series.cells if p[0] == "m"]
    if not periods:
        return None, None
    p = max(periods, key=lambda q: (q[2], q[1]))
    return p, series.cells[p]


def list_latest(model, views, series):
    """(j) A list figure without a period ("Jeugdigen in zorg", under a note "Stand op 31 maart
    2024") is the newest point of a series on the same page whose name or title shares a word
    with it: the latest stand, or the sum of a breakdown at its last period. The same page and
    the shared word are the guard: one number against one point is too weak a sign on its own,
    and a list far from the chart may count something else of the same size."""
    for view, cell in _list_cells(views, None):
        for s in series:
            if s.edition != view.edition or s.unit != "count" or s.view is view \
                    or _page(s) != view.block.page or not _about(cell, s):
                continue
            p, latest = _latest(s)
            if latest is None or _sum_truth(latest) != truth_of(cell):
                continue
            model.relate([(cell, 1.0)] + [(c, -1.0) for c in _cells(latest)], 0.0, 0.0,
                         "%s '%s' = %s (%s, its newest period)"
                         % (_describe(view), cell.row, s.desc, period_text(p)))


def list_twins(model, views):
    """(j, a) The same figure in two lists without periods on different pages of one edition
    ("Volwassen mantelzorgers" under Mantelzorg and under Mantelzorgwaardering): one unknown when
    the labels share a word and the true values are equal, and when each of the two has no
    other such partner. Lists carry no period to compare, so the pair must be unambiguous."""
    cells = _list_cells(views, None)
    partners = defaultdict(list)
    for i, (va, a) in enumerate(cells):
        for vb, b in cells[i + 1:]:
            if va.edition == vb.edition and va.block.page != vb.block.page \
                    and truth_of(a) == truth_of(b) and words_meet(a.name, b.name):
                partners[a.id].append(b)
                partners[b.id].append(a)
    for _, a in cells:
        if len(partners[a.id]) != 1:
            continue
        b = partners[a.id][0]
        if len(partners[b.id]) == 1 and a.id < b.id:
            model.merge(a, b)
