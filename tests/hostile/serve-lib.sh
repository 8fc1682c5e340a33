# Shared by the serve-* cases (source it after lib.sh): starts `sdmonitor serve` on the demo
# content on a free port (--port 0; the port is read from what serve prints) and waits until it
# answers. The server is stopped when the case ends.

# serve_start: sets $port, $serve_pid and $url (http://127.0.0.1:$port).
serve_start() {
  demo_content
  : >"$work/serve.err"
  "$sdmonitor" serve --content "$work/content" --port 0 "${common[@]}" \
    >"$work/serve.out" 2>"$work/serve.err" &
  serve_pid=$!
  trap serve_stop EXIT
  port=
  for _ in $(seq 1 600); do
    port=$(sed -n 's|^Voorbeeld op http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$work/serve.err")
    [ -n "$port" ] && break
    kill -0 "$serve_pid" 2>/dev/null || { cat "$work/serve.err" >&2; fail "serve stopte"; }
    sleep 0.1
  done
  [ -n "$port" ] || fail "serve meldde binnen 60 s geen poort"
  url="http://127.0.0.1:$port"
  curl -fsS -o /dev/null --max-time 10 "$url/" || fail "serve antwoordt niet op $url/"
}

serve_stop() {
  [ -n "${serve_pid:-}" ] || return 0
  kill "$serve_pid" 2>/dev/null || true
  wait "$serve_pid" 2>/dev/null || true
  serve_pid=
}

# seconds PATH [CURL-ARGS...]: how long one GET of PATH took, in seconds (curl's time_total).
seconds() {
  local path=$1
  shift
  curl -sS -o /dev/null --max-time 10 -w '%{time_total}' "$@" "$url$path"
}

# below LIMIT SECONDS: whether SECONDS < LIMIT (decimal fractions).
below() { awk -v t="$2" -v l="$1" 'BEGIN { exit !(t < l) }'; }
