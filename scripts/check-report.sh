#!/usr/bin/env bash
# Opens a compliance report in headless Chromium (Debian's chromium package; installed when
# missing), checks that it renders with no console or loading errors, and takes a screenshot
# beside it (screenshot.png).
#   scripts/check-report.sh [output/reports/<run.date>/index.html]   default: the newest report
# Exit code 0 when it renders cleanly, 1 when it does not, 3 when Chromium cannot be installed.
set -euo pipefail
project="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$project/scripts/chromium.sh"
home="${OPTOUT_HOME:-$project}"
report="${1:-$(ls -d "$home"/output/reports/*/index.html 2>/dev/null | sort | tail -n 1)}"
[[ -n "$report" && -f "$report" ]] || { echo "no report to check: run scripts/nightly.sh first" >&2; exit 2; }
check_page "$report" "Compliance report for" 1280,2400 report
