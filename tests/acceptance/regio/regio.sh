#!/usr/bin/env bash
# A regional monitor (BMWE: Bedum, De Marne, Winsum, Eemsmond; two editions, made only from the
# manuals in today's syntax): it must check without errors or warnings and build, with the region's
# figures in the tiles, per-gemeente tables whose region total is protected, small counts of the small
# municipalities as <10, a comparison per 1.000 jeugdigen per gemeente and every chart numbered in page
# order. What the editors would rather write is in README.md next to this script.
#
#   regio.sh SDMONITOR ROOT WORK     (ROOT: the sdmonitor checkout, for templates, assets, Chart.js)
set -euo pipefail
sdmonitor=$1 root=$2 work=$3
content="$root/tests/acceptance/regio"
common=(--templates "$root/site-templates" --assets "$root/assets" --chartjs "$root/node_modules/chart.js/dist/chart.umd.js")
rm -rf "$work" && mkdir -p "$work"
fail() { echo "FOUT: $*" >&2; exit 1; }

"$sdmonitor" check --content "$content" "${common[@]}" >"$work/check.out" 2>"$work/check.err" ||
  { cat "$work/check.err"; fail "sdmonitor check geeft fouten"; }
grep -q ': fout:\|: waarschuwing:' "$work/check.err" && { cat "$work/check.err"; fail "check meldt iets"; }

"$sdmonitor" build --content "$content" --out "$work/site" "${common[@]}" >/dev/null 2>&1 ||
  fail "sdmonitor build mislukt"
site=$work/site
# As a reader sees the text: the no-break space after "€" as a space, the minus sign as "-".
seen() { sed 's/\xc2\xa0/ /g; s/\xe2\x88\x92/-/g' "$site/$1"; }
has() { seen "$1" | grep -F -- "$2" >/dev/null || fail "$1 bevat '$2' niet"; }
hasnt() { ! grep -qF -- "$2" "$site/$1" || fail "$1 bevat '$2'"; }
count() { local n; n=$(seen "$1" | grep -o -- "$2" | wc -l); [ "$n" = "$3" ] || fail "$1: $n keer '$2', verwacht $3"; }
# The cells of one table row, tags removed: "Kortdurend verblijf|<10|<10|12|10|33".
row() {
  grep -F "<th scope=\"row\">$2</th>" -A5 "$site/$1" | tr -d '\n' |
    sed -e 's/<span class="sr-only">[^<]*<\/span>//g' -e 's/<\/t[dh]>/|/g' -e 's/<[^>]*>//g' -e 's/&lt;/</g' -e 's/|$//' |
    head -c "${3:-200}"
}
expect_row() { local got; got=$(row "$1" "$2" 400); case "$got" in "$3"*) ;; *) fail "$1, regel '$2': '$got', verwacht '$3…'";; esac; }

# Newest edition in the root, the older one in its own folder; the region's name once in the footer.
has index.html '1e kwartaal 2018'
has 2017-h2/index.html '2e halfjaar 2017'
has index.html 'Regiomonitor Sociaal Domein BMWE'
hasnt index.html 'BMWE BMWE'
# Tiles of the region, with the change against the previous edition; December 2017 was revised
# (938 → 940), so the change is against the revised figure, as the chart beside it shows.
has index.html '945'
has index.html '+5 t.o.v. december 2017 (herzien)'
has index.html '+1 t.o.v. vorige monitor'
has index.html '1.072'
has index.html '1.004'
has index.html 'nadeel van € 280.000'
# Per gemeente: the region total as Eindtotaal or Totaal, the small municipalities' small counts as <10.
expect_row wmo.html 'Kortdurend verblijf' 'Kortdurend verblijf|<10|<10|12|10|33'
# A long dataset laid out by its dimensions: gemeenten down, each regeling over its two peildata.
has participatie.html '<th scope="colgroup" colspan="2">IOAW</th>'
expect_row participatie.html 'De Marne' 'De Marne|170|174|<10|<10|<10|<10'
expect_row participatie.html 'Eemsmond' 'Eemsmond|337|336|17|18|<10|<10'
expect_row jeugd.html 'De Marne' 'De Marne|10|<10|<10|<10|<10'
# Per 1.000 jeugdigen per gemeente: one dataset, each column against its own population ("{kolom} 0-17").
has jeugd.html '105,9 per 1.000 inwoners van Bedum 0–17 jaar'
has jeugd.html '102,1 per 1.000 inwoners van De Marne 0–17 jaar'
has jeugd.html '107,4 per 1.000 inwoners van BMWE 0–17 jaar'
# A late registration in December 2017 is marked as revised.
has jeugd.html '349<sup class="markering" aria-hidden="true">h</sup>'
# Charts numbered across the edition in page order: Wmo 1-3, Jeugd 4-6, Participatie 7-8.
count wmo.html '<figure class="grafiek"' 3
count jeugd.html '<figure class="grafiek"' 3
count participatie.html '<figure class="grafiek"' 2
has jeugd.html 'id="grafiek-4"'
has participatie.html 'id="grafiek-8"'
echo "regio: check en build in orde"
