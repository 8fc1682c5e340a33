"""One chart, three forms: the table, the chart data and the CSV must say the same."""

import re

from .dutch_numbers import BLANK, SECRET, SMALL, Num, parse_number, round_half_away
from .site_reader import _col_head


def _same_figure(a, b):
    """Two printed forms of one figure: the same mark, or numbers equal to the printed precision."""
    pa = parse_number(a) if isinstance(a, str) else a
    pb = parse_number(b) if isinstance(b, str) else b
    if not isinstance(pa, Num) or not isinstance(pb, Num):
        return pa == pb
    return abs(pa.value - pb.value) <= max(pa.half, pb.half, 1e-6)


def _rounds_to(value, shown):
    """The chart's unrounded number, rounded as printed (half away from zero), is the printed
    figure: € 612.345,50 is shown as € 612.346."""
    printed = parse_number(shown)
    decimals = len(re.search(r"(?:,(\d+))?\s*(?:%|mln)?\s*$", shown)[1] or "")
    scale = 1e6 if shown.rstrip().endswith("mln") else 1.0
    return abs(round_half_away(value / scale, decimals) * scale - printed.value) <= 1e-6 * scale


def check_block_agrees(model, block):
    """Step 1: the HTML table, the chart data and the CSV download of a block show the same
    figures and the same marks in the same places, and the chart data holds no number where the
    chart shows a mark."""
    table = _table_texts(block)
    where = "%s · %s" % (block.page, block.name)
    if block.csv_rows is not None:
        _check_csv(model, block, table, where)
    if block.chart is not None:
        _check_chart(model, block, table, where)


def _check_csv(model, block, table, where):
    head, *rows = block.csv_rows
    if [h.strip() for h in head] != block.head:
        model.report("mismatch", "%s: the header of %s differs from the table"
                     % (where, block.csv_name))
    seen = set()
    for row in rows:
        for c, text in enumerate(row[1:] if any(row) else []):
            key = (row[0], head[c + 1] if c + 1 < len(head) else "")
            seen.add(key)
            if key not in table:
                model.report("mismatch", "%s: %s has %s · %s, the table not"
                             % (where, block.csv_name, *key))
            elif not _same_figure(text, table[key]):
                model.report("mismatch", "%s · %s · %s: table '%s', %s '%s'"
                             % (where, key[0], key[1], table[key], block.csv_name, text))
    for key in sorted(set(table) - seen):
        model.report("mismatch", "%s: %s · %s is missing in %s" % (where, *key, block.csv_name))


def chart_points(block, table):
    """(table key or None, series label, x label, shown, data) for every point of the chart."""
    labels = block.chart.get("labels", []) if block.chart else []
    for series in block.chart.get("series", []) if block.chart else []:
        role = series.get("role")
        for i, label in enumerate(labels[:len(series.get("display", []))]):
            shown, value = series["display"][i], series["data"][i]
            if (label, series["label"]) in table:
                key = (label, series["label"])
            elif (series["label"], label) in table:
                key = (series["label"], label)
            elif role in ("begroting", "prognose"):
                # A budget line repeats one figure, shown once in the row Begroting or Prognose.
                key = (role.capitalize(), series["label"].rsplit(" ", 1)[-1])
                if key not in table:
                    continue
            else:
                key = None
            yield key, series["label"], label, shown, value


def _table_texts(block):
    return {(row.head, _col_head(block, c)): text
            for row in block.rows for c, (text, _) in enumerate(row.cells)}


def _check_chart(model, block, table, where):
    seen = set()
    for key, series, label, shown, value in chart_points(block, table):
        if key is None:
            model.report("mismatch", "%s: chart point %s · %s has no table cell"
                         % (where, series, label))
            continue
        seen.add(key)
        printed = parse_number(shown)
        data_ok = (value is None) == (printed in (SMALL, SECRET, BLANK))
        if value is not None and isinstance(printed, Num):
            data_ok = _rounds_to(float(value), shown)
        if not _same_figure(shown, table[key]) or not data_ok:
            model.report("mismatch", "%s · %s · %s: table '%s', chart '%s' (data %s)"
                         % (where, key[0], key[1], table[key], shown, value))
    for key in sorted(k for k in set(table) - seen if table[k]):
        model.report("mismatch", "%s: %s · %s is missing in the chart data" % (where, *key))


def precise_values(block):
    """{table key: number} where the chart data is more precise than the printed figure (an
    amount with cents, an unrounded rate): a reader of the data knows the figure exactly."""
    table = _table_texts(block)
    out = {}
    for key, _, _, shown, value in chart_points(block, table):
        printed = parse_number(shown)
        if key is not None and value is not None and isinstance(printed, Num) \
                and abs(float(value) - printed.value) > 1e-9:
            out[key] = Num(float(value), 1e-9 * max(1.0, abs(value)), printed.kind)
    return out
