#!/usr/bin/env python3
"""A review worksheet of ESCO alignments: for each credential, the essential skills of the ESCO occupations it serves
that it does not grant yet, for a person to accept (method `reviewed`) or leave out.

Why: on ESCO a plan closes a gap only with skills the occupation lists, by URI. A credential aligned only to the
skills its exam names in its own words ("support ICT system users") closes nothing for occupations that list
near-synonyms ("provide ICT support"), and `suggest_esco.py` finds those only when a granted skill points at them.
This worksheet lists every essential skill of every occupation the credential serves (`esco_occupations`), with how
many of those occupations list it, so a reviewer can read the list against the credential's published exam outline
or training content and keep only what it assesses. Nothing is written to the catalogue by this script.

Output: CSV rows in the alignments format (`method` = `reviewed`, `level` = 1) with a `note` naming the occupations
that list the skill; a reviewer copies the accepted rows into the sector's alignments file and replaces the note by
the exam domain, module or objective that assesses the skill. Skills already granted, and skills the credential is
unlikely to assess because no served occupation lists them, are not printed.

Usage: scripts/credentials/esco_worksheet.py [--sector it] [--credential ID] [--min-share 0] > worksheet.csv
"""
import argparse, csv, os, sys

from taxonomies import Esco, HERE, esco_essential, read_catalogue


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sector", help="only the credentials of this sector file (it, healthcare, ...)")
    parser.add_argument("--credential", help="only this credential")
    parser.add_argument("--min-share", type=float, default=0,
                        help="only skills listed by at least this share of the credential's occupations (0 to 1)")
    args = parser.parse_args()
    folder = os.path.join(HERE, "..", "..", "datasets", "credentials")
    esco = Esco()
    essential = esco_essential()
    rows, grants = read_catalogue(folder)
    served = {}
    for row in rows:
        if (args.sector and row["_file"] != args.sector) or (args.credential and row["id"] != args.credential):
            continue
        occupations = [o for o in row.get("esco_occupations", "").split(";") if o in esco.occupations]
        if occupations:
            served[row["id"]] = occupations

    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["credential", "framework", "target", "label", "level", "method", "note"])
    for credential in sorted(served):
        occupations = served[credential]
        listed = {}
        for occupation in occupations:
            for skill in essential.get(occupation, ()):
                if skill in esco.skills and skill not in grants.get(credential, set()):
                    listed.setdefault(skill, []).append(esco.occupations[occupation])
        ranked = sorted(listed.items(), key=lambda item: (-len(item[1]), esco.skills[item[0]], item[0]))
        for skill, by in ranked:
            if len(by) / len(occupations) < args.min_share:
                continue
            note = "listed by %d of %d served occupations (%s)" % (len(by), len(occupations), "; ".join(sorted(by)[:3]))
            out.writerow([credential, "esco", skill, esco.skills[skill], "1", "reviewed", note])


if __name__ == "__main__":
    main()
