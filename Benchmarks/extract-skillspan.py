#!/usr/bin/env python3
"""Quality of `skillmatch extract` on SkillSpan (Zhang et al., NAACL 2022) with the full ESCO label set.

SkillSpan marks hard-skill (`tags_skill`) and knowledge (`tags_knowledge`) spans in real job postings, one
sentence per line. Each sentence is rebuilt by joining its tokens with single spaces and extracted on its own
(`skillmatch extract --lines FILE --format jsonl`), as a held-out ESCO-labelled sentence would be. Gold spans are
the union of both layers (`--gold knowledge` for knowledge only). Reported:

- exact spans: a prediction is right when its [start, end) equals a gold span;
- overlapping spans: a prediction is right when it overlaps a gold span; a gold span is found when a prediction
  overlaps it (so precision and recall count different things and F1 is their harmonic mean);
- sentences: a sentence is predicted positive when at least one skill is found in it, gold positive when it holds
  at least one gold span (precision: predicted sentences that hold a gold span; recall: gold sentences with a
  prediction).

SkillSpan is not labelled with ESCO ids, so these figures measure span finding, not the choice of skill. Nothing
in the extractor is drawn from SkillSpan.

Usage: python3 Benchmarks/extract-skillspan.py [--binary .build/release/skillmatch] [--db esco.sqlite]
       [--split dev|train|all] [--gold all|knowledge] [--errors N]
       [--semantic [--semantic-threshold T --semantic-covered-threshold C --semantic-min-words W]]
       [--tune]

--semantic runs `extract --semantic` (the database needs `skillmatch embed`; without --db the script embeds the
temporary ESCO import, about 2 minutes). --tune chooses the semantic parameters on the dev split only (a grid over
the free and covered thresholds, sentences or clauses too, and the fewest words, maximising sentence-level F1 with
overlap F1 as the tie-break) and then reports lexical, semantic-only and combined figures on dev and on train with
the chosen parameters.
"""
import argparse, json, os, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(os.path.dirname(ROOT), "shared", "datasets")


def spans(tags, offsets):
    result, start = [], None
    for k, tag in enumerate(tags + ["O"]):
        if start is not None and tag != "I":
            result.append((offsets[start][0], offsets[k - 1][1]))
            start = None
        if tag == "B" or (tag == "I" and start is None):
            start = k
    return result


def load(split, gold_kind):
    sentences = []
    for name in (["dev", "train"] if split == "all" else [split]):
        with open(os.path.join(DATA, "job-postings", "skillspan", name + ".json"), encoding="utf-8") as f:
            for line in f:
                record = json.loads(line)
                tokens = [t.replace("\n", " ") for t in record["tokens"]]
                offsets, position = [], 0
                for token in tokens:
                    offsets.append((position, position + len(token)))
                    position += len(token) + 1
                gold = set(spans(record["tags_knowledge"], offsets))
                if gold_kind == "all":
                    gold |= set(spans(record["tags_skill"], offsets))
                sentences.append((" ".join(tokens), sorted(gold)))
    return sentences


def prf(tp_p, n_p, tp_r, n_r):
    p = tp_p / n_p if n_p else 0.0
    r = tp_r / n_r if n_r else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def extract(binary, db, sentences, work, extra):
    text_path = os.path.join(work, "sentences.txt")
    with open(text_path, "w", encoding="utf-8") as f:
        for text, _ in sentences:
            f.write(text + "\n")
    started = time.time()
    out = subprocess.run([binary, "extract", "--lines", text_path, "--format", "jsonl", "--db", db] + extra,
                         check=True, capture_output=True, text=True).stdout
    seconds = time.time() - started
    predicted = [[] for _ in sentences]
    for line in out.splitlines():
        record = json.loads(line)
        predicted[record["line"] - 1] = record["skills"]
    return predicted, seconds


def score(sentences, predicted):
    """(exact, overlap, sentence) P/R/F1 triples and the error lists."""
    n_pred = n_gold = exact = overlap_p = overlap_r = 0
    s_pred = s_gold = s_tp = 0
    false_positives, misses = [], []
    for (text, gold), mentions in zip(sentences, predicted):
        pred = [(m["start"], m["end"]) for m in mentions]
        n_pred += len(pred)
        n_gold += len(gold)
        exact += len(set(pred) & set(gold))
        for m, (s, e) in zip(mentions, pred):
            if any(s < ge and gs < e for gs, ge in gold):
                overlap_p += 1
            else:
                false_positives.append((text[s:e], m["preferredLabel"], text))
        for gs, ge in gold:
            if any(s < ge and gs < e for s, e in pred):
                overlap_r += 1
            else:
                misses.append((text[gs:ge], text))
        s_pred += bool(pred)
        s_gold += bool(gold)
        s_tp += bool(pred) and bool(gold)
    rows = [("exact spans", prf(exact, n_pred, exact, n_gold)),
            ("overlapping spans", prf(overlap_p, n_pred, overlap_r, n_gold)),
            ("sentences", prf(s_tp, s_pred, s_tp, s_gold))]
    return rows, n_pred, n_gold, false_positives, misses


def filtered(predicted, free, covered, min_words, clauses):
    """Applies semantic parameters after the fact to a run made with low thresholds (for the grid search)."""
    result = []
    for mentions in predicted:
        lexical = [m for m in mentions if m.get("method", "lexical") == "lexical"]
        kept = list(lexical)
        for m in mentions:
            if m.get("method") != "semantic":
                continue
            if len(m["text"].split()) < min_words:
                continue
            if not clauses and not m.get("sentence", True):
                continue
            is_covered = any(l["start"] < m["end"] and m["start"] < l["end"] for l in lexical)
            if m["similarity"] >= (covered if is_covered else free):
                kept.append(m)
        result.append(kept)
    return result


def print_rows(title, rows):
    print(title)
    print(f"{'':20} {'precision':>9} {'recall':>7} {'F1':>6}")
    for name, (p, r, f1) in rows:
        print(f"{name:20} {p:9.3f} {r:7.3f} {f1:6.3f}")


def tune(args, db, work):
    dev, train = load("dev", args.gold), load("train", args.gold)
    low = ["--semantic", "--semantic-threshold", "0.3", "--semantic-covered-threshold", "0.3", "--semantic-min-words", "1"]
    grid_run, _ = extract(args.binary, db, dev, work, low)
    best = None
    for min_words in (1, 2, 3, 4, 5):
        for free in [x / 100 for x in range(40, 86, 5)]:
            for covered in [x / 100 for x in range(40, 101, 5)]:
                if covered < free:
                    continue
                rows, *_ = score(dev, filtered(grid_run, free, covered, min_words, True))
                key = (round(rows[2][1][2], 4), round(rows[1][1][2], 4))
                if best is None or key > best[0]:
                    best = (key, free, covered, min_words)
    _, free, covered, min_words = best
    print(f"chosen on dev (a grid of {5 * 10 * 13} settings, maximising sentence F1, then overlap F1): "
          f"free {free:.2f}, covered {covered:.2f}, fewest words {min_words}")
    chosen = ["--semantic", "--semantic-threshold", str(free), "--semantic-covered-threshold", str(covered),
              "--semantic-min-words", str(min_words)]
    for name, split in (("dev", dev), ("train", train)):
        lexical, _ = extract(args.binary, db, split, work, [])
        combined, seconds = extract(args.binary, db, split, work, chosen)
        semantic_only = [[m for m in ms if m.get("method") == "semantic"] for ms in combined]
        for title, predicted in (("lexical", lexical), ("semantic only", semantic_only), ("combined", combined)):
            rows, n_pred, n_gold, *_ = score(split, predicted)
            print_rows(f"\nSkillSpan {name} ({len(split)} sentences, {n_gold} gold spans), {title}: {n_pred} predicted", rows)
        print(f"(extract --lines --semantic on {name}: {seconds:.1f} s including loading)")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "skillmatch"))
    parser.add_argument("--db")
    parser.add_argument("--split", default="all", choices=["dev", "train", "all"])
    parser.add_argument("--gold", default="all", choices=["all", "knowledge"])
    parser.add_argument("--errors", type=int, default=0, help="print this many false positives and misses")
    parser.add_argument("--semantic", action="store_true")
    parser.add_argument("--semantic-threshold")
    parser.add_argument("--semantic-covered-threshold")
    parser.add_argument("--semantic-min-words")
    parser.add_argument("--tune", action="store_true")
    args = parser.parse_args()
    if not os.path.isdir(DATA):
        sys.exit(f"skipped: {DATA} is absent")
    work = tempfile.mkdtemp(prefix="skillspan-")
    db = args.db or os.path.join(work, "esco.sqlite")
    if not args.db:
        subprocess.run([args.binary, "import", "esco", os.path.join(DATA, "esco"), "--db", db], check=True,
                       stdout=subprocess.DEVNULL)
    if (args.semantic or args.tune) and not args.db:
        subprocess.run([args.binary, "embed", "--db", db], check=True, stdout=subprocess.DEVNULL)
    if args.tune:
        tune(args, db, work)
        return
    sentences = load(args.split, args.gold)
    extra = []
    if args.semantic:
        extra.append("--semantic")
        for name in ("semantic_threshold", "semantic_covered_threshold", "semantic_min_words"):
            if getattr(args, name) is not None:
                extra += ["--" + name.replace("_", "-"), getattr(args, name)]
    predicted, seconds = extract(args.binary, db, sentences, work, extra)
    rows, n_pred, n_gold, false_positives, misses = score(sentences, predicted)
    print(f"SkillSpan {args.split}: {len(sentences)} sentences, {n_gold} gold spans ({args.gold}), "
          f"{n_pred} predicted; extract --lines took {seconds:.2f} s (including loading the catalogue)")
    print_rows("", rows)
    if args.errors:
        print("\nfalse positives:")
        for span, label, text in false_positives[: args.errors]:
            print(f"  {span!r} -> {label!r}   | {text[:110]}")
        print("\nmisses:")
        for span, text in misses[: args.errors]:
            print(f"  {span!r}   | {text[:110]}")


if __name__ == "__main__":
    main()
