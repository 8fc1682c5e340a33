# An idle open TCP connection (a browser's preconnect) does not stall the next request: it is
# answered in under 0.5 s, also with three idle connections open, not after the 2 s the old
# one-at-a-time server waited for the idle one.
source "$(dirname "${BASH_SOURCE[0]}")/../serve-lib.sh"
serve_start
exec 3<>"/dev/tcp/127.0.0.1/$port" 4<>"/dev/tcp/127.0.0.1/$port" 5<>"/dev/tcp/127.0.0.1/$port"
sleep 0.3  # the server has accepted them by now
for page in / /wmo.html /assets/sdmonitor.css; do
  took=$(seconds "$page")
  below 0.5 "$took" || fail "GET $page duurde $took s met een open, stille verbinding"
done
exec 3>&- 4>&- 5>&-
