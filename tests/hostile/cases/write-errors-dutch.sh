# A site folder that cannot be written (a file in its path, a name too long, a read-only spare
# when not root) gives a Dutch message that names the output folder and says what is wrong,
# without English system text or internal file names; a published site stays as it was.
demo_content
no_english() {
  if grep -Eq 'Permission denied|Not a directory|too long|filesystem error|\.reserve|\.sdmonitor-' "$work/err"; then
    cat "$work/err" >&2; fail "$1: Engelse systeemtekst of interne naam in de melding"
  fi
}
printf 'geen map\n' >"$work/bestand"
sdm build --content "$work/content" --out "$work/bestand/site"
expect_failure "een bestand in het pad"
expect_message "kan de site in $work/bestand/site niet schrijven.*een deel van het pad is geen map"
expect_message "tip: .*er is niets gepubliceerd"
no_english "bestand in het pad"
long=$(printf 's%.0s' $(seq 1 250))
sdm build --content "$work/content" --out "$work/$long"
expect_failure "een te lange naam"
expect_message "niet schrijven.*de naam is te lang"
no_english "te lange naam"
if [ "$(id -u)" != 0 ]; then
  sdm build --content "$work/content" --out "$work/site"
  expect_success
  sdm build --content "$work/content" --out "$work/site"
  expect_success
  before=$(digest "$work/site")
  chmod -R a-w "$work/.site.reserve"
  sdm build --content "$work/content" --out "$work/site"
  chmod -R u+w "$work/.site.reserve"
  expect_failure "alleen-lezen reservemap"
  expect_message "kan de site in $work/site niet schrijven.*geen toestemming"
  expect_message "de gepubliceerde site is niet veranderd"
  [ "$(digest "$work/site")" = "$before" ] || fail "de mislukte build veranderde de site"
fi
