#!/usr/bin/env bash
# Builds a self-contained Linux bundle of the skillmatch CLI: a release binary with the Swift standard library and
# Foundation linked statically, the shared libraries it still needs that are not part of glibc (SQLite, the BLAS and
# their run-time dependencies), and a launcher. It runs on a machine without Swift (for example a Spark executor).
#   scripts/make-bundle.sh [OUT_DIR]        (default dist/)  — `make bundle` runs it
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-dist}"
swift build -c release --product skillmatch --static-swift-stdlib --scratch-path .build-bundle >&2
binary="$(swift build -c release --static-swift-stdlib --scratch-path .build-bundle --show-bin-path)/skillmatch"
arch="$(uname -m)"
name="skillmatch-linux-$arch"
root="$out/$name"
rm -rf "$root"
mkdir -p "$root/bin" "$root/lib"
cp "$binary" "$root/lib/skillmatch.bin"
strip "$root/lib/skillmatch.bin" 2>/dev/null || true

# Every shared library the binary loads, by ldd, except glibc's own (the host's glibc is used: see below).
glibc='^(linux-vdso|libc\.so|libm\.so|libpthread\.so|libdl\.so|librt\.so|libresolv\.so|ld-linux)'
copy_deps() {
  ldd "$1" | awk '/=>/ { print $1, $3 }' | while read -r soname path; do
    [[ "$soname" =~ $glibc ]] && continue
    [ -e "$root/lib/$soname" ] && continue
    cp -L "$path" "$root/lib/$soname"
    copy_deps "$path"
  done
}
copy_deps "$binary"

cat > "$root/bin/skillmatch" <<'LAUNCHER'
#!/bin/sh
# Runs the bundled skillmatch with the libraries shipped beside it.
here="$(cd "$(dirname "$0")/.." && pwd)"
LD_LIBRARY_PATH="$here/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" exec "$here/lib/skillmatch.bin" "$@"
LAUNCHER
chmod +x "$root/bin/skillmatch"

# The newest glibc symbol version any shipped file needs: the oldest glibc the bundle runs on.
need="$(for f in "$root/lib"/*; do objdump -T "$f" 2>/dev/null; done | grep -o 'GLIBC_[0-9.]*' | sort -t. -k1,1 -k2,2n -k3,3n -u | tail -1)"
cat > "$root/README.txt" <<README
skillmatch, self-contained for Linux $arch.
Run bin/skillmatch (a launcher that points the loader at lib/). Needs glibc ${need#GLIBC_} or later; nothing else:
the Swift runtime and Foundation are linked in, and lib/ holds SQLite, the BLAS and their dependencies.
Built from $(git rev-parse --short HEAD 2>/dev/null || echo "an unknown commit") on $(date -u +%Y-%m-%d).
README
tar -C "$out" -czf "$out/$name.tar.gz" "$name"
echo "$out/$name.tar.gz ($(du -h "$out/$name.tar.gz" | cut -f1)); needs ${need}" >&2
echo "$root"
