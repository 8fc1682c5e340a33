#!/usr/bin/env bash
# A second municipality's monitor (Nijkerk, two editions, made only from the manuals): it must check
# without errors and build, with its own figures in Dutch notation, small counts as <10, the
# Windows-1252 export read correctly and every chart numbered in page order.
set -euo pipefail
sdmonitor=$1 root=$2 work=$3
content="$root/tests/acceptance/nijkerk"
common=(--templates "$root/site-templates" --assets "$root/assets" --chartjs "$root/node_modules/chart.js/dist/chart.umd.js")
rm -rf "$work" && mkdir -p "$work"
fail() { echo "FOUT: $*" >&2; exit 1; }

"$sdmonitor" check --content "$content" "${common[@]}" >"$work/check.out" 2>"$work/check.err" ||
  { cat "$work/check.err"; fail "sdmonitor check geeft fouten"; }
grep -q ': fout:' "$work/check.err" && fail "check meldt een fout"
# The only expected warning: the old Windows-1252 export, once per edition.
[ "$(grep -c ': waarschuwing:' "$work/check.err")" = 2 ] || { cat "$work/check.err"; fail "onverwachte waarschuwingen"; }

"$sdmonitor" build --content "$content" --out "$work/site" "${common[@]}" >/dev/null 2>&1 ||
  fail "sdmonitor build mislukt"
site=$work/site
# As a reader sees the text: the no-break space after "€" as a space, the minus sign as "-".
seen() { sed 's/\xc2\xa0/ /g; s/\xe2\x88\x92/-/g' "$site/$1"; }
has() { seen "$1" | grep -F -- "$2" >/dev/null || fail "$1 bevat '$2' niet"; }
count() { local n; n=$(seen "$1" | grep -o -- "$2" | wc -l); [ "$n" = "$3" ] || fail "$1: $n keer '$2', verwacht $3"; }

# Newest edition in the root, the older one in its own folder.
has index.html 'Nijkerk'
has index.html '2e kwartaal 2023'
has 2023-q1/index.html '1e kwartaal 2023'
# Kerncijfer and references from the CSVs, Dutch notation (BOM + CRLF file, decimal comma amounts).
has index.html '2.281'
has 2023-q1/wmo.html 'In maart 2023 hadden 2.253 inwoners'
has 2023-q1/index.html 'In het eerste kwartaal is er € 1.955.513 aan Wmo-lasten geboekt'
has 2023-q1/index.html 'een voordeel van € 72.000'
has 2023-q1/participatie.html 'er 444 gezinnen'
# The Windows-1252 export's accented category, in UTF-8 on the page.
has jeugd.html 'Geëscaleerde zorg (GGZ)'
# Small counts: a reference in the text and table cells.
has 2023-q1/jeugd.html 'jeugdhulpvoorziening; &lt;10'
grep -q '>7<\|>4<' "$site/2023-q1/jeugd.html" && fail "een klein aantal staat letterlijk op de pagina"
# Charts numbered across the edition in page order: Jeugd 1-2, Wmo 3-7, Participatie 8-9.
count jeugd.html '<figure class="grafiek"' 2
count wmo.html '<figure class="grafiek"' 5
count participatie.html '<figure class="grafiek"' 2
has wmo.html 'id="grafiek-3"'
has participatie.html 'id="grafiek-9"'
echo "nijkerk: check en build in orde"
