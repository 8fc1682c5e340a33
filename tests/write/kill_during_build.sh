#!/usr/bin/env bash
# A build killed with SIGKILL at any moment, or a build that fails, leaves the published site
# exactly as it was: every time the site is wholly the old one or wholly the new one. The next
# complete build repairs the spare folder that a kill left half-updated. The same for a folder of
# sites, where a build leaves sites that did not change as they are: a kill must not make it keep
# a half-updated one.
set -euo pipefail
sdmonitor=$1 root=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
common=(--templates "$root/site-templates" --assets "$root/assets" --chartjs "$root/node_modules/chart.js/dist/chart.umd.js")
# The stamps of a folder of sites record modification times; everything else must match.
digest() { (cd "$1" && find . -type f ! -name .sdmonitor-stempels -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1); }
build() { "$sdmonitor" build --content "$1" --out "$2" "${common[@]}"; }

# kills OLD NEW OUT: 30 builds into OUT, alternately from OLD and NEW, each killed at a random
# moment; then complete builds, which must give exactly each site again. Counts in `landed` the
# kills that hit a running build: a test whose kills all came too late would show nothing.
landed=0
kills() {
  local old_content=$1 new_content=$2 out=$3 old new current now from i
  build "$new_content" "$out" >/dev/null
  new=$(digest "$out")
  build "$old_content" "$out" >/dev/null
  old=$(digest "$out")
  [ "$old" != "$new" ] || { echo "testopzet: oude en nieuwe site zijn gelijk"; exit 1; }
  current=$old
  for i in $(seq 1 30); do
    from=$([ "$current" = "$old" ] && echo "$new_content" || echo "$old_content")
    # The program itself in the background, not the function: a kill of the subshell running
    # the function would leave the build running on.
    "$sdmonitor" build --content "$from" --out "$out" "${common[@]}" >/dev/null 2>&1 &
    local pid=$!
    sleep "0.0$((RANDOM % 9))$((RANDOM % 10))"
    kill -9 "$pid" 2>/dev/null || true
    local status=0
    wait "$pid" 2>/dev/null || status=$?
    # 137 = killed by SIGKILL: the kill landed while the build ran, not after it had finished.
    [ "$status" != 137 ] || landed=$((landed + 1))
    now=$(digest "$out")
    if [ "$now" != "$old" ] && [ "$now" != "$new" ]; then
      echo "$out, poging $i: site is half oud, half nieuw"; exit 1
    fi
    current=$now
  done
  # Twice each: the second build of a pair works on the other folder, so both are checked.
  for from in new new old old; do
    build "$([ $from = new ] && echo "$new_content" || echo "$old_content")" "$out" >/dev/null
    [ "$(digest "$out")" = "${!from}" ] || { echo "$out: build na kill -9 gaf niet precies de $from site"; exit 1; }
  done
}

cp -r "$root/content" "$work/old" && cp -r "$root/content" "$work/new"
sed -i 's/^titel: Wmo$/titel: Wmo (nieuw)/' "$work/new/2024-q1/wmo.md"
kills "$work/old" "$work/new" "$work/site"

# A folder of three sites of which one changes.
for version in old new; do
  for name in aa bb cc; do
    mkdir -p "$work/sites-$version" && cp -r "$work/old" "$work/sites-$version/$name"
  done
done
cp "$work/new/2024-q1/wmo.md" "$work/sites-new/bb/2024-q1/wmo.md"
kills "$work/sites-old" "$work/sites-new" "$work/sites"

# A build with a content error publishes nothing.
before=$(digest "$work/site")
echo '{{ laatste wmo/bestaat-niet.csv }}' >> "$work/new/2024-q1/wmo.md"
if build "$work/new" "$work/site" >/dev/null 2>&1; then
  echo "build met fout slaagde"; exit 1
fi
[ "$(digest "$work/site")" = "$before" ] || { echo "mislukte build veranderde de site"; exit 1; }
[ "$landed" -ge 10 ] ||
  { echo "maar $landed van de 60 kills troffen een lopende build: test zegt te weinig"; exit 1; }
rm -rf "$work"
echo "2 x 30 keer kill -9 op een site en op een map met sites ($landed troffen een lopende build), en een mislukte build: de sites bleven steeds heel"
