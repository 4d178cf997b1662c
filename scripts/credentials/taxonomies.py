"""Loads the O*NET and ESCO copies in ../shared/datasets for the credential catalogue's curation tools.

Ids are the ones `skillmatch import onet` / `import esco` give: O*NET Skills and Knowledge elements by Element ID
(`2.A.1.a`), technologies as `onet-tech:` + slug of the Example name (the rule in OnetTechnology.swift), O*NET
occupations by O*NET-SOC code, ESCO skills and occupations by concept URI.
"""
import csv, os, re, sys, zlib

HERE = os.path.dirname(os.path.abspath(__file__))
DATASETS = os.environ.get("SKILLMATCH_DATASETS", os.path.join(HERE, "..", "..", "..", "shared", "datasets"))
csv.field_size_limit(sys.maxsize)


def fnv1a(text):
    h = 0xcbf29ce484222325
    for b in text.encode("utf-8"):
        h ^= b
        h = (h * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return h


def slug(name):
    s = name.lower().replace("+", "-plus").replace("#", "-sharp").replace("&", "-and-").replace("@", "-at-")
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s


def tsv(path):
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            yield dict(zip(header, line.rstrip("\n").split("\t")))


class Onet:
    def __init__(self, folder=None):
        folder = folder or os.path.join(DATASETS, "onet")
        self.elements = {}  # id -> name (Skills and Knowledge)
        self.kind = {}
        self.importance = {}  # occupation -> {element: IM}
        for file, kind in (("Skills.txt", "skill"), ("Knowledge.txt", "knowledge")):
            for row in tsv(os.path.join(folder, file)):
                self.elements[row["Element ID"]] = row["Element Name"]
                self.kind[row["Element ID"]] = kind
                if row["Scale ID"] == "IM":
                    self.importance.setdefault(row["O*NET-SOC Code"], {})[row["Element ID"]] = float(row["Data Value"])
        names = set()
        self.tech_uses = {}
        for row in tsv(os.path.join(folder, "Technology Skills.txt")):
            names.add(row["Example"])
            self.tech_uses.setdefault(row["Example"], set()).add(row["O*NET-SOC Code"])
        by_slug = {}
        for n in names:
            by_slug.setdefault(slug(n), []).append(n)
        self.tech = {}  # id -> name
        for s, ns in by_slug.items():
            if len(ns) == 1:
                self.tech["onet-tech:" + s] = ns[0]
            else:
                for n in ns:
                    self.tech["onet-tech:%s-%08x" % (s, fnv1a(n) & 0xFFFFFFFF)] = n
        self.occupations = {}
        for row in tsv(os.path.join(folder, "Occupation Data.txt")):
            self.occupations[row["O*NET-SOC Code"]] = row["Title"]
        self.zones = {}
        for row in tsv(os.path.join(folder, "Job Zones.txt")):
            self.zones[row["O*NET-SOC Code"]] = int(row["Job Zone"])

    def label(self, target):
        return self.elements.get(target) or self.tech.get(target)


class Esco:
    def __init__(self, folder=None):
        folder = folder or os.path.join(DATASETS, "esco")
        self.skills, self.skill_alts, self.occupations, self.occupation_alts = {}, {}, {}, {}
        with open(os.path.join(folder, "skills_en.csv"), encoding="utf-8") as f:
            for row in csv.DictReader(f):
                self.skills[row["conceptUri"]] = row["preferredLabel"]
                self.skill_alts[row["conceptUri"]] = [a for a in row["altLabels"].split("\n") if a]
        with open(os.path.join(folder, "occupations_en.csv"), encoding="utf-8") as f:
            for row in csv.DictReader(f):
                self.occupations[row["conceptUri"]] = row["preferredLabel"]
                self.occupation_alts[row["conceptUri"]] = [a for a in row["altLabels"].split("\n") if a]


def esco_essential(folder=None):
    """ESCO occupation URI -> the set of its essential skill URIs."""
    essential = {}
    with open(os.path.join(folder or os.path.join(DATASETS, "esco"), "occupationSkillRelations.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["relationType"] == "essential":
                essential.setdefault(row["occupationUri"], set()).add(row["skillUri"])
    return essential


def read_catalogue(folder):
    """The credential catalogue folder (datasets/credentials): (credential rows, each with its file's `sector` stem as
    `_file`, in file then row order; credential id -> the set of ESCO skill URIs it grants)."""
    import glob
    credentials, esco_grants = [], {}
    for path in sorted(glob.glob(os.path.join(folder, "*.csv"))):
        stem = os.path.basename(path).split(".")[0]
        with open(path, encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        if path.endswith(".alignments.csv"):
            for row in rows:
                if row["framework"] == "esco":
                    esco_grants.setdefault(row["credential"], set()).add(row["target"])
        else:
            credentials += [dict(row, _file=stem) for row in rows]
    return credentials, esco_grants
