# Two builds of the demo in two separate processes, with a different time zone and language,
# give byte-identical published folders: every file, its name and its bytes.
demo_content
status=0
TZ=Pacific/Kiritimati LANG=nl_NL.UTF-8 LC_ALL=nl_NL.UTF-8 \
  "$sdmonitor" build --content "$work/content" --out "$work/een" "${common[@]}" \
  >"$work/out" 2>"$work/err" || status=$?
expect_success
TZ=America/Adak LANG=C LC_ALL=C \
  "$sdmonitor" build --content "$work/content" --out "$work/twee" "${common[@]}" \
  >"$work/out" 2>"$work/err" || status=$?
expect_success
list() { (cd "$1" && find . \( -type f -o -type l \) | LC_ALL=C sort); }
[ "$(list "$work/een")" = "$(list "$work/twee")" ] ||
  fail "andere bestanden: $(diff <(list "$work/een") <(list "$work/twee") | head -5)"
[ "$(digest "$work/een")" = "$(digest "$work/twee")" ] ||
  fail "andere inhoud: $(diff -rq "$work/een" "$work/twee" | head -5)"
