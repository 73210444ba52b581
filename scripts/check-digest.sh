#!/usr/bin/env bash
# Opens the digest e-mail of a night, as written by
#   scripts/run-job.sh notify run.date=<date> notify.preview=true
# in headless Chromium (Debian's chromium package; installed when missing), checks that it
# renders with no console or loading errors (nothing from the network), and takes a
# screenshot beside it (screenshot.png).
#   scripts/check-digest.sh [output/notify/preview/<run.date>/digest.html]   default: the newest
# Exit code 0 when it renders cleanly, 1 when it does not, 3 when Chromium cannot be installed.
set -euo pipefail
project="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$project/scripts/chromium.sh"
home="${OPTOUT_HOME:-$project}"
digest="${1:-$(ls -d "$home"/output/notify/preview/*/digest.html 2>/dev/null | sort | tail -n 1)}"
[[ -n "$digest" && -f "$digest" ]] || { echo "no digest to check: run scripts/run-job.sh notify notify.preview=true first" >&2; exit 2; }
check_page "$digest" "optout-batch: the night of" 900,2700 digest
