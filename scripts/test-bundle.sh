#!/usr/bin/env bash
# Checks the bundle from scripts/make-bundle.sh on this machine as if it had no Swift: in a private mount namespace
# the toolchain (/opt/swift, or the folder of `swift`) is hidden and the system's copies of the bundled libraries
# are replaced by empty files, then the bundle imports the demo, matches, scores a batch and relates jobs.
# Needs root (unshare -m). Exit status 0 when every step gives the same output as the normal build.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(scripts/make-bundle.sh 2>/dev/null | tail -1)"
toolchain="$(dirname "$(dirname "$(readlink -f "$(command -v swift)")")")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
reference="$(swift build --show-bin-path)/skillmatch"
[ -x "$reference" ] || swift build --product skillmatch >&2
run_all() {  # $1: the skillmatch to run; output of every step on stdout
  "$1" import demo --db "$work/$2.db" >/dev/null
  "$1" match --db "$work/$2.db" --candidate dana-it-legacy --format json --no-infer
  "$1" batch --db "$work/$2.db" --candidates datasets/demo/candidates.jsonl --top 3 2>/dev/null
  "$1" similar --db "$work/$2.db" --job 15-1232.00 --format json
}
run_all "$reference" ref > "$work/reference.out"
libs="$(ls "$root/lib" | grep '\.so' | tr '\n' ' ')"
unshare -m bash -c "
  set -e
  mount -t tmpfs none '$toolchain'
  for lib in $libs; do for dir in /lib/x86_64-linux-gnu /usr/lib/x86_64-linux-gnu /lib/aarch64-linux-gnu /usr/lib/aarch64-linux-gnu; do
    [ -e \"\$dir/\$lib\" ] && mount --bind /dev/null \"\$dir/\$lib\"; done; done
  if command -v swift >/dev/null; then echo 'swift is still visible' >&2; exit 1; fi
  $(declare -f run_all); work='$work'; run_all '$root/bin/skillmatch' bundle > '$work/bundle.out'
"
if cmp -s "$work/reference.out" "$work/bundle.out"; then echo "bundle OK: same output without Swift and without the system's libraries"; else
  diff "$work/reference.out" "$work/bundle.out" | head -20; exit 1; fi
