"""Blocks as grids of cells (one block of the published site beside its twin in the truth site)."""

from collections import defaultdict
from dataclasses import dataclass, field

from .cells import set_printed_bounds, states_small_rule, x_may_be_small
from .consistency import precise_values
from .dutch_numbers import BLANK, Num, parse_number
from .periods import month_period, parse_period, periods_in_text
from .rates import RateObservation, population_key
from .site_reader import Block, _col_head
from .words import measure, words


@dataclass
class View:
    key: tuple                  # (edition, page, ordinal)
    edition: int
    block: Block
    grid: dict                  # (row, column) -> Cell, numeric cells only
    series_axis: str            # "rows", "cols" or "" (one series through time, or none)
    share: bool = False         # a chart or table of percentages that add up per period
    amounts: bool = False       # those percentages divide an amount, not persons
    x_large: bool = False       # the legend makes an x count 10 or more
    totals: dict = field(default_factory=lambda: {"rows": set(), "cols": set()})

    def lines(self, axis):
        """{label: {instance: cell}} along an axis: rows (instances = columns) or columns."""
        out = defaultdict(dict)
        for (r, c), cell in self.grid.items():
            if axis == "rows":
                out[(r, self.block.rows[r].head)][c] = cell
            else:
                out[(c, _col_head(self.block, c))][r] = cell
        return out


def _block_period(block):
    """A table without periods in its headers describes the period its note or its title names,
    if any ("Periode 1 juli tot en met 31 december 2023", "…, maart 2018")."""
    for note in block.notes:
        for p, _ in periods_in_text(note):
            if p[1] != p[2] or "periode" in note.lower() or "peildatum" in note.lower():
                return p
    found = periods_in_text(block.title)
    return found[-1][0] if found else None


_AMOUNT_WORDS = ("lasten", "kosten", "uitgaven", "bedrag", "budget", "begroting")


def _cell_place(block, r, c, edition):
    """(period, series name) of a cell from its row and column headers."""
    row_head, col_head = block.rows[r].head, _col_head(block, c)
    pr, pc = parse_period(row_head), parse_period(col_head)
    if pr and pr[0] == "mo" and pc and pc[0] == "m" and pc[2] - pc[1] == 11:
        return month_period(pc[1] // 12, pr[1]), block.title, ""      # a table of year lines
    if pc and pc[0] == "mo" and pr and pr[0] == "m" and pr[2] - pr[1] == 11:
        return month_period(pr[1] // 12, pc[1]), block.title, ""
    if pc and pc[0] == "m":
        return pc, row_head, "rows"
    if pr and pr[0] == "m":
        return pr, col_head, "cols"
    low = col_head.lower()
    if low in ("deze monitor", "nu"):
        return ("ed", edition), row_head, "rows"
    if low == "vorige monitor":
        return ("ed", edition + 1), row_head, "rows"
    return None, row_head, "rows"


def _unit(row_unit, num, notes):
    """The unit of a cell from its row's data-eenheid and its printed form."""
    kind = num.kind if isinstance(num, Num) else ""
    if kind == "percent" and row_unit != "procent":
        return "change"                 # "▲ +3,4%" in the overview's "t.o.v." column
    if row_unit in ("personen", "aantal"):
        return "count"
    if row_unit == "euro" or kind == "euro":
        return "euro"
    if row_unit == "procent" or kind == "percent":
        return "share"
    if row_unit == "cijfer":
        return "rate" if any("per 1.000" in n for n in notes) else "other"
    if row_unit == "tekst":
        return "other"
    return "count" if kind == "count" else "other"


def _align_rows(pub_block, truth_block):
    """Truth row per published row: by header and text cells, as a changes table in the truth
    site may list more revisions than the published one."""
    def row_key(row):
        return row.head, tuple(t for t, numeric in row.cells if not numeric)

    index = defaultdict(list)
    for row in truth_block.rows:
        index[row_key(row)].append(row)
    seen = defaultdict(int)
    out = []
    for row in pub_block.rows:
        key = row_key(row)
        candidates = index.get(key, [])
        out.append(candidates[seen[key]] if seen[key] < len(candidates) else None)
        seen[key] += 1
    return out


def add_block_cells(model, edition, pub_block, truth_block, page_notes):
    notes = pub_block.notes or page_notes
    small_rule = states_small_rule(notes)
    x_small = x_may_be_small(notes)
    bperiod = _block_period(pub_block)
    key = (edition, pub_block.page, pub_block.ordinal)
    view = View(key, edition, pub_block, {}, "")
    precise, tprecise = precise_values(pub_block), precise_values(truth_block)
    axes = set()
    share = False
    for r, (row, trow) in enumerate(zip(pub_block.rows, _align_rows(pub_block, truth_block))):
        if trow is None:
            model.report("error", "%s · %s · %s: no twin row in the truth site"
                         % (pub_block.page, pub_block.name, row.head))
            continue
        for c, (text, numeric) in enumerate(row.cells):
            if not numeric:
                continue
            num = parse_number(text)
            ttext = trow.cells[c][0] if c < len(trow.cells) else ""
            tnum = parse_number(ttext)
            if num is None:
                continue
            place = (row.head, _col_head(pub_block, c))
            num = precise.get(place, num) if isinstance(num, Num) else num
            tnum = tprecise.get(place, tnum) if isinstance(tnum, Num) else tnum
            unit = _unit(row.unit, num if isinstance(num, Num) else tnum, notes)
            if unit == "other":
                continue
            rate = unit == "rate"
            if rate:
                # The count behind a rate per 1.000 is an unknown of its own; the rate ties it to
                # the population (see rates). Its true value follows once the population is known.
                unit = "count"
            if pub_block.refers_to:
                period = next((parse_period(t) for t, n in row.cells if not n), None)
                col = _col_head(pub_block, c).lower()
                if col == "verschil":
                    unit = "change" if unit != "share" else unit
                series_name, axis = row.head, ""
                cell_edition = edition + 1 if col == "vorige monitor" else edition
            else:
                period, series_name, axis = _cell_place(pub_block, r, c, edition)
                if period is None:
                    period = bperiod
                cell_edition = edition
            axes.add(axis)
            share = share or unit == "share"
            name = words(series_name)
            if parse_period(series_name) is not None or not name:
                name = measure(pub_block.title)
            elif axis == "rows" and parse_period(_col_head(pub_block, c)) is None:
                name = name | words(_col_head(pub_block, c))      # a table of two categories
            truth = tnum.value if isinstance(tnum, Num) else None
            cell = model.add_cell(
                edition=cell_edition, page=pub_block.page, block=pub_block.name, row=row.head,
                col=_col_head(pub_block, c), unit=unit, text=text,
                mark=num if isinstance(num, str) else "",
                num=num if isinstance(num, Num) and not rate else None,
                truth=None if rate else truth, period=period, name=name,
                ctx=measure(pub_block.title), series=(key, series_name))
            # methode.md: the rate of a small count is shown as x, so an x rate may hide any count.
            set_printed_bounds(model, cell, small_rule, x_small or rate)
            if rate and cell.mark != BLANK:
                model.rate_obs.append(RateObservation(
                    cell, num if isinstance(num, Num) else None, tnum,
                    population_key(" ".join(notes)), cell.where()))
            view.grid[(r, c)] = cell
    axes.discard("")
    view.series_axis = axes.pop() if len(axes) == 1 else ""
    view.share = share
    view.amounts = share and any(w in pub_block.title.lower() for w in _AMOUNT_WORDS)
    view.x_large = small_rule and not x_small
    return view
