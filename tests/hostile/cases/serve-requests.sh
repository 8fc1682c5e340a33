# serve answers as a web server would: a percent-encoded path is decoded (200), HEAD gives the
# headers without the body, webp, gif, svg and csv have their MIME types, a `..` spelled %2e%2e
# does not leave the site (404, nothing from outside), and a request with a foreign Host (DNS
# rebinding) is refused with 403 in Dutch.
source "$(dirname "${BASH_SOURCE[0]}")/../serve-lib.sh"
demo_content
edition=$(ls "$root/content" | sort | tail -1)
# A 1×1 GIF and WebP, and an SVG, in the newest edition, shown on its overview page.
printf 'GIF89a\001\000\001\000\000\000\000;' >"$work/beeld.gif"
printf 'RIFF\032\000\000\000WEBPVP8L\015\000\000\000/\000\000\000\020\007\020\021\021\210\210\376\007\000' \
  >"$work/beeld.webp"
cat >"$work/beeld.svg" <<'SVG'
<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>
SVG
serve_start  # copies the demo afresh: put the images in afterwards and wait for the rebuild
cp "$work/beeld.gif" "$work/beeld.webp" "$work/beeld.svg" "$work/content/$edition/"
printf '\n![Een gif](beeld.gif)\n\n![Een webp](beeld.webp)\n\n![Een svg](beeld.svg)\n' \
  >>"$work/content/$edition/index.md"
for _ in $(seq 1 100); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$url/beeld.gif")" = 200 ] && break
  sleep 0.2
done

status() { curl -sS -o /dev/null --max-time 10 -w '%{http_code}' "$@"; }
type_of() { curl -sS -o /dev/null --max-time 10 -w '%{content_type}' "$url$1"; }

[ "$(status "$url/%69ndex.html")" = 200 ] || fail "/%69ndex.html gaf geen 200"
[ "$(status "$url/wmo%2Ehtml")" = 200 ] || fail "/wmo%2Ehtml gaf geen 200"
head=$(curl -sS -I --max-time 10 "$url/index.html")
grep -q '^HTTP/1.1 200' <<<"$head" || fail "HEAD gaf: $head"
grep -qi '^content-type: text/html' <<<"$head" || fail "HEAD zonder Content-Type: $head"
[ -z "$(curl -sS --max-time 10 -X HEAD "$url/index.html" 2>/dev/null || true)" ] ||
  fail "HEAD gaf een body"
[[ $(type_of /beeld.gif) == image/gif* ]] || fail "gif: $(type_of /beeld.gif)"
[[ $(type_of /beeld.webp) == image/webp* ]] || fail "webp: $(type_of /beeld.webp)"
[[ $(type_of /beeld.svg) == image/svg+xml* ]] || fail "svg: $(type_of /beeld.svg)"
[[ $(type_of /data/grafiek-1.csv) == text/csv* ]] || fail "csv: $(type_of /data/grafiek-1.csv)"
for escape in '/%2e%2e/%2e%2e/%2e%2e/etc/passwd' '/assets/%2e%2e/%2e%2e/content/' '/%2E%2E/'; do
  code=$(status --path-as-is "$url$escape")
  [ "$code" = 404 ] || [ "$code" = 400 ] || fail "$escape gaf $code"
  ! curl -s --path-as-is --max-time 10 "$url$escape" | grep -q 'root:' || fail "$escape lekt"
done
[ "$(status -H 'Host: aanvaller.example' "$url/index.html")" = 403 ] ||
  fail "een vreemde Host kreeg geen 403"
body=$(curl -s --max-time 10 -H "Host: aanvaller.example:$port" "$url/index.html")
grep -q 'Geweigerd' <<<"$body" || fail "403 zonder Nederlandse uitleg: $body"
for host in "localhost:$port" "127.0.0.1:$port" "[::1]:$port" localhost; do
  [ "$(status -H "Host: $host" "$url/index.html")" = 200 ] || fail "Host $host geweigerd"
done
