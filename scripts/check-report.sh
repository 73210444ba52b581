#!/usr/bin/env bash
# Opens a compliance report in headless Chromium (Debian's chromium package; installed when
# missing), checks that it renders with no console or loading errors, and takes a screenshot
# beside it (screenshot.png).
#   scripts/check-report.sh [output/reports/<run.date>/index.html]   default: the newest report
# Exit code 0 when it renders cleanly, 1 when it does not, 3 when Chromium cannot be installed.
set -euo pipefail
project="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
home="${OPTOUT_HOME:-$project}"
report="${1:-$(ls -d "$home"/output/reports/*/index.html 2>/dev/null | sort | tail -n 1)}"
[[ -n "$report" && -f "$report" ]] || { echo "no report to check: run scripts/nightly.sh first" >&2; exit 2; }
report="$(cd "$(dirname "$report")" && pwd)/$(basename "$report")"

if ! command -v chromium >/dev/null; then
  echo "installing Chromium (Debian package chromium)" >&2
  export DEBIAN_FRONTEND=noninteractive
  { apt-get update -qq && apt-get install -y -qq chromium; } >&2 || { echo "cannot install Chromium" >&2; exit 3; }
fi

profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
  --disable-component-update --disable-sync --hide-scrollbars --user-data-dir="$profile" --enable-logging=stderr --v=0)

dom="$(chromium "${flags[@]}" --dump-dom "file://$report" 2>"$profile/console.log")"
screenshot="$(dirname "$report")/screenshot.png"
chromium "${flags[@]}" --window-size=1280,2400 --screenshot="$screenshot" "file://$report" 2>>"$profile/console.log" >/dev/null

problems="$(grep -E 'CONSOLE|Uncaught|Failed to load resource|net::ERR' "$profile/console.log" || true)"
if [[ -n "$problems" ]]; then
  echo "the report logged errors in the browser:" >&2
  echo "$problems" >&2
  exit 1
fi
grep -q '<h1>Compliance report for' <<<"$dom" || { echo "the report did not render its heading" >&2; exit 1; }
[[ -s "$screenshot" ]] || { echo "no screenshot was taken" >&2; exit 1; }
echo "rendered $report without errors; screenshot: $screenshot"
