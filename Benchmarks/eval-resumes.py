#!/usr/bin/env python3
"""Right occupation in the top k for resumes whose occupation is known: SkillMatch's `match` against a plain TF-IDF.

Two development sets, neither of them the team's held-out set:
  written   Benchmarks/dev-resumes/*.txt with labels.tsv: fictional resumes written for development (see its README).
  held-out  O*NET pseudo-resumes built from material removed from the catalogue first: for a seeded sample of
            occupations, one alternate or reported title and four task statements are taken out of a copy of the
            O*NET folder (in a temporary folder, never in the project); the copy is imported, and each pseudo-resume
            is that title followed by those tasks as bullet points.
For each resume, the rank of the labelled occupation in `skillmatch batch --top 10` over a folder of the resumes
(batch ranks a resume exactly as `match --candidate FILE` does).
The baseline is TF-IDF (sublinear tf, smooth idf, cosine) of the resume text against each occupation's title,
alternate titles, description, tasks and technologies, over the same catalogue.

Usage: Benchmarks/eval-resumes.py SKILLMATCH_BINARY [--onet ../shared/datasets/onet] [--sample 200] [--seed 1]
"""
import argparse, csv, json, math, os, random, re, shutil, subprocess, sys, tempfile
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))


def read_tsv(path):
    with open(path, encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def write_tsv(path, rows, header):
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("\t".join(header) + "\n")
        for row in rows:
            handle.write("\t".join(row[h] for h in header) + "\n")


def held_out_copy(onet, folder, sample, seed):
    """Copies the O*NET folder, takes one title and four tasks of `sample` occupations out, returns the pseudo-resumes."""
    shutil.copytree(onet, folder, dirs_exist_ok=True)
    rng = random.Random(seed)
    zones = [r["O*NET-SOC Code"] for r in read_tsv(os.path.join(onet, "Job Zones.txt"))]
    tasks = read_tsv(os.path.join(onet, "Task Statements.txt"))
    alternates = read_tsv(os.path.join(onet, "Alternate Titles.txt"))
    reported = read_tsv(os.path.join(onet, "Sample of Reported Titles.txt"))
    by_job_tasks = defaultdict(list)
    for row in tasks:
        by_job_tasks[row["O*NET-SOC Code"]].append(row)
    titles = defaultdict(list)
    for row in reported:
        titles[row["O*NET-SOC Code"]].append(("reported", row["Reported Job Title"], row))
    for row in alternates:
        titles[row["O*NET-SOC Code"]].append(("alternate", row["Alternate Title"], row))
    chosen = sorted(rng.sample([j for j in sorted(zones) if len(by_job_tasks[j]) >= 6 and titles[j]], sample))
    removed_tasks, removed_titles, resumes = set(), set(), []
    for job in chosen:
        kind, title, row = rng.choice(titles[job])
        picked = rng.sample(by_job_tasks[job], 4)
        # The same title may be listed for the job in both files: remove it from both.
        removed_titles.add((job, title.lower()))
        removed_tasks.update(id(t) for t in picked)
        resumes.append((job, title + "\n" + "\n".join("- " + t["Task"] for t in picked) + "\n"))
    write_tsv(os.path.join(folder, "Task Statements.txt"), [t for t in tasks if id(t) not in removed_tasks], list(tasks[0].keys()))
    write_tsv(os.path.join(folder, "Alternate Titles.txt"),
              [r for r in alternates if (r["O*NET-SOC Code"], r["Alternate Title"].lower()) not in removed_titles], list(alternates[0].keys()))
    write_tsv(os.path.join(folder, "Sample of Reported Titles.txt"),
              [r for r in reported if (r["O*NET-SOC Code"], r["Reported Job Title"].lower()) not in removed_titles], list(reported[0].keys()))
    # Tasks to DWAs holds task texts too: leave the removed tasks out there as well.
    dwa = read_tsv(os.path.join(onet, "Tasks to DWAs.txt"))
    removed_ids = {t["Task ID"] for t in tasks if id(t) in removed_tasks}
    write_tsv(os.path.join(folder, "Tasks to DWAs.txt"), [r for r in dwa if r["Task ID"] not in removed_ids], list(dwa[0].keys()))
    return resumes


def words(text):
    return re.findall(r"[a-z0-9+#]+", text.lower())


def tfidf_baseline(onet, resumes):
    """Ranks of the labelled job by TF-IDF cosine over the (possibly held-out) O*NET folder."""
    docs = defaultdict(list)
    data_level = {r["O*NET-SOC Code"] for r in read_tsv(os.path.join(onet, "Job Zones.txt"))}
    for r in read_tsv(os.path.join(onet, "Occupation Data.txt")):
        docs[r["O*NET-SOC Code"]] += [r["Title"], r["Description"]]
    for name, column in [("Alternate Titles.txt", "Alternate Title"), ("Sample of Reported Titles.txt", "Reported Job Title"),
                         ("Task Statements.txt", "Task"), ("Technology Skills.txt", "Example")]:
        for r in read_tsv(os.path.join(onet, name)):
            docs[r["O*NET-SOC Code"]].append(r[column])
    jobs = sorted(j for j in docs if j in data_level)
    counts = [Counter(words(" ".join(docs[j]))) for j in jobs]
    df = Counter(w for c in counts for w in c)
    n = len(jobs)
    idf = {w: math.log((1 + n) / (1 + d)) + 1 for w, d in df.items()}

    def vector(counter):
        v = {w: (1 + math.log(c)) * idf[w] for w, c in counter.items() if w in idf}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1
        return {w: x / norm for w, x in v.items()}

    vectors = [vector(c) for c in counts]
    ranks = []
    for label, text in resumes:
        q = vector(Counter(words(text)))
        scores = sorted(((-sum(q[w] * v.get(w, 0) for w in q), j) for j, v in zip(jobs, vectors)))
        order = [j for _, j in scores]
        ranks.append(order.index(label) + 1 if label in order else None)
    return ranks


def skillmatch_ranks(binary, db, folder, resumes, extra):
    """Ranks of the labelled job in `batch` over a folder of the resumes (`batch` ranks exactly as `match` does)."""
    inputs = tempfile.mkdtemp(dir=folder)
    for index, (label, text) in enumerate(resumes):
        with open(os.path.join(inputs, f"resume-{index:04d}.txt"), "w", encoding="utf-8") as handle:
            handle.write(text)
    # Open date ranges ("2019 - Present") end in 2026 whatever the date of the run, so figures can be repeated.
    out = subprocess.run([binary, "batch", "--candidates", inputs, "--db", db, "--top", "10"] + extra,
                         capture_output=True, text=True, check=True, env=dict(os.environ, SKILLMATCH_AS_OF="2026"))
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    ranks = []
    for index, (label, _) in enumerate(resumes):
        line = lines[index]
        assert line["candidate"] == f"resume-{index:04d}"
        order = [m["job"] for m in line["matches"]]
        ranks.append(order.index(label) + 1 if label in order else None)
    shutil.rmtree(inputs)
    return ranks


def summary(name, ranks):
    n = len(ranks)
    at = lambda k: sum(1 for r in ranks if r is not None and r <= k) / n
    return f"{name:28s} n={n:4d}  top1 {at(1):.3f}  top5 {at(5):.3f}  top10 {at(10):.3f}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--onet", default=os.path.join(HERE, "..", "..", "shared", "datasets", "onet"))
    parser.add_argument("--sample", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--set", choices=["written", "held-out", "both"], default="both")
    parser.add_argument("--show", action="store_true", help="print each written resume's rank")
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="skillmatch-eval-")
    try:
        if args.set in ("written", "both"):
            db = os.path.join(work, "onet.db")
            subprocess.run([args.binary, "import", "onet", args.onet, "--db", db], check=True, capture_output=True)
            labels = read_tsv(os.path.join(HERE, "dev-resumes", "labels.tsv"))
            resumes = [(r["onet"], open(os.path.join(HERE, "dev-resumes", r["file"]), encoding="utf-8").read()) for r in labels]
            ours = skillmatch_ranks(args.binary, db, work, resumes, [])
            try:
                plain = skillmatch_ranks(args.binary, db, work, resumes, ["--no-infer"])
            except subprocess.CalledProcessError:  # a binary from before batch --no-infer
                plain = None
            base = tfidf_baseline(args.onet, resumes)
            print(summary("written: skillmatch", ours))
            if plain is not None:
                print(summary("written: skillmatch --no-infer", plain))
            print(summary("written: TF-IDF baseline", base))
            if args.show:
                for row, rank, b in zip(labels, ours, base):
                    print(f"  {row['file']:10s} {row['onet']} {rank!s:>5} {b!s:>5}  {row['occupation']}")
        if args.set in ("held-out", "both"):
            folder = os.path.join(work, "onet-held-out")
            resumes = held_out_copy(args.onet, folder, args.sample, args.seed)
            db = os.path.join(work, "held-out.db")
            subprocess.run([args.binary, "import", "onet", folder, "--db", db], check=True, capture_output=True)
            print(summary(f"held-out (seed {args.seed}): skillmatch", skillmatch_ranks(args.binary, db, work, resumes, [])))
            print(summary(f"held-out (seed {args.seed}): TF-IDF", tfidf_baseline(folder, resumes)))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
