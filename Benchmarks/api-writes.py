#!/usr/bin/env python3
"""Concurrent candidate writes against `skillmatch serve` (issue 19): no lost update, and how fast.

    Benchmarks/api-writes.py PATH/TO/skillmatch CATALOGUE.sqlite JOB-ID [SECONDS] [WRITERS]

Starts the server on loopback with a fresh token on a copy-free catalogue (candidates written here are removed at the
end), then runs two workloads for SECONDS each with WRITERS threads (each its own keep-alive connection):

- contended: every writer increments one shared counter held in one candidate's name, by read (GET, ETag), change,
  write (POST with If-Match), retrying on 412. At the end the counter must equal the number of writes answered 200:
  any lost update would make it smaller.
- distinct: every writer stores new candidates (20 of the job's requirements as skills) under its own ids; at the end
  every id answered 201 must be stored.

Prints writes/s, latency percentiles of the writes, 412 retries and any other non-2xx answer (there must be none).
With BLIND=1 in the environment the contended writers send no If-Match (the control: updates are then lost, which shows
the check can fail).
"""
import http.client, json, os, re, subprocess, sys, tempfile, threading, time

binary, db, job = sys.argv[1], sys.argv[2], sys.argv[3]
seconds = float(sys.argv[4]) if len(sys.argv) > 4 else 30
writers = int(sys.argv[5]) if len(sys.argv) > 5 else 8
blind = os.environ.get("BLIND") == "1"

work = tempfile.mkdtemp()
token = os.urandom(16).hex()
with open(os.path.join(work, "token"), "w") as f:
    f.write(token)
log = open(os.path.join(work, "log"), "w")
server = subprocess.Popen([binary, "serve", "--db", db, "--port", "0", "--token-file", os.path.join(work, "token")],
                          stdout=subprocess.PIPE, stderr=log, text=True)
line = server.stdout.readline()
match = re.search(r"http://([^:/ ]+):(\d+)", line)
if not match:
    sys.exit("api-writes: the server did not start: " + line)
host, port = match.group(1), int(match.group(2))
auth = {"Authorization": "Bearer " + token, "Content-Type": "application/json"}


def request(connection, method, path, body=None, headers=None):
    connection.request(method, path, body=body, headers=headers or {})
    answer = connection.getresponse()
    return answer.status, dict((k.lower(), v) for k, v in answer.getheaders()), answer.read()


setup = http.client.HTTPConnection(host, port)
status, _, body = request(setup, "GET", "/v1/jobs/" + job)
requirements = [r["skill"] for r in json.loads(body)["requirements"]][:20]
skills = [{"skill": s, "level": 0.5} for s in requirements]
run = os.urandom(4).hex()


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(p / 100 * len(values)))] * 1000 if values else 0


def workload(name, body_of_writer):
    latencies, counts, lock = [], {"ok": 0, "created": 0, "retries": 0, "other": 0}, threading.Lock()
    deadline = time.monotonic() + seconds
    threads = [threading.Thread(target=body_of_writer, args=(w, deadline, latencies, counts, lock)) for w in range(writers)]
    start = time.monotonic()
    for t in threads: t.start()
    for t in threads: t.join()
    elapsed = time.monotonic() - start
    done = counts["ok"] + counts["created"]
    print(f"== {name}: {writers} writers, {elapsed:.0f} s: {done} writes ({done / elapsed:.0f}/s), "
          f"write latency p50 {percentile(latencies, 50):.1f} ms, p90 {percentile(latencies, 90):.1f} ms, "
          f"p99 {percentile(latencies, 99):.1f} ms; {counts['retries']} answered 412 and retried; "
          f"{counts['other']} other non-2xx")
    return counts


shared = "shared-" + run
request(setup, "POST", "/v1/candidates", json.dumps({"id": shared, "name": "0", "skills": skills}), auth)


def contended(writer, deadline, latencies, counts, lock):
    connection = http.client.HTTPConnection(host, port)
    while time.monotonic() < deadline:
        status, headers, body = request(connection, "GET", "/v1/candidates/" + shared)
        record = json.loads(body)["candidate"]
        record["name"] = str(int(record["name"]) + 1)
        began = time.monotonic()
        status, _, _ = request(connection, "POST", "/v1/candidates", json.dumps(record), auth if blind else dict(auth, **{"If-Match": headers["etag"]}))
        with lock:
            latencies.append(time.monotonic() - began)
            if status == 200: counts["ok"] += 1
            elif status == 412: counts["retries"] += 1
            else: counts["other"] += 1


counts = workload("contended (one candidate, " + ("no If-Match: the control" if blind else "If-Match") + ")", contended)
_, _, body = request(setup, "GET", "/v1/candidates/" + shared)
final = int(json.loads(body)["candidate"]["name"])
print(f"   counter {final}, writes answered 200: {counts['ok']}: " + ("no lost update" if final == counts["ok"] else "LOST UPDATES"))
lost = final != counts["ok"]

created_ids = [[] for _ in range(writers)]


def distinct(writer, deadline, latencies, counts, lock):
    connection = http.client.HTTPConnection(host, port)
    n = 0
    while time.monotonic() < deadline:
        cid = f"w{writer}-{n}-{run}"
        n += 1
        began = time.monotonic()
        status, _, _ = request(connection, "POST", "/v1/candidates", json.dumps({"id": cid, "skills": skills}), dict(auth, **{"If-None-Match": "*"}))
        with lock:
            latencies.append(time.monotonic() - began)
            if status == 201: counts["created"] += 1; created_ids[writer].append(cid)
            else: counts["other"] += 1


counts = workload("distinct (new candidates, If-None-Match: *)", distinct)
missing = 0
for ids in created_ids:
    for cid in ids:
        status, _, _ = request(setup, "GET", "/v1/candidates/" + cid)
        missing += status != 200
        request(setup, "DELETE", "/v1/candidates/" + cid, headers=auth)
request(setup, "DELETE", "/v1/candidates/" + shared, headers=auth)
print(f"   {sum(map(len, created_ids))} created, {missing} missing afterwards")
server.terminate()
server.wait()
log.close()
fivexx = sum(1 for line in open(os.path.join(work, "log")) if " status=5" in line)
print(f"5xx answers: {fivexx}")
sys.exit(1 if lost or missing or fivexx else 0)
