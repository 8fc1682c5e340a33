"""Published figures as cells, each with its true value and what its legend says about it, and the
model: which cells are one unknown, and the relations between the unknowns."""

import math
from dataclasses import dataclass

from .dutch_numbers import BLANK, SECRET, SMALL

PROTECTION_WIDTH = 5  # docs/onthulling.md: an interval must be at least 5 persons wide
SMALL_LIMIT = 10      # counts below this are shown as <10

INF = math.inf
BIG = 1e7             # an upper bound on counts, so that no program is unbounded


@dataclass
class Cell:
    id: int
    edition: int
    page: str
    block: str              # where a reader finds it: "Grafiek 17", a tile's title, "tekst"
    row: str
    col: str
    unit: str               # "count", "euro", "share" or "change"
    text: str
    mark: str               # "", SMALL, SECRET or BLANK
    num: object             # the printed Num, None when hidden or blank
    truth: object           # the true value, None when the truth site shows none
    period: tuple
    name: frozenset         # words for what is counted
    ctx: frozenset          # words of the block's title
    series: tuple = None    # (block key, series name): one line through time
    lo: float = -INF        # what the reader knows from the printed text alone
    hi: float = INF

    def where(self):
        parts = [self.page, self.block, self.row, self.col]
        return " · ".join(p for p in parts if p)

    def is_hidden(self):
        return self.mark in (SMALL, SECRET)


def states_small_rule(notes):
    """The legend says that counts under 10 are printed as <10."""
    return any("onder de 10" in n and "<10" in n for n in notes)


def x_may_be_small(notes):
    """The legend of x says an x may itself hide a count under 10."""
    text = " ".join(notes).lower()
    return any(p in text for p in ("ook onder de 10", "elk getal", "ook kleiner dan 10",
                                   "ook minder dan 10", "ook een aantal onder de 10"))


def set_printed_bounds(model, cell, small_rule, x_small):
    """What the printed text says about the value, and whether the legend tells the truth."""
    if cell.num is not None:
        cell.lo, cell.hi = cell.num.value - cell.num.half, cell.num.value + cell.num.half
    elif cell.mark == BLANK:
        cell.lo = cell.hi = 0.0
    elif cell.mark == SMALL:
        cell.lo, cell.hi = 0.0, SMALL_LIMIT - 1
    elif cell.mark == SECRET and cell.unit == "count":
        cell.lo = SMALL_LIMIT if small_rule and not x_small else 0.0
    if cell.unit != "count" or cell.truth is None:
        return
    if cell.mark == SMALL and cell.truth >= SMALL_LIMIT:
        model.report("legend", "%s: shown as <10 but is %g" % (cell.where(), cell.truth))
        cell.hi = INF
    if cell.mark == SECRET and cell.lo >= SMALL_LIMIT and cell.truth < SMALL_LIMIT:
        model.report("legend", "%s: x, which the legend says is 10 or more, is %g"
                     % (cell.where(), cell.truth))
        cell.lo = 0.0


@dataclass
class Finding:
    kind: str               # "legend", "mismatch" or "error"
    text: str


def find(parent, i):
    """The root of i in a union-find forest, halving the path to it."""
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def union(parent, a, b):
    """Joins the sets of a and b under the smaller of their roots."""
    ra, rb = find(parent, a), find(parent, b)
    if ra != rb:
        parent[max(ra, rb)] = min(ra, rb)


class Model:
    """The cells, which of them are one unknown, and the relations between the unknowns."""

    def __init__(self):
        self.cells = []
        self.parent = []
        self.relations = []     # Relation
        self.extra = {}         # name -> ExtraVar
        self.findings = []
        self.share_targets = [] # ShareTarget
        self.amount_targets = []
        self.rate_obs = []      # RateObservation

    def add_cell(self, **kw):
        cell = Cell(id=len(self.cells), **kw)
        self.cells.append(cell)
        self.parent.append(cell.id)
        return cell

    def root(self, i):
        return find(self.parent, i)

    def merge(self, a, b):
        union(self.parent, a.id, b.id)

    def relate(self, terms, lo, hi, why):
        """terms: [(key, coefficient)], key a Cell or the name of an extra variable."""
        self.relations.append(Relation(terms, lo, hi, why))

    def report(self, kind, text):
        self.findings.append(Finding(kind, text))

    def variable(self, name, lo, hi, integer, truth=None):
        """An unknown that is no cell (a count behind a share, a total, a population). Met again
        (the same chart in two editions), it keeps what both say about it."""
        var = self.extra.get(name)
        if var is None:
            self.extra[name] = ExtraVar(lo, hi, integer, truth)
        else:
            var.lo, var.hi = max(var.lo, lo), min(var.hi, hi)
            var.truth = var.truth or truth


@dataclass
class Relation:
    terms: list
    lo: float
    hi: float
    why: str


@dataclass
class ExtraVar:
    lo: float
    hi: float
    integer: bool
    truth: tuple            # (lo, hi) of the true value, None when unknown


def truth_of(cell):
    """A blank cell counts as 0 in a sum, as the tables treat an empty cell; None if unknown (a
    count behind a rate per 1.000 whose population is not known)."""
    return 0.0 if cell.mark == BLANK else cell.truth


def truth_sum(cells):
    values = [truth_of(c) for c in cells]
    return None if None in values else sum(values)
