#!/usr/bin/env bash
# A career advisor's session on full O*NET with the shipped credential catalogue: run by `make demo-onet`.
# Imports ../shared/datasets/onet (or $SKILLMATCH_DATASETS/onet) and datasets/credentials into a database of its own
# ($SKILLMATCH_ONET_DB, else a file in the user's cache folder), once; later runs reuse it.
set -euo pipefail
skillmatch="${1:-skillmatch}"
root="$(cd "$(dirname "$0")/.." && pwd)"
datasets="${SKILLMATCH_DATASETS:-$root/../shared/datasets}"
db="${SKILLMATCH_ONET_DB:-${XDG_CACHE_HOME:-$HOME/.cache}/skillmatch/onet-demo.sqlite}"

if [ ! -f "$datasets/onet/Occupation Data.txt" ]; then
  echo "The O*NET walk-through needs the O*NET database text files in $datasets/onet"
  echo "(set SKILLMATCH_DATASETS to the folder that holds onet/). \`make demo\` runs on the embedded demo instead."
  exit 1
fi
if [ -t 1 ]; then bold=$'\033[1m'; plain=$'\033[0m'; else bold=""; plain=""; fi

step() {
  printf '\n%s== %s%s\n$ skillmatch %s\n\n' "$bold" "$1" "$plain" "${*:2}"
  "$skillmatch" "${@:2}" --db "$db"
}

if [ ! -f "$db" ]; then
  mkdir -p "$(dirname "$db")"
  echo "First run: importing O*NET and the credential catalogue into $db (about a minute)."
  "$skillmatch" import onet "$datasets/onet" --db "$db.part" >/dev/null
  "$skillmatch" import credentials "$root/datasets/credentials" --db "$db.part" >/dev/null
  mv "$db.part" "$db"
fi

sam="$root/datasets/demo/resumes/sam-okafor.md"
hvac="$root/Benchmarks/dev-resumes/r33.txt"
echo "The same advisor's questions on full O*NET (every occupation, its Skills, Knowledge and technologies) with the"
echo "real credential catalogue in datasets/credentials, for résumés as people write them."
step "What the catalogue holds" stats
echo
echo "Sam Okafor, a service-desk analyst with CompTIA A+ ($sam)."
step "His best-matching occupations (text relevance, titles held, fit)" match --candidate "$sam" --top 5
step "Credentials that serve his second match, as CareerOneStop's finder lists them" credentials search --job 15-1231.00 --limit 8
step "The fewest credentials that lift his fit for network support to 0.8 (his A+ is held already)" gap --candidate "$sam" --job 15-1231.00 --target 0.8
step "Which single credential next, over his top matches" next --candidate "$sam" --top 6
echo
echo "A parts-counter clerk who moved into HVAC service ($hvac)."
step "His best-matching occupations" match --candidate "$hvac" --top 5
step "The smallest set of credentials serving HVAC mechanics that closes what they can of his gap" gap --candidate "$hvac" --job 49-9021.00
step "Which credential next, within \$300" next --candidate "$hvac" --top 5 --max-cost 300
