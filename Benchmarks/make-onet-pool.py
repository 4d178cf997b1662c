#!/usr/bin/env python3
"""A pool of real-shaped job seekers on full O*NET, for timing `skillmatch gaps` on a catalogue imported by
`import onet` (plus `import credentials datasets/credentials`). Seeded: the same N gives the same pool.

Each person starts from a random O*NET occupation with ratings (../shared/datasets/onet): about 80% of its Skills
and Knowledge elements, each at the occupation's level LV/7 moved by -0.15, 0 or +0.15 (kept in (0, 1]), and about a
third of its technologies at 0.5 (ids by the rule of OnetTechnology.swift). One person in five also holds one
credential serving that occupation (datasets/credentials). JSON Lines, one candidate a line, as `gaps --candidates`
reads them.

With `--groups 15,29,47,53` people come only from occupations of those SOC major groups (a board's pool for openings
in those fields); by default from every occupation.

    python3 Benchmarks/make-onet-pool.py 10000 --groups 15,29,47,53 > /tmp/onet-pool.jsonl
    skillmatch gaps --candidates /tmp/onet-pool.jsonl --job 15-1232.00 --jobs 29-2052.00,47-2111.00,53-3032.00 --db onet.sqlite
"""
import csv, glob, json, os, random, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "scripts", "credentials"))
from taxonomies import DATASETS, slug, tsv, fnv1a  # noqa: E402


def main():
    args = sys.argv[1:]
    groups = None
    if "--groups" in args:
        at = args.index("--groups")
        groups = set(args[at + 1].split(","))
        del args[at:at + 2]
    count = int(args[0]) if args else 10000
    folder = os.path.join(DATASETS, "onet")
    levels = {}
    for name in ("Skills.txt", "Knowledge.txt"):
        for row in tsv(os.path.join(folder, name)):
            if row["Scale ID"] == "LV" and row.get("Recommend Suppress") != "Y":
                levels.setdefault(row["O*NET-SOC Code"], {})[row["Element ID"]] = float(row["Data Value"]) / 7
    # Technology ids: the slug, or slug + hash where two names share a slug.
    names, uses = set(), {}
    for row in tsv(os.path.join(folder, "Technology Skills.txt")):
        names.add(row["Example"])
        uses.setdefault(row["O*NET-SOC Code"], []).append(row["Example"])
    by_slug = {}
    for n in names:
        by_slug.setdefault(slug(n), []).append(n)
    tech_id = {}
    for s, ns in by_slug.items():
        for n in ns:
            tech_id[n] = "onet-tech:" + s if len(ns) == 1 else "onet-tech:%s-%08x" % (s, fnv1a(n) & 0xFFFFFFFF)
    serving = {}
    for path in glob.glob(os.path.join(HERE, "..", "datasets", "credentials", "*.csv")):
        if path.endswith(".alignments.csv"):
            continue
        with open(path, encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                for occupation in filter(None, row["occupations"].split(";")):
                    serving.setdefault(occupation, []).append(row["id"])
    occupations = sorted(o for o in levels if groups is None or o[:2] in groups)
    rng = random.Random(1)
    out = sys.stdout
    for index in range(count):
        occupation = rng.choice(occupations)
        skills = {}
        for element, level in sorted(levels[occupation].items()):
            if rng.random() < 0.8:
                moved = min(1.0, level + rng.choice([-0.15, 0.0, 0.15]))
                if moved > 0:
                    skills[element] = round(moved, 4)
        for name in sorted(set(uses.get(occupation, []))):
            if rng.random() < 0.33:
                skills[tech_id[name]] = 0.5
        person = {"id": "p%06d" % index, "skills": [{"skill": k, "level": v} for k, v in skills.items()]}
        if occupation in serving and rng.random() < 0.2:
            person["credentials"] = [rng.choice(sorted(serving[occupation]))]
        out.write(json.dumps(person) + "\n")


if __name__ == "__main__":
    main()
