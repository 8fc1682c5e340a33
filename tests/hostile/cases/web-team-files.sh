# The web team's own files in the site folder (.htaccess, robots.txt, .well-known/, .git/) stay
# through any number of builds, with their bytes; a file that sdmonitor no longer writes goes; a
# foreign file where the site now wants one of its own stops the build, site unchanged.
demo_content
sdm build --content "$work/content" --out "$work/site"
expect_success
printf 'Header set X-Test 1\n' >"$work/site/.htaccess"
printf 'User-agent: *\n' >"$work/site/robots.txt"
mkdir -p "$work/site/.well-known" "$work/site/.git/objects"
printf 'contact\n' >"$work/site/.well-known/security.txt"
printf 'ref\n' >"$work/site/.git/HEAD"
printf 'eigen logo\n' >"$work/site/assets/eigen-logo.svg"
theirs=$(cd "$work/site" && sha256sum .htaccess robots.txt .well-known/security.txt .git/HEAD assets/eigen-logo.svg)
for build in 1 2 3; do
  sdm build --content "$work/content" --out "$work/site"
  expect_success
  [ "$(cd "$work/site" && sha256sum .htaccess robots.txt .well-known/security.txt .git/HEAD assets/eigen-logo.svg 2>/dev/null)" = "$theirs" ] ||
    fail "build $build: eigen bestanden van het webteam zijn weg of veranderd"
  [ -d "$work/site/.git/objects" ] || fail "build $build: lege map .git/objects is weg"
done
# An edition that sdmonitor no longer makes is removed; the web team's files stay.
[ -d "$work/site/2023-h2" ] || fail "testopzet: geen editie 2023-h2"
rm -rf "$work/content/2023-h2" && sed -i "/^vorige:/d" "$work/content/2024-q1/editie.yaml"
sdm build --content "$work/content" --out "$work/site"
expect_success
[ ! -e "$work/site/2023-h2" ] || fail "map 2023-h2, niet meer gemaakt, staat er nog"
[ -f "$work/site/.htaccess" ] || fail ".htaccess weg na het weghalen van een editie"
# The web team's file where sdmonitor now wants its own: refused, nothing changed.
printf 'van het webteam\n' >"$work/site/2023-h2"
before=$(digest "$work/site")
cp -r "$root/content/2023-h2" "$work/content/2023-h2"
sdm build --content "$work/content" --out "$work/site"
expect_failure "eigen bestand op de plaats van een editie"
expect_message '2023-h2 is niet door sdmonitor gemaakt.*overschrijft het niet'
expect_message 'tip: verplaats of hernoem'
[ "$(digest "$work/site")" = "$before" ] || fail "de geweigerde build veranderde de site"
