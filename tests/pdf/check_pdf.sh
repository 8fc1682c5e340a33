#!/usr/bin/env bash
# Builds the demo with `sdmonitor pdf` and checks the PDF a council would file: it exists, has a
# page per chapter at least, and carries the edition and page numbers in its footer; then, with
# check_print.py, that it is printed matter: A4, readable text, no links into a deleted folder,
# captions with their figures, bookmarks. Once as the demo is (no `adres:`), once with an address.
set -euo pipefail
sdmonitor=$1 root=$2 out=$3
here=$(cd "$(dirname "$0")" && pwd)
pdf_of() {  # content folder, output folder
  "$sdmonitor" pdf --content "$1" --out "$2" --templates "$root/site-templates" \
    --assets "$root/assets" --chartjs "$root/node_modules/chart.js/dist/chart.umd.js"
}
pdf_of "$root/content" "$out"
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
python3 "$here/check_print.py" "$pdf" "$out/afdrukken.html"

# The same edition with the site's address: links go there, and say so on paper.
address=https://www.example.nl/monitor/
copy="$out.adres"
rm -rf "$copy" "$copy-site"
cp -r "$root/content" "$copy"
sed -i "s|^peildatum:|adres: $address\npeildatum:|" "$copy/2024-q1/editie.yaml"
pdf_of "$copy" "$copy-site"
python3 "$here/check_print.py" "$copy-site/monitor-2024-q1.pdf" "$copy-site/afdrukken.html" "$address"
rm -rf "$copy"
echo "PDF in orde"
