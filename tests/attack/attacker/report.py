"""What the programs say about every hidden figure: its interval, whether it leaks, and why."""

from dataclasses import dataclass

from .cells import BIG, PROTECTION_WIDTH, SMALL_LIMIT
from .dutch_numbers import BLANK


@dataclass
class Target:
    objective: dict         # column -> coefficient
    where: str
    truth: tuple            # (lo, hi) of the true value, None when unknown
    required: float         # the interval must be at least this wide
    amount: float = 0.0     # for amounts: the interval must be wider than this
    also: int = 0           # how many more places show the same unknown


def targets(model, program):
    out = []
    hidden_cols = {}
    for root, cells in program.members.items():
        hidden = [c for c in cells if c.is_hidden()]
        if not hidden:
            continue
        col = program.col[("g", root)]
        t = program.truth[col]
        first = hidden[0]
        if any(c.unit == "count" for c in hidden):
            hidden_cols[col] = t
            if t is not None and t[1] < SMALL_LIMIT:
                marks = [min(c.hi, BIG) - c.lo for c in hidden]
                out.append(Target({col: 1.0}, first.where(), t,
                                  min(PROTECTION_WIDTH, max(marks)), also=len(hidden) - 1))
        elif any(c.unit == "euro" for c in hidden):
            out.append(Target({col: 1.0}, first.where(), t, 0.0, amount=1.0,
                              also=len(hidden) - 1))
    for st in model.share_targets:
        col = program.col[("x", st.var)]
        hidden_cols[col] = st.truth
        out.append(Target({col: 1.0}, st.cell.where() + " (count behind the share)", st.truth,
                          st.required))
    for var, cell in model.amount_targets:
        out.append(Target({program.col[("x", var)]: 1.0}, cell.where(), program.truth[
            program.col[("x", var)]], 0.0, amount=0.05))
    # Two small cells do not protect each other: the hidden parts of one relation, when they add
    # up to less than 10, are a small count themselves.
    seen = set()
    for coefs, lo, hi, rel in program.rows:
        if lo != hi:
            continue
        for sign in (1.0, -1.0):
            parts = frozenset(c for c, k in coefs.items() if k == sign and c in hidden_cols
                              and not program.fixed(c))
            if len(parts) < 2 or parts in seen or any(hidden_cols[c] is None for c in parts):
                continue
            seen.add(parts)
            total = (sum(hidden_cols[c][0] for c in parts), sum(hidden_cols[c][1] for c in parts))
            if total[1] < SMALL_LIMIT:
                out.append(Target({c: 1.0 for c in parts}, "sum of the hidden parts of: " + rel.why,
                                  total, PROTECTION_WIDTH))
    return out


def explain(program, target, interval):
    """A small set of relations that still gives the same interval, and the hidden cells among
    them that are printed elsewhere: the reasons to print."""
    def same(result):
        return result is not None and all(abs(a - b) < 1e-6 for a, b in zip(result, interval))

    rows = program.component_rows(target.objective)
    # Drop relations in chunks, halving their size (few programs when most are irrelevant), and
    # from the end: relations found first (inside blocks, between blocks) are the plainest reasons.
    size = max(1, len(rows) // 2)
    while True:
        end = len(rows)
        while end > 0:
            start = max(0, end - size)
            trial = rows[:start] + rows[end:]
            if same(program.bounds(target.objective, trial)):
                rows = trial
            end = start
        if size == 1:
            break
        size //= 2
    reasons = [program.rows[i][3].why for i in rows]
    columns = set(target.objective) | {c for i in rows for c in program.rows[i][0]}
    for col in sorted(columns):
        cells = program.cells_of(col)
        # A hidden cell, or a count behind a rate, that is printed elsewhere.
        unprinted = [c for c in cells if c.num is None and c.mark != BLANK]
        shown = [c for c in cells if c.num is not None]
        if unprinted and shown:
            reasons.append("'%s' is printed as %s in %s" % (unprinted[0].where(), shown[0].text,
                                                             shown[0].where()))
    return list(dict.fromkeys(reasons))


def _round_in(value, integer):
    return value if not integer else float(round(value))


def evaluate(model, program, out, verbose=False):
    passed = failed = 0
    for target in targets(model, program):
        rows = program.component_rows(target.objective)
        result = program.bounds(target.objective, rows)
        if result is None:
            model.report("error", "%s: the relations have no solution, the model is wrong"
                         % target.where)
            continue
        integer = all(program.integer[c] for c in target.objective)
        lo, hi = (_round_in(v, integer) for v in result)
        if target.truth is not None and not (lo - 1e-6 <= target.truth[1] and
                                             target.truth[0] <= hi + 1e-6):
            model.report("error", "%s: the true value %s lies outside [%g, %g]; the attacker's "
                         "relations are wrong" % (target.where, _fmt_truth(target.truth), lo, hi))
            continue
        width = hi - lo
        leak = width < target.amount if target.amount else width < target.required
        if verbose:
            print("target %s in [%s, %s] (truth %s)" % (target.where, _fmt(lo), _fmt(hi),
                                                       _fmt_truth(target.truth)), file=out)
        if not leak:
            passed += 1
            continue
        failed += 1
        why = explain(program, target, result)
        also = " (and %d more places)" % target.also if target.also else ""
        need = "pinned" if target.amount else "width %g < %g" % (width, target.required)
        print("FAIL %s%s in [%s, %s] (%s; truth %s) via %s"
              % (target.where, also, _fmt(lo), _fmt(hi), need, _fmt_truth(target.truth),
                 "; ".join(why) if why else "its own printed value"), file=out)
    return passed, failed


def _fmt(v):
    return "%g" % v if abs(v) < BIG / 10 else ("∞" if v > 0 else "-∞")


def _fmt_truth(t):
    if t is None:
        return "unknown"
    return _fmt(t[0]) if t[0] == t[1] else "%s..%s" % (_fmt(t[0]), _fmt(t[1]))
