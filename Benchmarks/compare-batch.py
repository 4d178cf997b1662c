#!/usr/bin/env python3
"""Batch scoring: `skillmatch batch` against numpy, faiss and scipy.sparse on the same files, in the same run.

Generates two workloads as a catalogue JSON and a candidates JSONL file, then, for each:
  * imports the catalogue into a fresh SkillMatch database (not timed) and runs
    `skillmatch batch --candidates FILE --top 10 --out FILE --stats FILE` (release build), once per kernel;
  * runs each peer in its own process on the same files, end to end: read the JSONL (orjson when installed, else
    json), expand levels so that the fit becomes an inner product (the threshold encoding described in
    Sources/SkillVectors/ThresholdEncoding.swift), score, select the top 10 with SkillMatch's order (score rounded to
    6 decimals descending, then job id), write JSONL;
      - numpy: blocks of 4,096 candidates, float32 `X @ J.T` (OpenBLAS sgemm) + argpartition;
      - faiss: IndexFlatIP over the expanded job vectors, `search(X, 10)`;
      - scipy.sparse: CSR `X @ J.T` per block, densified, + argpartition;
  * checks that every peer's top 10 agrees with SkillMatch's (same scores to 1e-5; same jobs except within ties),
  * measures the sgemm ceiling (float32 numpy matmul, same BLAS) and peak memory (ru_maxrss of each process),
  * prints the times and the ratios, and SkillMatch's peak memory at N and 2N candidates.

Workloads (issue 4):
  dense  O*NET-like: 120 skills, 1,000 jobs each rating 60-110 skills, levels on a 1/4 grid;
         40,000 candidates with 30-90 skills.
  sparse ESCO-like: 13,896 skills, 3,000 jobs with 20-40 requirements; 40,000 candidates with 10-40 skills.

    swift build -c release --product skillmatch
    python3 Benchmarks/compare-batch.py [--candidates 40000] [--workloads dense,sparse] [--skip-peers]
"""
import argparse
import json
import os
import random
import resource
import subprocess
import sys
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
TOP = 10

try:
    import orjson

    def loads(line):
        return orjson.loads(line)
    PARSER = "orjson"
except ImportError:  # pragma: no cover
    loads = json.loads
    PARSER = "json"


# ---------------------------------------------------------------------------------------------- workloads

def zipf_choice(rng, n, k, weights):
    """k distinct items out of n, drawn with the given weights (popular skills appear more often)."""
    chosen = set()
    while len(chosen) < k:
        chosen.update(rng.choices(range(n), weights=weights, k=k - len(chosen)))
    return sorted(chosen)


def generate(kind, candidates, seed, folder):
    rng = random.Random(seed)
    if kind == "dense":
        skills, jobs, per_job, per_candidate = 120, 1000, (60, 110), (30, 90)
        grid = [0.25, 0.5, 0.75, 1.0]
    else:
        skills, jobs, per_job, per_candidate = 13896, 3000, (20, 40), (10, 40)
        grid = None
    weights = [1.0 / (i + 1) ** 0.6 for i in range(skills)]
    skill_ids = ["s%05d" % i for i in range(skills)]
    catalog = {"skills": [{"id": s, "label": "skill " + s} for s in skill_ids], "jobs": [], "credentials": []}
    for j in range(jobs):
        chosen = zipf_choice(rng, skills, rng.randint(*per_job), weights)
        reqs = []
        for s in chosen:
            if grid:
                importance, level = rng.choice([1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5]), rng.choice(grid)
            else:
                importance, level = rng.choice([1.0, 0.5]), 1.0  # essential / optional, no levels (ESCO)
            reqs.append({"skill": skill_ids[s], "importance": importance, "level": level})
        catalog["jobs"].append({"id": "j%05d" % j, "title": "job %d" % j, "requirements": reqs})
    catalog_path = os.path.join(folder, kind + "-catalog.json")
    with open(catalog_path, "w") as f:
        json.dump(catalog, f)
    paths = []
    for n in (candidates, 2 * candidates):
        path = os.path.join(folder, "%s-candidates-%d.jsonl" % (kind, n))
        paths.append(path)
        if os.path.exists(path):
            continue
        crng = random.Random(seed * 7919 + n)
        with open(path, "w") as f:
            for c in range(n):
                chosen = zipf_choice(crng, skills, crng.randint(*per_candidate), weights)
                held = [{"skill": skill_ids[s], "level": crng.choice([0.25, 0.5, 0.75, 1.0])} for s in chosen]
                f.write(json.dumps({"id": "c%07d" % c, "skills": held}, separators=(",", ":")) + "\n")
    return catalog_path, paths


# ---------------------------------------------------------------------------------------------- peers

def expand_catalog(catalog):
    """The threshold encoding: per skill, the distinct required levels b1 < ... < bm; a requirement (w, r = bt)
    puts w / r / W on features 1..t; a held level h fills feature k with clamp(h - b(k-1), 0, bk - b(k-1))."""
    skill_index = {s["id"]: i for i, s in enumerate(catalog["skills"])}
    levels = [set() for _ in skill_index]
    for job in catalog["jobs"]:
        for r in job["requirements"]:
            levels[skill_index[r["skill"]]].add(r["level"])
    starts, breakpoints = [0], []
    for ls in levels:
        breakpoints.extend(sorted(ls))
        starts.append(len(breakpoints))
    jobs = sorted(catalog["jobs"], key=lambda j: j["id"])
    rows, cols, vals = [], [], []
    for j, job in enumerate(jobs):
        total = sum(r["importance"] for r in job["requirements"])
        for r in job["requirements"]:
            s = skill_index[r["skill"]]
            for f in range(starts[s], starts[s + 1]):
                if breakpoints[f] > r["level"]:
                    break
                rows.append(j)
                cols.append(f)
                vals.append(r["importance"] / r["level"] / total)
    return skill_index, starts, breakpoints, [j["id"] for j in jobs], (rows, cols, vals)


def read_candidates(path, skill_index, starts, breakpoints):
    """Reads JSONL and expands the held levels into sparse (row, feature, value) triplets."""
    ids, rows, cols, vals = [], [], [], []
    with open(path, "rb") as f:
        for line in f:
            if not line.strip():
                continue
            c = loads(line)
            row = len(ids)
            ids.append(c["id"])
            for h in c.get("skills") or []:
                s = skill_index[h["skill"]]
                level = h.get("level", 1.0)
                lower = 0.0
                for feature in range(starts[s], starts[s + 1]):
                    if level <= lower:
                        break
                    upper = breakpoints[feature]
                    rows.append(row)
                    cols.append(feature)
                    vals.append(min(level, upper) - lower)
                    lower = upper
    return ids, rows, cols, vals


def top_rows(scores, k):
    """Top k per row in SkillMatch's order: score rounded to 6 decimals descending, then job index."""
    k = min(k, scores.shape[1])
    part = np.argpartition(-scores, k - 1, axis=1)[:, :k] if scores.shape[1] > k else np.tile(np.arange(scores.shape[1]), (scores.shape[0], 1))
    out = []
    for r in range(scores.shape[0]):
        idx = part[r]
        s = scores[r, idx].astype(np.float64)
        keys = np.round(s * 1e6)
        order = np.lexsort((idx, -keys))
        out.append([(int(idx[o]), float(s[o])) for o in order])
    return out


def write_jsonl(path, ids, job_ids, tops):
    with open(path, "w") as f:
        for cid, top in zip(ids, tops):
            f.write('{"candidate":%s,"matches":[%s]}\n' % (
                json.dumps(cid), ",".join('{"job":"%s","score":%.6f}' % (job_ids[j], s) for j, s in top)))


def run_peer(name, catalog_path, candidates_path, out_path):
    t0 = time.perf_counter()
    with open(catalog_path, "rb") as f:
        catalog = loads(f.read())
    skill_index, starts, breakpoints, job_ids, (jr, jc, jv) = expand_catalog(catalog)
    features, jobs = len(breakpoints), len(job_ids)
    t1 = time.perf_counter()
    ids, rows, cols, vals = read_candidates(candidates_path, skill_index, starts, breakpoints)
    n = len(ids)
    t2 = time.perf_counter()
    tops = []
    if name == "numpy":
        X = np.zeros((n, features), dtype=np.float32)
        X[rows, cols] = vals
        J = np.zeros((jobs, features), dtype=np.float32)
        J[jr, jc] = jv
        JT = np.ascontiguousarray(J.T)
        t3 = time.perf_counter()
        for b in range(0, n, 4096):
            tops.extend(top_rows(X[b:b + 4096] @ JT, TOP))
    elif name == "faiss":
        import faiss
        X = np.zeros((n, features), dtype=np.float32)
        X[rows, cols] = vals
        J = np.zeros((jobs, features), dtype=np.float32)
        J[jr, jc] = jv
        t3 = time.perf_counter()
        index = faiss.IndexFlatIP(features)
        index.add(J)
        D, I = index.search(X, TOP)
        for r in range(n):
            keys = np.round(D[r].astype(np.float64) * 1e6)
            order = np.lexsort((I[r], -keys))
            tops.append([(int(I[r][o]), float(D[r][o])) for o in order])
    elif name == "scipy.sparse":
        from scipy.sparse import csr_matrix
        X = csr_matrix((np.array(vals, dtype=np.float32), (rows, cols)), shape=(n, features))
        JT = csr_matrix((np.array(jv, dtype=np.float32), (jr, jc)), shape=(jobs, features)).T.tocsr()
        t3 = time.perf_counter()
        for b in range(0, n, 4096):
            tops.extend(top_rows((X[b:b + 4096] @ JT).toarray(), TOP))
    t4 = time.perf_counter()
    write_jsonl(out_path, ids, job_ids, tops)
    t5 = time.perf_counter()
    return {"candidates": n, "seconds": {"read": t2 - t0 + (t3 - t2), "score": t4 - t3, "write": t5 - t4, "total": t5 - t0},
            "parser": PARSER}


# ---------------------------------------------------------------------------------------------- harness

def run_measured(command, env=None):
    """Runs a command; returns (wall seconds, peak RSS in MB, stdout)."""
    # Peak RSS from /usr/bin/time: wait4's ru_maxrss would count the pages of this Python process that the child
    # held between fork and exec.
    peak = "/tmp/skillmatch-compare-peak-%d" % os.getpid()
    start = time.perf_counter()
    process = subprocess.Popen(["/usr/bin/time", "-f", "%M", "-o", peak] + command,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    _, status, _ = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    with open(peak) as f:
        rss_kb = float(f.read().split()[-1])
    out = process.stdout.read().decode()
    err = process.stderr.read().decode()
    if status != 0:
        sys.exit("failed: %s\n%s%s" % (" ".join(command), out, err))
    return wall, rss_kb / 1024, out


def sgemm_ceiling():
    """float32 GEMM through numpy's BLAS (OpenBLAS), best of 3, in GFLOP/s."""
    n = 2048
    a = np.random.default_rng(1).random((n, n), dtype=np.float32)
    b = np.random.default_rng(2).random((n, n), dtype=np.float32)
    a @ b
    best = min(timeit(lambda: a @ b) for _ in range(3))
    return 2 * n ** 3 / best / 1e9


def timeit(f):
    t = time.perf_counter()
    f()
    return time.perf_counter() - t


def read_output(path):
    result = {}
    with open(path, "rb") as f:
        for line in f:
            row = json.loads(line)
            result[row["candidate"]] = [(m["job"], float(m["score"])) for m in row["matches"]]
    return result


def agree(ours, theirs):
    """Same number of candidates; per candidate, scores equal to 1e-5 rank by rank, and the same jobs wherever
    scores are not tied (within 2e-5) across the cut."""
    bad = 0
    for cid, mine in ours.items():
        other = theirs.get(cid)
        if other is None or len(other) != len(mine):
            bad += 1
            continue
        if any(abs(a[1] - b[1]) > 1e-5 for a, b in zip(mine, other)):
            bad += 1
            continue
        # A job clearly above one list's cut (by more than 2e-5) must be in the other list.
        clear_mine = {j for j, s in mine if s > mine[-1][1] + 2e-5}
        clear_other = {j for j, s in other if s > other[-1][1] + 2e-5}
        if not clear_mine <= {j for j, _ in other} or not clear_other <= {j for j, _ in mine}:
            bad += 1
    return bad + abs(len(ours) - len(theirs))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--candidates", type=int, default=40000)
    parser.add_argument("--workloads", default="dense,sparse")
    parser.add_argument("--peers", default="numpy,faiss,scipy.sparse")
    parser.add_argument("--skip-peers", action="store_true")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--folder", default="/tmp/skillmatch-batch-compare")
    parser.add_argument("--skillmatch", default=os.path.join(ROOT, ".build/release/skillmatch"))
    parser.add_argument("--peer", help=argparse.SUPPRESS)
    parser.add_argument("--peer-args", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.peer:
        print(json.dumps(run_peer(args.peer, *args.peer_args)))
        return
    os.makedirs(args.folder, exist_ok=True)
    ceiling = sgemm_ceiling()
    print("machine: %d cores; sgemm ceiling (numpy float32 2048^3, OpenBLAS): %.1f GFLOP/s; peers parse JSON with %s"
          % (os.cpu_count(), ceiling, PARSER))
    summary = {"sgemmCeilingGflops": ceiling, "workloads": {}}
    for kind in args.workloads.split(","):
        catalog_path, (small, large) = generate(kind, args.candidates, args.seed, args.folder)
        db = os.path.join(args.folder, kind + ".sqlite")
        if os.path.exists(db):
            os.remove(db)
        run_measured([args.skillmatch, "import", "catalog", catalog_path, "--db", db])
        with open(catalog_path) as f:
            catalog = json.load(f)
        skill_index, starts, breakpoints, job_ids, _ = expand_catalog(catalog)
        features, jobs = len(breakpoints), len(job_ids)
        flops = 2.0 * args.candidates * jobs * features
        print("\n== %s: %d jobs, %d skills -> %d expanded features, %d candidates (%.1f MB of JSONL)"
              % (kind, jobs, len(skill_index), features, args.candidates, os.path.getsize(small) / 1e6))
        rows = []
        ours = None
        for kernel in ["automatic", "gemm"]:
            out = os.path.join(args.folder, "%s-skillmatch-%s.jsonl" % (kind, kernel))
            stats = os.path.join(args.folder, "%s-skillmatch-%s-stats.json" % (kind, kernel))
            wall, rss, _ = run_measured([args.skillmatch, "batch", "--db", db, "--candidates", small, "--top", str(TOP),
                                         "--out", out, "--stats", stats, "--kernel", kernel])
            with open(stats) as f:
                s = json.load(f)
            label = "skillmatch (%s)" % s["kernel"]
            rows.append((label, s["seconds"], wall, rss, flops / s["seconds"]["score"] / 1e9))
            if kernel == "automatic":
                ours = read_output(out)
            else:
                check = agree(ours, read_output(out))
                if check:
                    print("  !! %s disagrees with the automatic kernel on %d candidates" % (label, check))
        peers = [] if args.skip_peers else args.peers.split(",")
        for peer in peers:
            out = os.path.join(args.folder, "%s-%s.jsonl" % (kind, peer))
            wall, rss, printed = run_measured([sys.executable, __file__, "--peer", peer, "--peer-args", catalog_path, small, out])
            s = json.loads(printed)
            rows.append((peer, s["seconds"], wall, rss, flops / s["seconds"]["score"] / 1e9))
            mismatches = agree(ours, read_output(out))
            print("  %-14s top-10 agreement with skillmatch: %s" % (peer, "all %d candidates" % len(ours) if mismatches == 0
                                                                      else "%d candidates DIFFER" % mismatches))
        print("  %-24s %8s %8s %8s %8s %8s %9s %10s" % ("", "read", "score", "write", "total", "wall", "peak MB", "GFLOP/s*"))
        for label, sec, wall, rss, gflops in rows:
            print("  %-24s %8.3f %8.3f %8.3f %8.3f %8.3f %9.0f %10.1f" % (label, sec["read"], sec["score"], sec["write"], sec["total"], wall, rss, gflops))
        print("  * GEMM-equivalent rate: 2 x candidates x jobs x features / score seconds (ceiling %.1f)" % ceiling)
        ours_row = rows[0]
        peer_rows = [r for r in rows if not r[0].startswith("skillmatch")]
        if peer_rows:
            best_score = min(peer_rows, key=lambda r: r[1]["score"])
            best_total = min(peer_rows, key=lambda r: r[2])
            print("  scoring: %.1fx faster than the best peer (%s); end to end (wall): %.1fx faster than the best peer (%s)"
                  % (best_score[1]["score"] / ours_row[1]["score"], best_score[0], best_total[2] / ours_row[2], best_total[0]))
        wall2, rss2, _ = run_measured([args.skillmatch, "batch", "--db", db, "--candidates", large, "--top", str(TOP),
                                       "--out", os.path.join(args.folder, kind + "-large.jsonl")])
        print("  memory: %d candidates peak %.0f MB; %d candidates peak %.0f MB (%.2fx)"
              % (args.candidates, ours_row[3], 2 * args.candidates, rss2, rss2 / ours_row[3]))
        summary["workloads"][kind] = {"rows": [{"name": r[0], "seconds": r[1], "wall": r[2], "peakMB": r[3], "gflops": r[4]} for r in rows],
                                      "doubledPeakMB": rss2}
    with open(os.path.join(args.folder, "summary.json"), "w") as f:
        json.dump(summary, f, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
