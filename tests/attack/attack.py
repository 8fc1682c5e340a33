#!/usr/bin/env python3
"""An outsider's attack on a published sdmonitor site.

The attacker reads the final published site exactly as a reader can (every HTML page, the chart
data, the CSV downloads, the tiles and the prose), takes the relations between the published
figures that hold in reality (learned from a second build of the same content without any
suppression, the "truth site"), and computes with integer programming how far every hidden count
under 10 can be narrowed down. It shares no code with the generator's disclosure control.

    attack.py PUBLISHED_SITE TRUTH_SITE

Prints one line per recovered cell and per inconsistency, then "attack: N passed, M failed".
Exit status 0 when nothing leaks, 1 when something does, 2 when the attacker itself failed.

The file reads in the order the attack runs: Dutch numbers and periods; the HTML of both sites
(read_site); cells with their true values and what their legend says (build_model); the check
that a chart's table, data and CSV agree; the relations (discover, patterns a-i of README.md);
the integer programs (Program); the report (evaluate).
"""

import argparse
import csv
import io
import json
import math
import os
import re
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from html.parser import HTMLParser

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp

PROTECTION_WIDTH = 5  # docs/onthulling.md: an interval must be at least 5 persons wide
SMALL_LIMIT = 10      # counts below this are shown as <10

# ---------------------------------------------------------------------------------------------
# Dutch numbers
# ---------------------------------------------------------------------------------------------

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


# ---------------------------------------------------------------------------------------------
# Periods
# ---------------------------------------------------------------------------------------------
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


# ---------------------------------------------------------------------------------------------
# Words: what a figure is about
# ---------------------------------------------------------------------------------------------

_STOP = {"aantal", "van", "de", "het", "een", "in", "en", "per", "op", "met", "naar", "voor", "bij",
         "totaal", "eindtotaal", "cijfers", "tot", "t", "m", "o", "v", "is", "zijn", "dat", "die",
         "er", "waren", "was", "we", "wij", "door", "als", "ook", "nog", "aan", "om", "kwartaal",
         "halfjaar", "maand", "stand", "eind", "peildatum", "grafiek", "tabel", "herzien", "nu",
         "vorige", "monitor", "deze", "niet", "wel", "of", "te", "uit", "over", "heeft", "hebben",
         "wordt", "worden", "kregen", "gemiddelde", "gemiddeld"} | set(MONTHS)


def _stem(word):
    # Plurals and singulars should meet: uitkeringen/uitkering, cliënten/cliënt.
    if len(word) > 5 and word.endswith("en"):
        return word[:-2]
    if len(word) > 4 and word.endswith("s"):
        return word[:-1]
    return word


def words(text):
    t = unicodedata.normalize("NFKD", text.lower())
    t = "".join(c for c in t if not unicodedata.combining(c))
    out = set()
    for w in re.findall(r"[a-z0-9]+", t):
        if w in _STOP or re.fullmatch(r"(19|20)\d\d", w):
            continue
        out.add(_stem(w))
    return frozenset(out)


def measure(title):
    """The words of what a block counts, without the dimensions it is split by: "Instroom
    uitkeringen per gemeente per kwartaal" counts instroom uitkeringen."""
    return words(re.sub(r"\b(?:per|naar)\s+[\w.]+(?:\s+(?:jeugdigen|inwoners))?", " ", title))


def words_meet(a, b):
    """A word in common, or one word the start of another ("jeugd" and "jeugdhulp")."""
    if a & b:
        return True
    return any(len(x) >= 5 and len(y) >= 5 and (x.startswith(y) or y.startswith(x))
               for x in a for y in b)


# ---------------------------------------------------------------------------------------------
# HTML as a small tree
# ---------------------------------------------------------------------------------------------

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
         "track", "wbr"}


class Node:
    __slots__ = ("tag", "attrs", "children", "parent")

    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.children, self.parent = tag, attrs, [], parent

    def classes(self):
        return self.attrs.get("class", "").split()

    def has_class(self, name):
        return name in self.classes()

    def iter(self):
        for c in self.children:
            if isinstance(c, Node):
                yield c
                yield from c.iter()

    def find_all(self, tag, cls=None):
        return [n for n in self.iter() if n.tag == tag and (cls is None or n.has_class(cls))]

    def find(self, tag, cls=None):
        for n in self.iter():
            if n.tag == tag and (cls is None or n.has_class(cls)):
                return n
        return None

    def ancestor(self, pred):
        n = self.parent
        while n is not None:
            if pred(n):
                return n
            n = n.parent
        return None

    def text(self, skip=lambda n: False):
        parts = []
        for c in self.children:
            if isinstance(c, str):
                parts.append(c)
            elif not skip(c):
                parts.append(c.text(skip))
        return "".join(parts)


class _TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {}, None)
        self.cur = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {k: (v or "") for k, v in attrs}, self.cur)
        self.cur.children.append(node)
        if tag not in _VOID:
            self.cur = node

    def handle_startendtag(self, tag, attrs):
        self.cur.children.append(Node(tag, {k: (v or "") for k, v in attrs}, self.cur))

    def handle_endtag(self, tag):
        n = self.cur
        while n is not None and n.tag != tag:
            n = n.parent
        if n is not None and n.parent is not None:
            self.cur = n.parent

    def handle_data(self, data):
        self.cur.children.append(data)


def parse_html(text):
    b = _TreeBuilder()
    b.feed(text)
    b.close()
    return b.root


def visible(node):
    """What a sighted reader sees: without screen-reader text and without the marks * and h."""
    return " ".join(node.text(lambda n: n.has_class("sr-only") or n.has_class("markering")).split())


# ---------------------------------------------------------------------------------------------
# A site as read from disk
# ---------------------------------------------------------------------------------------------

@dataclass
class Row:
    head: str
    unit: str                 # data-eenheid, or "" when the row has none
    total: bool               # the row carries class="totaal"
    cells: list               # (visible text, is numeric) per cell, in column order


@dataclass
class Block:
    """A table on a page, with what stands around it: notes, chart data, the CSV download."""
    page: str
    ordinal: int
    name: str                 # "Grafiek 17", "Tabel 2" or the caption
    title: str
    head: list                # column headers, the first being the row-header column
    rows: list
    notes: list
    chart: dict = None
    csv_rows: list = None
    csv_name: str = ""
    refers_to: str = ""       # a changes table: the block it lists revisions of ("Grafiek 4")


@dataclass
class Tile:
    page: str
    ordinal: int
    title: str
    value: str
    change: str
    period: str


@dataclass
class Paragraph:
    page: str
    ordinal: int
    text: str


@dataclass
class Page:
    path: str
    notes: list
    blocks: list = field(default_factory=list)
    tiles: list = field(default_factory=list)
    paragraphs: list = field(default_factory=list)


@dataclass
class Edition:
    index: int                # 0 = the newest, at the site root
    folder: str
    pages: list


# Pages that only repeat other pages: the print copy of all chapters, and the accessibility text.
_SKIP_PAGES = {"afdrukken.html", "toegankelijkheid.html"}


def _block_name(caption):
    m = re.match(r"(Grafiek|Tabel) (\d+)\s*:\s*(.*)", caption)
    if m:
        return "%s %s" % (m[1], m[2]), m[3]
    m = re.match(r"Herzien in ((?:Grafiek|Tabel) \d+)\s*:\s*(.*)", caption)
    if m:
        return caption, m[2]
    return caption, caption


def _read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return [row for row in csv.reader(io.StringIO(f.read()), delimiter=";")]


def read_page(site_root, rel_path):
    with open(os.path.join(site_root, rel_path), encoding="utf-8") as f:
        root = parse_html(f.read())
    main = root.find("main") or root
    page = Page(rel_path, [visible(p) for p in main.find_all("p", "noot")])
    page_dir = os.path.dirname(rel_path)

    for ordinal, table in enumerate(main.find_all("table")):
        container = table.ancestor(lambda n: n.tag in ("figure", "section"))
        cap = table.find("caption")
        caption = visible(cap) if cap is not None else ""
        if not caption:
            caption = table.ancestor(lambda n: "aria-label" in n.attrs)
            caption = caption.attrs["aria-label"] if caption is not None else "tabel %d" % ordinal
        name, title = _block_name(caption)
        thead = table.find("thead")
        head = [visible(th) for th in thead.find_all("th")] if thead is not None else []
        rows = []
        body = table.find("tbody") or table
        for tr in body.find_all("tr"):
            th = tr.find("th")
            tds = tr.find_all("td")
            rows.append(Row(visible(th) if th is not None else "",
                            tr.attrs.get("data-eenheid", ""), tr.has_class("totaal"),
                            [(visible(td), td.has_class("getal")) for td in tds]))
        notes = [visible(p) for p in container.find_all("p", "noot")] if container else []
        block = Block(rel_path, ordinal, name, title, head, rows, notes)
        m = re.match(r"Herzien in ((?:Grafiek|Tabel) \d+)", caption)
        if m:
            block.refers_to = m[1]
        if container is not None:
            script = container.find("script", "grafiek-data")
            if script is not None:
                block.chart = json.loads(script.text())
            for a in container.find_all("a"):
                href = a.attrs.get("href", "")
                if "download" in a.attrs and href.endswith(".csv"):
                    block.csv_name = os.path.normpath(os.path.join(page_dir, href))
                    block.csv_rows = _read_csv(os.path.join(site_root, block.csv_name))
        page.blocks.append(block)

    for ordinal, li in enumerate(main.find_all("li", "kerncijfer")):
        def part(cls):
            n = li.find("span", "kerncijfer-" + cls)
            return visible(n) if n is not None else ""
        page.tiles.append(Tile(rel_path, ordinal, part("titel"), part("waarde"), part("verschil"),
                               part("peil")))
    # "Wat is er veranderd" repeats the tiles as a list: "<strong>Title</strong>: 1.749 (maart
    # 2024), +17 t.o.v. vorige monitor".
    for ul in main.find_all("ul", "veranderingen"):
        for li in ul.find_all("li"):
            strong = li.find("strong")
            m = re.match(r"\s*:\s*(.*?)(?:\s*\(([^)]*)\))?(?:,\s*(.*))?$",
                         visible(li)[len(visible(strong)):] if strong is not None else "")
            if strong is not None and m:
                page.tiles.append(Tile(rel_path, len(page.tiles), visible(strong), m[1],
                                       m[3] or "", m[2] or ""))

    def is_prose(n):
        if n.has_class("noot") or n.has_class("bron"):
            return False
        return n.ancestor(lambda a: a.tag in ("table", "figure", "header", "footer", "nav")
                          or a.has_class("kerncijfers") or a.has_class("veranderingen")
                          or a.has_class("kwartalen")) is None

    count = 0
    for n in main.iter():
        if n.tag in ("p", "li") and is_prose(n):
            # A list item's own words only: its nested lists and paragraphs come on their own.
            text = " ".join(n.text(lambda c: c.tag in ("ul", "ol", "p")).split())
            if text:
                page.paragraphs.append(Paragraph(rel_path, count, text))
                count += 1
    return page


def read_site(root):
    """All editions of a site: the newest at the root, older ones in the folders its footer
    lists."""
    with open(os.path.join(root, "index.html"), encoding="utf-8") as f:
        index = parse_html(f.read())
    folders = []
    nav = next((n for n in index.iter() if n.tag == "nav" and n.has_class("edities")), None)
    for a in (nav.find_all("a") if nav is not None else []):
        folder = os.path.dirname(a.attrs.get("href", ""))
        if folder not in folders:
            folders.append(folder)
    if "" not in folders:
        folders.insert(0, "")
    editions = []
    for k, folder in enumerate(folders):
        d = os.path.join(root, folder)
        names = sorted(n for n in os.listdir(d) if n.endswith(".html") and n not in _SKIP_PAGES)
        pages = [read_page(root, os.path.join(folder, n)) for n in names]
        editions.append(Edition(k, folder, pages))
    return editions


# ---------------------------------------------------------------------------------------------
# Published figures as cells, each with its true value
# ---------------------------------------------------------------------------------------------

INF = math.inf


@dataclass
class Cell:
    id: int
    edition: int
    page: str
    block: str              # where a reader finds it: "Grafiek 17", a tile's title, "tekst"
    row: str
    col: str
    unit: str               # "count", "euro", "share" or "change"
    text: str
    mark: str               # "", SMALL, SECRET or BLANK
    num: object             # the printed Num, None when hidden or blank
    truth: object           # the true value, None when the truth site shows none
    period: tuple
    name: frozenset         # words for what is counted
    ctx: frozenset          # words of the block's title
    series: tuple = None    # (block key, series name): one line through time
    lo: float = -INF        # what the reader knows from the printed text alone
    hi: float = INF

    def where(self):
        parts = [self.page, self.block, self.row, self.col]
        return " · ".join(p for p in parts if p)

    def is_hidden(self):
        return self.mark in (SMALL, SECRET)


def states_small_rule(notes):
    """The legend says that counts under 10 are printed as <10."""
    return any("onder de 10" in n and "<10" in n for n in notes)


def x_may_be_small(notes):
    """The legend of x says an x may itself hide a count under 10."""
    text = " ".join(notes).lower()
    return any(p in text for p in ("ook onder de 10", "elk getal", "ook kleiner dan 10",
                                   "ook minder dan 10", "ook een aantal onder de 10"))


@dataclass
class Finding:
    kind: str               # "legend", "mismatch" or "error"
    text: str


class Model:
    """The cells, which of them are one unknown, and the relations between the unknowns."""

    def __init__(self):
        self.cells = []
        self.parent = []
        self.relations = []     # Relation
        self.extra = {}         # name -> ExtraVar
        self.findings = []
        self.share_targets = [] # ShareTarget
        self.amount_targets = []
        self.rate_obs = []      # RateObservation

    def add_cell(self, **kw):
        cell = Cell(id=len(self.cells), **kw)
        self.cells.append(cell)
        self.parent.append(cell.id)
        return cell

    def root(self, i):
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def merge(self, a, b):
        ra, rb = self.root(a.id), self.root(b.id)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def relate(self, terms, lo, hi, why):
        """terms: [(key, coefficient)], key a Cell or the name of an extra variable."""
        self.relations.append(Relation(terms, lo, hi, why))

    def report(self, kind, text):
        self.findings.append(Finding(kind, text))

    def variable(self, name, lo, hi, integer, truth=None):
        """An unknown that is no cell (a count behind a share, a total, a population). Met again
        (the same chart in two editions), it keeps what both say about it."""
        var = self.extra.get(name)
        if var is None:
            self.extra[name] = ExtraVar(lo, hi, integer, truth)
        else:
            var.lo, var.hi = max(var.lo, lo), min(var.hi, hi)
            var.truth = var.truth or truth


@dataclass
class Relation:
    terms: list
    lo: float
    hi: float
    why: str


@dataclass
class ExtraVar:
    lo: float
    hi: float
    integer: bool
    truth: tuple            # (lo, hi) of the true value, None when unknown


def truth_of(cell):
    """A blank cell counts as 0 in a sum, as the tables treat an empty cell; None if unknown (a
    count behind a rate per 1.000 whose population is not known)."""
    return 0.0 if cell.mark == BLANK else cell.truth


def truth_sum(cells):
    values = [truth_of(c) for c in cells]
    return None if None in values else sum(values)


# ---------------------------------------------------------------------------------------------
# Blocks as grids of cells (one block of the published site beside its twin in the truth site)
# ---------------------------------------------------------------------------------------------

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


def _col_head(block, c):
    return block.head[c + 1] if c + 1 < len(block.head) else ""


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
    index = defaultdict(list)
    for row in truth_block.rows:
        index[(row.head, tuple(t for t, numeric in row.cells if not numeric))].append(row)
    seen = defaultdict(int)
    out = []
    for row in pub_block.rows:
        key = (row.head, tuple(t for t, numeric in row.cells if not numeric))
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


def set_printed_bounds(model, cell, small_rule, x_small):
    """What the printed text says about the value, and whether the legend tells the truth."""
    if cell.num is not None:
        cell.lo, cell.hi = cell.num.value - cell.num.half, cell.num.value + cell.num.half
    elif cell.mark == BLANK:
        cell.lo = cell.hi = 0.0
    elif cell.mark == SMALL:
        cell.lo, cell.hi = 0.0, SMALL_LIMIT - 1
    elif cell.mark == SECRET and cell.unit == "count":
        cell.lo = SMALL_LIMIT if small_rule and not x_small else 0.0
    if cell.unit != "count" or cell.truth is None:
        return
    if cell.mark == SMALL and cell.truth >= SMALL_LIMIT:
        model.report("legend", "%s: shown as <10 but is %g" % (cell.where(), cell.truth))
        cell.hi = INF
    if cell.mark == SECRET and cell.lo >= SMALL_LIMIT and cell.truth < SMALL_LIMIT:
        model.report("legend", "%s: x, which the legend says is 10 or more, is %g"
                     % (cell.where(), cell.truth))
        cell.lo = 0.0


# ---------------------------------------------------------------------------------------------
# Tiles and prose
# ---------------------------------------------------------------------------------------------

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
    set_printed_bounds(model, cell, True, False)
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
            truth_change = parse_number(tm["pct"]).value * (1 if tm["dir"] == "toegenomen" else -1)
        elif tkind == "steady":
            truth_change = 0.0
        if kind == "chg":
            value = parse_number(m["pct"]).value * (1 if m["dir"] == "toegenomen" else -1)
            statements.append(Statement(edition, para.page, "change", value, truth_change,
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


# ---------------------------------------------------------------------------------------------
# Reading both sites side by side
# ---------------------------------------------------------------------------------------------

def _twin_block(pub_block, truth_page):
    for b in truth_page.blocks:
        if b.ordinal == pub_block.ordinal and b.name == pub_block.name:
            return b
    return next((b for b in truth_page.blocks if b.name == pub_block.name), None)


def build_model(pub_editions, truth_editions):
    model = Model()
    views, statements, prose_cells = [], [], []
    truth_by_folder = {e.folder: e for e in truth_editions}
    for edition in pub_editions:
        tedition = truth_by_folder.get(edition.folder)
        if tedition is None:
            model.report("error", "edition %s missing in the truth site" % edition.folder)
            continue
        tpages = {p.path: p for p in tedition.pages}
        for page in edition.pages:
            tpage = tpages.get(page.path)
            if tpage is None:
                model.report("error", "%s missing in the truth site" % page.path)
                continue
            for block in page.blocks:
                tblock = _twin_block(block, tpage)
                if tblock is None:
                    model.report("error", "%s · %s missing in the truth site"
                                 % (page.path, block.name))
                    continue
                check_block_agrees(model, block)
                views.append(add_block_cells(model, edition.index, block, tblock, page.notes))
            if len(page.tiles) != len(tpage.tiles):
                model.report("error", "%s: tiles differ from the truth site" % page.path)
            for tile, ttile in zip(page.tiles, tpage.tiles):
                add_tile(model, edition.index, tile, ttile, statements)
            if len(page.paragraphs) != len(tpage.paragraphs):
                model.report("error", "%s: paragraphs differ from the truth site" % page.path)
                continue
            for para, tpara in zip(page.paragraphs, tpage.paragraphs):
                add_paragraph(model, edition.index, para, tpara, statements, prose_cells)
    return model, views, statements, prose_cells


# ---------------------------------------------------------------------------------------------
# One chart, three forms: the table, the chart data and the CSV must say the same
# ---------------------------------------------------------------------------------------------

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


# ---------------------------------------------------------------------------------------------
# Relations, each kept only when it holds on the true values
# ---------------------------------------------------------------------------------------------

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
                groups[units.pop()][label] = cells
        for unit, lines in groups.items():
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
        is_total = "totaal" in t[1].lower() or (
            axis == "rows" and view.block.rows[t[0]].total)
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


def breakdowns(views, flow_views):
    """The sum over the categories of each breakdown block, per period: a Series of cell lists.
    A block of inflow and outflow (found by stock_and_flow) divides no population."""
    out = []
    for view in views:
        if view.share or not view.series_axis or view.block.refers_to or view.key in flow_views:
            continue
        totals = {label[1] for label in view.totals[view.series_axis]}
        per_period = defaultdict(list)
        for name, cells in count_series(view).items():
            if name in totals:
                continue
            for p, c in cells.items():
                per_period[p].append(c)
        per_period = {p: cs for p, cs in per_period.items()
                      if len(cs) >= 2 and all(c.unit == "count" for c in cs)}
        if per_period:
            out.append(Series("Σ %s" % _describe(view), view.edition, view, per_period, "count",
                              frozenset(), measure(view.block.title)))
    return out


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
    """(c) Two breakdowns of one population: the sum over one block's categories at a period equals
    one figure of another block, or the sum over another breakdown, at every common period. With
    a single common period (a breakdown of one month) a chance equality is likely, so the figure
    must then be shown on the breakdown's own page too."""
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


def tile_changes(model, statements):
    """(f) "+17 t.o.v. vorige monitor": the previous edition's tile is this one minus 17."""
    for st in statements:
        if st.kind != "tile-change":
            continue
        page = os.path.basename(st.page)
        before = sorted((c for c in model.cells if c.edition == st.edition + 1
                         and c.block == st.cell.block and c.truth is not None),
                        key=lambda c: os.path.basename(c.page) != page)
        if not before or st.cell.truth is None:
            continue
        if abs(st.cell.truth - before[0].truth - st.value) <= 1e-6:
            model.relate([(st.cell, 1.0), (before[0], -1.0)], st.value, st.value,
                         "%s: %+g t.o.v. vorige monitor" % (st.cell.where(), st.value))


def _change_band(st):
    """The true change p (in %) lies in [lo, hi] given what the sentence prints."""
    if st.kind == "steady":
        return -0.05, 0.05
    return st.value - 0.05, st.value + 0.05


@dataclass
class YearPart:
    """The first months of one year of a quantity, as cells that add up to them."""
    year: int
    months: int
    cells: list
    words: frozenset
    edition: int
    page: str
    desc: str


def year_parts(model, views):
    """Every way the site shows a year so far: the months of a series, or one cell for a period
    from January on ("Tot en met maart 2024 zijn 60 …", a first quarter, a year)."""
    out = []
    for view in views:
        for name, cells in count_series(view).items():
            by_year = defaultdict(dict)
            for p, c in cells.items():
                if p[0] == "m" and p[1] == p[2]:
                    by_year[p[1] // 12][p[1] % 12] = c
            first = next(iter(cells.values()))
            for y, months in by_year.items():
                k = len(months)
                if sorted(months) == list(range(k)):
                    out.append(YearPart(y, k, [months[m] for m in range(k)],
                                        first.name | first.ctx, view.edition, view.block.page,
                                        "%s %s" % (_describe(view), name)))
    for cell in model.cells:
        p = cell.period
        if cell.unit == "count" and cell.mark != BLANK and p and p[0] == "m" and p[1] % 12 == 0 \
                and p[2] > p[1] and p[2] // 12 == p[1] // 12:
            out.append(YearPart(p[1] // 12, p[2] - p[1] + 1, [cell], cell.name | cell.ctx,
                                cell.edition, cell.page, cell.where()))
    return out


def change_statements(model, statements, views):
    """(g) "toegenomen met 2,9%": the ratio of two figures of one quantity lies within the printed
    rounding: the average of a year's months so far against the whole previous year (from any
    edition), or one period against the one before or a year before. Tried on the quantities
    whose words the sentence uses, those of its own page first; kept where the true figures give
    the printed change."""
    parts = year_parts(model, views)
    series_by_edition = defaultdict(list)
    for view in views:
        for name, cells in count_series(view).items():
            first = next(iter(cells.values()))
            series_by_edition[view.edition].append((view, name, cells, first.name | first.ctx))
    for st in statements:
        if st.kind not in ("change", "steady"):
            continue
        years = {p[1] // 12 for p in st.periods if p[2] - p[1] == 11}
        after = [a for a in parts if a.edition == st.edition and words_meet(st.words, a.words)
                 and (not years or a.year in years or a.year - 1 in years)]
        if any(a.page == st.page for a in after):
            after = [a for a in after if a.page == st.page]
        for a in after:
            for b in parts:
                if b.year == a.year - 1 and b.months == 12 and words_meet(b.words, a.words) \
                        and words_meet(st.words, b.words):
                    _add_change(model, st, b.cells, a.cells, 12, a.months,
                                "%s, %d months of %d against %s, %d" % (a.desc, a.months, a.year,
                                                                     b.desc, b.year))
        if st.average:
            continue
        pool = series_by_edition[st.edition]
        chosen = [s for s in pool if s[0].block.page == st.page and words_meet(st.words, s[3])]
        for view, name, cells, _ in chosen:
            for before, after_cell, what in _period_pairs(cells, years):
                _add_change(model, st, [before], [after_cell], 1, 1,
                            "%s %s: %s" % (_describe(view), name, what))
    for view in views:
        # The overview's "t.o.v. een jaar eerder" column: its own row, a year apart.
        for cell in view.grid.values():
            if cell.unit != "change" or cell.num is None or view.block.refers_to:
                continue
            row = {c.period: c for c in view.grid.values()
                   if c.row == cell.row and c.unit == "count" and c.period}
            st = Statement(view.edition, view.block.page, "change", cell.num.value, None,
                           frozenset(), [], where=cell.where())
            for before, after_cell, what in _period_pairs(row, set(), year_only=True):
                _add_change(model, st, [before], [after_cell], 1, 1, what)


def _period_pairs(cells, years, year_only=False):
    """(before, after, description): a period against the same period a year before, or
    against the period just before it."""
    for p, after in cells.items():
        if p[0] != "m" or (years and p[1] // 12 not in years):
            continue
        length = p[2] - p[1]
        candidates = [("m", p[1] - 12, p[2] - 12)]
        if not year_only:
            candidates.append(("m", p[1] - length - 1, p[1] - 1))
        for q in candidates:
            if q in cells:
                yield cells[q], after, "%s against %s" % (period_text(p), period_text(q))


def _add_change(model, st, before, after, k_before, k_after, what):
    """(Σ after / k_after) / (Σ before / k_before) − 1 within the printed band, if the true
    figures give the printed change."""
    tb, ta = truth_sum(before), truth_sum(after)
    if tb is None or ta is None or tb <= 0:
        return
    tb, ta = tb / k_before, ta / k_after
    lo, hi = _change_band(st)
    change = (ta / tb - 1) * 100
    shown = round_half_away(change, 1)
    agrees = lo - 1e-9 <= shown <= hi + 1e-9 if st.kind == "steady" else \
        abs(shown - st.value) < 1e-9
    if not agrees:
        return
    # after/ka − (1 + lo/100) before/kb >= 0 and after/ka − (1 + hi/100) before/kb <= 0
    for bound, sense in ((lo, "lo"), (hi, "hi")):
        terms = [(c, 1.0 / k_after) for c in after]
        terms += [(c, -(1 + bound / 100) / k_before) for c in before]
        if sense == "lo":
            model.relate(terms, 0.0, INF, "%s: %s (%s)" % (st.where, what, "change"))
        else:
            model.relate(terms, -INF, 0.0, "%s: %s (%s)" % (st.where, what, "change"))


# ---------------------------------------------------------------------------------------------
# Shares and rates: unknown counts behind printed percentages and rates per 1.000
# ---------------------------------------------------------------------------------------------

SHARE_HALF = 0.1        # largest-remainder rounding to 0,1% moves a share by less than 0,1
BIG = 1e7               # an upper bound on counts, so that no program is unbounded


@dataclass
class ShareTarget:
    var: str
    cell: Cell
    truth: tuple            # (lo, hi) of the true count, None when unknown
    required: float


def _truth_counts(share, total):
    """Counts consistent with a true share of a known total."""
    lo = max(0, math.ceil((share - SHARE_HALF) * total / 100 - 1e-9))
    hi = math.floor((share + SHARE_HALF) * total / 100 + 1e-9)
    return lo, hi


def _share_feasible(shares, total):
    """Integer counts with these (true) shares and this total exist."""
    bounds = [_truth_counts(s, total) for s in shares]
    return all(lo <= hi for lo, hi in bounds) and \
        sum(lo for lo, _ in bounds) <= total <= sum(hi for _, hi in bounds)


def shares(model, views, series, sums):
    """(h) A chart of shares per period: counts n_i >= 0 (integers for persons) with
    |100 n_i / T − s_i| <= 0,1 and T = Σ n_i. T is linked to a published total of the same
    population (words in common with the chart's title) when, at every common period, integer
    counts exist with the TRUE shares and that total; a `<10` bounds the count n_i."""
    for view in views:
        if not view.share or view.block.refers_to:
            continue
        by_period = defaultdict(dict)
        for cell in view.grid.values():
            if cell.unit == "share" and cell.period is not None:
                by_period[cell.period][cell.series[1]] = cell
        if view.amounts:
            _amount_shares(model, view, by_period)
            continue
        links = _share_totals(view, by_period, series, sums)
        for p, cats in by_period.items():
            truths = tuple(c.truth for c in cats.values())
            if None in truths:
                continue
            # The same chart in two editions with the same true shares is one set of counts.
            key = "%s|%s|%s" % (view.block.title, period_text(p), truths)
            total = "T|" + key
            known_total = None
            link = links.get(p)
            if link is not None:
                known_total = _sum_truth(_at(link, p))
            model.variable(total, 0, BIG, True,
                           None if known_total is None else (known_total, known_total))
            if link is not None:
                w = _at(link, p)
                model.relate([(total, 1.0)] + [(c, -1.0) for c in _cells(w)], 0.0, 0.0,
                             "%s: total %s = %s" % (_describe(view), period_text(p), link.desc))
            terms = []
            for name, cell in cats.items():
                var = "n|%s|%s" % (name, key)
                tr = _truth_counts(cell.truth, known_total) if known_total is not None else None
                lo, hi = 0, BIG
                if cell.mark == SMALL:
                    hi = SMALL_LIMIT - 1
                elif cell.mark == SECRET and view.x_large:
                    lo = SMALL_LIMIT
                if tr is not None:
                    if cell.mark == SMALL and tr[0] >= SMALL_LIMIT:
                        model.report("legend", "%s: shown as <10 but the count is %d..%d"
                                     % (cell.where(), *tr))
                        hi = BIG
                    if cell.mark == SECRET and lo >= SMALL_LIMIT and tr[1] < SMALL_LIMIT:
                        model.report("legend", "%s: x, which the legend says is 10 or more, "
                                     "is a count of %d..%d" % (cell.where(), *tr))
                        lo = 0
                model.variable(var, lo, hi, True, tr)
                terms.append((var, -1.0))
                if cell.num is not None:
                    s = cell.num.value
                    why = "%s: share %s (%s)" % (_describe(view), name, period_text(p))
                    model.relate([(var, 100.0), (total, -(s + SHARE_HALF))], -INF, 0.0, why)
                    model.relate([(var, 100.0), (total, -(s - SHARE_HALF))], 0.0, INF, why)
                elif cell.mark == SMALL or (cell.mark == SECRET and tr is not None
                                            and tr[1] < SMALL_LIMIT):
                    required = PROTECTION_WIDTH
                    if link is not None and all(c.num is not None for c in _cells(_at(link, p))):
                        # A period of 3 persons cannot be 5 wide (docs/onthulling.md).
                        required = min(required, known_total)
                    if all(t.var != var for t in model.share_targets):
                        model.share_targets.append(ShareTarget(var, cell, tr, required))
            model.relate([(total, 1.0)] + terms, 0.0, 0.0,
                         "%s: the counts of %s add up" % (_describe(view), period_text(p)))


def _share_totals(view, by_period, series, sums):
    """{period: published total behind the share chart}: from the series that share a word with
    the chart's title and whose true totals give integer counts with the true shares at every
    common period. Where such candidates disagree about a period, the reader cannot tell which
    total it is and that period stays unlinked."""
    title = words(view.block.title)
    candidates = defaultdict(dict)      # period -> {true total: (number of periods, Series)}
    for s in series + sums:
        if s.edition != view.edition or s.unit != "count" or s.view is view:
            continue
        if not words_meet(title, s.name | s.ctx):
            continue
        common = [(p, _at(s, p)) for p in by_period]
        common = [(p, w) for p, w in common if w is not None]
        if not common or not all(
                _share_feasible([c.truth for c in by_period[p].values()], _sum_truth(w))
                for p, w in common if None not in (c.truth for c in by_period[p].values())):
            continue
        for p, _ in common:
            best = candidates[p].get(_sum_truth(_at(s, p)))
            if best is None or best[0] < len(common):
                candidates[p][_sum_truth(_at(s, p))] = (len(common), s)
    return {p: next(iter(c.values()))[1] for p, c in candidates.items() if len(c) == 1}


def _amount_shares(model, view, by_period):
    """Shares of an amount: the printed shares of a period add up to exactly 100,0 (largest
    remainder), so hidden shares are recovered when that pins them."""
    for p, cats in by_period.items():
        hidden = [c for c in cats.values() if c.is_hidden()]
        if not hidden:
            continue
        shown = sum(c.num.value for c in cats.values() if c.num is not None)
        terms = []
        for c in hidden:
            var = "d|%s|%s|%s" % (view.key, period_text(p), c.series[1])
            model.variable(var, 0.0, 100.0, False,
                           (c.truth, c.truth) if c.truth is not None else None)
            terms.append((var, 1.0))
            model.amount_targets.append((var, c))
        model.relate(terms, 100.0 - shown, 100.0 - shown,
                     "%s: the shares of %s add up to 100%%" % (_describe(view), period_text(p)))


@dataclass
class RateObservation:
    """A printed rate per 1.000 inhabitants of a count."""
    cell: Cell              # the count (printed elsewhere, or the unknown behind a rate cell)
    rate: Num               # the printed rate, None when hidden
    truth: Num              # the true rate, None when unknown
    population: str         # which inhabitants: "0-17" or "alle"
    where: str


def population_key(text):
    m = re.search(r"per 1\.000 (?:inwoners|jeugdigen)"
                  r"(?: van (\d+)\s*(?:–|-|tot en met)\s*(\d+) jaar)?", text)
    if not m:
        return ""
    return "%s-%s" % (m[1], m[2]) if m[1] else "alle"


def _count_of_rate(model, st):
    """The count a rate in the prose is of: same page and period, most words in common."""
    period = st.periods[-1]
    scored = defaultdict(set)
    for cell in model.cells:
        if cell.unit == "count" and cell.edition == st.edition and cell.page == st.page \
                and cell.truth is not None and cell.num is not None \
                and periods_compatible(cell.period, period) \
                and words_meet(st.words, cell.name | cell.ctx):
            scored[(cell.period == period, len(st.words & (cell.name | cell.ctx)))].add(cell.id)
    best = scored[max(scored)] if scored else set()
    return model.cells[best.pop()] if len(best) == 1 else None


def rates(model, statements):
    """(i) A rate r per 1.000 is 1000·n / P rounded to one decimal, P the unknown number of
    inhabitants (of an age group) on 1 January of the year of the period. Every rate of one group
    and year shares P; a rate whose count is printed narrows P, and then the counts behind the
    other rates. Runs before the same-quantity merge, as it gives those counts their true values."""
    for st in statements:
        if st.kind == "rate" and st.truth is not None and st.periods:
            cell = _count_of_rate(model, st)
            if cell is not None:
                model.rate_obs.append(RateObservation(
                    cell, Num(st.value, 0.05, "decimal"), Num(st.truth, 0.05, "decimal"),
                    population_key("per 1.000 " + st.population), st.where))
    groups = defaultdict(list)
    for obs in model.rate_obs:
        p = obs.cell.period
        if obs.population and p is not None and p[0] == "m":
            groups[(obs.population, p[2] // 12)].append(obs)
    for (population, year), items in sorted(groups.items()):
        lo, hi = 1, BIG
        for obs in items:
            if obs.cell.truth is not None and obs.truth is not None:
                r, h = obs.truth.value, obs.truth.half
                lo = max(lo, math.ceil(1000 * obs.cell.truth / (r + h) - 1e-6))
                if r > h:
                    hi = min(hi, math.floor(1000 * obs.cell.truth / (r - h) + 1e-6))
        if lo > hi:
            model.report("error", "per 1.000 %s in %d: the true rates fit no population"
                         % (population, year))
            continue
        known = (lo, hi) if hi < BIG else None
        var = "P|%s|%d" % (population, year)
        model.variable(var, 1, BIG, True, known)
        for obs in items:
            if obs.cell.truth is None and known is not None and obs.truth is not None:
                r, h = obs.truth.value, obs.truth.half
                low = math.ceil((r - h) * lo / 1000 - 1e-6)
                high = math.floor((r + h) * hi / 1000 + 1e-6)
                if low == high:
                    obs.cell.truth = float(low)
            if obs.rate is None:
                continue
            r, h = obs.rate.value, obs.rate.half
            why = "%s: %.1f per 1.000 inwoners (%s) in %d" % (obs.where, r, population, year)
            model.relate([(obs.cell, 1000.0), (var, -(r + h))], -INF, 0.0, why)
            model.relate([(obs.cell, 1000.0), (var, -(r - h))], 0.0, INF, why)


# ---------------------------------------------------------------------------------------------
# The integer programs: the smallest and largest value of an unknown under everything known
# ---------------------------------------------------------------------------------------------

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
                self._union(a, b)

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

    def _find(self, c):
        while self.parent[c] != c:
            self.parent[c] = self.parent[self.parent[c]]
            c = self.parent[c]
        return c

    def _union(self, a, b):
        ra, rb = self._find(a), self._find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def component_rows(self, objective):
        """The relations that can matter for an objective: those of its connected component."""
        roots = {self._find(c) for c in objective if not self.fixed(c)}
        return sorted({i for c in range(len(self.lb))
                       if self._find(c) in roots and not self.fixed(c) for i in self.rows_of[c]})

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


# ---------------------------------------------------------------------------------------------
# The attack
# ---------------------------------------------------------------------------------------------

def discover(model, views, statements, prose_cells):
    rates(model, statements)
    for view in views:
        block_sums(model, view)
        changes_table_relations(model, view)
    merge_same_quantities(model, prose_cells)
    series = all_series(model, views)
    flow_views = stock_and_flow(model, views, series)
    sums = breakdowns(views, flow_views)
    cross_block_sums(model, sums, series)
    time_aggregation(model, series)
    tile_changes(model, statements)
    change_statements(model, statements, views)
    shares(model, views, series, sums)


def attack(published, truth, out=sys.stdout, verbose=False):
    """Attack one site; returns (passed, failed, exit status)."""
    model, views, statements, prose_cells = build_model(read_site(published), read_site(truth))
    discover(model, views, statements, prose_cells)
    program = Program(model)
    if verbose:
        for rel in model.relations:
            print("relation %s" % rel.why, file=out)
    passed, failed = evaluate(model, program, out, verbose)
    labels = {"legend": "LEGEND", "mismatch": "MISMATCH", "error": "ERROR"}
    for finding in model.findings:
        print("%s %s" % (labels[finding.kind], finding.text), file=out)
    errors = sum(f.kind == "error" for f in model.findings)
    problems = len(model.findings) - errors
    if problems:
        print("consistency: %d problems" % problems, file=out)
    print("attack: %d passed, %d failed" % (passed, failed), file=out)
    status = 2 if errors else 1 if failed or problems else 0
    return passed, failed, status


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("published", help="the site as built by sdmonitor")
    parser.add_argument("truth", help="the same site without suppression (sdm_truth_site)")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="also list every relation found and every interval computed")
    args = parser.parse_args(argv)
    return attack(args.published, args.truth, verbose=args.verbose)[2]


if __name__ == "__main__":
    sys.exit(main())
