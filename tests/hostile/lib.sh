# Shared by the cases under cases/: each case is a bash script that sets up hostile or faulty
# input in $work, runs the real binary and checks the outcome the case's first comment promises.
# run.sh sources this file before each case, with sdmonitor, root and work set.
set -euo pipefail
common=(--templates "$root/site-templates" --assets "$root/assets"
        --chartjs "$root/node_modules/chart.js/dist/chart.umd.js")

fail() { echo "FOUT: $*" >&2; exit 1; }

# A copy of the demo content to spoil, at $work/content.
demo_content() { rm -rf "$work/content" && cp -r "$root/content" "$work/content"; }

# sdm ARGS...: the binary with the theme options; stdout and stderr kept in $work/out, $work/err
# and the exit status in $status, whatever it is.
sdm() {
  status=0
  "$sdmonitor" "$@" "${common[@]}" >"$work/out" 2>"$work/err" || status=$?
}

expect_failure() { [ "$status" != 0 ] || fail "exit 0, verwacht een fout${1:+: $1}"; }
expect_success() { [ "$status" = 0 ] || { cat "$work/err" >&2; fail "exit $status, verwacht 0"; }; }
# stderr must contain this extended regular expression.
expect_message() { grep -Eq -- "$1" "$work/err" || { cat "$work/err" >&2; fail "melding '$1' ontbreekt"; }; }
# A digest of a folder, to show that a failed build left it exactly as it was.
digest() { (cd "$1" && find . -type f -print0 | sort -z | xargs -0 -r sha256sum | sha256sum | cut -d' ' -f1); }
