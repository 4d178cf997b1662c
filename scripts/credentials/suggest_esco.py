#!/usr/bin/env python3
"""Suggests ESCO alignments for the credential catalogue, for a person to confirm (method `suggested`).

Why: a credential's curated ESCO alignments name the skills its exam assesses ("support ICT system users", "perform ICT
troubleshooting"), while the ESCO occupations it serves list near-synonymous essential skills ("provide ICT support",
"solve ICT system problems"). A plan counts a skill only by its id, so on ESCO such credentials close nothing. This
script lists, for each credential, the essential skills of the ESCO occupations it serves (`esco_occupations`) that
it does not grant yet but that one of its granted skills points at:

  - broader:  the essential skill is a broader skill (not a skill group) of a granted skill;
  - sibling:  both have the same broader skill (not a skill group);
  - related:  ESCO's skill-skill relations link them;
  - words:    their preferred labels share at least two content words.

Each suggestion gives the granted skill and the relation, so a reviewer can accept it (copy the row into the sector's
alignments file with `method` = `suggested`) only when the credential's exam or training really assesses the skill.
Nothing is written to the catalogue by this script.

Usage: scripts/credentials/suggest_esco.py [--sector it] [--credential ID] > suggestions.csv
"""
import argparse, csv, os, re, sys

from taxonomies import DATASETS, Esco, HERE, esco_essential, read_catalogue

STOP = set("""a an and or of the to for in on with by from as at into using use apply perform provide manage ensure
    keep maintain carry out work operate handle deal undertake conduct follow monitor develop prepare create make
    other related own""".split())


def words(text):
    out = set()
    for w in re.findall(r"[a-z0-9]+", text.lower()):
        if w in STOP or len(w) < 3:
            continue
        out.add(w[:-1] if w.endswith("s") and len(w) > 4 else w)
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sector", help="only the credentials of this sector file (it, healthcare, ...)")
    parser.add_argument("--credential", help="only this credential")
    args = parser.parse_args()
    folder = os.path.join(HERE, "..", "..", "datasets", "credentials")
    esco = Esco()
    base = os.path.join(DATASETS, "esco")

    essential = esco_essential(base)
    broader = {}
    with open(os.path.join(base, "broaderRelationsSkillPillar.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["broaderType"] != "SkillGroup" and row["conceptType"] != "SkillGroup":
                broader.setdefault(row["conceptUri"], set()).add(row["broaderUri"])
    related = {}
    with open(os.path.join(base, "skillSkillRelations.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            related.setdefault(row["originalSkillUri"], set()).add(row["relatedSkillUri"])
            related.setdefault(row["relatedSkillUri"], set()).add(row["originalSkillUri"])
    preferred = {uri: words(esco.skills[uri]) for uri in esco.skills}

    rows, grants = read_catalogue(folder)
    served = {}
    for row in rows:
        if (args.sector and row["_file"] != args.sector) or (args.credential and row["id"] != args.credential):
            continue
        occupations = [o for o in row.get("esco_occupations", "").split(";") if o]
        if occupations:
            served[row["id"]] = occupations

    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["credential", "framework", "target", "label", "level", "method", "note"])
    for credential in sorted(served):
        granted = grants.get(credential, set())
        if not granted:
            continue
        seen = set()
        for occupation in served[credential]:
            for skill in sorted(essential.get(occupation, ())):
                if skill in granted or skill in seen or skill not in esco.skills:
                    continue
                reasons = []
                for g in sorted(granted):
                    if g not in esco.skills:
                        continue
                    if skill in broader.get(g, ()):
                        reasons.append(f"broader of '{esco.skills[g]}'")
                    elif broader.get(g, set()) & broader.get(skill, set()):
                        reasons.append(f"sibling of '{esco.skills[g]}'")
                    elif skill in related.get(g, ()):
                        reasons.append(f"related to '{esco.skills[g]}'")
                    else:
                        shared = preferred[skill] & preferred[g]
                        if len(shared) >= 2:
                            reasons.append(f"words {'/'.join(sorted(shared))} of '{esco.skills[g]}'")
                if reasons:
                    seen.add(skill)
                    note = f"suggested for {esco.occupations.get(occupation, occupation)}: " + "; ".join(reasons[:3])
                    out.writerow([credential, "esco", skill, esco.skills[skill], "1", "suggested", note])


if __name__ == "__main__":
    main()
