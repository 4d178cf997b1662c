#!/usr/bin/env python3
"""Finds taxonomy ids for the credential catalogue's alignments.

    lookup.py KIND WORDS...      KIND: onet (Skills/Knowledge elements), tech (O*NET technologies), esco (ESCO skills),
                                 soc (O*NET occupations), esco-occ (ESCO occupations), all
    lookup.py onet               lists every O*NET Skills and Knowledge element
    lookup.py --batch < FILE     one "KIND<TAB>WORDS" query a line

Every word must occur in a label (preferred or alternative), case ignored; exact label matches come first, then
shorter labels. Prints id, preferred label and, for an alternative-label hit, the alternative in brackets.
"""
import sys
from taxonomies import Onet, Esco

onet = esco = None


def hits(table, alts, words, limit):
    out = []
    for key, label in table.items():
        names = [label] + alts.get(key, [])
        for i, name in enumerate(names):
            low = name.lower()
            if all(w in low for w in words):
                exact = low == " ".join(words)
                out.append((0 if exact else 1, len(name), key, label, None if i == 0 else name))
                break
    out.sort()
    return out[:limit]


def query(kind, text, limit=12):
    global onet, esco
    words = text.lower().split()
    if not words:
        limit = 100000  # an empty query lists everything of the kind
    kinds = ["onet", "tech", "soc", "esco", "esco-occ"] if kind == "all" else [kind]
    for k in kinds:
        if k in ("onet", "tech", "soc") and onet is None:
            onet = Onet()
        if k in ("esco", "esco-occ") and esco is None:
            esco = Esco()
        table, alts = {
            "onet": (onet.elements if onet else None, {}), "tech": (onet.tech if onet else None, {}),
            "soc": (onet.occupations if onet else None, {}),
            "esco": (esco.skills if esco else None, esco.skill_alts if esco else {}),
            "esco-occ": (esco.occupations if esco else None, esco.occupation_alts if esco else {}),
        }[k]
        for _, _, key, label, alt in hits(table, alts, words, limit):
            extra = ""
            if k == "tech":
                extra = "  (used by %d occupations)" % len(onet.tech_uses.get(label, ()))
            if k == "soc":
                extra = "  (job zone %s)" % onet.zones.get(key, "?")
            print("%s\t%s\t%s%s%s" % (k, key, label, " [" + alt + "]" if alt else "", extra))


if __name__ == "__main__":
    if sys.argv[1:2] == ["--batch"]:
        for line in sys.stdin:
            if "\t" in line:
                kind, text = line.rstrip("\n").split("\t", 1)
                print("## %s: %s" % (kind, text))
                query(kind, text)
    elif len(sys.argv) >= 2 and sys.argv[1] != "--help":
        query(sys.argv[1], " ".join(sys.argv[2:]))
    else:
        print(__doc__)
        sys.exit(2)
