"""Periods: months, quarters, half years and years, from table headers and from running text."""

import re

# A period is ("m", first, last) with months numbered year*12 + month-1, ("mo", month) for a bare
# month name in a table of year lines, or ("ed", k) for "this/previous monitor" (k = edition index).

MONTHS = {"jan": 1, "januari": 1, "feb": 2, "februari": 2, "mrt": 3, "maart": 3, "apr": 4,
          "april": 4, "mei": 5, "jun": 6, "juni": 6, "jul": 7, "juli": 7, "aug": 8, "augustus": 8,
          "sep": 9, "sept": 9, "september": 9, "okt": 10, "oktober": 10, "nov": 11,
          "november": 11, "dec": 12, "december": 12}
_MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")"
_QUARTER_WORDS = {"eerste": 1, "tweede": 2, "derde": 3, "vierde": 4}


def month_period(year, month):
    m = year * 12 + month - 1
    return ("m", m, m)


def span(year, first_month, months):
    m = year * 12 + first_month - 1
    return ("m", m, m + months - 1)


def parse_period(text):
    """A header or label that is wholly a period, or None."""
    t = " ".join(text.lower().replace("\u00a0", " ").split())
    t = re.sub(r"^(t/m|tot en met|peildatum:?|stand|eind)\s+", "", t)
    if m := re.fullmatch(r"(\d{4})", t):
        return span(int(m[1]), 1, 12)
    if m := re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?", t):
        return month_period(int(m[1]), int(m[2]))
    if m := re.fullmatch(r"(\d{4})-k([1-4])", t):
        return span(int(m[1]), 3 * int(m[2]) - 2, 3)
    if m := re.fullmatch(r"k([1-4]) (\d{4})", t):
        return span(int(m[2]), 3 * int(m[1]) - 2, 3)
    if m := re.fullmatch(r"([1-4])e kwartaal (\d{4})", t):
        return span(int(m[2]), 3 * int(m[1]) - 2, 3)
    if m := re.fullmatch(r"(\d{4})-h([12])", t):
        return span(int(m[1]), 6 * int(m[2]) - 5, 6)
    if m := re.fullmatch(r"([12])e halfjaar (\d{4})", t):
        return span(int(m[2]), 6 * int(m[1]) - 5, 6)
    if m := re.fullmatch(r"(?:\d{1,2} )?(" + _MONTH + r") (\d{4})", t):
        return month_period(int(m[2]), MONTHS[m[1]])
    if m := re.fullmatch(_MONTH, t):
        return ("mo", MONTHS[t])
    return None


_PERIOD_IN_TEXT = re.compile(
    r"(?:(?:\d{1,2} )?(?P<m1>" + _MONTH + r")(?: (?P<y1>\d{4}))? (?:t/m|tot en met) "
    r"(?:\d{1,2} )?(?P<m2>" + _MONTH + r") (?P<y2>\d{4}))"
    r"|(?:t/m|tot en met) (?P<tm>" + _MONTH + r") (?P<ty>\d{4})"
    r"|(?P<q>[1-4])e kwartaal(?: van)? (?P<qy>\d{4})"
    r"|(?P<qw>eerste|tweede|derde|vierde) kwartaal(?: van)? (?P<qwy>\d{4})"
    r"|\bk(?P<k>[1-4]) (?P<ky>\d{4})"
    r"|(?:\d{1,2} )?(?P<mo>" + _MONTH + r") (?P<my>\d{4})"
    r"|(?P<y>\b(?:19|20)\d{2}\b)")


def periods_in_text(text):
    """Every period named in running text, in order, with the character span it occupies."""
    out = []
    for m in _PERIOD_IN_TEXT.finditer(text.lower()):
        if m["m2"]:
            y2 = int(m["y2"])
            y1 = int(m["y1"]) if m["y1"] else y2
            out.append((("m", y1 * 12 + MONTHS[m["m1"]] - 1, y2 * 12 + MONTHS[m["m2"]] - 1),
                        m.span()))
        elif m["tm"]:
            # "tot en met maart 2024": the year so far
            out.append((span(int(m["ty"]), 1, MONTHS[m["tm"]]), m.span()))
        elif m["q"]:
            out.append((span(int(m["qy"]), 3 * int(m["q"]) - 2, 3), m.span()))
        elif m["qw"]:
            out.append((span(int(m["qwy"]), 3 * _QUARTER_WORDS[m["qw"]] - 2, 3), m.span()))
        elif m["k"]:
            out.append((span(int(m["ky"]), 3 * int(m["k"]) - 2, 3), m.span()))
        elif m["mo"]:
            out.append((month_period(int(m["my"]), MONTHS[m["mo"]]), m.span()))
        else:
            out.append((span(int(m["y"]), 1, 12), m.span()))
    return out


def period_text(p):
    if p is None:
        return "-"
    if p[0] == "ed":
        return "editie %d" % p[1]
    if p[0] == "mo":
        return "maand %d" % p[1]
    _, a, b = p
    names = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
    ya, ma, yb, mb = a // 12, a % 12, b // 12, b % 12
    if a == b:
        return "%s %d" % (names[ma], ya)
    if ma == 0 and mb == 11 and ya == yb:
        return str(ya)
    if b - a == 2 and ma % 3 == 0:
        return "K%d %d" % (ma // 3 + 1, ya)
    return "%s %d–%s %d" % (names[ma], ya, names[mb], yb)


def periods_compatible(p, q):
    """Same period, or a month and a longer period ending in it (a stock read at its end)."""
    if p is None or q is None:
        return p is None and q is None
    if p == q:
        return True
    if p[0] != "m" or q[0] != "m":
        return False
    return p[2] == q[2] and (p[1] == p[2] or q[1] == q[2])
