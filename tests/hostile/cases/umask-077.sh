# Under umask 077 the site is still readable for a web server running as another user: files
# 0644, folders 0755, also the files and folders a build keeps from before.
demo_content
umask 077
sdm build --content "$work/content" --out "$work/site"
expect_success
sdm build --content "$work/content" --out "$work/site"
expect_success
odd=$(find "$work/site" \( -type f ! -perm 0644 -print \) -o \( -type d ! -perm 0755 -print \) | head -5 || true)
[ -z "$odd" ] || fail "niet leesbaar voor de webserver: $odd"
[ "$(stat -c %a "$work/site")" = 755 ] || fail "de sitemap zelf is $(stat -c %a "$work/site")"
