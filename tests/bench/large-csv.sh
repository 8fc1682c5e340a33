#!/usr/bin/env bash
# Large datasets: `sdmonitor check` on a copy of the demo with one extra dataset of many rows or
# many columns, to show that loading and checking grow linearly with the size of a CSV.
#
#   tests/bench/large-csv.sh     (called from run.sh; needs build/sdmonitor and GNU time)
#
# Prints one line per size, e.g.
#   large-csv rows=1000000 columns=2 mb=28.6 s=1.9 peak_mb=540
# Environment (an empty list skips it): LARGE_ROWS="10000 100000 1000000", LARGE_COLUMNS="5000 20000", SDMONITOR=path.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
cd "$repo"
SDMONITOR=${SDMONITOR:-$repo/build/sdmonitor}
ROWS=${LARGE_ROWS-10000 100000 1000000}
COLUMNS=${LARGE_COLUMNS-5000 20000}
[ -x "$SDMONITOR" ] || { echo "large-csv: $SDMONITOR ontbreekt; bouw eerst" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "large-csv: GNU time ontbreekt (apt-get install -y time)" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/sdmonitor-large-csv.XXXXXX")
trap 'rm -rf "$work"' EXIT
cp -r content "$work/content"
edition=$work/content/$(ls "$work/content" | sort | tail -n 1)
mkdir -p "$edition/data/groot"
printf '  groot/groot.csv:\n    eenheid: aantal\n' >>"$edition/editie.yaml"
csv=$edition/data/groot/groot.csv

# measure ROWS COLUMNS: check the content with the dataset in place; one line of results.
measure() {
  local size
  size=$(stat -c %s "$csv")
  if ! /usr/bin/time -o "$work/time" -f '%e %M' "$SDMONITOR" check --content "$work/content" \
      >"$work/log" 2>&1; then
    echo "large-csv: check mislukt bij $1 regels, $2 kolommen" >&2
    tail -n 5 "$work/log" >&2
    exit 1
  fi
  read -r seconds kb <"$work/time"
  echo "large-csv rows=$1 columns=$2 mb=$(awk -v b="$size" 'BEGIN{printf "%.1f", b/1e6}')" \
       "s=$seconds peak_mb=$((kb / 1024))"
}

for n in $ROWS; do
  awk -v n="$n" 'BEGIN { print "categorie;Aantal;Bedrag"
    for (i = 1; i <= n; i++) printf "Categorie %d;%d;%d\n", i, i % 1000 + 10, i * 7 }' >"$csv"
  measure "$n" 2
done
for n in $COLUMNS; do
  awk -v n="$n" 'BEGIN { printf "categorie"; for (i = 1; i <= n; i++) printf ";Kolom %d", i
    print ""
    for (r = 1; r <= 3; r++) { printf "Regel %d", r
      for (i = 1; i <= n; i++) printf ";%d", i % 1000 + 10
      print "" } }' >"$csv"
  measure 3 "$n"
done
