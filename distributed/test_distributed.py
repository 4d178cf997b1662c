#!/usr/bin/env python3
"""`make test-distributed`: SkillMatch on a real local Spark cluster (`local-cluster[2,1,1024]`: two executors, each a
separate JVM and Python worker with its own working directory) and on a Dask LocalCluster (two worker processes)
gives exactly the single run's output, and a bad record fails the job with its message.

  python3 distributed/test_distributed.py SKILLMATCH_BINARY CATALOG.sqlite spark|dask ...

Needs pyspark and Java 17 for spark, dask[distributed] for dask (the Makefile installs them into .venv-spark).
"""
import json
import os
import random
import subprocess
import sys
import tempfile

here = os.path.dirname(os.path.abspath(__file__))


def submit(engine, arguments, expect_failure=False):
    if engine == "spark":
        command = ["spark-submit", "--master", os.environ.get("SKILLMATCH_SPARK_MASTER", "local-cluster[2,1,1024]"),
                   "--conf", "spark.task.maxFailures=1", os.path.join(here, "spark", "skillmatch_spark.py")] + arguments
    else:
        # Dask reads by bytes: blocks of 40 kB make several partitions of the test's pool.
        arguments = [a for a in arguments]
        if "--partitions" in arguments:
            at = arguments.index("--partitions")
            del arguments[at:at + 2]
        command = [sys.executable, os.path.join(here, "dask", "skillmatch_dask.py"), "--blocksize", "40kB", "--workers", "2"] + arguments
    result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    log = result.stdout.decode("utf-8", "replace")
    if (result.returncode != 0) != expect_failure:
        sys.exit("%s %s: exit %d\n%s" % (engine, " ".join(arguments), result.returncode, log[-4000:]))
    return log


def single(binary, arguments):
    result = subprocess.run([binary] + arguments, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if result.returncode != 0:
        sys.exit("skillmatch %s: %s" % (" ".join(arguments), result.stderr.decode()))
    return result.stdout


def parts(folder):
    names = sorted(name for name in os.listdir(folder) if name.startswith("part-"))
    return b"".join(open(os.path.join(folder, name), "rb").read() for name in names)


def main():
    binary, catalog = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    for engine in sys.argv[3:] or ["spark"]:
        check(engine, binary, catalog)


def check(engine, binary, catalog):
    work = tempfile.mkdtemp(prefix="skillmatch-%s-test-" % engine)
    # A pool of 3,000 people over the catalogue's skills, with repeated profiles (ties) and repeated ids (batch keeps
    # both, in input order).
    demo = [json.loads(line) for line in open(os.path.join(here, "..", "datasets", "demo", "candidates.jsonl"))]
    skill_ids = sorted({held["skill"] for person in demo for held in person.get("skills", [])})
    generator = random.Random(11)
    pool = os.path.join(work, "pool.jsonl")
    with open(pool, "w") as handle:
        for index in range(3000):
            count = generator.randint(0, 8)
            chosen = generator.sample(skill_ids, count)
            person = {"id": "p%04d" % (index % 2990), "skills": [{"skill": s, "level": generator.choice([0.25, 0.5, 0.75, 1])} for s in chosen]}
            handle.write(json.dumps(person) + "\n")
    common = ["--binary", binary, "--catalog", catalog, "--input", pool, "--partitions", "4"]

    out = os.path.join(work, "jobs")
    submit(engine, common + ["--output", out, "--mode", "batch", "--top", "5"])
    assert parts(out) == single(binary, ["batch", "--db", catalog, "--candidates", pool, "--top", "5"]), "batch --direction jobs differs"

    out = os.path.join(work, "candidates")
    submit(engine, common + ["--output", out, "--mode", "batch", "--direction", "candidates", "--top", "7"])
    assert parts(out) == single(binary, ["batch", "--db", catalog, "--candidates", pool, "--direction", "candidates", "--top", "7"]), \
        "batch --direction candidates differs"

    if engine == "spark":
        # Parquet with one JSON record per row: the same output.
        parquet = os.path.join(work, "pool.parquet")
        writer = ("import sys\nfrom pyspark.sql import SparkSession\n"
                  "spark = SparkSession.builder.master('local[1]').getOrCreate()\n"
                  "rows = [(line.rstrip('\\n'),) for line in open(sys.argv[1]) if line.strip()]\n"
                  "spark.createDataFrame(rows, ['record']).coalesce(1).write.parquet(sys.argv[2])\nspark.stop()\n")
        subprocess.run([sys.executable, "-c", writer, pool, parquet], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        out = os.path.join(work, "parquet-jobs")
        submit(engine, ["--binary", binary, "--catalog", catalog, "--input", parquet, "--input-format", "parquet",
                        "--output", out, "--mode", "batch", "--top", "5"])
        assert parts(out) == single(binary, ["batch", "--db", catalog, "--candidates", pool, "--top", "5"]), "Parquet input differs"

    unique = os.path.join(work, "unique.jsonl")  # gaps needs each person once
    with open(pool) as source, open(unique, "w") as target:
        seen = set()
        for line in source:
            person = json.loads(line)
            if person["id"] not in seen:
                seen.add(person["id"])
                target.write(line)
    out = os.path.join(work, "gaps")
    jobs = ["--job", "15-1232.00", "--job", "15-1231.00", "--job", "53-7051.00"]
    submit(engine, ["--binary", binary, "--catalog", catalog, "--input", unique, "--partitions", "4", "--output", out, "--mode", "gaps"] + jobs)
    assert open(os.path.join(out, "report.json"), "rb").read() == \
        single(binary, ["gaps", "--db", catalog, "--candidates", unique, "--format", "json"] + jobs), "gaps differs"

    bad = os.path.join(work, "bad.jsonl")
    with open(pool) as source, open(bad, "w") as target:
        lines = source.readlines()
        lines[2500] = '{"id": "bad", "skills": [{"skill": "no-such-skill"}]}\n'
        target.writelines(lines)
    log = submit(engine, common[:4] + ["--input", bad, "--partitions", "4", "--output", os.path.join(work, "bad"), "--mode", "batch"],
                       expect_failure=True)
    assert 'unknown skill id "no-such-skill"' in log, "the failing record's message is not in the job's log"
    print("%s: batch (both directions) and gaps equal the single run; a bad record fails the job with its message" % engine)


if __name__ == "__main__":
    main()
