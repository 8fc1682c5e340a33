#!/usr/bin/env bash
# Benchmark: sdmonitor against Hugo on the same content, for N municipalities × E editions.
#
#   tests/bench/run.sh            (what `make bench` runs; needs build/sdmonitor, node, hugo, GNU time)
#
# Each generator runs once over the whole corpus. Prints one line per corpus, exactly
#   N=342 pages=21546 sdmonitor_s=… hugo_s=… speedup=…x sdmonitor_mb=… hugo_mb=… editions=2 charts=16416
# (medians of the runs; peak RSS from GNU time %M), plus the demo: full build, rebuild after a
# one-line Markdown edit, and the instruction count of the demo build under callgrind.
#
# Environment (all optional):
#   SDMONITOR=path        binary to measure                       [build/sdmonitor]
#   HUGO=path             hugo binary                             [hugo]
#   BENCH_NS="1 40 342x1 342"  corpora: N municipalities, each with the demo's two editions, or
#                         with "xE" only the newest E of them
#   BENCH_RUNS_SMALL=5    runs for N < 40 and for the demo
#   BENCH_RUNS_LARGE=3    runs for N >= 40
#   BENCH_PARALLEL=1      also time one sdmonitor invocation per municipality (xargs -P cores); 0 = skip
#   BENCH_CALLGRIND=1     instruction count of the demo build; 0 = skip
#   BENCH_VALIDATE=all    html-validate every page of every site; smallest = only the smallest
#                         municipality's pages (through html.test.js), which is much quicker
#   BENCH_DIR=dir         work directory (corpus, output); default a fresh mktemp dir, removed at exit
#   BENCH_KEEP=1          keep the work directory
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
cd "$repo"

SDMONITOR=${SDMONITOR:-$repo/build/sdmonitor}
HUGO=${HUGO:-hugo}
NS=${BENCH_NS:-1 40 342x1 342}
RUNS_SMALL=${BENCH_RUNS_SMALL:-5}
RUNS_LARGE=${BENCH_RUNS_LARGE:-3}
PARALLEL=${BENCH_PARALLEL:-1}
CALLGRIND=${BENCH_CALLGRIND:-1}
VALIDATE=${BENCH_VALIDATE:-all}
JOBS=$(nproc)

die() { echo "bench: $*" >&2; exit 1; }
[ -x "$SDMONITOR" ] || die "$SDMONITOR ontbreekt; bouw eerst (make build)"
command -v node >/dev/null || die "node ontbreekt"
command -v "$HUGO" >/dev/null || die "hugo ontbreekt (apt-get install -y hugo)"
[ -x /usr/bin/time ] || die "GNU time ontbreekt (apt-get install -y time)"
[ -f node_modules/chart.js/dist/chart.umd.js ] || die "node_modules/chart.js ontbreekt (npm ci)"
if [ "$CALLGRIND" = 1 ] && ! command -v valgrind >/dev/null; then
  echo "bench: valgrind ontbreekt, geen instructietelling (apt-get install -y valgrind)" >&2
  CALLGRIND=0
fi

if [ -n "${BENCH_DIR:-}" ]; then
  work=$BENCH_DIR
  mkdir -p "$work"
else
  work=$(mktemp -d "${TMPDIR:-/tmp}/sdmonitor-bench.XXXXXX")
fi
serve_pid=
cleanup() {
  [ -z "$serve_pid" ] || kill "$serve_pid" 2>/dev/null || true
  [ "${BENCH_KEEP:-0}" = 1 ] || rm -rf "$work"
}
trap cleanup EXIT

started=$(date +%s%N)

# ---- helpers ---------------------------------------------------------------------------------

# measure LOG CMD...: runs CMD once; sets WALL (seconds), CPU (user + system seconds of CMD and
# its children) and RSS_KB (peak RSS of the largest process, GNU time %M: for a shell loop that is
# the largest child). Output goes to LOG.
measure() {
  local log=$1; shift
  local t0 t1
  t0=$(date +%s%N)
  if ! /usr/bin/time -o "$work/time.out" -f '%M %U %S' "$@" >"$log" 2>&1; then
    echo "bench: mislukt: $*" >&2
    tail -n 20 "$log" >&2
    exit 1
  fi
  t1=$(date +%s%N)
  WALL=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f", (b - a) / 1e9 }')
  read -r RSS_KB CPU < <(tail -n 1 "$work/time.out" | awk '{ printf "%s %.2f\n", $1, $2 + $3 }')
}

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
max() { printf '%s\n' "$@" | sort -g | tail -n 1; }
fmt_s() { awk -v x="$1" 'BEGIN { printf "%.2f", x }'; }
fmt_mb() { awk -v x="$1" 'BEGIN { printf "%.0f", x / 1024 }'; }

# For comparison (BENCH_PARALLEL=1): one sdmonitor invocation per municipality, one per core.
cat >"$work/sdm-par.sh" <<'EOF2'
#!/usr/bin/env bash
set -euo pipefail
sdm=$1 corpus=$2 out=$3 jobs=$4
find "$corpus" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort |
  xargs -P "$jobs" -I{} "$sdm" build --content "$corpus/{}" --out "$out/{}"
EOF2
chmod +x "$work/sdm-par.sh"

echo "# sdmonitor benchmark: $(nproc) cores, $(uname -m), $("$HUGO" version | cut -d' ' -f2), node $(node --version)"
echo "# load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

# ---- N municipalities × E editions -----------------------------------------------------------

# Every measured build writes into a fresh output folder, and outputs are deleted only at the end.
# On this kind of filesystem (ext4 without a journal) a file created within a minute of a mass
# deletion skips the recently freed inodes one by one (perf: recently_deleted, find_inode_bit),
# which made a first build after `rm -rf` of the previous output up to 5x slower, for both tools.
# When space runs short, the outputs so far are deleted and the run waits out that minute.
outn=0
new_out() { # sets OUT to a folder that does not exist yet
  if [ "$(df -Pk "$work" | awk 'NR == 2 { print $4 }')" -lt $((3 * 1024 * 1024)) ]; then
    echo "bench: minder dan 3 GB vrij; uitvoer opruimen en een minuut wachten" >&2
    rm -rf "$work/out"
    sync
    sleep 61
  fi
  outn=$((outn + 1))
  OUT=$work/out/$outn
}

for size in $NS; do
  n=${size%x*} editions=0
  [ "$size" = "$n" ] || editions=${size#*x}
  runs=$RUNS_SMALL
  [ "$n" -ge 40 ] && runs=$RUNS_LARGE
  corpus=$work/corpus-$size
  node "$here/gen-corpus.mjs" --n "$n" --editions "$editions" --out "$corpus" >/dev/null
  read -r editions charts < <(node -e 'const c = require(process.argv[1]);
    console.log(c.editions.length, c.charts)' "$corpus/corpus.json")
  sdm_t=() sdm_m=() sdm_c=() hugo_t=() hugo_m=() hugo_c=() par_t=()
  pages=0
  for ((r = 1; r <= runs; r++)); do
    # Alternate the generators so background load hits both alike; every run is a first build
    # into an empty output folder, as in CI.
    # One invocation over the whole corpus (a folder of sites), like one Hugo invocation.
    new_out
    sdm_out=$OUT
    measure "$work/sdm.log" "$SDMONITOR" build --content "$corpus/sdmonitor" --out "$sdm_out"
    sdm_t+=("$WALL") sdm_m+=("$RSS_KB") sdm_c+=("$CPU")
    if [ "$r" = 1 ]; then
      pages=$(grep -o "[0-9]* pagina's" "$work/sdm.log" | awk '{ s += $1 } END { print s + 0 }')
      sdm_html=$(find "$sdm_out" -name '*.html' | wc -l)
    fi
    new_out
    hugo_out=$OUT
    measure "$work/hugo.log" "$HUGO" --quiet --source "$corpus/hugo" --destination "$hugo_out" \
      --cacheDir "$work/hugo-cache-$size"
    hugo_t+=("$WALL") hugo_m+=("$RSS_KB") hugo_c+=("$CPU")
    if [ "$r" = 1 ]; then
      hugo_html=$(find "$hugo_out" -name '*.html' | wc -l)
      [ "$hugo_html" = "$sdm_html" ] ||
        echo "bench: let op: sdmonitor maakte $sdm_html HTML-bestanden, Hugo $hugo_html" >&2
    fi
    if [ "$PARALLEL" = 1 ]; then
      new_out
      par_out=$OUT
      measure "$work/par.log" "$work/sdm-par.sh" "$SDMONITOR" "$corpus/sdmonitor" "$par_out" "$JOBS"
      par_t+=("$WALL")
    fi
  done
  # Correct, not only fast: no count of persons under 10 on any page of any site; every page of
  # every site valid HTML (html-validate; with BENCH_VALIDATE=smallest only the smallest
  # municipality, which has the most suppression, through all of html.test.js); and with
  # BENCH_PARALLEL=1 every site of the folder-of-sites build exactly what a build of that site
  # alone makes.
  persons=$(node "$here/check-output.mjs" "$sdm_out") || die "N=$size: $persons"
  if [ "$VALIDATE" = smallest ]; then
    smallest=$(node -e 'const c = require(process.argv[1]);
      console.log(c.gemeenten.reduce((a, b) => (b.scale < a.scale ? b : a)).slug)' "$corpus/corpus.json")
    SITE_DIR="$sdm_out/$smallest" node --test "$repo/tests/browser/html.test.js" >"$work/html.log" 2>&1 ||
      { grep -B2 -A8 "^not ok" "$work/html.log" | head -n 30 >&2; die "N=$size: ongeldige HTML in $smallest"; }
    valid="$(grep -c '^ok .* static ' "$work/html.log" || true) pages of $smallest valid (html.test.js)"
  else
    valid=$(node "$here/validate-all.mjs" "$sdm_out") || { echo "$valid" >&2; die "N=$size: ongeldige HTML"; }
    valid="${valid#valid_pages=} pages valid (html-validate)"
  fi
  same=""
  if [ "$PARALLEL" = 1 ]; then
    diff -r -q -x .sdmonitor-stempels "$sdm_out" "$par_out" >"$work/diff.log" 2>&1 ||
      { head -n 20 "$work/diff.log" >&2; die "N=$size: de sites verschillen van een losse build per site"; }
    same="; every site equals its own build (diff -r)"
  fi
  # Rebuilds with nothing changed, into the last run's output folders: what `make site` does
  # every time after the first. sdmonitor's second build fills its spare folder (it writes every
  # file once more), so it runs once untimed; from the third build on, it writes nothing.
  "$SDMONITOR" build --content "$corpus/sdmonitor" --out "$sdm_out" >/dev/null
  re_sdm=() re_hugo=()
  for ((r = 1; r <= runs; r++)); do
    measure "$work/sdm.log" "$SDMONITOR" build --content "$corpus/sdmonitor" --out "$sdm_out"
    re_sdm+=("$WALL")
    measure "$work/hugo.log" "$HUGO" --quiet --source "$corpus/hugo" --destination "$hugo_out" \
      --cacheDir "$work/hugo-cache-$size"
    re_hugo+=("$WALL")
  done
  written=$(grep -o "([0-9]* geschreven" "$work/sdm.log" | tr -dc '0-9')
  # What merely writing that output costs here: the same files from memory into a new folder.
  floor=$(node "$here/write-floor.mjs" "$sdm_out" "$work/floor-$size") || die "N=$size: write-floor mislukt"
  s=$(median "${sdm_t[@]}") h=$(median "${hugo_t[@]}")
  printf 'N=%s pages=%s sdmonitor_s=%s hugo_s=%s speedup=%sx sdmonitor_mb=%s hugo_mb=%s editions=%s charts=%s\n' \
    "$n" "$pages" "$(fmt_s "$s")" "$(fmt_s "$h")" "$(awk -v a="$s" -v b="$h" 'BEGIN { printf "%.1f", b / a }')" \
    "$(fmt_mb "$(max "${sdm_m[@]}")")" "$(fmt_mb "$(max "${hugo_m[@]}")")" "$editions" "$charts"
  # Details: CPU seconds (user + system, all cores; less sensitive to other load than wall time),
  # the spread of the runs, and sdmonitor with one invocation per municipality.
  printf '  N=%s cpu_s sdmonitor=%s hugo=%s; runs=%s wall min/max sdmonitor %s/%s hugo %s/%s' \
    "$size" "$(fmt_s "$(median "${sdm_c[@]}")")" "$(fmt_s "$(median "${hugo_c[@]}")")" "$runs" \
    "$(fmt_s "$(printf '%s\n' "${sdm_t[@]}" | sort -g | head -n 1)")" "$(fmt_s "$(max "${sdm_t[@]}")")" \
    "$(fmt_s "$(printf '%s\n' "${hugo_t[@]}" | sort -g | head -n 1)")" "$(fmt_s "$(max "${hugo_t[@]}")")"
  if [ "$PARALLEL" = 1 ]; then
    p=$(median "${par_t[@]}")
    printf '; sdmonitor_per_site_s=%s (one invocation per municipality, xargs -P %s, speedup %sx)' "$(fmt_s "$p")" "$JOBS" \
      "$(awk -v a="$p" -v b="$h" 'BEGIN { printf "%.1f", b / a }')"
  fi
  printf '\n'
  s=$(median "${re_sdm[@]}") h=$(median "${re_hugo[@]}")
  printf '  N=%s rebuild, nothing changed: sdmonitor_s=%s hugo_s=%s speedup=%sx (sdmonitor wrote %s files)\n' \
    "$size" "$(fmt_s "$s")" "$(fmt_s "$h")" "$(awk -v a="$s" -v b="$h" 'BEGIN { printf "%.1f", b / a }')" "${written:-?}"
  printf '  N=%s write floor (writing the same files from memory, one worker per core): %s\n' "$size" "$floor"
  printf '  N=%s check: %s; %s%s\n' "$size" "$persons" "$valid" "$same"
done

# ---- the demo: full build, rebuild after a one-line edit, instruction count ------------------

demo_t=() demo_m=()
for ((r = 1; r <= RUNS_SMALL; r++)); do
  new_out
  measure "$work/demo.log" "$SDMONITOR" build --content content --out "$OUT"
  demo_t+=("$WALL") demo_m+=("$RSS_KB")
done
demo_pages=$(grep -o "[0-9]* pagina's" "$work/demo.log" | awk '{ s += $1 } END { print s + 0 }')

# What preview does after a save: the same content with one line of Markdown changed, built into
# the existing output folder.
cp -r content "$work/demo-content"
page=$(find "$work/demo-content" -name wmo.md | sort | tail -n 1)
[ -n "$page" ] || page=$(find "$work/demo-content" -name '*.md' | sort | tail -n 1)
cp "$page" "$work/page.orig"
"$SDMONITOR" build --content "$work/demo-content" --out "$work/demo-rebuild" >/dev/null
rebuild_t=()
for ((r = 1; r <= RUNS_SMALL; r++)); do
  { cat "$work/page.orig"; printf '\nDeze zin is bewerking %d van de benchmark.\n' "$r"; } >"$page"
  measure "$work/rebuild.log" "$SDMONITOR" build --content "$work/demo-content" --out "$work/demo-rebuild"
  rebuild_t+=("$WALL")
done
grep -q "bewerking $RUNS_SMALL van de benchmark" "$work/demo-rebuild/$(basename "$page" .md).html" ||
  die "de bewerking staat niet in de herbouwde pagina"

printf 'demo pages=%s build_s=%s rebuild_after_edit_s=%s build_mb=%s\n' "$demo_pages" \
  "$(fmt_s "$(median "${demo_t[@]}")")" "$(fmt_s "$(median "${rebuild_t[@]}")")" "$(fmt_mb "$(max "${demo_m[@]}")")"

# The preview itself (sdmonitor serve, when the binary has it): the in-process rebuild it reports
# after a save ("Bijgewerkt in N ms"); it keeps the site in memory and writes nothing.
if "$SDMONITOR" serve --help >/dev/null 2>&1; then
  cp "$work/page.orig" "$page"
  : >"$work/serve.log"  # exists before the first poll below
  "$SDMONITOR" serve --content "$work/demo-content" --port 0 >"$work/serve.log" 2>&1 &
  serve_pid=$!
  rebuilt() { # wait until the preview has reported $1 builds (20 s at most)
    local i
    for ((i = 0; i < 200; i++)); do
      [ "$(grep -c 'Bijgewerkt in' "$work/serve.log")" -ge "$1" ] && return 0
      kill -0 "$serve_pid" 2>/dev/null || return 1
      sleep 0.1
    done
    return 1
  }
  preview_ok=0
  if rebuilt 1; then
    preview_ok=1
    for ((r = 1; r <= RUNS_SMALL; r++)); do
      { cat "$work/page.orig"; printf '\nDeze zin is bewerking %d van de preview.\n' "$r"; } >"$page.tmp"
      mv "$page.tmp" "$page"   # one change, seen whole by the watcher
      rebuilt $((r + 1)) || { preview_ok=0; break; }
    done
  fi
  kill "$serve_pid" 2>/dev/null || true
  wait "$serve_pid" 2>/dev/null || true
  serve_pid=
  if [ "$preview_ok" = 1 ]; then
    mapfile -t preview_ms < <(sed -n 's/.*Bijgewerkt in \([0-9]*\) ms.*/\1/p' "$work/serve.log" | tail -n +2)
    printf 'demo preview_rebuild_ms=%s (sdmonitor serve, in process, median of %s saves)\n' \
      "$(median "${preview_ms[@]}")" "${#preview_ms[@]}"
  else
    echo "bench: preview gaf geen 'Bijgewerkt in' na een bewerking; zie $work/serve.log" >&2
  fi
fi

if [ "$CALLGRIND" = 1 ]; then
  new_out
  valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.demo" \
    "$SDMONITOR" build --content content --out "$OUT" >/dev/null 2>"$work/callgrind.log" ||
    { tail -n 20 "$work/callgrind.log" >&2; die "callgrind mislukt"; }
  ir=$(sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$work/callgrind.log" | tail -n 1)
  printf 'demo instructions=%s (%s M, valgrind --tool=callgrind, machine-independent)\n' "$ir" \
    "$(awk -v x="$ir" 'BEGIN { printf "%.0f", x / 1e6 }')"
fi

# ---- large datasets: check time and peak memory grow linearly with a CSV's rows and columns ----
SDMONITOR=$SDMONITOR "$here/large-csv.sh"

echo "# load average at end: $(cut -d' ' -f1-3 /proc/loadavg); total $(awk -v a="$started" -v b="$(date +%s%N)" 'BEGIN { printf "%.0f", (b - a) / 1e9 }') s"
