#!/usr/bin/env bash
# Builds the demo with `sdmonitor pdf` and checks the PDF a council would file: it exists, has a
# page per chapter at least, and carries the edition and page numbers in its footer.
set -euo pipefail
sdmonitor=$1 root=$2 out=$3
"$sdmonitor" pdf --content "$root/content" --out "$out" --templates "$root/site-templates" \
  --assets "$root/assets" --chartjs "$root/node_modules/chart.js/dist/chart.umd.js"
pdf="$out/monitor-2024-q1.pdf"
test -s "$pdf" || { echo "geen PDF: $pdf"; exit 1; }
pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
echo "pagina's: $pages"
[ "$pages" -ge 6 ] || { echo "te weinig pagina's"; exit 1; }
text=$(pdftotext -layout "$pdf" -)
grep -q "1e kwartaal 2024 · peildatum 31 maart 2024" <<<"$text" || { echo "voettekst ontbreekt"; exit 1; }
grep -q "pagina 2 van $pages" <<<"$text" || { echo "paginanummers ontbreken"; exit 1; }
grep -q "Grafiek 24" <<<"$text" || { echo "grafiek 24 ontbreekt"; exit 1; }
grep -q "Inhoud" <<<"$text" || { echo "inhoudsopgave ontbreekt"; exit 1; }
# The PDF is published beside the site, and the site itself is complete.
test -s "$out/index.html"
echo "PDF in orde"
