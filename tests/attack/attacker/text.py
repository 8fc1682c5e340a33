"""Tiles and prose: the figures outside the tables, as cells, and the changes and rates that
relate other figures, as statements."""

import re
from dataclasses import dataclass

from .cells import Cell, set_printed_bounds, x_may_be_small
from .dutch_numbers import SECRET, Num, parse_number
from .periods import _MONTH, periods_in_text
from .words import measure, words


@dataclass
class Statement:
    """A figure in a sentence or a tile that relates other figures: a change or a rate."""
    edition: int
    page: str
    kind: str               # "change", "steady", "rate", "tile-change"
    value: float
    truth: float
    words: frozenset
    periods: list
    average: bool = False
    population: str = ""
    cell: Cell = None       # a tile's own value
    where: str = ""


def add_tile(model, edition, tile, ttile, statements):
    num, tnum = parse_number(tile.value), parse_number(ttile.value)
    if num is None:
        return
    periods = [p for p, _ in periods_in_text(tile.period)]
    euro = "€" in tile.value or "€" in ttile.value
    cell = model.add_cell(
        edition=edition, page=tile.page, block="kerncijfer '%s'" % tile.title, row="", col="",
        unit="euro" if euro else "count", text=tile.value,
        mark=num if isinstance(num, str) else "", num=num if isinstance(num, Num) else None,
        truth=tnum.value if isinstance(tnum, Num) else None,
        period=periods[0] if periods else None, name=words(tile.title), ctx=measure(tile.title))
    # A reader takes "<10" at its word; an "x" as the note under the tiles says.
    set_printed_bounds(model, cell, True, x_may_be_small(tile.notes))
    change = re.match(r"([+-−]?[\d.,]+) t\.o\.v\. vorige monitor", tile.change.strip())
    if change:
        statements.append(Statement(edition, tile.page, "tile-change",
                                    parse_number(change[1]).value, None, words(tile.title),
                                    periods, cell=cell, where=cell.where()))


_PROSE = re.compile(
    r"(?P<np>niet te publiceren \(kleine aantallen\))"
    r"|(?P<chg>(?P<dir>toegenomen|afgenomen) met (?P<pct>\d+(?:,\d+)?)\s?%)"
    r"|(?P<steady>nagenoeg gelijk gebleven)"
    r"|(?P<rate>(?P<rv>\d{1,3}(?:\.\d{3})*(?:,\d+)?) per 1\.000 "
    r"(?P<pop>inwoners(?: van \d+\s?[–-]\s?\d+ jaar)?))"
    r"|(?P<euro>€\s?\d{1,3}(?:\.\d{3})*(?:,\d+)?(?:\s?mln)?)"
    r"|(?P<small><10)"
    r"|(?<![\w.,/-])(?P<pctnum>[+-]?\d+(?:,\d+)?\s?%)"
    r"|(?<![\w.,/-])(?P<num>\d{1,3}(?:\.\d{3})+|\d+)(?![\w%]|[.,]\d)")
# Numbers that are no figures: dates, times, references to a chart, table or footnote, the rule.
_NO_FIGURE = re.compile(r"\b\d{1,2} " + _MONTH + r"\b|\b\d{1,2}[.:]\d{2}\b|\b\d+ uur\b"
                        r"|\b(?:grafiek|grafieken|tabel|tabellen|trede|voetnoot)\s+\d+"
                        r"(?:\s+en\s+\d+)?"
                        r"|onder de 10\b", re.IGNORECASE)


def prose_tokens(text):
    """The figures of a paragraph in order; numbers that are part of a date are no figures."""
    masked = [s for _, s in periods_in_text(text)] + [m.span() for m in _NO_FIGURE.finditer(text)]
    out = []
    for m in _PROSE.finditer(text):
        if m["num"] and any(a <= m.start("num") < b for a, b in masked):
            continue
        out.append(m)
    return out


def _short(sentence):
    first = sentence.split()
    return "'%s'" % " ".join(first[:8]) + (" …" if len(first) > 8 else "")


def _sentence_at(text, pos):
    start = 0
    for m in re.finditer(r"(?<=[.!?])\s+(?=[A-Z€0-9<])", text):
        if m.start() >= pos:
            return text[start:m.start()]
        start = m.end()
    return text[start:]


def _token_kind(m):
    kinds = ("np", "chg", "steady", "rate", "euro", "small", "pctnum", "num")
    return next(k for k in kinds if m[k])


def _change_of(m):
    """The change a "toegenomen/afgenomen met …%" token prints, in %."""
    return parse_number(m["pct"]).value * (1 if m["dir"] == "toegenomen" else -1)


def add_paragraph(model, edition, para, tpara, statements, prose_cells):
    toks, ttoks = prose_tokens(para.text), prose_tokens(tpara.text)
    if len(toks) != len(ttoks):
        model.report("error", "%s: paragraph %d has %d figures, its twin in the truth site %d"
                     % (para.page, para.ordinal, len(toks), len(ttoks)))
        return
    para_words = words(para.text)
    for m, tm in zip(toks, ttoks):
        kind, tkind = _token_kind(m), _token_kind(tm)
        sentence = _sentence_at(para.text, m.start())
        periods = [p for p, _ in periods_in_text(sentence)]
        where = "%s · tekst %s" % (para.page, _short(sentence))
        truth_change = None
        if tkind == "chg":
            truth_change = _change_of(tm)
        elif tkind == "steady":
            truth_change = 0.0
        if kind == "chg":
            statements.append(Statement(edition, para.page, "change", _change_of(m), truth_change,
                                        para_words, periods, "gemiddeld" in sentence,
                                        where=where))
        elif kind == "steady":
            statements.append(Statement(edition, para.page, "steady", 0.0, truth_change,
                                        para_words, periods, "gemiddeld" in sentence,
                                        where=where))
        elif kind == "rate" and tkind == "rate":
            statements.append(Statement(edition, para.page, "rate", parse_number(m["rv"]).value,
                                        parse_number(tm["rv"]).value, para_words, periods,
                                        population=m["pop"], where=where))
        elif kind in ("num", "small", "euro", "np") and tkind in ("num", "euro"):
            # "niet te publiceren (kleine aantallen)" in place of a count hides it like an x that
            # may be anything.
            num = SECRET if kind == "np" else parse_number(m[kind])
            tnum = parse_number(tm[tkind])
            cell = model.add_cell(
                edition=edition, page=para.page, block="tekst", row=_short(sentence), col="",
                unit="euro" if tkind == "euro" else "count",
                text=m[0], mark=num if isinstance(num, str) else "",
                num=num if isinstance(num, Num) else None, truth=tnum.value,
                period=periods[-1] if periods else None, name=para_words, ctx=para_words)
            set_printed_bounds(model, cell, True, kind == "np")
            prose_cells.append(cell)
