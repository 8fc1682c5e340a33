"""Dutch numbers: a printed figure as its value and the rounding it went through, or a mark."""

import math
import re
from dataclasses import dataclass

SMALL, SECRET, BLANK = "<10", "x", "blank"


@dataclass(frozen=True)
class Num:
    """A printed number: its value and how far the truth may lie from it through rounding."""
    value: float
    half: float       # half the unit of the last printed digit (0 for exact counts)
    kind: str         # "count", "euro", "percent", "decimal"


_NUM_RE = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?")


def parse_number(text):
    """A cell's text as Num, or one of the marks SMALL, SECRET, BLANK; None if it is no number.

    Handles 1.464.689, € 7.133.000, € 7,1 mln, 2,1%, +17, -/-944, the minus sign U+2212 and the
    trend arrows of the overview table."""
    t = text.replace("\u00a0", " ").replace("\u2212", "-").strip()
    t = t.lstrip("▲▼").strip()
    if t == "":
        return BLANK
    if t == "<10":
        return SMALL
    if t.lower() == "x":
        return SECRET
    sign = 1.0
    if t.startswith("-/-"):
        sign, t = -1.0, t[3:].strip()
    elif t[:1] in "+-":
        sign, t = (-1.0 if t[0] == "-" else 1.0), t[1:].strip()
    euro = t.startswith("€")
    if euro:
        t = t[1:].strip()
    millions = t.endswith("mln")
    if millions:
        t = t[:-3].strip()
    percent = t.endswith("%")
    if percent:
        t = t[:-1].strip()
    if not _NUM_RE.fullmatch(t):
        return None
    whole, _, decimals = t.partition(",")
    value = float(whole.replace(".", "") + ("." + decimals if decimals else ""))
    # Counts and whole euros are exact; a decimal is rounded to its last digit.
    half = 0.5 * 10.0 ** -len(decimals) if decimals else 0.0
    if millions:
        value, half = value * 1e6, half * 1e6
    kind = "euro" if euro else "percent" if percent else "decimal" if decimals else "count"
    return Num(sign * value, half, kind)


def round_half_away(x, digits):
    """docs/methode.md: half a unit away from zero."""
    f = 10.0 ** digits
    return math.copysign(math.floor(abs(x) * f + 0.5 + 1e-9) / f, x)
