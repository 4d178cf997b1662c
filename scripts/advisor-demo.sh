#!/usr/bin/env bash
# A career advisor's session on the demo catalogue: run by `make demo`.
# Uses the database given by $SKILLMATCH_DB, else the per-user default, which skillmatch creates and seeds
# with the demo catalogue (datasets/demo) on first use.
set -euo pipefail
skillmatch="${1:-skillmatch}"

if [ -t 1 ]; then bold=$'\033[1m'; plain=$'\033[0m'; else bold=""; plain=""; fi

step() {
  printf '\n%s== %s%s\n$ skillmatch %s\n\n' "$bold" "$1" "$plain" "${*:2}"
  "$skillmatch" "${@:2}"
}

echo "A career advisor sits with Dana Whitfield, a desktop-support technician whose skills date from"
echo "Windows 7 and on-premises servers. Which jobs fit now, why, and what would raise the fit?"

step "What the catalogue holds" stats
step "Dana's skills: stated, or shown by a credential she holds" show candidate dana-it-legacy
step "Her best-fitting jobs" match --candidate dana-it-legacy --top 5
step "Why the best one scores what it does, requirement by requirement" fit --candidate dana-it-legacy --job 15-1232.00
echo
echo "Lines marked \"inferred from\" use the relatedness model shipped in models/demo: a skill Dana lacks earns"
echo "partial credit (at most half) from a closely related one she has. --no-infer scores without it."
step "Jobs near hers, for a career change: what carries over and what is missing" similar --job 15-1232.00 --top 5
step "Skills the model relates to troubleshooting, learnt from the catalogue itself" similar --skill troubleshooting --top 5
step "The smallest set of credentials that closes her gap, in the order to earn them" gap --candidate dana-it-legacy --job 15-1232.00
step "Or just enough to reach a fit of 0.9, within \$1,000" gap --candidate dana-it-legacy --job 15-1232.00 --target 0.9 --max-cost 1000
step "Which single credential next, across all 39 jobs?" next --candidate dana-it-legacy --top 5
step "Credentials for one gap: endpoint management" credentials search endpoint management
step "One of them in detail" show credential microsoft-endpoint-administrator
step "Affordable cloud starting points: at most \$200" credentials search cloud --max-cost 200 --limit 5
step "The same ranking as JSON, for other tools" match --candidate dana-it-legacy --top 3 --format json
echo
echo "Another client, Sam Okafor, brings a résumé as text (datasets/demo/resumes/sam-okafor.md)."
step "The catalogue skills found in it, with where (character offsets); the equal-opportunity line is skipped" extract datasets/demo/resumes/sam-okafor.md
step "His résumé scored as it stands (skills found in text count at level 0.5)" match --candidate datasets/demo/resumes/sam-okafor.md --top 3
step "A workforce board's view: which credentials move the most of the demo pool to qualified?" gaps --job 15-1232.00 --jobs 53-7051.00,43-5071.00 --top 5
echo
echo "The same questions on full O*NET with the real credential catalogue (datasets/credentials) and text résumés:"
echo "make demo-onet (needs the O*NET files in ../shared/datasets/onet)."
