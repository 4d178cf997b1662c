#!/usr/bin/env python3
"""Coverage of the credential catalogue (datasets/credentials) over the real O*NET and ESCO copies.

An O*NET occupation (one with Skills or Knowledge ratings, as `import onet` keeps them) is covered when at least one
credential serves it (lists its O*NET-SOC code) or grants one of its 5 most important Skills/Knowledge requirements
(importance IM, ties by element id). Both parts are reported separately, by SOC major group and for job zones 2-4.
An ESCO occupation is covered when a credential serves it (esco_occupations) or grants one of its essential skills.

    python3 Benchmarks/credential-coverage.py [--by-group]
"""
import csv, glob, os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "scripts", "credentials"))
from taxonomies import Onet, esco_essential  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
FOLDER = os.path.join(HERE, "..", "datasets", "credentials")
csv.field_size_limit(sys.maxsize)

serves, esco_serves, grants = {}, {}, {}
for f in glob.glob(os.path.join(FOLDER, "*.csv")):
    for row in csv.DictReader(open(f, encoding="utf-8")):
        if f.endswith(".alignments.csv"):
            grants.setdefault(row["target"], set()).add(row["credential"])
        else:
            for o in filter(None, row["occupations"].split(";")):
                serves.setdefault(o.strip(), set()).add(row["id"])
            for o in filter(None, row["esco_occupations"].split(";")):
                esco_serves.setdefault(o.strip(), set()).add(row["id"])
credentials = len({c for s in grants.values() for c in s})

onet = Onet()
total = {"all": [0, 0, 0, 0, 0], "zones 2-4": [0, 0, 0, 0, 0]}
by_group = {}
for code, ratings in sorted(onet.importance.items()):
    top5 = [e for e, _ in sorted(ratings.items(), key=lambda kv: (-kv[1], kv[0]))[:5]]
    # The stricter reading: top 5 without the Basic Skills (2.A: reading, listening, writing, speaking, mathematics,
    # science, critical thinking, active learning, learning strategies, monitoring), which lead almost every profile.
    specific = [e for e, _ in sorted(ratings.items(), key=lambda kv: (-kv[1], kv[0])) if not e.startswith("2.A.")][:5]
    s = code in serves
    g = any(e in grants for e in top5)
    h = any(e in grants for e in specific)
    for key in ["all"] + (["zones 2-4"] if onet.zones.get(code) in (2, 3, 4) else []) + ["group " + code[:2]]:
        t = total.setdefault(key, [0, 0, 0, 0, 0])
        t[0] += 1; t[1] += s; t[2] += g; t[3] += (s or g); t[4] += (s or h)
print("O*NET occupations with ratings: %d; credentials with alignments: %d" % (total["all"][0], credentials))
print("%-12s %6s %8s %8s %8s %14s" % ("set", "n", "serves", "top-5", "either", "either (no 2.A)"))
keys = ["all", "zones 2-4"] + sorted(k for k in total if k.startswith("group")) if "--by-group" in sys.argv else ["all", "zones 2-4"]
for key in keys:
    n, s, g, e, h = total[key]
    print("%-12s %6d %7.1f%% %7.1f%% %7.1f%% %13.1f%%" % (key, n, 100 * s / n, 100 * g / n, 100 * e / n, 100 * h / n))

# ESCO: served, or one of its essential skills granted.
essential = esco_essential()
n = s = g = e = u = 0
for occ, skills in essential.items():
    n += 1
    a = occ in esco_serves
    b = any(k in grants for k in skills)
    # What a gap plan needs on ESCO: a credential serving the occupation that grants one of its essential skills.
    c = a and any(grants.get(k, set()) & esco_serves[occ] for k in skills)
    s += a; g += b; e += a or b; u += c
print("ESCO occupations with essential skills: %d; served %.1f%%, an essential skill granted %.1f%%, either %.1f%%" % (
    n, 100 * s / n, 100 * g / n, 100 * e / n))
print("ESCO occupations served: %d; of them, a serving credential grants one of the occupation's essential skills: %d (%.1f%%)" % (
    s, u, 100 * u / max(s, 1)))
