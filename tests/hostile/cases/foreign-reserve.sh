# A folder named like the reserve (.site.reserve) that sdmonitor did not make is refused with a
# Dutch message and left exactly as it was; so is the site folder.
demo_content
mkdir -p "$work/.site.reserve/fotos"
printf 'vakantie\n' >"$work/.site.reserve/fotos/strand.jpg"
before=$(digest "$work/.site.reserve")
sdm build --content "$work/content" --out "$work/site"
expect_failure "reservemap van een ander"
expect_message '\.site\.reserve heeft de naam van de reservemap.*niet gemaakt'
expect_message 'tip: verplaats of hernoem'
[ "$(digest "$work/.site.reserve")" = "$before" ] || fail "de vreemde reservemap is veranderd"
[ ! -e "$work/site" ] || fail "site gemaakt naast een vreemde reservemap"
# With a site of sdmonitor's beside it too.
rm -rf "$work/.site.reserve"
sdm build --content "$work/content" --out "$work/site"
expect_success
site=$(digest "$work/site")
rm -rf "$work/.site.reserve" && mkdir -p "$work/.site.reserve/fotos"
printf 'vakantie\n' >"$work/.site.reserve/fotos/strand.jpg"
sdm build --content "$work/content" --out "$work/site"
expect_failure "reservemap van een ander naast een site"
[ "$(digest "$work/.site.reserve")" = "$before" ] || fail "de vreemde reservemap is veranderd"
[ "$(digest "$work/site")" = "$site" ] || fail "de site is veranderd"
