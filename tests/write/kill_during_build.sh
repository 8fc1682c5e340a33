#!/usr/bin/env bash
# A build killed with SIGKILL at any moment, or a build that fails, leaves the published site
# exactly as it was: every time the site is wholly the old one or wholly the new one. The next
# complete build repairs the spare folder that a kill left half-updated.
set -euo pipefail
sdmonitor=$1 root=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
common=(--templates "$root/site-templates" --assets "$root/assets" --chartjs "$root/node_modules/chart.js/dist/chart.umd.js")
cp -r "$root/content" "$work/old" && cp -r "$root/content" "$work/new"
sed -i 's/^titel: Wmo$/titel: Wmo (nieuw)/' "$work/new/2024-q1/wmo.md"
digest() { (cd "$1" && find . -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1); }

"$sdmonitor" build --content "$work/new" --out "$work/site" "${common[@]}" >/dev/null
new=$(digest "$work/site")
"$sdmonitor" build --content "$work/old" --out "$work/site" "${common[@]}" >/dev/null
old=$(digest "$work/site")
[ "$old" != "$new" ] || { echo "testopzet: oude en nieuwe site zijn gelijk"; exit 1; }

current=$old
for i in $(seq 1 30); do
  from=$([ "$current" = "$old" ] && echo new || echo old)
  "$sdmonitor" build --content "$work/$from" --out "$work/site" "${common[@]}" >/dev/null 2>&1 &
  pid=$!
  sleep "0.0$((RANDOM % 9))$((RANDOM % 10))"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  now=$(digest "$work/site")
  if [ "$now" != "$old" ] && [ "$now" != "$new" ]; then
    echo "poging $i: site is half oud, half nieuw"; exit 1
  fi
  current=$now
done

# The spare that the kills left half-updated is repaired: complete builds give exactly each site.
for from in new old; do
  "$sdmonitor" build --content "$work/$from" --out "$work/site" "${common[@]}" >/dev/null
  [ "$(digest "$work/site")" = "${!from}" ] || { echo "build na kill -9 gaf niet precies de $from site"; exit 1; }
done

# A build with a content error publishes nothing.
before=$(digest "$work/site")
echo '{{ laatste wmo/bestaat-niet.csv }}' >> "$work/new/2024-q1/wmo.md"
if "$sdmonitor" build --content "$work/new" --out "$work/site" "${common[@]}" >/dev/null 2>&1; then
  echo "build met fout slaagde"; exit 1
fi
[ "$(digest "$work/site")" = "$before" ] || { echo "mislukte build veranderde de site"; exit 1; }
rm -rf "$work"
echo "30 keer kill -9 en een mislukte build: de site bleef steeds heel"
