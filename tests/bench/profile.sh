#!/usr/bin/env bash
# Where sdmonitor's time goes: one build of the N-municipality benchmark corpus under callgrind
# (all threads), summed per pipeline stage, function and component.
#
#   tests/bench/profile.sh [N]        (default N=40; takes a few minutes: callgrind is ~50× slower)
#
# Environment: SDMONITOR (default build/sdmonitor), BENCH_DIR (keep the profiles there; default a
# temp dir that is removed), PROFILE_TOP (rows per table, default 25).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
cd "$repo"

n=${1:-40}
SDMONITOR=${SDMONITOR:-$repo/build/sdmonitor}
[ -x "$SDMONITOR" ] || { echo "profile: $SDMONITOR ontbreekt; bouw eerst" >&2; exit 1; }
command -v valgrind >/dev/null || { echo "profile: valgrind ontbreekt (apt-get install -y valgrind)" >&2; exit 1; }

if [ -n "${BENCH_DIR:-}" ]; then
  work=$BENCH_DIR
  mkdir -p "$work"
else
  work=$(mktemp -d "${TMPDIR:-/tmp}/sdmonitor-profile.XXXXXX")
  trap 'rm -rf "$work"' EXIT
fi

node "$here/gen-corpus.mjs" --n "$n" --out "$work/corpus" --no-hugo
rm -rf "$work/callgrind" "$work/out"
mkdir -p "$work/callgrind"
echo "callgrind over one invocation for $n municipalities ..." >&2
valgrind --tool=callgrind --callgrind-out-file="$work/callgrind/corpus.out" \
  --log-file="$work/callgrind/corpus.log" "$SDMONITOR" build --content "$work/corpus/sdmonitor" \
  --out "$work/out" >/dev/null
node "$here/cg-summary.mjs" --top "${PROFILE_TOP:-25}" "$work"/callgrind/*.out
