"""Relations, each kept only when it holds on the true values: the same quantity (a), sums inside
a block (b) and across blocks (c), time (d), stock and flow (e)."""

import re
from collections import defaultdict
from dataclasses import dataclass

from .cells import INF, truth_of, truth_sum
from .dutch_numbers import BLANK
from .periods import period_text, periods_compatible
from .words import measure, words_meet


def labels_compatible(a, b):
    """Each figure's words are found in the other's name or title ("Cliënten in zorg Wmo" and
    "Aantal cliënten in zorg totaal Wmo"; "Begeleiding" in a table of cliënten in zorg per
    voorziening and the chart "Aantal cliënten in zorg Begeleiding"), and the two blocks count
    the same kind of thing: "Winsum" in a table of inflow is not "Winsum" in a table of youth
    protection, nor is "Bedum" the cell "IOAW, Bedum"."""
    if not a.name or not b.name:
        return False
    if not (a.name <= (b.name | b.ctx) and b.name <= (a.name | a.ctx)):
        return False
    return not a.ctx or not b.ctx or words_meet(a.ctx, b.ctx)


def merge_same_quantities(model, prose_cells):
    """(a, f) Cells with the same label and period and the same true value are one unknown: across
    blocks, pages, tiles and editions. A figure in the prose is the cell of its page that it
    matches in value, period and words, when there is exactly one."""
    prose = {c.id for c in prose_cells}
    buckets = defaultdict(list)
    for cell in model.cells:
        if cell.unit in ("count", "euro") and cell.truth is not None and cell.mark != BLANK:
            buckets[(cell.unit, cell.truth)].append(cell)
    for bucket in buckets.values():
        cells = [c for c in bucket if c.id not in prose]
        for i, a in enumerate(cells):
            for b in cells[i + 1:]:
                if a.period is None and (b.period is not None or a.edition != b.edition):
                    continue
                if periods_compatible(a.period, b.period) and labels_compatible(a, b):
                    model.merge(a, b)
    for p in prose_cells:
        if p.period is None:
            continue
        matches = {model.root(c.id) for c in buckets.get((p.unit, p.truth), [])
                   if c.id not in prose and c.edition == p.edition and c.page == p.page
                   and periods_compatible(p.period, c.period)
                   and words_meet(p.name, c.name | c.ctx)}
        if len(matches) == 1:
            model.merge(p, model.cells[matches.pop()])


def _slack(differences, unit, terms):
    """How far a relation may miss on the printed figures, given how far it misses on the true
    ones: not at all, or (for amounts) by the rounding to whole euros of its terms. None if it
    does not hold."""
    if all(abs(d) < 1e-6 for d in differences):
        return 0.0
    if unit == "euro" and all(abs(d) <= 0.5 * terms for d in differences):
        return 0.5 * terms
    return None


def _describe(view):
    return "%s (%s)" % (view.block.name, view.block.page)


def block_sums(model, view):
    """(b) Inside a block: a row (or column) that is the sum of all others, of all others but one,
    or, for "Eindtotaal excl. X", of the others not named X; a total that does not add up
    (people counted in several parts) as total <= sum of the parts and total >= each part."""
    if view.share or view.block.refers_to:
        return
    for axis in ("rows", "cols"):
        groups = defaultdict(dict)
        for label, cells in view.lines(axis).items():
            units = {c.unit for c in cells.values()}
            if len(units) == 1 and units <= {"count", "euro"}:
                unit = units.pop()
                groups[(unit, "")][label] = cells
                if axis == "rows":
                    groups[(unit, view.block.rows[label[0]].unit)][label] = cells
        for (unit, row_unit), lines in groups.items():
            if row_unit and len(lines) == len(groups[(unit, "")]):
                continue        # every row in the one unit: the same group again
            # A list of persons and visits in one column ("personen" and "aantal" rows): the
            # persons add up among themselves, never with the visits.
            view.totals[axis] |= _line_sums(model, view, axis, unit, lines)


def _line_sums(model, view, axis, unit, lines):
    labels = list(lines)
    instances = sorted(set.intersection(*(set(v) for v in lines.values()))) if lines else []
    if len(labels) < 3 or not instances:
        return set()
    tv = {l: [truth_of(lines[l][i]) for i in instances] for l in labels}
    if any(None in v for v in tv.values()):
        return set()
    nonzero = {l for l in labels if any(tv[l])}
    other_axis = "column" if axis == "rows" else "row"
    kind = "row" if axis == "rows" else "column"

    def check(total, parts):
        """None if the total is not the sum of the parts, else the slack the relation needs:
        0, or for amounts printed in whole euros the rounding of each of them."""
        if total not in nonzero or len(nonzero & set(parts)) < 2:
            return None
        diff = [tv[total][k] - sum(tv[p][k] for p in parts) for k in range(len(instances))]
        return _slack(diff, unit, len(parts) + 1)

    def add(total, parts, text):
        slack = check(total, parts)
        for k, i in enumerate(instances):
            if all(lines[l][i].mark == BLANK for l in [total] + parts):
                continue
            terms = [(lines[total][i], 1.0)] + [(lines[p][i], -1.0) for p in parts]
            model.relate(terms, -slack, slack,
                         "%s: %s '%s' = %s (every %s)" % (_describe(view), kind, total[1], text,
                                                          other_axis))

    totals = {}
    for t in labels:
        parts = [l for l in labels if l != t]
        if check(t, parts) is not None:
            totals[t] = parts
            add(t, parts, "sum of the other %ss" % kind)
    if len(instances) >= 2:
        # "all but one": a total beside a second total that it leaves out
        for t in labels:
            if t in totals:
                continue
            for e in labels:
                parts = [l for l in labels if l not in (t, e)]
                if e != t and check(t, parts) is not None:
                    totals[t] = parts
                    add(t, parts, "sum of the other %ss but '%s'" % (kind, e[1]))
                    break
    if len(instances) >= 2:
        _subtotals(view, axis, labels, totals, check, add, kind)
    plain = [l for l in labels if l not in totals]
    for t in plain:
        m = re.search(r"\b(?:excl\.?|exclusief)\s*(.+)", t[1], re.IGNORECASE)
        if not m:
            continue
        left_out = [l for l in plain if l != t and l[1].lower().startswith(m[1].strip().lower())]
        parts = [l for l in plain if l != t and l not in left_out]
        if left_out and check(t, parts) is not None:
            totals[t] = parts
            add(t, parts, "sum of the %ss not starting with '%s'" % (kind, m[1].strip()))
    plain = [l for l in labels if l not in totals]
    for t in plain:
        is_total = _named_total(view, axis, t)
        parts = [l for l in plain if l != t]
        if not is_total or len(parts) < 2:
            continue
        n = len(instances)
        if all(tv[t][k] <= sum(tv[p][k] for p in parts) and all(tv[t][k] >= tv[p][k] for p in parts)
               for k in range(n)):
            totals[t] = parts
            for i in instances:
                cells = [lines[p][i] for p in parts]
                model.relate([(lines[t][i], 1.0)] + [(c, -1.0) for c in cells], -INF, 0.0,
                             "%s: %s '%s' <= sum of the other %ss" % (_describe(view), kind,
                                                                     t[1], kind))
                for c in cells:
                    model.relate([(lines[t][i], 1.0), (c, -1.0)], 0.0, INF,
                                 "%s: %s '%s' >= each other %s" % (_describe(view), kind, t[1],
                                                                   kind))
    return set(totals)


def _named_total(view, axis, label):
    """A row or column a reader takes for a total: "totaal" in its name, or a row marked so."""
    return "totaal" in label[1].lower() or (axis == "rows" and view.block.rows[label[0]].total)


def _subtotals(view, axis, labels, totals, check, add, kind):
    """A row (column) named a total that is the sum of the contiguous rows directly above it
    ("Subtotaal maatwerk" under its voorzieningen), then a total of the rows that are no
    subtotal. Named, and in every column of at least two: in a long table one category is the
    sum of its two neighbours in a column or two by chance."""
    ordered = sorted(labels)
    found = set()
    for i, t in enumerate(ordered):
        if t in totals or not _named_total(view, axis, t):
            continue
        for k in range(2, i + 1):
            parts = [l for l in ordered[i - k:i] if l not in found]
            if len(parts) == k and check(t, parts) is not None:
                found.add(t)
                totals[t] = parts
                add(t, parts, "sum of the %ss directly before it" % kind)
                break
    if not found:
        return
    leaves = [l for l in labels if l not in totals]
    for t in leaves:
        parts = [l for l in leaves if l != t]
        if check(t, parts) is not None:
            totals[t] = parts
            add(t, parts, "sum of the other %ss but the subtotals" % kind)


def changes_table_relations(model, view):
    """A table of revisions: Nu − Vorige monitor = Verschil, per row."""
    if not view.block.refers_to:
        return
    by_row = defaultdict(dict)
    for (r, c), cell in view.grid.items():
        by_row[r][cell.col.lower()] = cell
    for r, cells in by_row.items():
        now, before, diff = cells.get("nu"), cells.get("vorige monitor"), cells.get("verschil")
        if not (now and before and diff) or now.unit not in ("count", "euro"):
            continue
        if None in (now.truth, before.truth, diff.truth):
            continue
        slack = _slack([now.truth - before.truth - diff.truth], now.unit, 3)
        if slack is not None:
            model.relate([(now, 1.0), (before, -1.0), (diff, -1.0)], -slack, slack,
                         "%s: Nu − Vorige monitor = Verschil" % _describe(view))


def count_series(view):
    """{series name: {period: cell}} of the counts and amounts of a block."""
    out = defaultdict(dict)
    if view.share:
        return out
    for cell in view.grid.values():
        # An empty cell is no figure for that period (the months of a year still to come).
        if cell.unit in ("count", "euro") and cell.mark != BLANK and cell.period is not None \
                and cell.period[0] != "ed":
            out[cell.series[1]].setdefault(cell.period, cell)
    return out


@dataclass
class Series:
    desc: str
    edition: int
    view: object            # the View it belongs to, None for a tile
    cells: dict             # period -> Cell, or period -> [Cell] for the sum of a breakdown
    unit: str
    name: frozenset
    ctx: frozenset
    key: tuple = None       # (view key, series name) for a series of a block


def all_series(model, views):
    out = []
    for view in views:
        if view.block.refers_to:
            continue
        for name, cells in count_series(view).items():
            first = next(iter(cells.values()))
            desc = "%s %s" % (_describe(view), name if name != view.block.title else "")
            out.append(Series(desc.strip(), view.edition, view, cells, first.unit, first.name,
                              first.ctx, (view.key, name)))
    for cell in model.cells:
        if cell.block.startswith("kerncijfer") and cell.period is not None:
            out.append(Series("%s (%s)" % (cell.block, cell.page), cell.edition, None,
                              {cell.period: cell}, cell.unit, cell.name, cell.ctx))
    return out


def _categories(view, flow_views):
    """{series name: {period: cell}} of the categories of a breakdown block: its series but the
    totals block_sums found. Empty for a block that divides no population (shares, revisions,
    a block of inflow and outflow found by stock_and_flow)."""
    if view.share or not view.series_axis or view.block.refers_to or view.key in flow_views:
        return {}
    totals = {label[1] for label in view.totals[view.series_axis]}
    return {name: cells for name, cells in count_series(view).items() if name not in totals}


def _sum_series(desc, view, categories):
    """The sum over some categories of a block, per period where at least two of them are counts:
    a Series of cell lists, or None."""
    per_period = defaultdict(list)
    for cells in categories.values():
        for p, c in cells.items():
            per_period[p].append(c)
    per_period = {p: cs for p, cs in per_period.items()
                  if len(cs) >= 2 and all(c.unit == "count" for c in cs)}
    if not per_period:
        return None
    return Series(desc, view.edition, view, per_period, "count", frozenset(),
                  measure(view.block.title))


def breakdowns(views, flow_views):
    """The sum over the categories of each breakdown block, per period."""
    out = []
    for view in views:
        total = _sum_series("Σ %s" % _describe(view), view, _categories(view, flow_views))
        if total:
            out.append(total)
    return out


_PART = " · "


def sub_sums(views):
    """The marginals of a breakdown in several dimensions, per period: in a block whose categories
    are combinations ("18 tot 27 jaar · Man", "Bedum · IOAW · Vrouw", …), the sum over the
    categories that agree in some of the places ("18 tot 27 jaar · …", "Bedum · … · …",
    "Bedum · IOAW · …"), which a reader sets beside a series of another block ("jongeren tot 27
    jaar", the uitkeringen of Bedum). Kept apart from breakdowns: a marginal is no total of the
    population a chart of shares divides. A block of inflow and outflow counts too: its
    combinations are still categories ("Bedum · Instroom"), and two of many categories may move
    like a stock and its flows by chance."""
    out = []
    for view in views:
        categories = _categories(view, set())
        parts = {name: name.split(_PART) for name in categories}
        widths = {len(p) for p in parts.values()}
        if len(widths) != 1 or min(widths) < 2:
            continue
        width = widths.pop()
        seen = set()
        for fixed in _places(width):
            groups = defaultdict(dict)
            for n, p in parts.items():
                groups[tuple(p[k] for k in fixed)][n] = categories[n]
            for values, members in sorted(groups.items()):
                # All categories is the sum of the breakdown; the same members under other
                # places (a dimension with one value) are the same marginal.
                if len(members) == len(categories) or frozenset(members) in seen:
                    continue
                seen.add(frozenset(members))
                given = dict(zip(fixed, values))
                pattern = _PART.join(given.get(j, "…") for j in range(width))
                marginal = _sum_series("Σ %s '%s'" % (_describe(view), pattern), view, members)
                if marginal:
                    out.append(marginal)
    return out


def _places(width):
    """Every set of places that a marginal fixes: not none (the whole breakdown), not all (one
    category), so 2^width − 2 of them, and width is two or three in practice."""
    return [tuple(k for k in range(width) if mask >> k & 1) for mask in range(1, 2 ** width - 1)]


def _at(series, period):
    """The series' value at a period, reading a stock at the end of a longer period."""
    if period in series.cells:
        return series.cells[period]
    for q, v in series.cells.items():
        if periods_compatible(period, q):
            return v
    return None


def _cells(v):
    return v if isinstance(v, list) else [v]


def _sum_truth(v):
    return truth_sum(_cells(v))


def cross_block_sums(model, sums, series):
    """(c) Two breakdowns of one population: the sum over one block's categories (or a marginal of
    a two-dimensional breakdown, see sub_sums) at a period equals one figure of another block, or
    the sum over another breakdown, at every common period. With a single common period (a
    breakdown of one month) a chance equality is likely, so the figure must then be shown on the
    breakdown's own page too."""
    for a in sums:
        own_page = {model.root(c.id) for c in model.cells if c.page == a.view.block.page}
        targets = [s for s in series if s.edition == a.edition and s.view is not a.view
                   and s.unit == "count"]
        targets += [b for b in sums if b.edition == a.edition and b.view.key > a.view.key]
        for t in targets:
            pairs = [(p, v, _at(t, p)) for p, v in a.cells.items()]
            # Periods where a true value is unknown say nothing either way.
            pairs = [(p, v, w) for p, v, w in pairs if w is not None
                     and None not in (_sum_truth(v), _sum_truth(w))]
            if not pairs or any(_sum_truth(v) != _sum_truth(w) for _, v, w in pairs):
                continue
            if all(_sum_truth(v) == 0 for _, v, _ in pairs):
                continue
            if len(pairs) == 1 and \
                    not all(model.root(c.id) in own_page for c in _cells(pairs[0][2])):
                continue
            for p, v, w in pairs:
                model.relate([(c, 1.0) for c in v] + [(c, -1.0) for c in _cells(w)], 0.0, 0.0,
                             "%s = %s (%s)" % (a.desc, t.desc, period_text(p)))


def _sub_periods(series, q):
    """The cells of a finer series that exactly tile period q, or None."""
    inside = sorted((p for p in series.cells if p[0] == "m" and q[1] <= p[1] and p[2] <= q[2]),
                    key=lambda p: p[1])
    if not inside or inside[0][1] != q[1] or inside[-1][2] != q[2]:
        return None
    for x, y in zip(inside, inside[1:]):
        if y[1] != x[2] + 1:
            return None
    return [series.cells[p] for p in inside]


def series_compatible(a, b):
    first_a = next(iter(a.cells.values()))
    first_b = next(iter(b.cells.values()))
    return labels_compatible(first_a, first_b)


def time_aggregation(model, series):
    """(d) A quarter or year as the sum of its months (a flow), and a running total whose steps
    are the months of another series."""
    for s in series:
        for f in series:
            if f is s or f.unit != s.unit or not series_compatible(s, f):
                continue
            flows, running = [], []
            for q, cell in s.cells.items():
                if q[0] != "m":
                    continue
                subs = _sub_periods(f, q) if q[2] > q[1] else None
                if subs and len(subs) >= 2:
                    flows.append((q, cell, subs))
                if q[1] == q[2] and q[1] % 12 > 0:
                    year_start = q[1] - q[1] % 12
                    months = [f.cells.get(("m", m, m)) for m in range(year_start, q[1] + 1)]
                    if all(months):
                        running.append((q, cell, months))
            for kind, instances in (("sum of its months in", flows),
                                    ("running total of", running)):
                instances = [(q, c, subs) for q, c, subs in instances
                             if None not in (truth_of(c), truth_sum(subs))]
                if not instances:
                    continue
                slack = _slack([truth_of(c) - truth_sum(subs) for _, c, subs in instances],
                               s.unit, max(len(subs) + 1 for _, _, subs in instances))
                if slack is None:
                    continue
                for q, c, subs in instances:
                    model.relate([(c, 1.0)] + [(x, -1.0) for x in subs], -slack, slack,
                                 "%s (%s) = %s %s" % (s.desc, period_text(q), kind, f.desc))


def _run(steps, length, first, last):
    """The cells of the periods of a series from the one starting in month first to the one
    ending in month last, each of the given length in months, or None if one is missing."""
    if (last - first + 1) % length:
        return None
    cells = [steps.get(m) for m in range(first, last + 1, length)]
    return None if None in cells else cells


def _steps(series):
    """({first month: cell}, length in months) of the shortest periods of a series: its months,
    or its quarters when it has no months (beside a year total, say); None if it has neither."""
    periods = [p for p in series.cells if p[0] == "m"]
    if not periods:
        return None
    length = min(p[2] - p[1] + 1 for p in periods)
    return {p[1]: series.cells[p] for p in periods if p[2] - p[1] + 1 == length}, length


def edition_spans(model, views, series):
    """(d) A figure for "vorige monitor" and "deze monitor" in a list without periods is the sum
    of a series of months or quarters of the same edition over two adjacent runs of 1 to 12
    months: this monitor's ending with the series' last period (the newest the edition shows, so
    no date needs reading from the prose), the previous monitor's ending just before. A reader
    verifies the sum on the previous monitor and applies it to this one: both must hold, by one
    pair of runs only, which is the guard against chance; a zero fits any run of empty months
    and says nothing."""
    rows = []
    for view in views:
        by_row = defaultdict(dict)
        for (r, _), cell in view.grid.items():
            if cell.period and cell.period[0] == "ed" and cell.unit == "count" \
                    and cell.mark != BLANK:
                by_row[r][cell.period[1] - view.edition] = cell
        rows += [(view, cells) for cells in by_row.values()]
    for view, cells in rows:
        now, before = cells.get(0), cells.get(1)
        if not (now and before and truth_of(now) and truth_of(before)):
            continue
        for s in series:
            if s.edition != view.edition or s.unit != "count":
                continue
            fits = _span_fits(s, truth_of(now), truth_of(before))
            if len(fits) != 1:
                continue
            for cell, run in zip((now, before), fits[0]):
                model.relate([(cell, 1.0)] + [(c, -1.0) for c in run], 0.0, 0.0,
                             "%s '%s' %s = sum of %s (%s)"
                             % (_describe(view), cell.row, cell.col.lower(), s.desc,
                                period_text(("m", run[0].period[1], run[-1].period[2]))))


def _span_fits(s, now, before):
    """The pairs of runs (this monitor's, the previous one's) of series s whose true sums are now
    and before."""
    found = _steps(s)
    if not found:
        return []
    steps, length = found
    end = max(steps) + length - 1
    fits = []
    for n_now in range(length, 13, length):
        now_run = _run(steps, length, end - n_now + 1, end)
        if now_run is None or truth_sum(now_run) != now:
            continue
        for n_before in range(length, 13, length):
            first = end - n_now - n_before + 1
            before_run = _run(steps, length, first, end - n_now)
            if before_run is not None and truth_sum(before_run) == before:
                fits.append((now_run, before_run))
    return fits


def stock_and_flow(model, views, series):
    """(e) stand(t) − stand(t−1) = instroom(t) − uitstroom(t), the flows being two series of one
    block, the stock any series on the same period axis. Returns the keys of the flow blocks."""
    flow_views = set()
    for view in views:
        flows = {name: cells for name, cells in count_series(view).items()
                 if all(c.unit == "count" for c in cells.values())}
        names = sorted(flows)
        for i_name in names:
            for u_name in names:
                if i_name == u_name:
                    continue
                inflow, outflow = flows[i_name], flows[u_name]
                periods = [p for p in inflow if p in outflow and p[0] == "m"]
                for s in series:
                    if s.edition != view.edition or s.unit != "count" or \
                            s.key in ((view.key, i_name), (view.key, u_name)):
                        continue
                    ends = {p[2]: c for p, c in s.cells.items() if p[0] == "m"}
                    inst = [(p, ends[p[2]], ends[p[1] - 1]) for p in periods
                            if p[2] in ends and p[1] - 1 in ends and truth_sum(
                                [ends[p[2]], ends[p[1] - 1], inflow[p], outflow[p]]) is not None]
                    if len(inst) < 2:
                        continue
                    if any(truth_of(b) - truth_of(a) != truth_of(inflow[p]) - truth_of(outflow[p])
                           for p, b, a in inst):
                        continue
                    flow_views.add(view.key)
                    for p, b, a in inst:
                        model.relate([(b, 1.0), (a, -1.0), (inflow[p], -1.0), (outflow[p], 1.0)],
                                     0.0, 0.0, "%s: change of stock = %s − %s (%s)"
                                     % (s.desc, i_name, u_name, period_text(p)))
    return flow_views
