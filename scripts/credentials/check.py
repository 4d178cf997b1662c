#!/usr/bin/env python3
"""Checks the credential catalogue (datasets/credentials, or the files given) against its README and the O*NET and
ESCO copies: columns, values in range, unique ids, prerequisites and alignments that resolve, labels equal to the
framework's own, known occupations, no duplicate alignment. Prints one line a fault; exit status 1 when any.

    check.py [FOLDER | FILE.csv ...] [--summary]
"""
import csv, re, glob, os, sys
from taxonomies import Onet, Esco

HERE = os.path.dirname(os.path.abspath(__file__))
COLUMNS = ["id", "name", "also_known_as", "issuer", "type", "sector", "cost", "cost_approximate", "hours", "hours_approximate", "exam",
           "education_required", "experience_required", "renewal_years", "renewal", "accreditation", "in_demand",
           "prerequisites", "occupations", "esco_occupations", "url", "sources", "verified", "notes"]
ALIGN = ["credential", "framework", "target", "label", "level", "method", "note"]
TYPES = {"certification", "certificate", "license", "badge", "microcredential", "apprenticeship"}
SECTORS = {"it", "healthcare", "manufacturing", "logistics", "construction", "business", "education", "hospitality",
           "public-safety", "personal-services", "agriculture", "social-services", "energy", "science-engineering",
           "arts-media", "sales", "legal"}
YESNO = {"", "yes", "no"}
RENEWAL = {"CEU", "reexamination", "fee", "CPD", "training"}
faults = []


def fault(file, line, text):
    faults.append("%s:%d: %s" % (os.path.relpath(file), line, text))


def items(text):
    return [t.strip() for t in text.split(";") if t.strip()]


def number(text, file, line, column, low, high):
    if text == "":
        return None
    try:
        value = float(text)
    except ValueError:
        fault(file, line, "%s: %r is not a number" % (column, text))
        return None
    if not (low <= value <= high):
        fault(file, line, "%s: %s is outside [%s, %s]" % (column, text, low, high))
    return value


def main(args):
    summary = "--summary" in args
    args = [a for a in args if a != "--summary"]
    paths = args or [os.path.join(HERE, "..", "..", "datasets", "credentials")]
    files = []
    for p in paths:
        files += sorted(glob.glob(os.path.join(p, "*.csv"))) if os.path.isdir(p) else [p]
    onet, esco = Onet(), Esco()
    credentials, prereqs, occupations = {}, [], {}
    aligned = {}
    for file in files:
        with open(file, encoding="utf-8", newline="") as f:
            reader = csv.DictReader(f)
            header = reader.fieldnames or []
            if file.endswith(".alignments.csv"):
                if header != ALIGN:
                    fault(file, 1, "header must be %s" % ",".join(ALIGN))
                    continue
                seen = set()
                for row in reader:
                    line = reader.line_num
                    key = (row["credential"], row["framework"], row["target"])
                    if key in seen:
                        fault(file, line, "duplicate alignment %s" % (key,))
                    seen.add(key)
                    aligned.setdefault(row["credential"], []).append((file, line, row))
                    if row["framework"] == "onet":
                        label = onet.label(row["target"])
                    elif row["framework"] == "esco":
                        label = esco.skills.get(row["target"])
                    else:
                        fault(file, line, "framework %r is not onet or esco" % row["framework"])
                        continue
                    if label is None:
                        fault(file, line, "target %r is not a %s id" % (row["target"], row["framework"]))
                    elif label != row["label"]:
                        fault(file, line, "label %r is not the %s label %r" % (row["label"], row["framework"], label))
                    lv = number(row["level"], file, line, "level", 0.000001, 1)
                    if lv is None:
                        fault(file, line, "level is empty")
                    if row["method"] not in ("curated", "label-match", "suggested", "reviewed"):
                        fault(file, line, "method %r is not curated, label-match, suggested or reviewed" % row["method"])
            else:
                if header != COLUMNS:
                    fault(file, 1, "header must be %s" % ",".join(COLUMNS))
                    continue
                for row in reader:
                    line = reader.line_num
                    cid = row["id"]
                    if not cid or cid != cid.strip() or " " in cid or cid != cid.lower():
                        fault(file, line, "id %r must be a lower-case slug" % cid)
                    if cid in credentials:
                        fault(file, line, "id %r also on %s:%d" % (cid, *credentials[cid][:2]))
                    credentials[cid] = (os.path.relpath(file), line, row)
                    if not row["name"].strip():
                        fault(file, line, "name is empty")
                    if row["type"] not in TYPES:
                        fault(file, line, "type %r" % row["type"])
                    if row["sector"] not in SECTORS:
                        fault(file, line, "sector %r" % row["sector"])
                    number(row["cost"], file, line, "cost", 0, 100000)
                    number(row["hours"], file, line, "hours", 0, 20000)
                    number(row["renewal_years"], file, line, "renewal_years", 0.5, 20)
                    for c in ("cost_approximate", "hours_approximate", "exam", "education_required", "experience_required", "in_demand"):
                        if row[c] not in YESNO:
                            fault(file, line, "%s: %r is not yes, no or empty" % (c, row[c]))
                    for r in items(row["renewal"]):
                        if r not in RENEWAL:
                            fault(file, line, "renewal %r is not one of %s" % (r, ", ".join(sorted(RENEWAL))))
                    for a in items(row["accreditation"]):
                        if a not in ("ANSI", "NCCA"):
                            fault(file, line, "accreditation %r is not ANSI or NCCA" % a)
                    for p in items(row["prerequisites"]):
                        prereqs.append((file, line, cid, p))
                    for o in items(row["occupations"]):
                        if o not in onet.occupations:
                            fault(file, line, "occupation %r is not an O*NET-SOC code" % o)
                        occupations.setdefault(o, set()).add(cid)
                    for o in items(row["esco_occupations"]):
                        if o not in esco.occupations:
                            fault(file, line, "ESCO occupation %r is not known" % o)
                    if not row["url"].startswith("https://") and not row["url"].startswith("http://"):
                        fault(file, line, "url %r" % row["url"])
                    if row["verified"] not in ("yes", "partly", "no"):
                        fault(file, line, "verified %r is not yes, partly or no" % row["verified"])
                    if row["cost_approximate"] == "yes" and row["cost"] == "":
                        fault(file, line, "cost_approximate without a cost")
                    if row["hours_approximate"] == "yes" and row["hours"] == "":
                        fault(file, line, "hours_approximate without hours")
    for file, line, cid, p in prereqs:
        if p not in credentials:
            fault(file, line, "prerequisite %r of %r is not a credential of the catalogue" % (p, cid))
        if p == cid:
            fault(file, line, "%r is its own prerequisite" % cid)
    # A name or alternate name (case, spacing and punctuation other than + and # ignored) must name one credential:
    # resumes are matched by them, and a shared one names none.
    names = {}
    for cid, (file, line, row) in credentials.items():
        for n in {re.sub(r"[^a-z0-9+#]+", " ", n.lower()).strip() for n in [row["name"]] + items(row["also_known_as"])}:
            if len(n) < 3:
                fault(file, line, "alternate name %r of %r is too short" % (n, cid))
            if n in names and names[n] != cid:
                fault(file, line, "name %r of %r also names %r" % (n, cid, names[n]))
            names.setdefault(n, cid)
    for cid, rows in aligned.items():
        if cid not in credentials:
            for file, line, _ in rows:
                fault(file, line, "alignment of unknown credential %r" % cid)
    for cid, (file, line, row) in credentials.items():
        frameworks = {r["framework"] for _, _, r in aligned.get(cid, [])}
        if "onet" not in frameworks:
            fault(file, line, "%r has no O*NET alignment" % cid)
        if "esco" not in frameworks:
            fault(file, line, "%r has no ESCO alignment" % cid)
    for f in faults:
        print(f)
    if summary or not faults:
        rows = [r for v in aligned.values() for _, _, r in v]
        print("%d credentials, %d alignments (%d O*NET, %d ESCO), %d faults" % (
            len(credentials), len(rows), sum(r["framework"] == "onet" for r in rows),
            sum(r["framework"] == "esco" for r in rows), len(faults)))
    return 1 if faults else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
