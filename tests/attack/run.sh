#!/usr/bin/env bash
# The attacker on built sites (see README.md):
#
#   run.sh SDMONITOR TRUTH_SITE REPO_DIR WORK_DIR CONTENT_DIR...
#
# For each content folder builds the published site (sdmonitor build) and the same site without
# suppression (sdm_truth_site) into WORK_DIR, and runs attack.py on the pair. A folder that holds
# content folders rather than editions (tests/attack/sites) stands for each of them. Prints the
# findings of each site and a closing line "<site>: attack: N passed, M failed".
# Exit status: 0 nothing leaks, 1 a leak or an inconsistency, 2 a build or the attacker failed.
set -uo pipefail

[ $# -ge 5 ] || { echo "usage: $0 SDMONITOR TRUTH_SITE REPO_DIR WORK_DIR CONTENT_DIR..." >&2; exit 2; }
sdmonitor=$1 truth_site=$2 root=$3 work=$4
shift 4
here=$(cd "$(dirname "$0")" && pwd)
common=(--templates "$root/site-templates" --assets "$root/assets"
        --chartjs "$root/node_modules/chart.js/dist/chart.umd.js")

# A Python with numpy and scipy: $PYTHON, else python3, else Debian's python3-scipy.
python=${PYTHON:-}
if [ -z "$python" ]; then
  for candidate in python3 /usr/bin/python3; do
    if "$candidate" -c 'import numpy, scipy.optimize' 2>/dev/null; then
      python=$candidate
      break
    fi
  done
fi
[ -n "$python" ] || { echo "run.sh: no python3 with numpy and scipy" >&2; exit 2; }

has_editions() { compgen -G "$1/*/editie.yaml" >/dev/null; }
sites=()
for dir in "$@"; do
  if has_editions "$dir"; then
    sites+=("$dir")
  else
    found=0
    for sub in "$dir"/*/; do
      if has_editions "$sub"; then sites+=("${sub%/}"); found=1; fi
    done
    [ $found = 1 ] || { echo "run.sh: $dir holds no editions" >&2; exit 2; }
  fi
done

rm -rf "$work" && mkdir -p "$work"
status=0
for site in "${sites[@]}"; do
  name=$(basename "$site")
  out=$work/$name
  n=1
  while [ -e "$out" ]; do n=$((n + 1)); out=$work/$name-$n; done
  mkdir -p "$out"
  if ! "$sdmonitor" build --content "$site" --out "$out/site" "${common[@]}" >"$out/build.log" 2>&1 ||
     ! "$truth_site" --content "$site" --out "$out/waar" "${common[@]}" >>"$out/build.log" 2>&1; then
    cat "$out/build.log"
    echo "$name: build failed"
    status=2
    continue
  fi
  "$python" "$here/attack.py" "$out/site" "$out/waar" >"$out/attack.log" 2>&1
  rc=$?
  last=$(tail -n 1 "$out/attack.log")
  if [[ $last != "attack: "* ]]; then
    cat "$out/attack.log"   # the attacker crashed
    echo "$name: attacker failed"
    status=2
    continue
  fi
  sed '$d' "$out/attack.log"
  echo "$name: $last"
  if [ $rc -gt $status ]; then status=$rc; fi
done
exit $status
