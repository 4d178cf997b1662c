#!/usr/bin/env python3
"""Gap plans for real-shaped resumes against their own occupations, on full O*NET plus the credential catalogue.

The pairs are the development resumes (Benchmarks/dev-resumes/r*.txt) with the O*NET occupation each was written for
(labels.tsv), or with --framework esco the ESCO occupation a person chose as its nearest (labels.tsv's esco column,
chosen by preferred and alternative labels, never by SkillMatch's ranking); neither is the team's held-out set. For each pair, as a new user would run it:
  gap --candidate rNN.txt --job CODE --format json               (close the gap)
  gap --candidate rNN.txt --job CODE --target 0.8 --format json  (reach a fit of 0.8)
and reports the issue's two measures:
  - the share of pairs for which `gap` finds a non-empty plan that raises fit;
  - among pairs below 0.8 whose target some set of usable credentials reaches, the share of `--target 0.8` plans proven
    optimal within the default time limit (none: the search runs to the end, so any unproven plan is a failure).
Pairs whose target is unreachable or already met are counted apart. With --table, every pair's plan is printed (for
reading them as an advisor would).

Usage: Benchmarks/gap-resume-pairs.py SKILLMATCH_BINARY --db ONET_WITH_CREDENTIALS.sqlite [--table] [--jobs 2]
       Benchmarks/gap-resume-pairs.py SKILLMATCH_BINARY --db ESCO_WITH_CREDENTIALS.sqlite --framework esco
  (make the database with `skillmatch import onet ../shared/datasets/onet --db X` then
   `skillmatch import credentials datasets/credentials --db X`)
"""
import argparse, csv, json, os, subprocess, sys, time
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))


def run(binary, db, resume, job, extra):
    start = time.perf_counter()
    done = subprocess.run([binary, "gap", "--candidate", resume, "--job", job, "--db", db, "--format", "json"] + extra,
                          capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        return {"error": done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "exit %d" % done.returncode,
                "seconds": seconds}
    plan = json.loads(done.stdout)
    plan["seconds"] = seconds
    return plan


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--db", required=True)
    parser.add_argument("--table", action="store_true")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--framework", choices=["onet", "esco"], default="onet",
                        help="pair each resume with its O*NET occupation (the default) or its ESCO occupation")
    args = parser.parse_args()
    folder = os.path.join(HERE, "dev-resumes")
    job_column, title_column = ("onet", "occupation") if args.framework == "onet" else ("esco", "esco_occupation")
    with open(os.path.join(folder, "labels.tsv"), encoding="utf-8") as handle:
        pairs = [(os.path.join(folder, row["file"]), row[job_column], row[title_column])
                 for row in csv.DictReader(handle, delimiter="\t")]

    def both(pair):
        resume, job, _ = pair
        return run(args.binary, args.db, resume, job, []), run(args.binary, args.db, resume, job, ["--target", "0.8"])

    with ThreadPoolExecutor(args.jobs) as pool:
        results = list(pool.map(both, pairs))

    raised = errors = 0
    target_counts = {"optimal": 0, "unproven": 0, "met": 0, "unreachable": 0, "error": 0}
    scopes = {}
    for (resume, job, title), (close, target) in zip(pairs, results):
        if "error" in close:
            errors += 1
        elif close["credentials"] and close["scoreAfter"] > close["scoreBefore"]:
            raised += 1
            scopes[close.get("scope")] = scopes.get(close.get("scope"), 0) + 1
        if "error" in target:
            key = "unreachable" if "cannot be reached" in target["error"] else "error"
            target_counts[key] += 1
        elif not target["credentials"]:
            target_counts["met"] += 1
        else:
            target_counts["optimal" if target["optimal"] else "unproven"] += 1
        if args.table:
            name = os.path.basename(resume)
            plan = "; ".join(c["id"] for c in close.get("credentials", [])) or close.get("error", "-")
            print("%s %s %s\n  close (%s): %s -> %s  [%s]" % (
                name, job, title, close.get("scope", "-"), close.get("scoreBefore", "-"), close.get("scoreAfter", "-"), plan))
            tplan = "; ".join(c["id"] for c in target.get("credentials", [])) or target.get("error", "-")
            print("  target 0.8: %s  [%s]  optimal=%s" % (target.get("scoreAfter", "-"), tplan, target.get("optimal", "-")))
    n = len(pairs)
    print("pairs: %d" % n)
    print("gap finds a non-empty plan that raises fit: %d of %d (%.1f%%); by scope %s; errors %d" % (
        raised, n, 100 * raised / n, dict(sorted((str(k), v) for k, v in scopes.items())), errors))
    attempted = target_counts["optimal"] + target_counts["unproven"]
    print("--target 0.8: proven optimal %d of %d plans (%.1f%%); already at 0.8: %d; unreachable with the usable credentials: %d; errors: %d" % (
        target_counts["optimal"], attempted, 100 * target_counts["optimal"] / max(attempted, 1), target_counts["met"],
        target_counts["unreachable"], target_counts["error"]))
    times = sorted(r["seconds"] for pair in results for r in pair)
    print("seconds per gap run (process, loading included): median %.2f, max %.2f" % (times[len(times) // 2], times[-1]))


if __name__ == "__main__":
    sys.exit(main())
