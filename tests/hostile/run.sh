#!/usr/bin/env bash
# Runs every case under cases/ against the real binary, each in a fresh folder of its own, and
# reports each case's outcome. A case passes when it exits 0: it checks its own expected outcome
# (the first comment of each case says what that is).
# Usage: run.sh SDMONITOR ROOT WORK [CASE-NAME...]
set -uo pipefail
sdmonitor=$1 root=$2 work_root=$3
shift 3
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$work_root" && mkdir -p "$work_root"
cases=("$@")
[ ${#cases[@]} -gt 0 ] || cases=($(cd "$here/cases" && ls -- *.sh | sed 's/\.sh$//'))
passed=0 failed=()
for name in "${cases[@]}"; do
  work="$work_root/$name"
  mkdir -p "$work"
  # A process of its own: inside an `if`, a subshell would ignore the case's `set -e`.
  if sdmonitor=$sdmonitor root=$root work=$work \
      bash -c 'source "$1/lib.sh"; source "$1/cases/$2.sh"' case "$here" "$name" \
      >"$work_root/$name.log" 2>&1; then
    passed=$((passed + 1))
  else
    failed+=("$name")
    echo "--- $name mislukt:"; sed 's/^/    /' "$work_root/$name.log"
  fi
done
echo "hostile: ${passed} in orde, ${#failed[@]} mislukt${failed[*]:+: ${failed[*]}}"
[ ${#failed[@]} = 0 ]
