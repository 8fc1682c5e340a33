"""(i) A mean amount per client: a block of lasten per voorziening with a line "Gemiddeld per
cliënt" beside the clients of those voorzieningen. The lasten of all voorzieningen divided by the
mean, both as printed, bound the number of all their clients: the sum of a breakdown of clients,
or one series of them."""

from .periods import period_text
from .relations import _at, _categories, _cells, _describe, _sum_truth

_MEAN_WORDS = ("per cli", "per persoon", "gemiddeld")


def is_mean(name):
    return any(w in name.lower() for w in _MEAN_WORDS)


def _lasten_and_means(view):
    """({period: [cell]} of the amounts a mean is over, {mean name: {period: cell}}) of a block
    of amounts; empty when it has no mean."""
    categories = _categories(view, set())
    means = {n: cells for n, cells in categories.items() if is_mean(n)}
    parts = [cells for n, cells in categories.items() if not is_mean(n)]
    if not means or len(parts) < 2:
        return {}, {}
    lasten = {}
    for p in set.intersection(*(set(cells) for cells in parts)):
        cells = [cells[p] for cells in parts]
        if all(c.unit == "euro" and c.num is not None for c in cells):
            lasten[p] = cells
    return lasten, means


def amounts_per_client(model, views, series, sums):
    for view in views:
        lasten, means = _lasten_and_means(view)
        for name, cells in means.items():
            for p, mean in cells.items():
                if p not in lasten or mean.num is None or mean.unit != "euro" or mean.num.value <= 1:
                    continue
                # A mean of amounts in whole euros is rounded, whatever the amounts are.
                half = max(mean.num.half, 0.5)
                low = sum(c.lo for c in lasten[p]) / (mean.num.value + half)
                high = sum(c.hi for c in lasten[p]) / (mean.num.value - half)
                total = sum(c.truth for c in lasten[p])
                targets = [s for s in series + sums
                           if s.edition == view.edition and s.unit == "count"]
                for t in targets:
                    clients = _at(t, p)
                    truth = clients is not None and _sum_truth(clients)
                    # Only what is true: the mean is the lasten over these clients.
                    if not truth or abs(total / truth - mean.truth) > half + 1e-9:
                        continue
                    model.relate([(c, 1.0) for c in _cells(clients)], low, high,
                                 "%s '%s' = lasten / %s (%s)" % (_describe(view), name, t.desc,
                                                                 period_text(p)))
