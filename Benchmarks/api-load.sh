#!/usr/bin/env bash
# Load on `skillmatch serve` with wrk on loopback (issue 19): POST /v1/match and POST /v1/fit with an inline candidate
# record (no resume text: the scoring path), for DURATION seconds each, 2 wrk threads and CONNECTIONS connections,
# sampling the server's resident memory every 5 s. Both wrk and the server share this machine's cores.
#   Benchmarks/api-load.sh PATH/TO/skillmatch CATALOGUE.sqlite BODY-CANDIDATE.json JOB-ID [DURATION] [CONNECTIONS]
# BODY-CANDIDATE.json holds a candidate record, e.g. {"id": "p1", "skills": [{"skill": "2.A.1.a", "level": 0.6}]};
# a .txt or .md file is sent as resume text instead ({"candidate": {"text": "..."}}: the server reads the resume,
# finds its skills and titles, then scores).
set -euo pipefail
bin="$1"; db="$2"; candidate="$3"; job="$4"; duration="${5:-60}"; connections="${6:-16}"
command -v wrk >/dev/null || { echo "api-load: wrk is missing (apt-get install wrk)"; exit 1; }
work="$(mktemp -d)"
cleanup() { [ -n "${server:-}" ] && kill -INT "$server" 2>/dev/null && wait "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
"$bin" serve --db "$db" --port 0 >"$work/out" 2>"$work/log" &
server=$!
for _ in $(seq 1 300); do grep -q "serving http" "$work/out" 2>/dev/null && break; sleep 0.2; done
url="$(grep -o 'serving http://[^ ]*' "$work/out" | cut -d' ' -f2)"
case "$candidate" in
  *.txt|*.md) record="$(python3 -c 'import json, sys; print(json.dumps({"text": open(sys.argv[1]).read()}))' "$candidate")" ;;
  *) record="$(cat "$candidate")" ;;
esac
curl -sf "$url/v1/health" >/dev/null
# Warm up: the engines are built on first use.
curl -sf -X POST "$url/v1/match" -H 'content-type: application/json' -d "{\"candidate\": $record, \"top\": 10}" >/dev/null
for endpoint in match fit; do
  if [ "$endpoint" = match ]; then body="{\"candidate\": $record, \"top\": 10}"; else body="{\"candidate\": $record, \"job\": \"$job\"}"; fi
  python3 - "$body" > "$work/post.lua" <<'PY'
import json, sys
print('wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\nwrk.body = ' + json.dumps(sys.argv[1]))
print('''done = function(summary, latency, requests)
  io.write(string.format("non-2xx or errors: %d non-2xx, %d connect, %d read, %d write, %d timeout\\n",
    summary.errors.status, summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
end''')
PY
  echo "== POST /v1/$endpoint, ${duration} s, $connections connections"
  ( for _ in $(seq 1 $((duration / 5))); do sleep 5; awk '/VmRSS/ {printf "%s ", $2}' "/proc/$server/status"; done; echo "(RSS kB every 5 s)" ) &
  sampler=$!
  wrk -t2 -c"$connections" -d"${duration}s" --latency -s "$work/post.lua" "$url/v1/$endpoint" | grep -E "Requests/sec|Latency|50%|90%|99%|non-2xx|requests in"
  wait "$sampler"
done
grep -c " status=5" "$work/log" | sed 's/^/5xx answers: /'
