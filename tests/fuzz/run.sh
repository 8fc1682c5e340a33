#!/usr/bin/env bash
# Builds the libFuzzer targets into build-fuzz/ (clang, ASan + UBSan) and runs each for SECONDS.
#
#   tests/fuzz/run.sh [SECONDS]        # default 60; `make fuzz` runs this
#   SDM_FUZZ_STRICT=1 tests/fuzz/run.sh 60   # also check the properties of known, unfixed bugs
#   tests/fuzz/run.sh --replay         # only run the seeds and tests/fuzz/findings/ once (no fuzzing)
#
# Seeds come from tests/fuzz/corpus/<target>/ (the demo content); new inputs the fuzzer finds stay
# in build-fuzz/corpus/<target>/ and are reused by the next run. A crash, leak, timeout or failed
# invariant leaves its input in build-fuzz/artifacts/<target>/ and makes this script fail; copy it
# to tests/fuzz/findings/<target>/ with a name that says what it is.
# Environment: FUZZ_BUILD (default build-fuzz), CXX (default clang++), FUZZ_TARGETS (subset).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)

seconds=60
replay=0
case "${1:-}" in
  --replay) replay=1 ;;
  "") ;;
  *[!0-9]*) echo "gebruik: $0 [SECONDEN | --replay]" >&2; exit 2 ;;
  *) seconds=$1 ;;
esac

build=${FUZZ_BUILD:-build-fuzz}
cxx=${CXX:-}
if [ -z "$cxx" ]; then
  for c in clang++ clang++-14; do command -v "$c" >/dev/null && { cxx=$c; break; }; done
fi
if [ -z "$cxx" ] || ! "$cxx" --version 2>/dev/null | grep -q clang; then
  echo "fuzz: clang++ ontbreekt (apt-get install clang libclang-rt-14-dev)" >&2
  exit 1
fi

# Configure from the top-level project when it includes tests/fuzz, else standalone.
if grep -q 'add_subdirectory(tests/fuzz)' CMakeLists.txt; then
  source_dir=$root; extra=(-DSDMONITOR_FUZZ=ON)
else
  source_dir=$root/tests/fuzz; extra=()
fi
if [ -f "$build/CMakeCache.txt" ] &&
   ! grep -qx "CMAKE_HOME_DIRECTORY:INTERNAL=$source_dir" "$build/CMakeCache.txt"; then
  rm -rf "$build"
fi
if [ ! -f "$build/build.ninja" ]; then
  cmake -S "$source_dir" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug \
    -DCMAKE_CXX_COMPILER="$cxx" "${extra[@]}" >/dev/null
fi
targets=(${FUZZ_TARGETS:-fuzz_read_table fuzz_read_page fuzz_page_spec fuzz_figure_refs fuzz_image_size})
cmake --build "$build" --target "${targets[@]}"

dict_for() {
  case "$1" in
    fuzz_read_table) echo "$root/tests/fuzz/dict/csv.dict" ;;
    fuzz_image_size) echo "$root/tests/fuzz/dict/image.dict" ;;
    *) echo "$root/tests/fuzz/dict/markdown.dict" ;;
  esac
}

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

status=0
summary=()
for t in "${targets[@]}"; do
  bin=$build/fuzz/$t
  seeds=$root/tests/fuzz/corpus/$t
  findings=$root/tests/fuzz/findings/$t
  work=$build/corpus/$t
  artifacts=$build/artifacts/$t/
  mkdir -p "$work" "$artifacts"
  log=$build/$t.log

  if [ "$replay" = 1 ]; then
    inputs=("$seeds"/*)
    [ -d "$findings" ] && inputs+=("$findings"/*)
    if "$bin" -runs=1 "${inputs[@]}" >"$log" 2>&1; then
      summary+=("$t: ${#inputs[@]} invoer(en) opnieuw gedraaid, geen fouten")
    else
      summary+=("$t: FOUT bij opnieuw draaien, zie $log"); status=1
    fi
    continue
  fi

  # Known findings first: a fixed bug must stay fixed.
  if [ -d "$findings" ] && [ -n "$(ls -A "$findings")" ]; then
    if ! "$bin" -runs=1 "$findings"/* >"$log.findings" 2>&1; then
      summary+=("$t: een opgeslagen vondst faalt weer, zie $log.findings"); status=1
      continue
    fi
  fi
  set +e
  "$bin" "$work" "$seeds" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=8192 \
    -dict="$(dict_for "$t")" -artifact_prefix="$artifacts" -print_final_stats=1 >"$log" 2>&1
  rc=$?
  set -e
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 || true)
  if [ $rc -eq 0 ]; then
    summary+=("$t: ${runs:-?} uitvoeringen, ${speed:-?}/s, ${cov:-cov: ?}, geen fouten")
  else
    summary+=("$t: FOUT (code $rc) na ${runs:-?} uitvoeringen; invoer in $artifacts, log $log")
    grep -E 'ERROR: |SDM_FUZZ_CHECK|runtime error|Test unit written' "$log" | head -5 | sed 's/^/    /' >&2 || true
    status=1
  fi
done

printf '%s\n' "${summary[@]}"
exit $status
