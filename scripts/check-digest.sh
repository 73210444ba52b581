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
home="${OPTOUT_HOME:-$project}"
digest="${1:-$(ls -d "$home"/output/notify/preview/*/digest.html 2>/dev/null | sort | tail -n 1)}"
[[ -n "$digest" && -f "$digest" ]] || { echo "no digest to check: run scripts/run-job.sh notify notify.preview=true first" >&2; exit 2; }
digest="$(cd "$(dirname "$digest")" && pwd)/$(basename "$digest")"

if ! command -v chromium >/dev/null; then
  echo "installing Chromium (Debian package chromium)" >&2
  export DEBIAN_FRONTEND=noninteractive
  { apt-get update -qq && apt-get install -y -qq chromium; } >&2 || { echo "cannot install Chromium" >&2; exit 3; }
fi

profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
  --disable-component-update --disable-sync --hide-scrollbars --user-data-dir="$profile" --enable-logging=stderr --v=0)

dom="$(chromium "${flags[@]}" --dump-dom "file://$digest" 2>"$profile/console.log")"
screenshot="$(dirname "$digest")/screenshot.png"
chromium "${flags[@]}" --window-size=900,2700 --screenshot="$screenshot" "file://$digest" 2>>"$profile/console.log" >/dev/null

problems="$(grep -E 'CONSOLE|Uncaught|Failed to load resource|net::ERR' "$profile/console.log" || true)"
if [[ -n "$problems" ]]; then
  echo "the digest logged errors in the browser:" >&2
  echo "$problems" >&2
  exit 1
fi
grep -q '<h1>optout-batch: the night of' <<<"$dom" || { echo "the digest did not render its heading" >&2; exit 1; }
[[ -s "$screenshot" ]] || { echo "no screenshot was taken" >&2; exit 1; }
echo "rendered $digest without errors; screenshot: $screenshot"
