#!/usr/bin/env python3
"""Job titles to O*NET occupations by meaning, leave-one-out, and the similarity a resume title needs.

Each query is an O*NET alternate title ("Senior Data Science Consultant"); the right answer is its occupation. The
index is every title of the 923 data-level occupations (title, alternate and reported titles, as `skillmatch embed`
embeds them) **minus every entry with the query's own text**, so the query is never found as itself. Reported:
- semantic: the occupation of the nearest title by sentence-encoder cosine (`skillmatch encode`), top 1 and top 5
  (occupations ranked by their best title);
- word overlap: the same with TF-IDF cosine over title words (a lexical baseline);
- for the rule resume titles use (`SemanticTitles`: accept the nearest title from a similarity threshold on, and
  credit every occupation whose best title is within 0.02 of the best, at most 3), precision (the query's occupation
  is among those credited) and coverage: the threshold is chosen on the dev half (the smallest whose precision is at
  least --precision) and reported on the test half. Halves by a hash of the query.

Usage: python3 Benchmarks/semantic-titles.py [--binary .build/release/skillmatch] [--queries 3000] [--precision 0.65]
Needs numpy.
"""
import argparse, collections, csv, hashlib, json, math, os, random, re, subprocess, sys, tempfile

import numpy as np

MARGIN = 0.02  # SemanticTitles.margin
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ONET = os.path.join(os.path.dirname(ROOT), "shared", "datasets", "onet")


def rows(name):
    with open(os.path.join(ONET, name), encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def embed(binary, texts, work):
    path = os.path.join(work, "titles.txt")
    with open(path, "w", encoding="utf-8") as f:
        for text in texts:
            f.write(text + "\n")
    out = subprocess.run([binary, "encode", "--lines", path], check=True, capture_output=True).stdout.decode()
    return np.array([json.loads(line)["vector"] for line in out.splitlines()], dtype=np.float32)


def words(text):
    return re.findall(r"[a-z0-9]+", text.lower())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "skillmatch"))
    parser.add_argument("--queries", type=int, default=3000)
    parser.add_argument("--precision", type=float, default=0.65)
    args = parser.parse_args()
    if not os.path.isdir(ONET):
        sys.exit(f"skipped: {ONET} is absent")
    data_level = {r["O*NET-SOC Code"] for r in rows("Job Zones.txt")}
    entries = []  # (text, soc)
    seen = set()
    def add(text, soc):
        key = (text.strip().lower(), soc)
        if text.strip() and key not in seen and soc in data_level:
            seen.add(key)
            entries.append((text.strip(), soc))
    for r in rows("Occupation Data.txt"):
        add(r["Title"], r["O*NET-SOC Code"])
    alternates = []
    for r in rows("Alternate Titles.txt"):
        add(r["Alternate Title"], r["O*NET-SOC Code"])
        if r["O*NET-SOC Code"] in data_level:
            alternates.append((r["Alternate Title"].strip(), r["O*NET-SOC Code"]))
    for r in rows("Sample of Reported Titles.txt"):
        add(r["Reported Job Title"], r["O*NET-SOC Code"])
    # Queries: alternate titles whose text belongs to one occupation only (otherwise the answer is ambiguous).
    owners = collections.defaultdict(set)
    for text, soc in entries:
        owners[text.lower()].add(soc)
    candidates = sorted({(t, s) for t, s in alternates if len(owners[t.lower()]) == 1})
    random.Random(5).shuffle(candidates)
    queries = candidates[: args.queries]
    work = tempfile.mkdtemp(prefix="semantic-titles-")
    vectors = embed(args.binary, [t for t, _ in entries], work)
    socs = np.array([s for _, s in entries])
    texts_lower = np.array([t.lower() for t, _ in entries])
    index_of = {t: k for k, (t, _) in enumerate(entries)}
    # TF-IDF over title words.
    df = collections.Counter(w for t, _ in entries for w in set(words(t)))
    n = len(entries)
    def tfidf(text):
        counts = collections.Counter(words(text))
        v = {w: (1 + math.log(c)) * math.log(n / df[w]) for w, c in counts.items() if w in df}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1
        return {w: x / norm for w, x in v.items()}
    postings = collections.defaultdict(list)
    entry_vectors = [tfidf(t) for t, _ in entries]
    for k, v in enumerate(entry_vectors):
        for w, x in v.items():
            postings[w].append((k, x))

    def ranked(scores, exclude):
        scores = scores.copy()
        scores[exclude] = -np.inf
        best = {}
        for k in np.argsort(-scores)[:200]:
            if scores[k] == -np.inf:
                break
            best.setdefault(socs[k], float(scores[k]))
            if len(best) == 5:
                break
        return list(best.items())

    results = []
    for text, soc in queries:
        exclude = texts_lower == text.lower()
        query_vector = vectors[index_of[text]]
        semantic = ranked(vectors @ query_vector, exclude)
        lexical_scores = np.zeros(n, dtype=np.float32)
        for w, x in tfidf(text).items():
            for k, y in postings[w]:
                lexical_scores[k] += x * y
        lexical = ranked(lexical_scores, exclude) if lexical_scores.max() > 0 else []
        half = "dev" if int(hashlib.sha256(text.encode()).hexdigest(), 16) % 2 == 0 else "test"
        results.append((half, soc, semantic, lexical))

    print(f"{len(entries)} titles of {len(data_level)} occupations; {len(queries)} alternate titles as queries, "
          "each left out of the index\n")
    print("| method | half | top 1 | top 5 |")
    print("|---|---|---:|---:|")
    for name, position in (("semantic (MiniLM)", 2), ("word overlap (TF-IDF)", 3)):
        for half in ("dev", "test"):
            part = [r for r in results if r[0] == half]
            top1 = sum(bool(r[position]) and r[position][0][0] == r[1] for r in part) / len(part)
            top5 = sum(r[1] in [s for s, _ in r[position][:5]] for r in part) / len(part)
            print(f"| {name} | {half} ({len(part)}) | {top1:.3f} | {top5:.3f} |")

    def accepted(part, threshold):
        """Precision and coverage of the rule resumes use: accept from `threshold`, credit the occupations whose best
        title is within MARGIN of the best (at most 3); right when the query's occupation is among them."""
        kept = [r for r in part if r[2] and r[2][0][1] >= threshold]
        right = sum(r[1] in [s for s, v in r[2][:3] if v >= r[2][0][1] - MARGIN] for r in kept)
        return (right / len(kept) if kept else 0.0), len(kept) / len(part)

    dev = [r for r in results if r[0] == "dev"]
    test = [r for r in results if r[0] == "test"]
    chosen = None
    for step in range(30, 100):
        threshold = step / 100
        precision, _ = accepted(dev, threshold)
        if precision >= args.precision:
            chosen = threshold
            break
    print("\nrule: accept from a similarity, credit occupations within 0.02 of the best (at most 3)")
    print("\n| similarity from | dev precision | dev coverage | test precision | test coverage |")
    print("|---:|---:|---:|---:|---:|")
    for threshold in (0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9):
        p1, c1 = accepted(dev, threshold)
        p2, c2 = accepted(test, threshold)
        print(f"| {threshold:.2f} | {p1:.3f} | {c1:.3f} | {p2:.3f} | {c2:.3f} |")
    if chosen is not None:
        p, c = accepted(test, chosen)
        print(f"\nchosen on dev (accepted precision >= {args.precision}): {chosen:.2f}; on test: precision {p:.3f}, "
              f"coverage {c:.3f}")


if __name__ == "__main__":
    main()
