"""Tests of the attacker itself: it must find what leaks on small hand-written sites, and must not
cry wolf where nothing leaks. Each site is a published/truth pair of tiny HTML pages in the shape
sdmonitor writes (site-templates/): tables with data-eenheid rows and <p class="noot"> legends,
chart data, CSV downloads, tiles and prose.

    python3 -m unittest tests/attack/test_attack.py
"""

import io
import json
import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from attacker.attack import attack  # noqa: E402
from attacker.dutch_numbers import BLANK, SECRET, SMALL, parse_number  # noqa: E402
from attacker.periods import (month_period, parse_period, periods_compatible,  # noqa: E402
                              periods_in_text, span)
from attacker.text import prose_tokens  # noqa: E402

SMALL_NOTE = "Aantallen onder de 10 zijn weergegeven als <10."
X_NOTE = ("Met x is een cijfer aangeduid dat niet wordt getoond ter bescherming van kleine "
          "aantallen: anders is een aantal onder de 10 uit de andere cijfers te berekenen.")
X_ANY_NOTE = "Met x is een cijfer aangeduid dat niet wordt getoond; dat kan ook onder de 10 zijn."


# ---------------------------------------------------------------------------------------------
# Writing a published site and its truth twin. A figure is "12" (the same in both) or
# ("<10", "4"): what the published site shows, and the true value.
# ---------------------------------------------------------------------------------------------

def pick(value, side):
    return value[side] if isinstance(value, tuple) else value


def td(text):
    if text == "<10":
        return ('<td class="getal"><span class="klein"><span aria-hidden="true">&lt;10</span>'
                '<span class="sr-only">minder dan 10</span></span></td>')
    if text == "x":
        return ('<td class="getal"><span class="klein"><span aria-hidden="true">x</span>'
                '<span class="sr-only">niet getoond</span></span></td>')
    return '<td class="getal">%s</td>' % text.replace("<", "&lt;")


def table(caption, head, rows, notes=(SMALL_NOTE,), unit="personen", number=None):
    """A <figure class="tabel">: rows are (label, [figures]) or (label, unit, [figures])."""
    def render(side):
        out = ['<figure class="tabel"><div class="tabel-schuif"><table class="cijfers">']
        title = "Tabel %d: %s" % (number, caption) if number else caption
        out.append("<caption>%s</caption>" % title)
        out.append("<thead><tr>%s</tr></thead><tbody>" % "".join(
            '<th scope="col">%s</th>' % h for h in head))
        for row in rows:
            label, row_unit, figures = row if len(row) == 3 else (row[0], unit, row[1])
            out.append('<tr data-eenheid="%s"><th scope="row">%s</th>%s</tr>' % (
                row_unit, label, "".join(td(pick(f, side)) for f in figures)))
        out.append("</tbody></table></div>")
        if side == 0:
            out.extend('<p class="noot">%s</p>' % n.replace("<", "&lt;") for n in notes)
        out.append("</figure>")
        return "\n".join(out)
    return render


def chart(number, title, head, rows, notes=(SMALL_NOTE,), unit="personen", tamper=None):
    """A chart: its data as JSON, the table under it and its CSV download (data/grafiek-N.csv).
    tamper(side, json, csv_rows) may spoil one form to test the consistency check."""
    def render(side):
        labels = [label for label, _ in rows]
        series = []
        for k, name in enumerate(head[1:]):
            shown = [pick(figures[k], side) for _, figures in rows]
            data = [None if s in ("<10", "x", "") else parse_number(s).value for s in shown]
            series.append({"label": name, "role": "data", "data": data, "display": shown})
        data = {"type": "bar", "unit": unit, "labels": labels, "series": series}
        csv_rows = [list(head)] + [[label] + [pick(f, side).replace("%", "") for f in figures]
                                   for label, figures in rows]
        if tamper:
            tamper(side, data, csv_rows)
        out = ['<figure class="grafiek" id="grafiek-%d"><figcaption>Grafiek %d: %s</figcaption>'
               % (number, number, title)]
        out.append('<script type="application/json" class="grafiek-data">%s</script>'
                   % json.dumps(data).replace("<", "\\u003c"))
        body = table("Grafiek %d: %s" % (number, title), head, rows, (), unit)(side)
        out.append(body.split('<div class="tabel-schuif">', 1)[1].rsplit("</figure>", 1)[0])
        if side == 0:
            out.extend('<p class="noot">%s</p>' % n.replace("<", "&lt;") for n in notes)
        out.append('<p class="bron"><a href="data/grafiek-%d.csv" download>CSV</a></p></figure>'
                   % number)
        return "\n".join(out), ("data/grafiek-%d.csv" % number,
                               "\ufeff" + "\r\n".join(";".join(r) for r in csv_rows))
    return render


def tile(title, value, period, change=""):
    def render(side):
        return ('<ul class="kerncijfers"><li class="kerncijfer"><span class="kerncijfer-titel">%s'
                '</span><span class="kerncijfer-waarde">%s</span><span class="kerncijfer-verschil">'
                '%s</span><span class="kerncijfer-peil">%s</span></li></ul>'
                % (title, pick(value, side), change, period))
    return render


def prose(*parts):
    """A paragraph; a part may be a (published, true) pair."""
    def render(side):
        return "<p>%s</p>" % "".join(pick(p, side) for p in parts).replace("<1", "&lt;1")
    return render


def write_site(root, pages, side, editions):
    """pages: {path: [blocks]}. editions: the folders of the editions, newest first. Every edition
    has an index.html, as a real site does."""
    nav = "".join('<li><a href="%s">e</a></li>' % os.path.join(e, "index.html") for e in editions)
    pages = dict(pages)
    for e in editions:
        pages.setdefault(os.path.join(e, "index.html"), [])
    for path, blocks in pages.items():
        parts, files = [], []
        for block in blocks:
            out = block(side)
            if isinstance(out, tuple):
                out, extra = out
                files.append((os.path.join(os.path.dirname(path), extra[0]), extra[1]))
            parts.append(out)
        html = ('<!doctype html><html lang="nl"><body><header class="site-kop"></header>'
                '<main id="inhoud">%s</main><footer><nav class="edities"><ul>%s</ul></nav>'
                '</footer></body></html>' % ("\n".join(parts), nav))
        for name, text in [(path, html)] + files:
            full = os.path.join(root, name)
            os.makedirs(os.path.dirname(full), exist_ok=True)
            with open(full, "w", encoding="utf-8") as f:
                f.write(text)


def run_attack(pages, editions=("",)):
    """Attack a site given as {path: [blocks]}; returns (exit status, printed report)."""
    with tempfile.TemporaryDirectory() as tmp:
        for side, name in ((0, "pub"), (1, "truth")):
            write_site(os.path.join(tmp, name), pages, side, editions)
        out = io.StringIO()
        _, _, status = attack(os.path.join(tmp, "pub"), os.path.join(tmp, "truth"), out)
        return status, out.getvalue()


class AttackTestCase(unittest.TestCase):
    def assertLeaks(self, pages, *expected, editions=("",)):
        status, out = run_attack(pages, editions)
        self.assertEqual(status, 1, out)
        for text in expected:
            self.assertIn(text, out)
        return out

    def assertSafe(self, pages, passed, editions=("",)):
        status, out = run_attack(pages, editions)
        self.assertEqual(status, 0, out)
        self.assertIn("attack: %d passed, 0 failed" % passed, out)
        return out


# ---------------------------------------------------------------------------------------------
# Reading Dutch numbers and periods
# ---------------------------------------------------------------------------------------------

class ReadingTest(unittest.TestCase):
    def test_numbers(self):
        cases = {"1.464.689": 1464689, "€ 7.133.000": 7133000, "€ 7,1 mln": 7.1e6, "2,1%": 2.1,
                 "-/-944": -944, "\u22125": -5, "+17": 17, "▲ +3,4%": 3.4, "58": 58}
        for text, value in cases.items():
            self.assertAlmostEqual(parse_number(text).value, value, msg=text)
        self.assertEqual(parse_number("€ 7,1 mln").half, 0.05e6)
        self.assertEqual(parse_number("<10"), SMALL)
        self.assertEqual(parse_number("x"), SECRET)
        self.assertEqual(parse_number(""), BLANK)
        self.assertIsNone(parse_number("Zie toelichting"))

    def test_periods(self):
        march = month_period(2024, 3)
        for text in ("mrt 2024", "maart 2024", "2024-03", "2024-03-31", "31 maart 2024"):
            self.assertEqual(parse_period(text), march, text)
        q1 = span(2024, 1, 3)
        for text in ("K1 2024", "1e kwartaal 2024", "2024-K1"):
            self.assertEqual(parse_period(text), q1, text)
        self.assertEqual(parse_period("2023-h2"), span(2023, 7, 6))
        self.assertEqual(parse_period("2e halfjaar 2023"), span(2023, 7, 6))
        self.assertEqual(parse_period("2024"), span(2024, 1, 12))
        self.assertEqual(parse_period("jan"), ("mo", 1))
        self.assertIsNone(parse_period("Trede 6: betaald werk"))

    def test_periods_in_text(self):
        found = [p for p, _ in periods_in_text("Tot en met maart 2024 zijn 60 toegekend")]
        self.assertEqual(found, [span(2024, 1, 3)])
        found = [p for p, _ in periods_in_text("Periode 1 juli tot en met 31 december 2023")]
        self.assertEqual(found, [span(2023, 7, 6)])
        found = [p for p, _ in periods_in_text("in het eerste kwartaal van 2024")]
        self.assertEqual(found, [span(2024, 1, 3)])

    def test_a_stock_is_read_at_the_end_of_a_quarter(self):
        self.assertTrue(periods_compatible(span(2024, 1, 3), month_period(2024, 3)))
        self.assertFalse(periods_compatible(span(2024, 1, 3), month_period(2024, 2)))

    def test_prose_figures_skip_dates_and_references(self):
        tokens = prose_tokens("In grafiek 17 staat dat er op 22 maart 2024 58 waren, "
                              "van 13.00 tot 17.00 uur, toegenomen met 2,9%.")
        self.assertEqual([t[0] for t in tokens], ["58", "toegenomen met 2,9%"])


# ---------------------------------------------------------------------------------------------
# Leaks it must find, and safe sites it must pass
# ---------------------------------------------------------------------------------------------

class WithinOneBlockTest(AttackTestCase):
    def test_total_minus_the_other_rows(self):
        self.assertLeaks({"index.html": [table(
            "Cliënten", ["Voorziening", "mrt 2024"],
            [("Hulp", ["40"]), ("Begeleiding", [("<10", "4")]), ("Totaal", ["44"])])]},
            "Begeleiding · mrt 2024 in [4, 4]", "attack: 0 passed, 1 failed")

    def test_a_total_under_any_name(self):
        self.assertLeaks({"index.html": [table(
            "Cliënten per gemeente", ["Voorziening", "Bedum", "De Marne", "BMWE"],
            [("Hulp", ["12", ("<10", "6"), "18"]), ("Opvang", ["20", "11", "31"])])]},
            "Hulp · De Marne in [6, 6]", "column 'BMWE' = sum of the other columns")

    def test_two_hidden_cells_that_protect_each_other(self):
        self.assertSafe({"index.html": [table(
            "Cliënten", ["Voorziening", "mrt 2024"],
            [("Hulp", ["40"]), ("Begeleiding", [("<10", "4")]), ("Opvang", [("x", "12")]),
             ("Totaal", ["56"])], notes=(SMALL_NOTE, X_ANY_NOTE))]}, passed=1)

    def test_two_small_cells_do_not_protect_each_other(self):
        self.assertLeaks({"index.html": [table(
            "Cliënten", ["Voorziening", "mrt 2024"],
            [("Hulp", ["40"]), ("Begeleiding", [("<10", "4")]), ("Opvang", [("<10", "3")]),
             ("Totaal", ["47"])])]},
            "sum of the hidden parts", "in [7, 7]")

    def test_a_total_that_does_not_add_up_still_bounds(self):
        # Some clients have two voorzieningen: Totaal <= sum, so Opvang >= 106 - 100 = 6.
        self.assertLeaks({"index.html": [table(
            "Cliënten", ["Voorziening", "K1 2024", "K2 2024"],
            [("Hulp", ["60", "61"]), ("Begeleiding", ["40", "41"]),
             ("Opvang", [("<10", "8"), ("<10", "3")]), ("Totaal Wmo", ["106", "100"])])]},
            "Opvang · K1 2024 in [6, 9]", "'Totaal Wmo' <= sum of the other rows")

    def test_an_x_read_by_its_legend_narrows_a_small_count(self):
        rows = [("Hulp", ["40"]), ("Begeleiding", [("<10", "3")]), ("Opvang", [("x", "11")]),
                ("Eindtotaal", ["54"])]
        page = table("Cliënten", ["Voorziening", "mrt 2024"], rows, notes=(SMALL_NOTE, X_NOTE))
        self.assertLeaks({"index.html": [page]}, "Begeleiding · mrt 2024 in [0, 4]")
        page = table("Cliënten", ["Voorziening", "mrt 2024"], rows,
                     notes=(SMALL_NOTE, X_ANY_NOTE))
        self.assertSafe({"index.html": [page]}, passed=1)

    def test_an_x_against_its_legend(self):
        status, out = run_attack({"index.html": [table(
            "Cliënten", ["Voorziening", "mrt 2024"],
            [("Hulp", ["40"]), ("Begeleiding", [("<10", "5")]), ("Opvang", [("x", "7")]),
             ("Eindtotaal", ["52"])], notes=(SMALL_NOTE, X_NOTE))]})
        self.assertEqual(status, 1, out)
        self.assertIn("LEGEND index.html · Cliënten · Opvang · mrt 2024: x, which the legend",
                      out)

    def test_a_subtotal_of_the_rows_above_it(self):
        rows = [("Huishouden", ["755", "746"]), ("Begeleiding", ["312", "322"]),
                ("Kortdurend verblijf", ["11", ("<10", "7")]), ("Subtotaal maatwerk", ["1078", "1075"]),
                ("Hulpmiddelen", ["412", "409"]), ("Vervoer", ["238", "244"]),
                ("Subtotaal Wvg", ["650", "653"]), ("Totaal", ["1728", "1728"])]
        self.assertLeaks({"wmo.html": [table("Voorzieningen Wmo per soort",
                                             ["Voorziening", "sep 2023", "dec 2023"], rows)]},
                         "Kortdurend verblijf · dec 2023 in [7, 7]", "directly before it")

    def test_an_amount_pinned_exactly(self):
        self.assertLeaks({"index.html": [table(
            "Lasten", ["Categorie", "K1 2024", "K2 2024"],
            [("Bewind", ["€ 4.000", "€ 5.000"]), ("Curatele", [("x", "€ 300"), "€ 200"]),
             ("Eindtotaal", ["€ 4.300", "€ 5.200"])], notes=(X_NOTE,), unit="euro")]},
            "Curatele · K1 2024 in [300, 300] (pinned")


class AcrossBlocksTest(AttackTestCase):
    def test_two_breakdowns_of_one_population(self):
        looptijd = table("Looptijden uitkering", ["Kwartaal", "Kort", "Lang"],
                         [("K1 2024", ["30", "22"])])
        trede = table("Trede participatieladder", ["Trede", "2024-03"],
                      [("Trede 1", ["40"]), ("Trede 2", ["5"]), ("Trede 6", [("<10", "7")])])
        self.assertLeaks({"participatie.html": [looptijd, trede]},
                         "Trede 6 · 2024-03 in [7, 7]", "= Σ")

    def test_a_single_month_on_another_page_is_no_evidence(self):
        # The same sums, but the breakdown of one month and the total on different pages: a
        # chance equality the attacker does not rely on.
        looptijd = table("Looptijden uitkering", ["Kwartaal", "Kort", "Lang"],
                         [("K1 2024", ["30", "22"])])
        trede = table("Trede participatieladder", ["Trede", "2024-03"],
                      [("Trede 1", ["40"]), ("Trede 2", ["5"]), ("Trede 6", [("<10", "7")])])
        self.assertSafe({"index.html": [looptijd], "participatie.html": [trede]}, passed=1)

    def _two_dimensions(self, jongeren):
        """Jongeren per kwartaal beside a long table of leeftijd · geslacht in which the young
        women are hidden."""
        jong = table("Jongeren tot 27 jaar met een uitkering", ["Kwartaal", "Jongeren"],
                     [("K1 2024", [jongeren[0]]), ("K2 2024", [jongeren[1]])])
        head = ["Kwartaal", "18 tot 27 jaar · Man", "18 tot 27 jaar · Vrouw",
                "27 jaar en ouder · Man", "27 jaar en ouder · Vrouw"]
        lang = table("Uitkeringen naar leeftijd en geslacht", head,
                     [("K1 2024", ["26", ("<10", "7"), "57", "74"]),
                      ("K2 2024", ["25", ("<10", "6"), "59", "75"])])
        return {"participatie.html": [jong, lang]}

    def test_a_sub_sum_of_a_two_dimensional_breakdown(self):
        # Jongeren = 18 tot 27 jaar · Man + 18 tot 27 jaar · Vrouw in both quarters.
        self.assertLeaks(self._two_dimensions(["33", "31"]),
                         "K1 2024 · 18 tot 27 jaar · Vrouw in [7, 7]",
                         "K2 2024 · 18 tot 27 jaar · Vrouw in [6, 6]", "'18 tot 27 jaar · …'")

    def test_a_sub_sum_in_one_quarter_only_is_chance(self):
        self.assertSafe(self._two_dimensions(["33", "30"]), passed=2)

    def test_a_marginal_over_two_places_of_three(self):
        # IOAW in Bedum = Bedum · IOAW · Man + Bedum · IOAW · Vrouw: a marginal that fixes two of
        # the three places of the headers, no single one.
        ioaw = table("IOAW-uitkeringen in Bedum", ["Kwartaal", "IOAW Bedum"],
                     [("K1 2024", ["22"]), ("K2 2024", ["21"])])
        head = ["Kwartaal", "Bedum · PW · Man", "Bedum · PW · Vrouw", "Bedum · IOAW · Man",
                "Bedum · IOAW · Vrouw", "Winsum · PW · Man", "Winsum · PW · Vrouw",
                "Winsum · IOAW · Man", "Winsum · IOAW · Vrouw"]
        lang = table("Uitkeringen naar gemeente, regeling en geslacht", head,
                     [("K1 2024", ["91", "101", "14", ("<10", "8"), "74", "83", "13", "12"]),
                      ("K2 2024", ["90", "99", "15", ("<10", "6"), "73", "80", "12", "11"])])
        self.assertLeaks({"participatie.html": [ioaw, lang]},
                         "K1 2024 · Bedum · IOAW · Vrouw in [8, 8]", "'Bedum · IOAW · …'")

    def _list_of_two_monitors(self, before):
        """A list of "vorige monitor" and "deze monitor" beside the inflow per month, July 2023
        to March 2024 (96 and 41 in the truth), with February 2024 hidden."""
        lijst = table("Kerngegevens", ["Omschrijving", "Vorige monitor", "Deze monitor"],
                      [("Nieuwe cliënten", [before, "41"])])
        months = ["jul 2023", "aug 2023", "sep 2023", "okt 2023", "nov 2023", "dec 2023",
                  "jan 2024", "feb 2024", "mrt 2024"]
        figures = ["15", "13", "22", "19", "16", "11", "18", ("<10", "7"), "16"]
        instroom = table("Instroom per maand", ["Maand", "Instroom"],
                         [(m, [f]) for m, f in zip(months, figures)])
        return {"wmo.html": [lijst, instroom]}

    def test_a_list_figure_is_the_sum_of_the_monitors_months(self):
        # Vorige monitor 96 = jul-dec 2023, so deze monitor 41 = jan-mrt 2024: 41 - 18 - 16 = 7.
        self.assertLeaks(self._list_of_two_monitors("96"), "feb 2024 · Instroom in [7, 7]",
                         "'Nieuwe cliënten' deze monitor = sum of")

    def test_a_list_figure_that_fits_only_this_monitor_is_chance(self):
        # No run of months ending in December 2023 adds up to 95.
        self.assertSafe(self._list_of_two_monitors("95"), passed=1)

    def test_a_list_of_monitors_beside_quarters(self):
        # Vorige monitor 27 = K3 + K4 2023 of Hulpmiddelen, so deze monitor is K1 2024: the x is
        # 11, and Woonvoorziening 52 - 21 - 14 - 11 = 6.
        lijst = table("Kerngegevens", ["Omschrijving", "Vorige monitor", "Deze monitor"],
                      [("Nieuwe cliënten hulpmiddelen", ["27", "11"])])
        kwartalen = table("Nieuwe cliënten Wmo per voorziening",
                          ["Kwartaal", "Totaal", "Huishouden", "Begeleiding", "Hulpmiddelen",
                           "Woonvoorziening"],
                          [("K3 2023", ["64", "26", "14", "14", "10"]),
                           ("K4 2023", ["61", "25", "13", "13", "10"]),
                           ("K1 2024", ["52", "21", "14", ("x", "11"), ("<10", "6")])],
                          notes=(SMALL_NOTE, X_ANY_NOTE))
        self.assertLeaks({"wmo.html": [lijst, kwartalen]}, "Woonvoorziening in [6, 6]",
                         "'Nieuwe cliënten hulpmiddelen' deze monitor = sum of")


    def test_a_tile_names_a_hidden_cell(self):
        self.assertLeaks({
            "index.html": [tile("Uitkeringen IOAW", "13", "december 2023")],
            "participatie.html": [table(
                "Lopende uitkeringen per regeling", ["Regeling", "dec 2023"],
                [("PW", ["386"]), ("IOAW", [("x", "13")]), ("IOAZ", [("<10", "6")]),
                 ("Eindtotaal", ["405"])], notes=(SMALL_NOTE, X_NOTE))]},
            "IOAZ · dec 2023 in [6, 6]", "is printed as 13 in index.html")

    def test_the_previous_edition_shows_what_this_one_hides(self):
        now = table("Instroom per gemeente", ["Gemeente", "K3 2023"],
                    [("Bedum", ["16"]), ("De Marne", [("<10", "9")]), ("Winsum", [("x", "15")]),
                     ("Eindtotaal", ["40"])], notes=(SMALL_NOTE, X_NOTE))
        before = table("Instroom per gemeente", ["Gemeente", "K3 2023"],
                       [("Bedum", [("x", "16")]), ("De Marne", [("<10", "9")]),
                        ("Winsum", ["15"]), ("Eindtotaal", ["40"])], notes=(SMALL_NOTE, X_NOTE))
        self.assertLeaks({"index.html": [now], "oud/index.html": [before]},
                         "De Marne · K3 2023 (and 1 more places) in [9, 9]",
                         editions=("", "oud"))

    def test_clients_by_number_of_voorzieningen(self):
        # Σ k·n_k of the first table is the sum of the second: a client with two voorzieningen is
        # counted under both. n3 + n4 = 15 and 3·n3 + 4·n4 = 48 give n4 = 3.
        stapeling = table("Cliënten naar aantal voorzieningen", ["Aantal", "dec 2023", "mrt 2024"],
                          [("1 voorziening", ["198", "200"]), ("2 voorzieningen", ["40", "40"]),
                           ("3 voorzieningen", [("x", "12"), ("x", "12")]),
                           ("4 voorzieningen", [("<10", "3"), ("<10", "3")]),
                           ("Totaal", ["253", "255"])], notes=(SMALL_NOTE, X_NOTE))
        soorten = table("Cliënten per voorziening", ["Voorziening", "dec 2023", "mrt 2024"],
                        [("Hulp", ["196", "199"]), ("Vervoer", ["130", "129"])])
        self.assertLeaks({"wmo.html": [stapeling, soorten]}, "4 voorzieningen · mrt 2024 in [3, 3]",
                         "Σ k·n")

    def test_an_open_last_category_bounds_only_what_its_words_name(self):
        # "4 of meer" makes the weighted sum a lower bound of the voorzieningen: with n3 + n4 = 15,
        # 280 + 3·n3 + 4·n4 ≤ 326 gives n4 ≤ 1. A block of other words (visits) is no bound.
        def stapeling(notes):
            return table("Cliënten naar aantal voorzieningen", ["Aantal", "mrt 2024"],
                         [("1 voorziening", ["200"]), ("2 voorzieningen", ["40"]),
                          ("3 voorzieningen", [("x", "14")]),
                          ("4 of meer", [("<10", "1")]), ("Totaal", ["255"])], notes=notes)
        soorten = table("Aantal voorzieningen per soort", ["Soort", "mrt 2024"],
                        [("Hulp", ["199"]), ("Vervoer", ["127"])])
        bezoek = table("Bezoeken per locatie", ["Locatie", "mrt 2024"],
                       [("Noord", ["199"]), ("Zuid", ["127"])])
        self.assertLeaks({"wmo.html": [stapeling((SMALL_NOTE, X_NOTE)), soorten]},
                         "4 of meer · mrt 2024 in [0, 1]", "<= Σ")
        self.assertSafe({"wmo.html": [stapeling((SMALL_NOTE, X_NOTE)), bezoek]}, passed=1)

    def test_a_mean_amount_per_client_gives_the_number_of_clients(self):
        # 1.406.000 / € 5.188 (a mean, so ± 0,5) puts all clients at 271: 271 − 152 − 112 = 7.
        def lasten(mean_label):
            return table("Lasten per voorziening", ["Voorziening", "2023"],
                         [("Hulp", ["€ 960.000"]), ("Hulpmiddelen", ["€ 350.000"]),
                          ("Begeleiding", ["€ 96.000"]), (mean_label, ["€ 5.188"])],
                         unit="euro")
        clienten = table("Cliënten per voorziening", ["Voorziening", "2023"],
                         [("Hulp", ["152"]), ("Hulpmiddelen", ["112"]),
                          ("Begeleiding", [("<10", "7")])], notes=(SMALL_NOTE,))
        self.assertLeaks({"wmo.html": [clienten, lasten("Gemiddeld per cliënt")]},
                         "Begeleiding · 2023 in [7, 7]", "'Gemiddeld per cliënt' = lasten")
        # The same amount under the name of a voorziening is no mean.
        self.assertSafe({"wmo.html": [clienten, lasten("Woningaanpassing")]}, passed=1)

    def test_categories_merged_between_editions(self):
        now = table("Cliënten per voorziening", ["Voorziening", "nov 2023", "dec 2023"],
                    [("Begeleiding en dagbesteding", ["43", "36"]), ("Hulp", ["41", "39"])])
        before = table("Cliënten per voorziening", ["Voorziening", "nov 2023", "dec 2023"],
                       [("Begeleiding", ["31", "30"]), ("Dagbesteding", ["12", ("<10", "6")]),
                        ("Hulp", ["41", "39"])])
        self.assertLeaks({"index.html": [now], "oud/index.html": [before]},
                         "in [6, 6]", "over editions", editions=("", "oud"))

    def test_a_merge_that_holds_in_one_period_only_is_chance(self):
        now = table("Cliënten per voorziening", ["Voorziening", "dec 2023"],
                    [("Begeleiding en dagbesteding", ["36"]), ("Hulp", ["39"])])
        before = table("Cliënten per voorziening", ["Voorziening", "dec 2023"],
                       [("Begeleiding", ["30"]), ("Dagbesteding", [("<10", "6")]),
                        ("Hulp", ["39"])])
        self.assertSafe({"index.html": [now], "oud/index.html": [before]}, passed=1,
                        editions=("", "oud"))

    def test_a_revised_cell_is_another_unknown(self):
        now = table("Instroom per gemeente", ["Gemeente", "K3 2023"],
                    [("Bedum", ["16"]), ("De Marne", [("<10", "9")]), ("Winsum", [("x", "15")]),
                     ("Eindtotaal", ["40"])], notes=(SMALL_NOTE, X_ANY_NOTE))
        # Every figure of K3 2023 revised: no cell of the old edition is a cell of the new one.
        before = table("Instroom per gemeente", ["Gemeente", "K3 2023"],
                       [("Bedum", [("x", "17")]), ("De Marne", [("<10", "8")]),
                        ("Winsum", ["14"]), ("Eindtotaal", ["39"])],
                       notes=(SMALL_NOTE, X_ANY_NOTE))
        self.assertSafe({"index.html": [now], "oud/index.html": [before]}, passed=2,
                        editions=("", "oud"))

    def test_stock_and_flow(self):
        stand = table("Lopende uitkeringen", ["Maand", "Uitkeringen"],
                      [("sep 2023", ["417"]), ("dec 2023", ["425"]), ("mrt 2024", ["431"])])
        stroom = table("In- en uitstroom", ["Kwartaal", "Instroom", "Uitstroom"],
                       [("K4 2023", ["16", ("<10", "8")]), ("K1 2024", ["21", "15"])])
        self.assertLeaks({"participatie.html": [stand, stroom]},
                         "Uitstroom in [8, 8]", "change of stock = Instroom − Uitstroom")

    def test_a_quarter_is_the_sum_of_its_months(self):
        months = table("Instroom per maand", ["Maand", "Instroom"],
                       [("okt 2023", [("<10", "6")]), ("nov 2023", ["13"]),
                        ("dec 2023", ["15"])])
        quarter = table("Instroom per kwartaal", ["Kwartaal", "Instroom"],
                        [("K3 2023", ["30"]), ("K4 2023", ["34"])])
        self.assertLeaks({"jeugd.html": [months, quarter]}, "okt 2023 · Instroom in [6, 6]",
                         "sum of its months")

    def test_shares_become_counts_with_a_known_total(self):
        total = table("Aantal uitkeringen", ["Maand", "Uitkeringen"], [("mrt 2024", ["50"])])
        shares = table("Uitkeringen naar leefsituatie", ["Kwartaal", "Alleen", "Paar", "Tehuis"],
                       [("K1 2024", ["60,0%", "32,0%", ("<10", "8,0%")])], unit="procent")
        self.assertLeaks({"participatie.html": [total, shares]},
                         "Tehuis (count behind the share) in [4, 4]")


class ListTest(AttackTestCase):
    """Small lists of descriptions with one or two columns (j)."""

    def _year_list(self, label):
        lijst = table("Jaarcijfers", ["Omschrijving", "2023"],
                      [("Meldingen bij het Wmo-loket", "aantal", ["812"]),
                       (label, "personen", ["213"])])
        inflow = ["21", "18", "24", "19", "17", "20", "15", "13", "22", "19", "18", ("<10", "7")]
        outflow = ["17", "15", "19", "22", "16", "18", "21", "17", "14", "18", "20", "23"]
        months = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov",
                  "dec"]
        stroom = table("In- en uitstroom cliënten Wmo per maand", ["Maand", "Instroom", "Uitstroom"],
                       [("%s 2023" % m, [i, u]) for m, i, u in zip(months, inflow, outflow)])
        return {"wmo.html": [lijst, stroom]}

    def test_a_year_column_is_the_sum_of_the_months(self):
        self.assertLeaks(self._year_list("Nieuwe cliënten Wmo"), "dec 2023 · Instroom in [7, 7]",
                         "'Nieuwe cliënten Wmo' = sum of")

    def test_a_year_figure_that_shares_no_word_is_chance(self):
        self.assertSafe(self._year_list("Aanvragen huishoudelijke hulp"), passed=1)

    def _stand_list(self, same_page):
        lijst = table("Kerngegevens", ["Omschrijving", "Aantal"],
                      [("Jeugdigen in zorg", ["461"]), ("Vragen bij het CJG", "aantal", ["1312"])])
        vorm = table("Jeugdigen in zorg naar zwaarste vorm",
                     ["Kwartaal", "Zonder verblijf", "Met verblijf", "Jeugdbescherming",
                      "Jeugdreclassering"],
                     [("K4 2023", ["387", "38", "27", "10"]),
                      ("K1 2024", ["391", "37", "27", ("<10", "6")])])
        if same_page:
            return {"jeugd.html": [lijst, vorm]}
        return {"index.html": [lijst], "jeugd.html": [vorm]}

    def test_a_list_figure_is_the_newest_point_of_a_breakdown(self):
        self.assertLeaks(self._stand_list(True), "K1 2024 · Jeugdreclassering in [6, 6]",
                         "'Jeugdigen in zorg' = Σ")

    def test_a_list_figure_on_another_page_is_chance(self):
        self.assertSafe(self._stand_list(False), passed=1)

    def test_the_same_figure_in_two_lists(self):
        # 229 mantelzorgers = volwassenen + jongeren; the x of the volwassenen is 221 in a list
        # on another page, so the jongeren are 8. The labels share words, but neither holds all
        # of the other's, and the titles meet in none: no same quantity by (a).
        mantelzorg = table("Mantelzorg", ["Omschrijving", "Aantal"],
                           [("Geregistreerde mantelzorgers", ["229"]),
                            ("Volwassen mantelzorgers", [("x", "221")]),
                            ("Jonge mantelzorgers", [("<10", "8")]),
                            ("Bezoekers website", "aantal", ["2417"])],
                           notes=(SMALL_NOTE, X_ANY_NOTE))
        waardering = table("Waardering", ["Omschrijving", "Aantal"],
                           [("Uitgenodigde volwassen mantelzorgers", ["221"]),
                            ("Aanvragen ontvangen", ["164"])])
        self.assertLeaks({"sociale-basis.html": [mantelzorg], "waardering.html": [waardering]},
                         "Jonge mantelzorgers · Aantal in [8, 8]", "is printed as 221")

    def test_persons_add_up_apart_from_visits(self):
        # 229 = 221 + <10 among the rows of persons; the visits (aantal) are no part of it.
        self.assertLeaks({"sociale-basis.html": [table(
            "Mantelzorg", ["Omschrijving", "Aantal"],
            [("Geregistreerde mantelzorgers", ["229"]), ("Volwassen mantelzorgers", ["221"]),
             ("Jonge mantelzorgers", [("<10", "8")]), ("Bezoekers website", "aantal", ["2417"])])]},
            "Jonge mantelzorgers · Aantal in [8, 8]")


class StatementsTest(AttackTestCase):
    def test_a_change_in_the_prose_pins_a_month(self):
        # February 2024 hides Hulp (x) and Opvang (<10) beside their Totaal. The prose gives the
        # average of Hulp in 2024 against 2023, +10,0%: jan-mrt add up to 330, so Hulp February
        # is 110 and Opvang 116 - 110 = 6.
        rows = [("%s 2023" % m, ["112", "100", "12"]) for m in (
            "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")]
        rows += [("jan 2024", ["117", "105", "12"]), ("feb 2024", ["116", ("x", "110"),
                                                                    ("<10", "6")]),
                 ("mrt 2024", ["127", "115", "12"])]
        months = table("Cliënten per voorziening", ["Maand", "Totaal", "Hulp", "Opvang"], rows,
                       notes=(SMALL_NOTE, X_NOTE))
        text = prose("In 2024 is het gemiddelde aantal cliënten met hulp per maand toegenomen "
                     "met 10,0% ten opzichte van 2023.")
        self.assertLeaks({"wmo.html": [months, text]}, "feb 2024 · Opvang in [6, 6]",
                         "3 months of 2024 against")

    def test_a_tile_change_gives_the_previous_value(self):
        now = [tile("Cliënten in zorg", "120", "maart 2024", "+3 t.o.v. vorige monitor")]
        before = [tile("Cliënten in zorg", "117", "december 2023"),
                  table("Cliënten in zorg per voorziening", ["Voorziening", "dec 2023"],
                        [("Hulp", ["110"]), ("Opvang", [("<10", "7")]),
                         ("Totaal", [("x", "117")])], notes=(SMALL_NOTE, X_NOTE))]
        self.assertLeaks({"index.html": now, "oud/index.html": before},
                         "Opvang · dec 2023 in [7, 7]", editions=("", "oud"))


class ConsistencyTest(AttackTestCase):
    ROWS = [("K1 2024", ["40", ("<10", "4")]), ("K2 2024", ["41", ("<10", "5")])]

    def test_table_chart_and_csv_agree(self):
        self.assertSafe({"wmo.html": [chart(1, "In- en uitstroom", ["Kwartaal", "In", "Uit"],
                                            self.ROWS)]}, passed=2)

    def test_a_number_in_the_chart_data_behind_a_mark(self):
        def spoil(side, data, csv_rows):
            data["series"][1]["data"][0] = 4.0
        status, out = run_attack({"wmo.html": [chart(1, "Stroom", ["Kwartaal", "In", "Uit"],
                                                     self.ROWS, tamper=spoil)]})
        self.assertEqual(status, 1, out)
        self.assertIn("MISMATCH wmo.html · Grafiek 1 · K1 2024 · Uit: table '<10', "
                      "chart '<10' (data 4.0)", out)

    def test_a_csv_that_differs_from_the_table(self):
        def spoil(side, data, csv_rows):
            csv_rows[2][2] = "5"
        status, out = run_attack({"wmo.html": [chart(1, "Stroom", ["Kwartaal", "In", "Uit"],
                                                     self.ROWS, tamper=spoil)]})
        self.assertEqual(status, 1, out)
        self.assertIn("table '<10', data/grafiek-1.csv '5'", out)

    def test_a_truth_site_of_another_shape_is_an_attacker_error(self):
        pages = {"index.html": [table("Cliënten", ["Voorziening", "mrt 2024"],
                                      [("Hulp", ["40"]), ("Opvang", [("<10", "4")])])]}
        with tempfile.TemporaryDirectory() as tmp:
            write_site(os.path.join(tmp, "pub"), pages, 0, ("",))
            write_site(os.path.join(tmp, "truth"), {"index.html": []}, 1, ("",))
            out = io.StringIO()
            status = attack(os.path.join(tmp, "pub"), os.path.join(tmp, "truth"), out)[2]
        self.assertEqual(status, 2, out.getvalue())
        self.assertIn("ERROR index.html · Cliënten missing in the truth site", out.getvalue())


if __name__ == "__main__":
    unittest.main()
