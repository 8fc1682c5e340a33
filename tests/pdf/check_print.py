#!/usr/bin/env python3
"""Checks the council's PDF as printed matter, with the standard library and poppler-utils only.

Usage: check_print.py monitor.pdf afdrukken.html [address]
(afdrukken.html: the page it was printed from, for its chapters; address: the `adres:` of the
edition, when it has one)

1. Paper: every page is A4, portrait (595 x 842 pt) or landscape (842 x 595 pt), as pdfinfo says.
2. Text size: Chromium shrinks the whole document when something is wider than the page. The size
   of every piece of text is read from the page's content stream (font size times the text and
   transformation matrices, so exactly what is on paper; word boxes of `pdftotext -bbox` depend on
   the font's ascent and descent and only approximate it). Rule: on every page the size that the
   most glyphs have (the body text) is at least 9 pt, and no text at all is under 7.5 pt (the
   footer is 8 pt). No word reaches into the left or right page margin: Chromium clips there,
   so such a word is a cut-off column.
3. Links: no `file:` anywhere in the file, also not inside compressed streams; every /URI is
   http(s). Text that only makes sense on a screen ("Klik op") is not printed. Without an address
   nothing links out of the document; with one, the CSV downloads link to it and the addresses
   are printed, so they work on paper too.
4. Captions: no page's last line above the footer is a caption "Grafiek N: …" or "Tabel N: …",
   and every chart starts on the page of its caption (an image below the caption).
5. Structure: the PDF is tagged and has an outline (bookmarks) with an entry per chapter.
"""

import html
import re
import subprocess
import sys
import zlib
from collections import Counter

BODY_MIN = 9.0
ANY_MIN = 7.5
MARGIN = 42.5  # pt: 1,5 cm left and right (site.css @page); text never reaches into it
FOOTER_ZONE = 50  # pt from the bottom edge: the footer sits in the page margin

failures = []


def fail(message):
    failures.append(message)


def run(*args):
    return subprocess.run(args, check=True, capture_output=True).stdout.decode("utf-8", "replace")


def objects(data):
    out = {}
    for m in re.finditer(rb"(\d+) 0 obj\s*(.*?)endobj", data, re.S):
        out[int(m.group(1))] = m.group(2)
    return out


def stream_of(body):
    start = body.find(b"stream")
    if start < 0:
        return None
    start += len(b"stream")
    if body[start:start + 2] == b"\r\n":
        start += 2
    elif body[start:start + 1] == b"\n":
        start += 1
    raw = body[start:body.rfind(b"endstream")]
    if b"/FlateDecode" in body[:start]:
        try:
            return zlib.decompressobj().decompress(raw)
        except zlib.error:
            return b""
    return raw


def multiply(a, b):
    return [a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3],
            a[2] * b[0] + a[3] * b[2], a[2] * b[1] + a[3] * b[3],
            a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5]]


TOKEN = re.compile(rb"<[0-9A-Fa-f]*>|\((?:\\.|[^\\)])*\)|\[|\]|/[^\s/\[\]()<>]+|[^\s/\[\]()<>]+")


def page_content(stream):
    """Glyph counts per text size (pt), and the tops (pt from the page top, before flipping) of
    the images drawn, from a content stream as Skia writes it."""
    sizes = Counter()
    images = []
    ctm = [1, 0, 0, 1, 0, 0]
    stack = []
    font_size, tm = 0.0, [1, 0, 0, 1, 0, 0]
    operands = []
    for tok in TOKEN.findall(stream):
        if tok[:1] in b"<(/[]" or re.fullmatch(rb"[-+.\d]+", tok):
            operands.append(tok)
            continue
        op = tok
        nums = []
        for o in operands:
            try:
                nums.append(float(o))
            except ValueError:
                pass
        if op == b"q":
            stack.append(ctm)
        elif op == b"Q":
            ctm = stack.pop() if stack else [1, 0, 0, 1, 0, 0]
        elif op == b"cm" and len(nums) == 6:
            ctm = multiply(nums, ctm)
        elif op == b"Tf" and nums:
            font_size = nums[-1]
        elif op == b"Tm" and len(nums) == 6:
            tm = nums
        elif op in (b"Tj", b"TJ"):
            m = multiply(tm, ctm)
            size = abs(font_size) * (abs(m[0] * m[3] - m[1] * m[2]) ** 0.5)
            glyphs = sum(len(o) - 2 for o in operands if o[:1] == b"<") // 4
            sizes[round(size, 1)] += max(glyphs, 1)
        elif op == b"Do":
            # the unit square under the CTM: its top edge in PDF space
            images.append(max(ctm[5], ctm[5] + ctm[3]))
        operands = []
    return sizes, images


def check_pdf(path, chapters, address):
    data = open(path, "rb").read()
    objs = objects(data)
    info = run("pdfinfo", path)
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))

    # 1. A4
    sizes_info = run("pdfinfo", "-f", "1", "-l", str(pages), path)
    page_sizes = [(float(w), float(h)) for w, h in
                  re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", sizes_info, re.M)]
    for n, (w, h) in enumerate(page_sizes, 1):
        if not any(abs(w - a) < 1 and abs(h - b) < 1 for a, b in ((595, 842), (842, 595))):
            fail(f"pagina {n} is {w:g} x {h:g} pt, geen A4")
            break
    print(f"papier: {Counter(f'{w:g} x {h:g}' for w, h in page_sizes)}")

    # 2. text sizes, from each page's content stream (pages in document order by /Kids)
    page_objs = []

    def walk(num):
        body = objs.get(num, b"")
        kids = re.search(rb"/Kids\s*\[([^\]]*)\]", body)
        if re.search(rb"/Type\s*/Pages\b", body) and kids:
            for k in re.findall(rb"(\d+) 0 R", kids.group(1)):
                walk(int(k))
        elif re.search(rb"/Type\s*/Page\b", body):
            page_objs.append(num)

    root = re.search(rb"/Root (\d+) 0 R", data)
    catalog = objs.get(int(root.group(1)), b"") if root else b""
    top = re.search(rb"/Pages (\d+) 0 R", catalog)
    if top:
        walk(int(top.group(1)))
    image_tops = []
    smallest_body, smallest_any = 99.0, 99.0
    for n, num in enumerate(page_objs, 1):
        body = objs[num]
        contents = re.search(rb"/Contents\s*(\[[^\]]*\]|\d+ 0 R)", body)
        stream = b"".join(stream_of(objs[int(r)]) or b""
                          for r in re.findall(rb"(\d+) 0 R", contents.group(1))) if contents else b""
        sizes, images = page_content(stream)
        height = page_sizes[n - 1][1] if n <= len(page_sizes) else 842
        image_tops.append([height - y for y in images])
        if not sizes:
            continue
        body_size = sizes.most_common(1)[0][0]
        smallest_body = min(smallest_body, body_size)
        smallest_any = min(smallest_any, min(sizes))
        if body_size < BODY_MIN:
            fail(f"pagina {n}: broodtekst {body_size:g} pt, onder {BODY_MIN:g} pt")
        if min(sizes) < ANY_MIN:
            fail(f"pagina {n}: tekst van {min(sizes):g} pt, onder {ANY_MIN:g} pt")
    print(f"kleinste broodtekst: {smallest_body:g} pt, kleinste tekst: {smallest_any:g} pt")

    # words per page, with their boxes
    bbox = run("pdftotext", "-bbox", path, "-")
    words = []  # per page: (xMin, yMin, xMax, yMax, text)
    for page in re.findall(r"<page [^>]*>(.*?)</page>", bbox, re.S):
        words.append([(float(a), float(b), float(c), float(d), html.unescape(t)) for a, b, c, d, t in
                      re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                                 r'yMax="([\d.]+)">([^<]*)</word>', page)])
    for n, page in enumerate(words, 1):
        w, h = page_sizes[n - 1]
        out = [t for x0, y0, x1, y1, t in page
               if (x1 > w - MARGIN + 1 or x0 < MARGIN - 1) and y1 < h - FOOTER_ZONE]
        if out:
            fail(f"pagina {n}: tekst in de kantlijn (afgesneden kolom?): {' '.join(out[:5])}")

    # 3. links
    decompressed = b"".join(stream_of(b) or b"" for b in objs.values() if b"stream" in b)
    file_uris = data.count(b"file:") + decompressed.count(b"file:")
    uris = re.findall(rb"/URI\s*\(((?:\\.|[^\\)])*)\)", data + decompressed)
    bad = [u for u in uris if not re.match(rb"https?://", u)]
    internal = len(re.findall(rb"/Dest\b", data))
    print(f"file:-verwijzingen: {file_uris}, links naar buiten: {len(uris)}, "
          f"interne links: {internal}")
    if file_uris:
        fail(f"{file_uris} keer 'file:' in de PDF")
    if bad:
        fail(f"{len(bad)} links die geen webadres zijn, zoals {bad[0][:80].decode('latin-1')}")
    text = run("pdftotext", path, "-")
    ours = [u for u in uris if address and u.startswith(address.encode())]
    if not address and uris:
        fail(f"{len(uris)} links naar buiten zonder adres in editie.yaml")
    if address and not any(u.decode("latin-1").endswith(".csv") for u in ours):
        fail(f"geen CSV-download met het adres {address}")
    if address and address + "data/" not in re.sub(r"\s+", "", text):
        fail("de adressen van de downloads staan niet op papier")
    if re.search(r"\bKlik op\b", text):
        fail("tekst die alleen op een scherm klopt staat in de PDF: 'Klik op …'")

    # 4. captions stay with what they name
    caption = re.compile(r"^(Grafiek|Tabel) \d+: ")
    stranded = 0
    for n, page in enumerate(words, 1):
        h = page_sizes[n - 1][1]
        lines = {}
        for x0, y0, x1, y1, t in page:
            if y1 > h - FOOTER_ZONE:
                continue
            lines.setdefault(round(y1), []).append((x0, t))
        if not lines:
            continue
        last = " ".join(t for _, t in sorted(lines[max(lines)]))
        if caption.match(last):
            stranded += 1
            fail(f"pagina {n} eindigt met het onderschrift '{last[:60]}'")
        # every chart caption on this page has an image (the chart) below it on the same page
        for y, line in lines.items():
            text_line = " ".join(t for _, t in sorted(line))
            if text_line.startswith("Grafiek ") and caption.match(text_line):
                if not any(top > y - 2 for top in image_tops[n - 1]):
                    stranded += 1
                    fail(f"pagina {n}: '{text_line[:40]}' staat niet bij de grafiek")
    print(f"onderschriften los van hun grafiek of tabel: {stranded}")

    # 5. tagged, with bookmarks
    if not re.search(r"^Tagged:\s+yes", info, re.M):
        fail("de PDF is niet getagd")
    titles = []
    outline = re.search(rb"/Outlines (\d+) 0 R", catalog)
    for body in objs.values() if outline else []:
        if re.search(rb"/Parent \d+ 0 R", body) and b"/Title" in body and b"/Type /Page" not in body:
            titles.append(pdf_string(re.search(rb"/Title\s*(\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f]*>)",
                                               body).group(1)))
    print(f"bladwijzers: {len(titles)}")
    missing = [c for c in chapters if c not in titles]
    if not titles or missing:
        fail(f"hoofdstukken zonder bladwijzer: {', '.join(missing) or 'alle'}")


def pdf_string(token):
    if token[:1] == b"<":
        raw = bytes.fromhex(token[1:-1].decode())
    else:
        raw = re.sub(rb"\\(.)", lambda m: {b"n": b"\n", b"r": b"\r"}.get(m.group(1), m.group(1)),
                     token[1:-1])
    if raw[:2] == b"\xfe\xff":
        return raw[2:].decode("utf-16-be")
    return raw.decode("latin-1")


def chapter_titles(print_html):
    text = open(print_html, encoding="utf-8").read()
    return [html.unescape(re.sub(r"<[^>]*>", "", t)).strip()
            for t in re.findall(r'<h2 class="hoofdstuk-titel"[^>]*>(.*?)</h2>', text, re.S)]

check_pdf(sys.argv[1], chapter_titles(sys.argv[2]), sys.argv[3] if len(sys.argv) > 3 else "")
for f in failures:
    print("fout:", f)
sys.exit(1 if failures else 0)
