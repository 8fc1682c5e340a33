# A client that drips its request one byte per 1,5 s does not block others: while it drips,
# other requests are answered in under 0.5 s each.
source "$(dirname "${BASH_SOURCE[0]}")/../serve-lib.sh"
serve_start
exec 3<>"/dev/tcp/127.0.0.1/$port"
( for c in G E T ' ' / i n d e x; do printf '%s' "$c"; sleep 1.5; done ) >&3 &
drip=$!
sleep 2  # the drip has started and the server is reading from it
for page in / /wmo.html /assets/sdmonitor.css; do
  took=$(seconds "$page")
  below 0.5 "$took" || fail "GET $page duurde $took s terwijl een client druppelt"
done
kill "$drip" 2>/dev/null || true
exec 3>&-
