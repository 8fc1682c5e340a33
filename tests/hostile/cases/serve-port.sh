# --port takes 0 to 65535 only: -1, 65536, 99999 and abc are refused at once with a Dutch
# message, and a port that is already in use is an error (no second server sharing it).
source "$(dirname "${BASH_SOURCE[0]}")/../serve-lib.sh"
demo_content
for bad in -1 65536 99999 abc; do
  status=0
  timeout 10 "$sdmonitor" serve --content "$work/content" "--port=$bad" "${common[@]}" \
    >"$work/out" 2>"$work/err" || status=$?
  [ "$status" != 124 ] || fail "--port $bad: serve startte toch"
  expect_failure "--port $bad"
  expect_message "'$bad' is geen poortnummer; kies een getal van 0 tot en met 65535"
done
serve_start
status=0
timeout 10 "$sdmonitor" serve --content "$work/content" --port "$port" "${common[@]}" \
  >"$work/out" 2>"$work/err" || status=$?
[ "$status" != 124 ] || fail "een tweede serve op poort $port startte ook"
expect_failure "tweede serve op dezelfde poort"
expect_message "poort $port is al in gebruik"
