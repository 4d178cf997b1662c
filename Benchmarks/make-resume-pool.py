#!/usr/bin/env python3
"""Writes N text resumes of about 5 KB each as JSON Lines ({"id", "text"}) for timing `batch` on documents.

Each resume starts from one of the development resumes (Benchmarks/dev-resumes/r*.txt, in turn) and is padded to
about SIZE bytes with lines drawn, seeded, from the others, so the pool is realistic in vocabulary and shape but
has N distinct texts. Usage: Benchmarks/make-resume-pool.py N OUT.jsonl [--size 5000] [--seed 1]
"""
import argparse, glob, json, os, random

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("count", type=int)
    parser.add_argument("out")
    parser.add_argument("--size", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    texts = [open(path, encoding="utf-8").read() for path in sorted(glob.glob(os.path.join(HERE, "dev-resumes", "r*.txt")))]
    lines = [line for text in texts for line in text.splitlines() if line.strip()]
    with open(args.out, "w", encoding="utf-8") as out:
        for index in range(args.count):
            text = texts[index % len(texts)]
            while len(text.encode("utf-8")) < args.size:
                text += "\n" + rng.choice(lines)
            out.write(json.dumps({"id": f"resume-{index:07d}", "text": text}) + "\n")


if __name__ == "__main__":
    main()
