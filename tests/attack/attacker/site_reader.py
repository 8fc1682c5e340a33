"""A site as read from disk: its editions, and per page the tables (blocks), tiles and
paragraphs."""

import csv
import io
import json
import os
import re
from dataclasses import dataclass, field

from .html_tree import Node, parse_html, visible


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


def _col_head(block, c):
    return block.head[c + 1] if c + 1 < len(block.head) else ""


@dataclass
class Tile:
    page: str
    ordinal: int
    title: str
    value: str
    change: str
    period: str
    notes: list = field(default_factory=list)   # the legend under the list of tiles


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


def _notes_after(node):
    """The notes (<p class="noot">) that directly follow `node` among its siblings."""
    if node is None or node.parent is None:
        return []
    siblings = [c for c in node.parent.children if isinstance(c, Node)]
    notes = []
    for sibling in siblings[siblings.index(node) + 1:]:
        if sibling.tag != "p" or not sibling.has_class("noot"):
            break
        notes.append(visible(sibling))
    return notes


def _header(thead):
    """The column names; with two header rows, the upper spans the lower ("Bedum" over its months)
    and each column is named "Bedum · K1 2024"."""
    rows = thead.find_all("tr")
    if len(rows) < 2:
        return [visible(th) for th in thead.find_all("th")]
    upper, lower = rows[0].find_all("th"), rows[1].find_all("th")
    head = [visible(th) for th in upper if th.attrs.get("rowspan") == "2"]
    groups = []
    for th in upper:
        if th.attrs.get("rowspan") != "2":
            groups += [visible(th)] * int(th.attrs.get("colspan", "1"))
    return head + ["%s · %s" % (g, visible(th)) for g, th in zip(groups, lower)]


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
        head = _header(thead) if thead is not None else []
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
                               part("peil"), _notes_after(li.parent)))
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
