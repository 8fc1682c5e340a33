"""(h) Weighted sums: a block that counts clients by how many voorzieningen they have ("1
voorziening", "2 voorzieningen", …, perhaps "4 of meer") beside a block that counts the clients
of each voorziening, where a client with three counts three times. The second block's sum is then
1·n1 + 2·n2 + 3·n3 + …; with an open last category ("4 of meer") it is at least that."""

import re

from .cells import INF
from .periods import period_text
from .relations import _at, _categories, _cells, _describe, _sum_truth
from .words import words, words_meet

_COUNT = re.compile(r"^\s*(\d+)\s*(\+|of meer|en meer|or more)?(?:\s+(.*))?$", re.IGNORECASE)


def weights(names):
    """{name: (k, open)} when every category is a number of things ("2 voorzieningen"), with
    distinct numbers, at least two, and only the largest open ("4 of meer"); the words of what
    is counted ("voorzieningen"); else (None, None)."""
    out, counted = {}, set()
    for name in names:
        m = _COUNT.match(name)
        if not m:
            return None, None
        out[name] = (int(m.group(1)), m.group(2) is not None)
        counted |= words(m.group(3) or "")
    ks = sorted(k for k, _ in out.values())
    if len(ks) < 2 or len(set(ks)) != len(ks):
        return None, None
    if any(is_open and k != ks[-1] for k, is_open in out.values()):
        return None, None
    return out, frozenset(counted)


def weighted_sums(model, views, series, sums):
    for view in views:
        categories = _categories(view, set())
        w, counted = weights(categories)
        if not w:
            continue
        is_open = any(o for _, o in w.values())
        periods = set.intersection(*(set(cells) for cells in categories.values()))
        targets = [s for s in series + sums if s.edition == view.edition and s.view is not view
                   and s.unit == "count"]
        for t in targets:
            # An open last category says only "at least": a reader needs the words to meet.
            if is_open and not words_meet(counted, t.name | t.ctx):
                continue
            pairs = []
            for p in sorted(periods):
                other = _at(t, p)
                if other is None:
                    continue
                terms = [(categories[n][p], float(k)) for n, (k, _) in w.items()]
                truths = [_sum_truth(c) for c, _ in terms]
                if None in truths or _sum_truth(other) is None:
                    pairs = []
                    break
                pairs.append((p, terms, sum(k * v for (_, k), v in zip(terms, truths)),
                              _sum_truth(other), other))
            if not pairs or not any(lhs for _, _, lhs, _, _ in pairs):
                continue
            holds = all(lhs <= rhs if is_open else lhs == rhs for _, _, lhs, rhs, _ in pairs)
            if not holds or (not is_open and len(pairs) < 2):
                continue
            for p, terms, _, _, other in pairs:
                model.relate(terms + [(c, -1.0) for c in _cells(other)], -INF if is_open else 0.0,
                             0.0, "Σ k·n %s %s %s (%s)" % (_describe(view),
                                                           "<=" if is_open else "=", t.desc,
                                                           period_text(p)))
