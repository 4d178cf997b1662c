# Sourced by the live-server tests (api-test.sh, browser-test.sh): `start_demo_server BIN NAME` serves a fresh demo
# catalogue on 127.0.0.1 (any free port) in the background and sets `url`, `server` (its pid) and `work` (its folder,
# with serve.log); the server is stopped and the folder removed when the script exits. Extra environment (a token)
# is passed through.
start_demo_server() {
  local bin="$1" name="$2"
  work="$(mktemp -d)"
  trap 'if [ -n "${server:-}" ]; then kill -INT "$server" 2>/dev/null; wait "$server" 2>/dev/null; fi; rm -rf "$work"' EXIT
  "$bin" import demo --db "$work/catalog.sqlite" >/dev/null
  "$bin" serve --db "$work/catalog.sqlite" --port 0 >"$work/serve.out" 2>"$work/serve.log" &
  server=$!
  for _ in $(seq 1 100); do grep -q "serving http" "$work/serve.out" 2>/dev/null && break; sleep 0.2; done
  url="$(grep -o 'serving http://[^ ]*' "$work/serve.out" | cut -d' ' -f2)"
  [ -n "$url" ] || { echo "$name: the server did not start"; cat "$work/serve.log"; exit 1; }
}
