"""The integer programs: the smallest and largest value of an unknown under everything known."""

from collections import defaultdict

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp

from .cells import BIG, Cell, find, union

EURO_BOUND = 1e12


class Program:
    """Every unknown (a group of cells, or an extra variable) is a column; every relation a row."""

    def __init__(self, model):
        self.model = model
        self.col, self.lb, self.ub, self.integer, self.truth = {}, [], [], [], []
        self.root_of = {}
        self.members = defaultdict(list)
        for cell in model.cells:
            self.members[model.root(cell.id)].append(cell)
        for root, cells in self.members.items():
            lo, hi = max(c.lo for c in cells), min(c.hi for c in cells)
            integer = any(c.unit == "count" for c in cells)
            cap = BIG if integer else EURO_BOUND
            lo, hi = max(lo, 0.0 if integer else -cap), min(hi, cap)
            if lo > hi + 1e-9:
                model.report("error", "%s: the printed figures of one quantity disagree (%s)"
                             % (cells[0].where(), ", ".join(c.text for c in cells)))
                hi = lo
            truths = {c.truth for c in cells if c.truth is not None}
            t = next(iter(truths)) if len(truths) == 1 else None
            self._add(("g", root), lo, hi, integer, (t, t) if t is not None else None)
            self.root_of[self.col[("g", root)]] = root
        for name, var in model.extra.items():
            self._add(("x", name), var.lo, var.hi, var.integer, var.truth)
        self.rows = []
        for rel in model.relations:
            coefs = defaultdict(float)
            for key, coef in rel.terms:
                coefs[self.column(key)] += coef
            self.rows.append((dict(coefs), rel.lo, rel.hi, rel))
        self.parent = list(range(len(self.lb)))
        self.rows_of = defaultdict(list)
        for i, (coefs, _, _, _) in enumerate(self.rows):
            free = [c for c in coefs if not self.fixed(c)]
            for c in free:
                self.rows_of[c].append(i)
            for a, b in zip(free, free[1:]):
                union(self.parent, a, b)

    def _add(self, key, lo, hi, integer, truth):
        self.col[key] = len(self.lb)
        self.lb.append(float(lo))
        self.ub.append(float(hi))
        self.integer.append(integer)
        self.truth.append(truth)

    def column(self, key):
        if isinstance(key, Cell):
            return self.col[("g", self.model.root(key.id))]
        return self.col[("x", key)]

    def cells_of(self, c):
        """The cells that are this column (none for an extra variable)."""
        return self.members[self.root_of[c]] if c in self.root_of else []

    def fixed(self, c):
        return self.ub[c] - self.lb[c] < 1e-9

    def component_rows(self, objective):
        """The relations that can matter for an objective: those of its connected component."""
        roots = {find(self.parent, c) for c in objective if not self.fixed(c)}
        return sorted({i for c in range(len(self.lb))
                       if find(self.parent, c) in roots and not self.fixed(c)
                       for i in self.rows_of[c]})

    def bounds(self, objective, rows):
        """(min, max) of Σ coef·x over the given relations, or None if they have no solution."""
        cols = sorted({c for c in objective} |
                      {c for i in rows for c in self.rows[i][0] if not self.fixed(c)})
        const = sum(coef * self.lb[c] for c, coef in objective.items() if self.fixed(c))
        free = [c for c in cols if not self.fixed(c)]
        if not free:
            return const, const
        pos = {c: k for k, c in enumerate(free)}
        a = np.zeros((len(rows), len(free)))
        lo, hi = np.zeros(len(rows)), np.zeros(len(rows))
        for r, i in enumerate(rows):
            coefs, rlo, rhi, _ = self.rows[i]
            shift = 0.0
            for c, coef in coefs.items():
                if self.fixed(c):
                    shift += coef * self.lb[c]
                else:
                    a[r, pos[c]] = coef
            lo[r], hi[r] = rlo - shift, rhi - shift
        c_vec = np.zeros(len(free))
        for c, coef in objective.items():
            if not self.fixed(c):
                c_vec[pos[c]] = coef
        bounds = Bounds([self.lb[c] for c in free], [self.ub[c] for c in free])
        integrality = np.array([1 if self.integer[c] else 0 for c in free])
        constraints = [LinearConstraint(a, lo, hi)] if len(rows) else []
        out = []
        for sign in (1.0, -1.0):
            res = milp(sign * c_vec, integrality=integrality, bounds=bounds,
                       constraints=constraints, options={"time_limit": 60})
            if res.status != 0 or res.x is None:
                return None
            out.append(const + sign * res.fun)
        return out[0], out[1]
