#!/usr/bin/env python3
"""Throughput of `skillmatch batch` on Spark against one process, and Spark's fixed overhead.

  python3 distributed/spark/bench_spark.py BINARY_OR_BUNDLE CATALOG.sqlite POOL.jsonl [EXECUTORS ...]

For each executor count N (default 1 2): `local-cluster[N,1,2048]` (one core per executor, `--threads 1`, 2N
partitions), the wall time of the whole spark-submit; and the same with a 10-line input (the fixed overhead: JVMs,
Python workers, shipping the files). The single process runs `batch --threads 1` and with all cores. Prints a table;
the output of every Spark run is compared with the single run.
"""
import os
import subprocess
import sys
import tempfile
import time

here = os.path.dirname(os.path.abspath(__file__))


def timed(command, **kwargs):
    start = time.monotonic()
    result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kwargs)
    elapsed = time.monotonic() - start
    if result.returncode != 0:
        sys.exit("%s failed: %s" % (" ".join(command[:3]), result.stderr.decode()[-2000:]))
    return elapsed, result.stdout


def main():
    binary, catalog, pool = (os.path.abspath(a) for a in sys.argv[1:4])
    executors = [int(n) for n in sys.argv[4:]] or [1, 2]
    runner = binary
    if binary.endswith(".tar.gz"):
        unpack = tempfile.mkdtemp()
        subprocess.run(["tar", "-C", unpack, "-xzf", binary], check=True)
        runner = os.path.join(unpack, os.listdir(unpack)[0], "bin", "skillmatch")
    people = sum(1 for line in open(pool) if line.strip())
    work = tempfile.mkdtemp(prefix="skillmatch-spark-bench-")
    small = os.path.join(work, "small.jsonl")
    with open(pool) as source, open(small, "w") as target:
        for _ in range(10):
            target.write(source.readline())
    rows = []
    for threads in ["1", "0"]:
        arguments = [runner, "batch", "--db", catalog, "--candidates", pool, "--top", "10"] + (["--threads", threads] if threads != "0" else [])
        seconds, reference = timed(arguments)
        rows.append(("one process, %s" % ("1 thread" if threads == "1" else "all cores"), seconds, people / seconds))
    for n in executors:
        for name, source in [("overhead (10 people)", small), ("pool", pool)]:
            out = os.path.join(work, "out-%d-%s" % (n, "small" if source == small else "pool"))
            command = ["spark-submit", "--master", "local-cluster[%d,1,2048]" % n, os.path.join(here, "skillmatch_spark.py"),
                       "--binary", binary, "--catalog", catalog, "--input", source, "--output", out, "--mode", "batch",
                       "--top", "10", "--partitions", str(2 * n), "--threads", "1"]
            seconds, _ = timed(command)
            if source == pool:
                produced = b"".join(open(os.path.join(out, f), "rb").read() for f in sorted(os.listdir(out)) if f.startswith("part-"))
                assert produced == reference, "the Spark output differs from the single run"
            rows.append(("spark, %d executor%s x 1 core, %s" % (n, "" if n == 1 else "s", name), seconds,
                         (people if source == pool else 10) / seconds))
    print("%-48s %10s %14s" % ("run (%d people)" % people, "seconds", "people/s"))
    for name, seconds, rate in rows:
        print("%-48s %10.1f %14.0f" % (name, seconds, rate))


if __name__ == "__main__":
    main()
