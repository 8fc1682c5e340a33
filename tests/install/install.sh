#!/usr/bin/env bash
# The installed program works from any folder: `cmake --install` into a fresh prefix, then build
# the demo from an empty working folder without --templates/--assets/--chartjs. A marker added to
# the installed site.css must reach the site, so the theme came from <prefix>/share/sdmonitor and
# not from the source tree.
#
#   tests/install/install.sh CMAKE BUILD_DIR SOURCE_DIR WORK_DIR
set -euo pipefail
cmake=$1 build=$2 root=$3 work=$4

rm -rf "$work"
mkdir -p "$work/elders"
prefix=$work/prefix
"$cmake" --install "$build" --prefix "$prefix" >"$work/install.log"

fail() { echo "install: $*" >&2; exit 1; }
[ -x "$prefix/bin/sdmonitor" ] || fail "$prefix/bin/sdmonitor ontbreekt na cmake --install"
share=$prefix/share/sdmonitor
for f in site-templates/layout.mustache assets/site.css assets/sdmonitor.js chart.js/chart.umd.js \
         chart.js/LICENSE.md; do
  [ -f "$share/$f" ] || fail "$share/$f ontbreekt na cmake --install"
done
marker="/* geïnstalleerde kopie */"
echo "$marker" >>"$share/assets/site.css"

cd "$work/elders"
"$prefix/bin/sdmonitor" build --content "$root/content" --out site
[ -f site/index.html ] || fail "geen site/index.html"
cmp -s "$share/chart.js/chart.umd.js" site/assets/chart.umd.js || fail "Chart.js is niet de geïnstalleerde"
grep -qF "$marker" site/assets/site.css || fail "site.css komt niet uit $share"
"$prefix/bin/sdmonitor" check --content "$root/content"

# The options still win over the installed theme.
"$prefix/bin/sdmonitor" build --content "$root/content" --out site-bron \
  --templates "$root/site-templates" --assets "$root/assets" \
  --chartjs "$root/node_modules/chart.js/dist/chart.umd.js"
if grep -qF "$marker" site-bron/assets/site.css; then fail "--assets werd genegeerd"; fi

# Without its share folder, the program says what is missing instead of reading the source tree.
rm -rf "$share"
if "$prefix/bin/sdmonitor" check --content "$root/content" 2>check.err; then
  fail "check slaagde zonder sjablonen"
fi
grep -q "sjabloon ontbreekt" check.err || { cat check.err >&2; fail "geen melding over de sjablonen"; }
echo "install: geïnstalleerd in $prefix, de demo gebouwd vanuit $work/elders"
