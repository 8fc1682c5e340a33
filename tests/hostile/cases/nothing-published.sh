# A content error in the first build of a site: the message says that nothing was published and
# that the folder was not made, not that an existing site is unchanged.
demo_content
echo '{{ laatste wmo/bestaat-niet.csv }}' >>"$work/content/2024-q1/wmo.md"
sdm build --content "$work/content" --out "$work/nieuw"
expect_failure "build met een fout in de inhoud"
expect_message "Niets gepubliceerd; $work/nieuw is niet gemaakt\."
if grep -q 'ongewijzigd' "$work/err"; then cat "$work/err" >&2; fail "meldt een bestaande site die er niet is"; fi
[ ! -e "$work/nieuw" ] || fail "$work/nieuw is toch gemaakt"
